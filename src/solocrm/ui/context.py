"""What every view is handed: the open database, the change bus, the runner, the clock.

Passed explicitly (never looked up through QApplication) so tests can build a
view around a temporary database and a fixed clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from solocrm.db.database import Database
from solocrm.db.models import utcnow
from solocrm.ui.bus import ChangeBus
from solocrm.ui.operations import OperationRunner


@dataclass
class AppContext:
    db: Database
    bus: ChangeBus
    runner: OperationRunner
    clock: Callable[[], datetime] = field(default=utcnow)  # naive UTC
