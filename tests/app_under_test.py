"""The real desktop app in a process of its own, driven by lines on its standard input.

    python tests/app_under_test.py DATABASE

opens DATABASE the way ``solocrm --db DATABASE`` does and answers each line:

    look-in-folder   a file dialog browses the database's folder (it lists and sniffs the files)
    touch-files      plain open() and close() of the database and its -shm file, in this process
    save NAME        a new customer typed into the customer dialog and saved

with one line on its standard output once that is done ("saved ID" for a
save).  Tests kill it (SIGKILL) where they like: nothing is shut down cleanly.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel

from solocrm.locations import AppPaths
from solocrm.ui.app import Application
from solocrm.ui.customer_dialog import CustomerDialog


def wait(milliseconds: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def look_in_folder(app: Application) -> None:
    dialog = QFileDialog(app.window, "Import", str(app.ctx.db.path.parent))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the dialog of Qt's own, in this process
    model = dialog.findChild(QFileSystemModel)
    loaded = QEventLoop()
    model.directoryLoaded.connect(lambda _path: loaded.quit())
    dialog.show()
    QTimer.singleShot(5000, loaded.quit)
    loaded.exec()
    dialog.grab()  # paints every row: icons and types are asked for now
    wait(300)
    dialog.close()
    dialog.deleteLater()


def touch_files(app: Application) -> None:
    path = app.ctx.db.path
    for name in (path, path.with_name(path.name + "-shm")):
        with open(name, "rb") as handle:
            handle.read(16)


def save(app: Application, name: str) -> int:
    dialog = CustomerDialog(app.ctx, parent=app.window)
    dialog.name.setText(name)
    finished = QEventLoop()
    dialog.finished.connect(lambda _code: finished.quit())
    dialog.save()
    finished.exec()
    return dialog.saved_id


def main(db_path: Path) -> int:
    qt_app = QApplication(sys.argv)
    app = Application(qt_app, AppPaths.default())
    if not app.open(db_path):
        return 1
    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)

    def answer() -> None:
        line = sys.stdin.readline()
        if not line:
            qt_app.quit()
            return
        command, _, argument = line.strip().partition(" ")
        if command == "look-in-folder":
            look_in_folder(app)
            print("looked", flush=True)
        elif command == "touch-files":
            touch_files(app)
            print("touched", flush=True)
        elif command == "save":
            print(f"saved {save(app, argument)}", flush=True)

    notifier.activated.connect(answer)
    print("ready", flush=True)
    return qt_app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
