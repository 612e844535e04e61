"""Replacing a data file safely: locked, atomic, same owner and mode, nothing left behind.

`record` and `fmt` read the file once (`read_snapshot`), hold a lock on the data file itself
for the whole read-modify-write (`locked`; no lock file is left beside it) and replace it with
`atomic_replace`, which refuses to write when the file changed since it was read, re-checking
size, mtime, inode and bytes just before the rename. What is not promised (see the README):
hard links keep the old text, and the last instant between that re-check and the rename stays
open to an editor that ignores the lock.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import signal
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import FrameType

from ..errors import DataError, Problem, UsageError
from .loader import MAX_FILE_BYTES, check_size, stat_regular

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


@dataclass(frozen=True)
class Snapshot:
    """A file's bytes as read, with the metadata that a change or a rewrite would alter."""

    data: bytes
    size: int
    mtime_ns: int
    inode: int
    device: int
    mode: int
    uid: int
    gid: int

    def same_file(self, info: os.stat_result) -> bool:
        return (info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev) == (
            self.size,
            self.mtime_ns,
            self.inode,
            self.device,
        )


def writable_target(path: str) -> str:
    """The regular file to rewrite for *path*: a symbolic link's final target, resolved.

    Writing through the link keeps it a link and puts the figure into the real file; a path
    that resolves to anything but a regular file (a device, /dev/stdin, a FIFO) is refused.
    """
    real = os.path.realpath(path)
    stat_regular(real, path)
    return real


def read_snapshot(path: str) -> Snapshot:
    """Read *path* (a regular file) and its metadata through one open descriptor."""
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _NOFOLLOW)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UsageError(f"{path}: not a regular file")
        check_size(path, info.st_size)
        try:
            data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    check_size(path, len(data))
    return Snapshot(
        data,
        info.st_size,
        info.st_mtime_ns,
        info.st_ino,
        info.st_dev,
        stat.S_IMODE(info.st_mode),
        info.st_uid,
        info.st_gid,
    )


def check_new_size(path: str, data: bytes) -> None:
    """Refuse to write what every command would then refuse to read (G013)."""
    if len(data) > MAX_FILE_BYTES:
        line = data.count(b"\n", 0, MAX_FILE_BYTES) + 1
        limit = MAX_FILE_BYTES // (1024 * 1024)
        message = f"the result would be larger than {limit} MiB (from this line on); not written"
        raise DataError([Problem("G013", message, path, line)])


def _lock(fd: int, path: str) -> None:
    """Block until this process holds an exclusive lock on the open file *fd* (POSIX)."""
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError as exc:
        raise UsageError(
            f"{path}: cannot lock ({exc.strerror or exc}); this file system may not support "
            "locks, and ganxian does not write without one"
        ) from None


def _open_to_lock(path: str) -> int:
    """The data file opened for reading only, which is all a lock needs; never through a link."""
    try:
        return os.open(path, os.O_RDONLY | _NONBLOCK | _NOFOLLOW)
    except OSError as exc:
        raise UsageError(f"{path}: cannot open it to lock it: {exc.strerror or exc}") from None


def _still_named(path: str, fd: int) -> bool:
    """Whether *path* still names the open file *fd* (not a file renamed over it since)."""
    try:
        named = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    held = os.fstat(fd)
    return (named.st_ino, named.st_dev) == (held.st_ino, held.st_dev)


@contextlib.contextmanager
def locked(path: str) -> Iterator[os.stat_result]:
    """Hold an exclusive lock on the data file PATH itself for a whole read-modify-write.

    No lock file is made: the lock sits on the file's inode. A writer replaces the file by a
    rename, so a writer that waited for the lock re-checks, once it holds it, that PATH still
    names the inode it locked; if not, it locks the new file and checks again. Yields the
    locked file's metadata. On Windows (where a file open elsewhere cannot be renamed over) a
    `PATH.lock` beside it is created for the write and deleted by the system when it is closed,
    even when ganxian is killed.
    """
    if sys.platform == "win32":
        with _locked_windows(path) as info:
            yield info
        return
    while True:
        fd = _open_to_lock(path)
        try:
            _lock(fd, path)
            if _still_named(path, fd):
                break
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # replaced while this writer waited: lock the file that is there now
    try:
        yield os.fstat(fd)
    finally:
        os.close(fd)  # closing releases the lock


@contextlib.contextmanager
def _locked_windows(path: str) -> Iterator[os.stat_result]:  # pragma: no cover - Windows only
    import time

    lock_path = path + ".lock"
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_TEMPORARY", 0)
    while True:
        try:
            fd = os.open(lock_path, flags, 0o600)
            break
        except (FileExistsError, PermissionError):
            time.sleep(0.05)  # another writer holds it; it vanishes when that writer closes it
        except OSError as exc:
            message = f"{lock_path}: cannot create lock file: {exc.strerror or exc}"
            raise UsageError(message) from None
    try:
        yield os.stat(path)
    finally:
        os.close(fd)


def _require_writable(path: str, before: Snapshot) -> None:
    if not before.mode & 0o222:
        raise UsageError(f"{path}: is read-only (no write permission bits); not written")
    if not os.access(path, os.W_OK):
        raise UsageError(f"{path}: no permission to write it; not written")


def _temp_name(path: str) -> str:
    folder, base = os.path.split(path)
    return os.path.join(folder, f".{base}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def remove_stale_temps(path: str) -> list[str]:
    """Delete temporary copies of *path* left by writers that died (SIGKILL, power loss).

    They are named `.NAME.PID.RANDOM.tmp`; one whose process no longer exists is removed.
    """
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process there
        return []
    folder, base = os.path.split(path)
    prefix = f".{base}."
    removed: list[str] = []
    try:
        names = [n for n in os.listdir(folder or ".") if n.startswith(prefix)]
    except OSError:
        return removed
    for name in names:
        pid_text = name[len(prefix) :].split(".")[0]
        if not (name.endswith(".tmp") and pid_text.isdigit()) or _alive(int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            os.unlink(os.path.join(folder, name))
            removed.append(name)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, but belongs to someone else
    return True


@contextlib.contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """While the temporary file exists, SIGTERM and SIGHUP unwind (and clean up) like Ctrl-C."""

    def unwind(signum: int, _frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    signals = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s]
    previous: dict[int, object] = {}
    try:
        for sig in signals:
            previous[sig] = signal.signal(sig, unwind)
    except ValueError:  # not the main thread: signals cannot be caught here
        pass
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)  # type: ignore[arg-type]


def _changed(path: str, before: Snapshot) -> bool:
    try:
        info = os.stat(path)
        if not before.same_file(info):
            return True
        with open(path, "rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1) != before.data
    except OSError:
        return True


def _write_temp(tmp: str, data: bytes, before: Snapshot, path: str) -> None:
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
    with os.fdopen(fd, "wb") as handle:
        info = os.fstat(fd)
        if (info.st_uid, info.st_gid) != (before.uid, before.gid) and hasattr(os, "fchown"):
            try:  # keep owner and group (root, or a user switching to one of their groups)
                os.fchown(fd, before.uid, before.gid)
            except PermissionError:
                raise UsageError(
                    f"{path}: owned by another user or group (uid {before.uid}, gid "
                    f"{before.gid}); rewriting would take it over; not written"
                ) from None
        os.chmod(tmp, before.mode)
        handle.write(data)
        handle.flush()
        os.fsync(fd)
    with open(tmp, "rb") as handle:
        if handle.read() != data:
            raise OSError(errno.EIO, "the temporary file does not read back as written")


def atomic_replace(path: str, data: bytes, before: Snapshot) -> None:
    """Replace PATH with DATA so that readers see the old file or the new one, never a mix.

    Writes a temporary file beside PATH with PATH's owner, group and mode, fsyncs it, reads it
    back, checks that PATH is still what was read (size, mtime, inode, bytes), renames the
    temporary file over PATH and fsyncs the folder. On any failure (or SIGTERM) the temporary
    file is removed and PATH is left exactly as it was.
    """
    _require_writable(path, before)
    remove_stale_temps(path)
    tmp = ""
    with _terminate_cleanly():
        try:
            tmp = _temp_name(path)
            _write_temp(tmp, data, before, path)
            if _changed(path, before):
                raise UsageError(
                    f"{path} changed while ganxian was working on it; nothing written, run again"
                )
            os.replace(tmp, path)
        except BaseException as exc:
            if tmp:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            if isinstance(exc, OSError):
                raise UsageError(
                    f"{path}: not written, file unchanged: {exc.strerror or exc}"
                ) from None
            raise
    _sync_folder(path)


def create_new(path: str, data: bytes) -> None:
    """Create PATH holding DATA, never overwriting a file: complete or not there at all.

    DATA goes into a temporary file beside PATH (fsynced), which is then linked to PATH (a
    link, unlike a rename, fails when PATH exists) and removed. On any failure, SIGTERM or
    Ctrl-C the temporary file is removed and PATH is not created; a kill leaves only the
    temporary file, which the next write to PATH removes.
    """
    remove_stale_temps(path)
    tmp = ""
    with _terminate_cleanly():
        try:
            if os.path.lexists(path):
                raise FileExistsError(errno.EEXIST, "exists", path)
            tmp = _temp_name(path)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(fd)
            _link_new(tmp, path)
        except FileExistsError:
            raise UsageError(f"{path} exists already; init never overwrites a file") from None
        except OSError as exc:
            raise UsageError(f"{path}: not written: {exc.strerror or exc}") from None
        finally:
            if tmp:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
    _sync_folder(path)


def _link_new(tmp: str, path: str) -> None:
    """Give the temporary file *tmp* the name *path*, unless *path* exists (FileExistsError)."""
    if sys.platform == "win32":  # a rename there fails when the target exists
        os.rename(tmp, path)
        return
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        if os.path.lexists(path):  # a file system without hard links: check, then rename
            raise FileExistsError(errno.EEXIST, "exists", path) from None
        os.rename(tmp, path)


_NO_LINKS = {
    errno.EPERM,
    errno.EMLINK,
    errno.ENOSYS,
    getattr(errno, "ENOTSUP", errno.EPERM),
    getattr(errno, "EOPNOTSUPP", errno.EPERM),
}


def _sync_folder(path: str) -> None:
    """Make the rename itself durable (not possible on Windows)."""
    if sys.platform == "win32":
        return
    try:
        dir_fd = os.open(os.path.dirname(path) or ".", os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError as exc:
        if exc.errno == errno.EINVAL:  # the file system cannot sync folders: nothing to do
            return
        raise UsageError(
            f"{path}: written, but its folder could not be synced ({exc.strerror or exc}): the "
            "new text is in place, though a power cut now could still undo it"
        ) from None


def replace_with(path: str, fill: Callable[[str], None], mode: int | None = None) -> None:
    """Give PATH (a regular file or a new name, links already resolved) the content *fill*
    writes into a temporary file beside it, or leave PATH exactly as it was.

    *fill* gets the temporary file's name (created empty, mode 0600); the file is then given
    *mode* (default: PATH's own mode, else 0666 less the umask), fsynced, renamed over PATH and
    the folder synced. On any failure, SIGTERM or Ctrl-C the temporary file is removed; an
    OSError becomes one UsageError line.
    """
    remove_stale_temps(path)
    existed = os.path.exists(path)
    tmp = ""
    with _terminate_cleanly():
        try:
            tmp = _temp_name(path)
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600))
            fill(tmp)
            with open(tmp, "rb") as handle:
                os.fsync(handle.fileno())
            os.chmod(tmp, _mode_for(path) if mode is None else mode)
            os.replace(tmp, path)
            tmp = ""
        except OSError as exc:
            kept = "the old file is unchanged" if existed else "nothing written"
            raise UsageError(f"{path}: cannot write: {exc.strerror or exc}; {kept}") from None
        finally:
            if tmp:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
    _sync_folder(path)


def _mode_for(path: str) -> int:
    """PATH's permission bits, or those a new file gets (0666 less the umask)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
