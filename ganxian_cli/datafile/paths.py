"""Which data file a command reads: --data PATH > $GANXIAN_DATA > ./data/indicators.toml >
the copy shipped inside the package."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError

ENV_VAR = "GANXIAN_DATA"
LOCAL = Path("data") / "indicators.toml"
_PACKAGE = Path(__file__).resolve().parent.parent


def packaged_copy() -> Path:
    """The data file inside the installed package (or the source tree, for editable installs)."""
    installed = _PACKAGE / "data" / "indicators.toml"
    return installed if installed.is_file() else _PACKAGE.parent / LOCAL


def resolve_data_path(option: str | None) -> str:
    """The path to read, following the order above."""
    if option is not None:
        if not option:
            raise UsageError("--data: empty file name (leave --data out for the default file)")
        return option
    env = os.environ.get(ENV_VAR)
    if env:
        return env
    if LOCAL.is_file():
        return str(LOCAL)
    return str(packaged_copy())


def resolve_write_path(option: str | None) -> str:
    """The file a write command (`record`, `fmt`, `init`) may change: as above, but never the
    copy shipped inside the installed package."""
    from ..errors import UsageError

    if option is not None and not option:
        raise UsageError("--data: empty file name (leave --data out for the default file)")
    path = option or os.environ.get(ENV_VAR) or (str(LOCAL) if LOCAL.is_file() else None)
    if path is None:
        raise UsageError(
            "no data file to write: name one with --data FILE (or $GANXIAN_DATA), or run in a "
            "folder holding data/indicators.toml; `ganxian init FILE` starts a new one. The copy "
            "inside the installed package is never written"
        )
    installed = _PACKAGE / "data" / "indicators.toml"
    if path != "-" and installed.is_file() and Path(path).resolve() == installed.resolve():
        raise UsageError(
            f"{path} is the copy inside the installed package and is never written; "
            "copy it and name the copy with --data"
        )
    return path


@dataclass(frozen=True)
class Skipped:
    """A folder's `*.toml` entry that is not read: no regular file (a FIFO, a device, a socket,
    a dangling symbolic link or a loop of them). A directory is no data file and not listed."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"warning: {self.path}: {self.reason}, not read"


class DataPaths(list[str | None]):
    """The files to read, in order, and what the folders among them held that was not read."""

    def __init__(self, paths: list[str | None], skipped: list[Skipped]) -> None:
        super().__init__(paths)
        self.skipped = skipped


def expand_data_paths(options: list[str] | None) -> DataPaths:
    """`--data` given several times or naming a folder: every file to read, in order (a folder's
    `*.toml` files sorted by name); [None] when none was given (the default file). A folder's
    `*.toml` entries that are not regular files are listed in `.skipped`, for a warning."""
    from ..errors import UsageError

    if not options:
        return DataPaths([None], [])
    found: list[str | None] = []
    skipped: list[Skipped] = []
    for option in options:
        if not option:
            raise UsageError("--data: empty file name (leave --data out for the default file)")
        if Path(option).is_dir():
            files, passed = folder_files(option)
            if not files:
                raise UsageError(f"{empty_folder(option, passed)} (--data)")
            skipped.extend(passed)
            found.extend(files)
        else:
            found.append(option)
    return DataPaths(found, skipped)


def folder_files(folder: str) -> tuple[list[str], list[Skipped]]:
    """A folder's regular `*.toml` files sorted by name, and the `*.toml` entries that are not
    regular files (sub-folders are neither)."""
    files: list[str] = []
    passed: list[Skipped] = []
    for path in sorted(str(p) for p in Path(folder).glob("*.toml")):
        reason = _not_a_file(path)
        if reason is None:
            files.append(path)
        elif reason:
            passed.append(Skipped(path, reason))
    return files, passed


def empty_folder(folder: str, passed: list[Skipped]) -> str:
    """What to say of a folder with no regular `*.toml` file."""
    if passed:
        first = passed[0]
        return (
            f"{folder}: is a directory without regular *.toml files "
            f"({first.path} is {first.reason})"
        )
    return f"{folder}: is a directory without *.toml files"


def _not_a_file(path: str) -> str | None:
    """None for a regular file (through links), "" for a directory, else what *path* is."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "a dangling symbolic link"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a loop of symbolic links"
        return f"a link that cannot be followed ({exc.strerror or exc})"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return ""
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"
