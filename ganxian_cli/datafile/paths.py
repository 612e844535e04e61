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
