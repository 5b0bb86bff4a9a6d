"""The change bus: after a service call, views hear what changed and who changed it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from solocrm.services.changes import Changes


class ChangeBus(QObject):
    # (Changes, source object or None); a view ignores changes it made itself
    changed = Signal(object, object)

    def publish(self, changes: Changes, source: object | None = None) -> None:
        self.changed.emit(changes, source)
