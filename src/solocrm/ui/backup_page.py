"""The Backup page: set up, status, back up now, verify, restore, passphrase, rotation.

Every long job goes through ``ctx.runner``.  Restoring the open database
closes it first (the restore takes the same file lock as ``Database.open``)
and then emits ``database_replaced(path)``, after success or failure alike:
the application reopens the window on that path, restored or untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from solocrm.backup import jobs, keys, restore, scheduler, store
from solocrm.backup.container import SUFFIX, Opened
from solocrm.backup.errors import BackupError, KeyNeeded
from solocrm.errors import UserError
from solocrm.services.changes import Changes
from solocrm.translatable import QT_TRANSLATE_NOOP
from solocrm.ui.backup_dialogs import (
    ChangePassphraseDialog,
    RecoveryCodeDialog,
    SetupDialog,
    UnlockDialog,
)
from solocrm.ui.context import AppContext
from solocrm.ui.formatting import datetime_text
from solocrm.ui.layouts import centred
from solocrm.ui.messages import user_text
from solocrm.ui.modal import run_dialog
from solocrm.ui.operations import Progress, show_user_error


def size_text(n: int | None) -> str:
    if n is None:
        return "—"
    value = float(n)
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if value < 1024 or unit == "TB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return str(n)


class BackupPage(QWidget):
    # the database at this path was closed for a restore; reopen the window on it
    database_replaced = Signal(Path)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_message = ""  # the last result shown to the user (status bar or message box)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_empty())
        self.stack.addWidget(self._build_status())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        QShortcut(QKeySequence("Ctrl+Shift+B"), self, activated=self.back_up_now)
        ctx.bus.changed.connect(lambda changes, source: source is not self and changes.settings and self.refresh())
        self.refresh()

    # building --------------------------------------------------------------

    def _build_empty(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("Protect your customer file"))
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        text = QLabel(self.tr(
            "SoloCRM can back up your data automatically, encrypted, to a USB drive or a synced folder, and "
            "check every backup after writing it. If this computer is lost or a change goes wrong, you restore "
            "a backup and carry on."))
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        text.setMaximumWidth(560)
        setup = QPushButton(self.tr("Set up backups…"))
        setup.setObjectName("setupBackups")
        setup.setMinimumHeight(40)
        setup.clicked.connect(self.set_up)
        from_file = QPushButton(self.tr("Restore from a backup…"))
        from_file.setObjectName("restoreFromFileEmpty")
        from_file.clicked.connect(self.restore_from_file)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(centred(text))
        for widget in (setup, from_file):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    def _build_status(self) -> QWidget:
        body = QWidget()
        column = QVBoxLayout(body)

        summary = QGroupBox(self.tr("Status"))
        form = QFormLayout(summary)
        self.last_good = QLabel()
        self.last_good.setObjectName("lastGood")
        self.next_run = QLabel()
        self.next_run.setObjectName("nextRun")
        self.destination = QLabel()
        self.destination.setObjectName("destination")
        self.destination.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_state = QLabel()
        self.key_state.setObjectName("keyState")
        self.key_state.setWordWrap(True)
        form.addRow(self.tr("Last good backup:"), self.last_good)
        form.addRow(self.tr("Next backup:"), self.next_run)
        form.addRow(self.tr("Folder:"), self.destination)
        form.addRow(self.tr("Key:"), self.key_state)

        actions = QHBoxLayout()
        self.now_button = QPushButton(self.tr("Back up now"))
        self.now_button.setObjectName("backUpNow")
        self.now_button.setToolTip(self.tr("Ctrl+Shift+B"))
        self.now_button.clicked.connect(self.back_up_now)
        verify_all = QPushButton(self.tr("Verify all"))
        verify_all.setObjectName("verifyAll")
        verify_all.clicked.connect(self.verify_all)
        from_file = QPushButton(self.tr("Restore from file…"))
        from_file.setObjectName("restoreFromFile")
        from_file.clicked.connect(self.restore_from_file)
        passphrase = QPushButton(self.tr("Change passphrase…"))
        passphrase.clicked.connect(self.change_passphrase)
        settings = QPushButton(self.tr("Change folder or schedule…"))
        settings.clicked.connect(self.set_up)
        for button in (self.now_button, verify_all, from_file, passphrase, settings):
            actions.addWidget(button)
        actions.addStretch(1)

        files_box = QGroupBox(self.tr("Backups"))
        files_layout = QVBoxLayout(files_box)
        self.files = QTableWidget(0, 4)
        self.files.setObjectName("backupFiles")
        self.files.setHorizontalHeaderLabels([self.tr("Made"), self.tr("File"), self.tr("Size"), self.tr("State")])
        self._table_defaults(self.files)
        self.files.doubleClicked.connect(lambda _index: self.restore_selected())
        self.files_empty = QLabel()
        row = QHBoxLayout()
        verify_one = QPushButton(self.tr("Verify"))
        verify_one.setObjectName("verifySelected")
        verify_one.clicked.connect(self.verify_selected)
        restore_one = QPushButton(self.tr("Restore…"))
        restore_one.setObjectName("restoreSelected")
        restore_one.clicked.connect(self.restore_selected)
        row.addWidget(verify_one)
        row.addWidget(restore_one)
        row.addStretch(1)
        files_layout.addWidget(self.files)
        files_layout.addWidget(self.files_empty)
        files_layout.addLayout(row)

        history_box = QGroupBox(self.tr("History"))
        history_layout = QVBoxLayout(history_box)
        self.history = QTableWidget(0, 4)
        self.history.setObjectName("backupHistory")
        self.history.setHorizontalHeaderLabels([self.tr("When"), self.tr("Started by"), self.tr("Result"),
                                                self.tr("Details")])
        self._table_defaults(self.history)
        history_layout.addWidget(self.history)

        rotation_box = QGroupBox(self.tr("Which backups are kept"))
        self.rotation = QLabel()
        self.rotation.setObjectName("rotation")
        self.rotation.setWordWrap(True)
        QVBoxLayout(rotation_box).addWidget(self.rotation)

        column.addWidget(summary)
        column.addLayout(actions)
        column.addWidget(files_box, 2)
        column.addWidget(history_box, 2)
        column.addWidget(rotation_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        return scroll

    @staticmethod
    def _table_defaults(table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setMinimumHeight(140)

    # showing ---------------------------------------------------------------

    @property
    def config(self) -> store.BackupConfig | None:
        return store.load_config(self.ctx.db)

    def _now(self) -> datetime:
        return self.ctx.clock()

    def age_text(self, then: datetime) -> str:
        minutes = int((self._now() - then).total_seconds() // 60)
        if minutes < 2:
            return self.tr("just now")
        if minutes < 120:
            return self.tr("%1 minutes ago").replace("%1", str(minutes))
        if minutes < 48 * 60:
            return self.tr("%1 hours ago").replace("%1", str(minutes // 60))
        return self.tr("%1 days ago").replace("%1", str(minutes // (24 * 60)))

    def refresh(self) -> None:
        config = self.config
        self.stack.setCurrentIndex(0 if config is None else 1)
        if config is None:
            return
        now = self._now()
        runs = store.history(self.ctx.db)
        good = scheduler.last_good(runs)
        if good is None:
            self.last_good.setText(self.tr("none yet"))
        else:
            text = self.tr("%1 (%2)").replace("%1", datetime_text(good.started_at)).replace(
                "%2", self.age_text(good.started_at))
            if good.outcome == "unverified":
                text += " — " + self.tr("not yet verified")
            self.last_good.setText(text)
        decision = scheduler.decide(config.schedule, now.replace(tzinfo=UTC), _local_zone(),
                                    last_attempt=_aware(scheduler.last_attempt(runs)),
                                    consecutive_failures=scheduler.consecutive_failures(runs))
        if decision.next_check is None:
            self.next_run.setText(self.tr("only when you click Back up now"))
        else:
            when = decision.next_check.astimezone(UTC).replace(tzinfo=None)
            self.next_run.setText(self.tr("due now") if decision.run_now else datetime_text(when))
        free = jobs.free_space(config.folder)
        self.destination.setText(
            f"{config.folder} — " + (self.tr("%1 free").replace("%1", size_text(free)) if free is not None
                                     else self.tr("not available: connect the drive")))
        status = keys.keyring_status()
        if keys.load_from_keyring(config.recipient):
            self.key_state.setText(self.tr("Kept in this computer's keyring: backups are verified right after "
                                           "they are written."))
        elif status.usable:
            self.key_state.setText(self.tr("Not in the keyring on this computer. Backups still run; verify "
                                           "them with your passphrase."))
        else:
            self.key_state.setText(self.tr(
                "This computer has no secure keyring, so the key is not kept here. Backups still run and are "
                "marked “not yet verified” until you enter your passphrase (Verify all)."))
        self._fill_files(config)
        self._fill_history(runs)
        p = config.policy
        self.rotation.setText(self.tr(
            "Keeps the last %1, one a day for %2 days, one a week for %3 weeks, one a month for %4 months and "
            "one a year for %5 years. Pinned, unverified and damaged backups, and the newest good one, are "
            "never deleted.").replace("%1", str(p.last)).replace("%2", str(p.daily)).replace(
            "%3", str(p.weekly)).replace("%4", str(p.monthly)).replace("%5", str(p.yearly)))

    def _fill_files(self, config: store.BackupConfig) -> None:
        listed = jobs.list_backups(self.ctx.db, config.folder) if config.folder.is_dir() else []
        states = {"verified": self.tr("Verified"), "not yet verified": self.tr("Not yet verified"),
                  "quarantined": self.tr("Damaged"), "not checked here": self.tr("Not checked here")}
        self.files.setRowCount(len(listed))
        for row, item in enumerate(listed):
            made = datetime_text(item.record.created_at) if item.record else "—"
            state = states[item.state]
            if item.record and item.record.pinned:
                state += " · " + self.tr("pinned")
            cells = (made, item.path.name, size_text(item.size), state)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, str(item.path))
                if item.record and item.record.problem and column == 3:
                    cell.setToolTip(item.record.problem)
                self.files.setItem(row, column, cell)
        if not config.folder.is_dir():
            self.files_empty.setText(self.tr("The backup folder is not available. Connect the drive to see and "
                                             "check its backups."))
        else:
            self.files_empty.setText(self.tr("No backups yet. Click Back up now to make the first one."))
        self.files_empty.setVisible(not listed)

    def _fill_history(self, runs: list[store.RunRecord]) -> None:
        triggers = {"manual": self.tr("You"), "scheduled": self.tr("Schedule"), "catch-up": self.tr("Catch-up"),
                    "timer": self.tr("OS timer"), "cli": self.tr("Command line"), "restore": self.tr("Restore"),
                    "setup": self.tr("Setup")}
        outcomes = {"succeeded": self.tr("Succeeded"), "unverified": self.tr("Written, not yet verified"),
                    "skipped": self.tr("Skipped"), "failed": self.tr("Failed"), "setup": self.tr("Set up")}
        self.history.setRowCount(len(runs))
        for row, run in enumerate(runs):
            cells = (datetime_text(run.started_at), triggers.get(run.trigger, run.trigger),
                     outcomes.get(run.outcome, run.outcome), user_text(run.reason))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if run.outcome == "failed":
                    cell.setForeground(Qt.GlobalColor.darkRed)
                self.history.setItem(row, column, cell)

    def _changed(self) -> None:
        self.refresh()
        self.ctx.bus.publish(Changes(settings=True), self)

    # setting up ------------------------------------------------------------

    def set_up(self) -> None:
        config = self.config
        default = config.folder if config else Path.home() / "SoloCRM backups"
        status = keys.keyring_status()
        note = (self.tr("Your key will be kept in this computer's keyring, so backups are verified automatically.")
                if status.usable else self.tr(
                    "This computer has no secure keyring: backups will still run, and are verified when you "
                    "enter the passphrase."))
        dialog = SetupDialog(default, note, self)
        if config is not None:
            dialog.schedule.set_schedule(config.schedule)
        if not run_dialog(dialog) or dialog.choice is None:
            return
        choice = dialog.choice

        def work(_progress: Progress) -> jobs.SetupResult:
            return jobs.set_up(self.ctx.db, choice.folder, choice.passphrase, schedule=choice.schedule,
                               clock=self.ctx.clock, accept_weak=choice.accept_weak)

        def done(result: jobs.SetupResult) -> None:
            run_dialog(RecoveryCodeDialog(result.recovery_code, self))
            self._changed()

        self.ctx.runner.run(work, write=True, parent=self, label=self.tr("Making your backup key…"),
                            on_success=done)

    def change_passphrase(self) -> None:
        dialog = ChangePassphraseDialog(self)
        if not run_dialog(dialog):
            return
        old, new = dialog.old.text(), dialog.new.value() or ""
        # the dialog accepts a weak passphrase only once the user confirmed it
        self.ctx.runner.run(lambda _p: jobs.change_passphrase(self.ctx.db, old, new, accept_weak=True), write=True,
                            parent=self,
                            label=self.tr("Changing the passphrase…"),
                            on_success=lambda _r: QMessageBox.information(
                                self, self.tr("Passphrase changed"),
                                self.tr("The new passphrase now protects your backup key.")))

    # backing up ------------------------------------------------------------

    def back_up_now(self) -> None:
        if self.config is None:
            self.set_up()
            return
        self.now_button.setEnabled(False)
        label = self.tr("Backing up…")

        def work(progress: Progress) -> jobs.CreateResult:
            return jobs.create(self.ctx.db, trigger="manual", force=True, clock=self.ctx.clock,
                               progress=lambda done, total: progress.report(done, total, label),
                               notice=lambda message: progress.report(0, 0, user_text(message)))

        def done(result: jobs.CreateResult) -> None:
            self.now_button.setEnabled(True)
            self._changed()
            if result.outcome == "unverified":
                text = self.tr("The backup was written but not yet verified: the key is not on this computer. "
                               "Click Verify all and enter your passphrase.")
            else:
                text = self.tr("Backup written and verified: %1").replace("%1", result.path.name)
            self.last_message = text
            window = self.window()
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(text, 15000)

        def failed(exc: BaseException) -> None:
            self.now_button.setEnabled(True)
            self._changed()
            if not isinstance(exc, UserError):
                raise exc
            show_user_error(self, exc)

        self.ctx.runner.run(work, write=True, parent=self, label=label, cancellable=True, on_success=done,
                            on_failure=failed)

    # keys for verify and restore -------------------------------------------

    def _with_keys(self, files: list[Path], then: Callable[[list[str]], None]) -> None:
        """Call ``then`` with the private keys that open ``files``, asking for the passphrase if needed."""
        config = self.config
        have = jobs.identities(config)
        try:
            missing = any(jobs.needed_key(f, have) for f in files)
        except (BackupError, OSError):
            missing = False  # the file is the problem: verify or restore will say what
        if not missing:
            then(have)
            return
        answer = UnlockDialog.ask(self.tr("Your backup key is not on this computer. Enter the backup "
                                          "passphrase, or the recovery code you wrote down."), self)
        if answer is None:
            return
        folders = [f.parent for f in files] + ([config.folder] if config else [])
        folder = next((f for f in folders if keys.keys_file(f).exists()), None)

        def work(_progress: Progress) -> list[str]:
            if answer.recovery_code:
                return have + jobs.identities(None, recovery_code=answer.recovery_code)
            if folder is None:
                raise KeyNeeded(QT_TRANSLATE_NOOP("errors", "There is no key file (solocrm-keys.age) beside this "
                                                            "backup. Use the recovery code instead."))
            return have + jobs.unlock_for(files, folder, answer.passphrase)

        self.ctx.runner.run(work, parent=self, label=self.tr("Unlocking…"), on_success=then)

    # verifying -------------------------------------------------------------

    def _selected_file(self) -> Path | None:
        row = self.files.currentRow()
        item = self.files.item(row, 0) if row >= 0 else None
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def verify_selected(self) -> None:
        path = self._selected_file()
        if path is not None:
            self.verify([path])

    def verify_all(self) -> None:
        config = self.config
        if config is not None:
            self.verify(sorted(config.folder.glob("*" + SUFFIX)))

    def verify(self, files: list[Path]) -> None:
        if not files:
            return

        def work_with(have: list[str]) -> None:
            def work(progress: Progress) -> list[tuple[Path, str | None]]:
                results = []
                for i, path in enumerate(files):
                    progress.report(i, len(files), self.tr("Verifying %1…").replace("%1", path.name))
                    try:
                        jobs.verify_file(path, have, self.ctx.db, clock=self.ctx.clock)
                        results.append((path, None))
                    except BackupError as exc:
                        results.append((path, user_text(exc)))
                return results

            self.ctx.runner.run(work, write=True, parent=self, label=self.tr("Verifying…"), cancellable=True,
                                on_success=self._show_verify_results)

        self._with_keys(files, work_with)

    def _show_verify_results(self, results: list[tuple[Path, str | None]]) -> None:
        self._changed()
        bad = [(p, why) for p, why in results if why]
        lines = [("✔ " if why is None else "✘ ") + p.name + ("" if why is None else f" — {why}")
                 for p, why in results]
        title = self.tr("All backups verified") if not bad else self.tr("Some backups failed verification")
        self.last_message = "\n".join(lines)
        box = QMessageBox.information if not bad else QMessageBox.warning
        box(self, title, self.last_message)

    # restoring -------------------------------------------------------------

    def restore_selected(self) -> None:
        path = self._selected_file()
        if path is not None:
            self.restore_file(path)

    def restore_from_file(self) -> None:
        config = self.config
        start = str(config.folder) if config else str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Restore from a backup"), start,
                                                    self.tr("SoloCRM backups (*.crmbak);;All files (*)"))
        if name:
            self.restore_file(Path(name))

    def restore_file(self, path: Path) -> None:
        """Check ``path`` completely, show what it holds, and restore it over this database when confirmed."""

        def preview(have: list[str]) -> None:
            self.ctx.runner.run(lambda _p: jobs.verify_file(path, have), parent=self,
                                label=self.tr("Checking the backup…"),
                                on_success=lambda opened: self._confirm_restore(path, have, opened))

        self._with_keys([path], preview)

    def _confirm_restore(self, path: Path, have: list[str], opened: Opened) -> None:
        m = opened.manifest
        made = jobs.parse_iso(m.created_at)
        names = {"customer": self.tr("customers"), "order": self.tr("orders"),
                 "interaction": self.tr("interactions"), "task": self.tr("tasks"),
                 "survey_response": self.tr("survey answers")}
        counts = "\n".join(f"  {m.row_counts.get(t, 0)} {label}" for t, label in names.items())
        text = self.tr("This backup was made %1 by SoloCRM %2 and holds:\n%3\n\nRestoring replaces everything "
                       "in %4 with it. A safety backup of the current data is taken first, so you can undo "
                       "this.").replace("%1", datetime_text(made)).replace("%2", m.app_version).replace(
            "%3", counts).replace("%4", self.ctx.db.path.name)
        answer = QMessageBox.question(self, self.tr("Restore this backup?"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self._restore(path, have)

    def _restore(self, path: Path, have: list[str]) -> None:
        db_path = self.ctx.db.path
        label = self.tr("Restoring…")
        self.ctx.runner.wait()
        self.ctx.db.close()

        def work(progress: Progress) -> restore.RestoreResult:
            return restore.restore(path, db_path, have,
                                   progress=lambda done, total: progress.report(done, total, label),
                                   notice=lambda message: progress.report(0, 0, user_text(message)))

        def done(result: restore.RestoreResult) -> None:
            note = self.tr("Restored. The data you had before is kept as a pinned safety backup: %1").replace(
                "%1", result.safety_backup.name if result.safety_backup else str(result.kept_aside))
            QMessageBox.information(self, self.tr("Restore complete"), note)
            self.database_replaced.emit(db_path)

        def failed(exc: BaseException) -> None:
            self.database_replaced.emit(db_path)  # unchanged, but it was closed: reopen it
            if not isinstance(exc, UserError):
                raise exc
            show_user_error(self, exc)

        self.ctx.runner.run(work, write=True, parent=self, label=label, on_success=done, on_failure=failed)


def _local_zone():
    return datetime.now(UTC).astimezone().tzinfo


def _aware(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=UTC) if value is not None else None
