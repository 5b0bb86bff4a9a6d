"""``SOLOCRM_TOUR=1``: the app walks through itself once and quits, for the quit test.

It opens every page of the navigation and a customer's page, clicks every
button on each, triggers every menu command but Quit, and closes each dialog
that opens (as Esc would), then quits through File → Quit.  So a new page,
button or dialog is in the tour without anyone adding it.  Every dialog closed
is printed as ``tour: closed ClassName``, every dialog still alive in the
window at the end as ``tour: left behind ClassName``, then ``tour: done``.

It changes data (a button may add a task), so run it on a copy only.  Folders
and links the buttons would open go nowhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QMenu,
    QProgressDialog,
    QPushButton,
    QWidget,
)

if TYPE_CHECKING:
    from solocrm.ui.main_window import MainWindow

ENV = "SOLOCRM_TOUR"
CLOSE_EVERY_MS = 50
URL_SCHEMES = ("file", "http", "https", "mailto")


class Tour(QObject):
    """Runs the steps one per event-loop turn; a timer closes whatever dialog a step opened."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._steps: Iterator[Callable[[], None]] = self._plan()
        self._closer = QTimer(self, interval=CLOSE_EVERY_MS)
        self._closer.timeout.connect(self._close_dialogs)
        for scheme in URL_SCHEMES:
            QDesktopServices.setUrlHandler(scheme, self, "ignore_url")

    @Slot("QUrl")
    def ignore_url(self, _url: object) -> None:
        """Where the folders and links the buttons open go."""

    def start(self) -> None:
        self._closer.start()
        QTimer.singleShot(0, self._next)

    def _next(self) -> None:
        step = next(self._steps, None)
        if step is None:
            self._closer.stop()
            for scheme in URL_SCHEMES:
                QDesktopServices.unsetUrlHandler(scheme)
            for dialog in self.window.findChildren(QDialog):  # a closed dialog must not live on in the window
                print(f"tour: left behind {type(dialog).__name__}", flush=True)
            print("tour: done", flush=True)
            self.window.findChild(QAction, "quit").trigger()
            return
        step()
        QTimer.singleShot(0, self._next)

    def _plan(self) -> Iterator[Callable[[], None]]:
        window = self.window
        for row in range(window.nav.count()):
            yield lambda row=row: window.nav.setCurrentRow(row)
            yield from self._buttons_of(window.pages.currentWidget())
        yield self._open_a_customer
        yield from self._buttons_of(window.pages.currentWidget())
        for menu in window.menuBar().findChildren(QMenu):
            for action in menu.actions():
                if action.objectName() != "quit" and not action.isSeparator() and action.menu() is None:
                    yield action.trigger
        yield window.ctx.runner.wait  # the answers arrive next turn and put their progress dialogs away
        yield lambda: None  # and those are deleted on the turn after

    @staticmethod
    def _buttons_of(page: QWidget) -> Iterator[Callable[[], None]]:
        """A step per button ``page`` shows and per command in a button's menu; buttons are looked up
        when their turn comes, as a click may rebuild part of the page."""

        def shown() -> list[QAbstractButton]:
            return [b for b in page.findChildren(QAbstractButton) if b.isVisibleTo(page)]

        def click(index: int) -> None:
            buttons = shown()
            if index < len(buttons) and buttons[index].isEnabled():
                buttons[index].click()

        for index, button in enumerate(shown()):
            yield lambda index=index: click(index)
            menu = button.menu() if isinstance(button, QPushButton) else None
            for action in menu.actions() if menu is not None else ():
                yield action.trigger

    def _open_a_customer(self) -> None:
        ids = self.window.customers.model.ids
        if ids:
            self.window.open_customer(ids[0])

    def _close_dialogs(self) -> None:
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        dialog = QApplication.activeModalWidget()
        if dialog is not None and not isinstance(dialog, QProgressDialog):  # work in progress finishes
            print(f"tour: closed {type(dialog).__name__}", flush=True)
            dialog.reject() if hasattr(dialog, "reject") else dialog.close()


def start(window: MainWindow) -> None:
    """Begin the tour of ``window`` once the event loop runs."""
    Tour(window).start()
