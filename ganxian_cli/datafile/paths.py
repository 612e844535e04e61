"""Which data file a command reads: --data PATH > $GANXIAN_DATA > ./data/indicators.toml >
the copy shipped inside the package."""

from __future__ import annotations

import os
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


def expand_data_paths(options: list[str] | None) -> list[str | None]:
    """`--data` given several times or naming a folder: every file to read, in order (a folder's
    `*.toml` files sorted by name); [None] when none was given (the default file)."""
    from ..errors import UsageError

    if not options:
        return [None]
    found: list[str | None] = []
    for option in options:
        if not option:
            raise UsageError("--data: empty file name (leave --data out for the default file)")
        if Path(option).is_dir():
            files = sorted(str(p) for p in Path(option).glob("*.toml") if p.is_file())
            if not files:
                raise UsageError(f"{option}: is a directory without *.toml files (--data)")
            found.extend(files)
        else:
            found.append(option)
    return found
