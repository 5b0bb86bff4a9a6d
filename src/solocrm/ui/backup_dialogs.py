"""Dialogs of the Backup page: setup, the recovery code, unlocking a key, changing the passphrase."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from solocrm.backup import keys, strength
from solocrm.backup.store import Schedule
from solocrm.ui.messages import user_text
from solocrm.ui.modal import run_dialog

STRENGTH_COLOURS = ("#c0392b", "#d35400", "#b7950b", "#27ae60", "#1e8449")


class PassphraseFields(QWidget):
    """A new passphrase typed twice, with its strength shown as the user types."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = QLineEdit()
        self.first.setObjectName("newPassphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setObjectName("repeatPassphrase")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setFixedHeight(6)
        self.verdict = QLabel()
        self.verdict.setObjectName("passphraseStrength")
        self.explained = QLabel(self.tr(
            "Strength is how many guesses someone holding your backup folder would need, in bits: each bit doubles "
            "them. Common passwords, names, dates, keyboard patterns and set phrases count for little; unrelated "
            "words or a sentence of your own, in any language, count for much more."))
        self.explained.setObjectName("strengthExplained")
        self.explained.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Passphrase:"), self.first)
        form.addRow("", self.meter)
        form.addRow("", self.verdict)
        form.addRow("", self.explained)
        form.addRow(self.tr("Repeat it:"), self.second)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()
        strength.warm_up()

    def _update(self) -> None:
        text = self.first.text()
        found = strength.estimate(text)
        words = (self.tr("very weak"), self.tr("weak"), self.tr("fair"), self.tr("strong"), self.tr("very strong"))
        self.meter.setValue(found.score)
        self.meter.setStyleSheet(f"QProgressBar::chunk {{ background: {STRENGTH_COLOURS[found.score]}; }}")
        verdict = self.tr("Strength: %1 (about %2 bits; %3 or more recommended)").replace(
            "%1", words[found.score]).replace("%2", str(round(found.bits))).replace("%3", str(strength.ENOUGH_BITS))
        if not text:
            verdict = self.tr("Four or more unrelated words, or a sentence of your own in any language.")
        if self.second.text() and self.second.text() != text:
            verdict += " — " + self.tr("the two entries differ")
        self.verdict.setText(verdict)

    def value(self) -> str | None:
        """The passphrase when both entries agree and it is not empty, else None."""
        text = self.first.text()
        return text if text.strip() and text == self.second.text() else None

    def confirm_if_weak(self) -> bool:
        """True when the passphrase is strong enough, or the user chose to keep a weak one after the warning."""
        warning = keys.weak_passphrase(self.first.text())
        if warning is None:
            return True
        answer = QMessageBox.warning(
            self, self.tr("Weak passphrase"), user_text(warning) + "\n\n" + self.tr("Use this passphrase anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes


@dataclass(frozen=True)
class SetupChoice:
    folder: Path
    schedule: Schedule
    passphrase: str
    accept_weak: bool = False  # the user kept a weak passphrase after the warning


class ScheduleFields(QWidget):
    def __init__(self, schedule: Schedule, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setObjectName("scheduleKind")
        for value, text in (("hourly", self.tr("Every hour")), ("daily", self.tr("Every day")),
                            ("weekly", self.tr("Every week")), ("off", self.tr("Only when I click Back up now"))):
            self.kind.addItem(text, value)
        self.weekday = QComboBox()
        for day in (self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
                    self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday")):
            self.weekday.addItem(day)
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.kind)
        row.addWidget(self.weekday)
        self.at_label = QLabel(self.tr("at"))
        row.addWidget(self.at_label)
        row.addWidget(self.time)
        row.addStretch(1)
        self.kind.currentIndexChanged.connect(self._update)
        self.set_schedule(schedule)

    def set_schedule(self, schedule: Schedule) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(schedule.kind), 0))
        self.weekday.setCurrentIndex(schedule.weekday)
        hours, minutes = schedule.at.split(":")
        self.time.setTime(QTime(int(hours), int(minutes)))
        self._update()

    def _update(self) -> None:
        kind = self.kind.currentData()
        self.weekday.setVisible(kind == "weekly")
        self.time.setVisible(kind in ("daily", "weekly"))
        self.at_label.setVisible(kind in ("daily", "weekly"))

    def schedule(self) -> Schedule:
        return Schedule(self.kind.currentData(), self.time.time().toString("HH:mm"), self.weekday.currentIndex())


class SetupDialog(QDialog):
    """First run: where, how often, and the passphrase that protects the key for a new computer."""

    def __init__(self, default_folder: Path, keyring_note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up backups"))
        self.setMinimumWidth(560)
        intro = QLabel(self.tr(
            "Backups are encrypted: only your key opens them. Choose a folder on a USB drive or a synced "
            "cloud folder, so a backup survives if this computer is lost."))
        intro.setWordWrap(True)
        self.folder = QLineEdit(str(default_folder))
        self.folder.setObjectName("backupFolder")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.schedule = ScheduleFields(Schedule())
        self.passphrase = PassphraseFields()
        note = QLabel(keyring_note)
        note.setObjectName("keyringNote")
        note.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("setupError")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Backup folder:"), folder_row)
        form.addRow(self.tr("Back up:"), self.schedule)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Set up backups"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("A passphrase protects your key, so you can restore on a new computer:")))
        layout.addWidget(self.passphrase)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.choice: SetupChoice | None = None

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _accept(self) -> None:
        if not self.folder.text().strip():
            self.error.setText(self.tr("Choose a folder for the backups."))
            return
        passphrase = self.passphrase.value()
        if passphrase is None:
            self.error.setText(self.tr("Enter the same passphrase twice."))
            return
        if not self.passphrase.confirm_if_weak():
            return
        self.choice = SetupChoice(Path(self.folder.text().strip()).expanduser(), self.schedule.schedule(), passphrase,
                                  keys.weak_passphrase(passphrase) is not None)
        self.accept()


class RecoveryCodeDialog(QDialog):
    """Show the recovery code and make sure it was written down: the last group must be typed back."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your recovery code"))
        self.code = code
        explain = QLabel(self.tr(
            "Write this code on paper and keep it somewhere safe. With it and a backup file you can restore "
            "everything on any computer, even if you forget your passphrase. Anyone who has it can read your "
            "backups, so do not store it next to them."))
        explain.setWordWrap(True)
        shown = QLabel(code)
        shown.setObjectName("recoveryCode")
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        shown.setFont(font)
        shown.setWordWrap(True)
        shown.setStyleSheet("padding: 12px; border: 1px solid palette(mid); border-radius: 6px;")
        copy = QPushButton(self.tr("Copy"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(code))
        self.confirm = QLineEdit()
        self.confirm.setObjectName("confirmCode")
        self.confirm.setPlaceholderText(self.tr("the last group of the code"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("I wrote it down"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.confirm.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(shown)
        layout.addWidget(copy, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(QLabel(self.tr("To confirm, type the last group of the code:")))
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)

    def _check(self, text: str) -> None:
        last = self.code.split()[-1]
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(text.strip().upper() == last)

    def reject(self) -> None:
        return


@dataclass(frozen=True)
class Unlock:
    passphrase: str | None = None
    recovery_code: str | None = None


class UnlockDialog(QDialog):
    """Ask for the passphrase (or the recovery code) when the key is not in the keyring."""

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unlock backups"))
        text = QLabel(reason)
        text.setWordWrap(True)
        self.use_passphrase = QRadioButton(self.tr("Passphrase"))
        self.use_passphrase.setChecked(True)
        self.use_code = QRadioButton(self.tr("Recovery code"))
        self.secret = QLineEdit()
        self.secret.setObjectName("unlockSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.use_code.toggled.connect(lambda on: self.secret.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        choice = QHBoxLayout()
        choice.addWidget(self.use_passphrase)
        choice.addWidget(self.use_code)
        choice.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(choice)
        layout.addWidget(self.secret)
        layout.addWidget(buttons)

    def result_value(self) -> Unlock:
        if self.use_code.isChecked():
            return Unlock(recovery_code=self.secret.text())
        return Unlock(passphrase=self.secret.text())

    @classmethod
    def ask(cls, reason: str, parent: QWidget | None = None) -> Unlock | None:
        dialog = cls(reason, parent)
        return dialog.result_value() if run_dialog(dialog) == QDialog.DialogCode.Accepted else None


class ChangePassphraseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change passphrase"))
        self.old = QLineEdit()
        self.old.setObjectName("oldPassphrase")
        self.old.setEchoMode(QLineEdit.EchoMode.Password)
        self.new = PassphraseFields()
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        note = QLabel(self.tr("Only the key file beside your backups is rewritten; the backups stay as they are."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Current passphrase:"), self.old)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.new)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if self.new.value() is None:
            self.error.setText(self.tr("Enter the same new passphrase twice."))
            return
        if not self.new.confirm_if_weak():
            return
        self.accept()
