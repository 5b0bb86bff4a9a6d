"""SQLite's file locks, made so that nothing else in the process can drop them (Linux).

Why this exists.  SQLite's unix VFS coordinates processes with POSIX advisory
locks (``fcntl(F_SETLK)``): on the database file (a SHARED lock that every
connection in WAL mode holds for as long as it is open) and on the ``-shm``
file (the WAL's reader marks, the writer and checkpointer locks, and the
"dead man switch" byte that tells a newcomer whether anyone else has the
database open).  POSIX locks belong to the pair (process, file): closing *any*
descriptor the process holds on the file releases *all* the process's locks
on it.  SQLite guards its own descriptors against this (it keeps them open
until its locks are gone) but cannot know about anybody else's.  A Qt file
dialog in the database's folder is enough: ``QMimeDatabase`` opens files whose
names do not say their type (``-shm``, ``shop.db``) to sniff their first bytes,
and closes them.  From then on the app holds no lock it believes it holds;
the next process to open the database (a scheduled ``backup create``) finds
itself alone, checkpoints and deletes the app's ``-wal``, and every later
save goes into a file nobody can see.

The fix, at the root: open file description (OFD) locks, Linux 3.15 and
later.  They conflict with POSIX locks exactly as POSIX locks do with each
other (so every other SQLite program still coordinates with us), but belong
to the open file description that took them: only SQLite's own descriptors
hold them, and closing someone else's descriptor drops nothing.  SQLite lets
an application replace the system calls its unix VFS makes
(``sqlite3_vfs.xSetSystemCall``, which SQLite's own test suite uses to
inject faults); ``install`` replaces ``fcntl`` with a function that turns the
three record-lock commands into their OFD twins and leaves every other call
as it was.  The unix VFS shares the lock of one file among the process's
connections (each counting on the same process-wide lock) and keeps a
closing connection's descriptor open while others still count on its lock,
so taking each lock on the descriptor SQLite passes keeps its bookkeeping
true.

Elsewhere this is a no-op: Windows locks belong to a handle already; macOS
has no OFD locks (its file dialogs run their previews out of process).
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
import tempfile
import threading

log = logging.getLogger(__name__)

F_GETLK, F_SETLK, F_SETLKW = 5, 6, 7
F_OFD_GETLK, F_OFD_SETLK, F_OFD_SETLKW = 36, 37, 38
_OFD_TWIN = {F_GETLK: F_OFD_GETLK, F_SETLK: F_OFD_SETLK, F_SETLKW: F_OFD_SETLKW}

# fcntl is variadic; SQLite always passes one pointer-sized argument, which the 64-bit Linux
# calling conventions hand over in the same register whether or not the callee is variadic.
_FCNTL = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_void_p, use_errno=True)


class _Flock(ctypes.Structure):
    """``struct flock`` on 64-bit Linux (x86_64, aarch64, riscv64, ppc64le, s390x)."""

    _fields_ = [("l_type", ctypes.c_short), ("l_whence", ctypes.c_short), ("l_start", ctypes.c_int64),
                ("l_len", ctypes.c_int64), ("l_pid", ctypes.c_int32)]


class _Vfs(ctypes.Structure):
    pass


_SET_SYSCALL = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(_Vfs), ctypes.c_char_p, ctypes.c_void_p)
_GET_SYSCALL = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.POINTER(_Vfs), ctypes.c_char_p)
_Vfs._fields_ = [
    ("iVersion", ctypes.c_int), ("szOsFile", ctypes.c_int), ("mxPathname", ctypes.c_int),
    ("pNext", ctypes.c_void_p), ("zName", ctypes.c_char_p), ("pAppData", ctypes.c_void_p),
    *[(name, ctypes.c_void_p) for name in (
        "xOpen", "xDelete", "xAccess", "xFullPathname", "xDlOpen", "xDlError", "xDlSym", "xDlClose",
        "xRandomness", "xSleep", "xCurrentTime", "xGetLastError", "xCurrentTimeInt64")],
    ("xSetSystemCall", _SET_SYSCALL), ("xGetSystemCall", _GET_SYSCALL), ("xNextSystemCall", ctypes.c_void_p),
]

_install_lock = threading.Lock()
_installed: bool | None = None  # None: not tried yet


def install() -> bool:
    """Make SQLite's locks in this process OFD locks; True when they are (idempotent).

    Call before the process opens its first SQLite connection: a lock taken
    the old way would not be released by the new call.  ``solocrm.db`` does it
    when it is imported, before any code of ours can connect.
    """
    global _installed
    with _install_lock:
        if _installed is None:
            _installed = _install()
        return _installed


def installed() -> bool:
    return bool(_installed)


def _install() -> bool:
    if not sys.platform.startswith("linux") or ctypes.sizeof(ctypes.c_void_p) != 8:
        return False
    if not _kernel_has_ofd_locks():
        log.warning("This kernel has no open file description locks: SQLite keeps POSIX locks")
        return False
    import _sqlite3  # the very library the sqlite3 module (and so SQLAlchemy) calls

    lib = ctypes.CDLL(_sqlite3.__file__)
    lib.sqlite3_vfs_find.restype = ctypes.POINTER(_Vfs)
    lib.sqlite3_vfs_find.argtypes = [ctypes.c_char_p]
    vfs_pointer = lib.sqlite3_vfs_find(b"unix")
    if not vfs_pointer or vfs_pointer.contents.iVersion < 3:
        return False
    vfs = vfs_pointer.contents
    shim = _ofd_shim(_FCNTL(vfs.xGetSystemCall(vfs_pointer, b"fcntl")))
    # SQLite keeps calling the shim until the very end, connections closed by the last garbage
    # collection included, when module globals are already gone: it owns every object it needs,
    # and those are never freed.
    for needed in (lib, shim):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(needed))
    if vfs.xSetSystemCall(vfs_pointer, b"fcntl", ctypes.cast(shim, ctypes.c_void_p)) != 0:
        return False
    return True


def _ofd_shim(original: ctypes._CFuncPtr) -> ctypes._CFuncPtr:
    """``fcntl`` as SQLite calls it, with record locks taken as OFD locks.

    Everything it uses is bound here, not looked up in module globals, which
    the interpreter clears on its way out while SQLite may still unlock.
    """
    twins = dict(_OFD_TWIN)
    memset = ctypes.memset
    pid_offset = _Flock.l_pid.offset
    pid_size = ctypes.sizeof(ctypes.c_int32)

    @_FCNTL
    def fcntl_with_ofd_locks(fd: int, command: int, argument: int | None) -> int:
        twin = twins.get(command)
        if twin is None or not argument:
            return original(fd, command, argument)
        memset(argument + pid_offset, 0, pid_size)  # the kernel refuses an OFD lock naming a process
        return original(fd, twin, argument)

    return fcntl_with_ofd_locks


def _kernel_has_ofd_locks() -> bool:
    import fcntl

    with tempfile.TemporaryFile() as probe:
        request = _Flock(l_type=fcntl.F_WRLCK, l_whence=os.SEEK_SET, l_start=0, l_len=1, l_pid=0)
        try:
            fcntl.fcntl(probe.fileno(), F_OFD_GETLK, bytes(request))
        except OSError:
            return False
    return True
