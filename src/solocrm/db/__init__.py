"""Storage: models, engine and session factory, migrations.

Importing this package makes SQLite's locks in this process ones that no other
file descriptor can drop (``locks.install``): it has to happen before the
first connection, and every code path to the database comes through here.
"""

from solocrm.db import locks

locks.install()
