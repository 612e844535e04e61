"""Data files as the commands read them: each path with its validated dataset, units in scope.

Opening a file runs the essential checks (a file that fails them is a `DataError`) and brings
its declared units into scope for the rest of the command (`model.units.command_scope`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..errors import UsageError

if TYPE_CHECKING:
    from ..datafile.store import Checks
    from ..model.models import Dataset


class Opened:
    """A data file read for a command: the path as given (or found) and its dataset."""

    __slots__ = ("dataset", "path")

    def __init__(self, path: str, dataset: Dataset) -> None:
        self.path, self.dataset = path, dataset


def open_data(data: str | None) -> Opened:
    """The data file *data* names (None: the default, see `datafile.paths`), checked."""
    from ..datafile.loader import load
    from ..datafile.paths import resolve_data_path
    from ..model.units import bring_into_scope
    from .checks.registry import essential_problems

    path = resolve_data_path(data)
    dataset = load(path, essential_problems).dataset
    try:
        bring_into_scope(dataset.declared_units)
    except ValueError as exc:
        raise UsageError(f"{path}: {exc}") from None
    return Opened(path, dataset)


def open_all(data: list[str] | None, warn: Callable[[str], None]) -> list[Opened]:
    """Every data file named by --data (repeated, or a folder), each with its dataset; *warn*
    gets a line for each entry of a folder that is not read (a FIFO, a dangling link)."""
    from ..datafile.paths import expand_data_paths

    paths = expand_data_paths(data)
    for skipped in paths.skipped:
        warn(f"ganxian: {skipped}")
    return [open_data(p) for p in paths]


def paths_of(opened: list[Opened]) -> str:
    """The files read, for a "data from …" line."""
    return ", ".join(o.path for o in opened)


def write_checks() -> Checks:
    """The checks `record`, `import` and `fmt` run before writing."""
    from ..datafile.store import Checks
    from .checks.registry import all_problems, essential_problems

    return Checks(essential=essential_problems, complete=all_problems)
