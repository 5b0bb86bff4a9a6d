"""The first screen of an empty database: what a new user can do next."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from solocrm.ui.layouts import centred


class WelcomePage(QWidget):
    add_customer = Signal()
    explore_demo = Signal()
    import_file = Signal()
    restore_backup = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Welcome to SoloCRM"))
        title.setObjectName("welcomeTitle")
        title.setStyleSheet("font-size: 22pt; font-weight: 600;")
        text = QLabel(self.tr(
            "Keep every customer in one place, get reminded when to follow up, and see who is "
            "worth your time. Everything stays on this computer."
        ))
        text.setWordWrap(True)
        text.setMaximumWidth(520)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        add = QPushButton(self.tr("Add your first customer"))
        add.setObjectName("welcomeAdd")
        add.setDefault(True)
        add.setMinimumHeight(40)
        add.clicked.connect(self.add_customer)
        self.setFocusProxy(add)
        import_button = QPushButton(self.tr("Import customers from a file"))
        import_button.setObjectName("welcomeImport")
        import_button.setMinimumHeight(40)
        import_button.setToolTip(self.tr("Excel, CSV, your phone's contacts (vCard) or a cash register export."))
        import_button.clicked.connect(self.import_file)
        demo = QPushButton(self.tr("Explore with demo data"))
        demo.setObjectName("welcomeDemo")
        demo.setMinimumHeight(40)
        demo.setToolTip(self.tr("Opens a separate demo database; your own data is not touched."))
        demo.clicked.connect(self.explore_demo)
        restore = QPushButton(self.tr("Restore from a backup…"))
        restore.setObjectName("welcomeRestore")
        restore.setMinimumHeight(40)
        restore.setToolTip(self.tr("Moving to a new computer? Open a .crmbak file with your passphrase or "
                                   "recovery code."))
        restore.clicked.connect(self.restore_backup)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(centred(text))
        layout.addSpacing(24)
        for button in (add, import_button, demo, restore):
            button.setMinimumWidth(280)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
