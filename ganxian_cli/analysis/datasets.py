"""Data files as the commands read them: each path with its validated dataset, units in scope.

Opening a file runs the essential checks (a file that fails them is a `DataError`) and brings
its declared units into scope for the rest of the command (`model.units.command_scope`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, overload

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


class OpenedFiles(Sequence[Opened]):
    """The data files of a command, read one at a time as they are reached: iterating opens
    each file in turn and keeps none of them, so a folder of any size needs the memory of its
    largest file (iterating again reads the files again). The paths are known at once."""

    __slots__ = ("paths",)

    def __init__(self, paths: list[str | None]) -> None:
        self.paths = paths

    def __len__(self) -> int:
        return len(self.paths)

    @overload
    def __getitem__(self, index: int) -> Opened: ...
    @overload
    def __getitem__(self, index: slice) -> list[Opened]: ...
    def __getitem__(self, index: int | slice) -> Opened | list[Opened]:
        if isinstance(index, slice):
            return [open_data(p) for p in self.paths[index]]
        return open_data(self.paths[index])

    def __iter__(self) -> Iterator[Opened]:
        for path in self.paths:
            yield open_data(path)

    def names(self) -> str:
        """The files named, for a "data from …" line over several files (each named)."""
        return ", ".join(self.files())

    def files(self) -> list[str]:
        """The files as they will be read (the default data file found where none is named)."""
        from ..datafile.paths import resolve_data_path

        return [p if p is not None else resolve_data_path(None) for p in self.paths]

    def pairs(self) -> Pairs:
        """Each file's path and dataset, read as they are reached."""
        return Pairs(self)


class Pairs:
    """(path, dataset) of each of *files*, one file at a time."""

    __slots__ = ("files",)

    def __init__(self, files: OpenedFiles) -> None:
        self.files = files

    def __len__(self) -> int:
        return len(self.files)

    def __iter__(self) -> Iterator[tuple[str, Dataset]]:
        for opened in self.files:
            yield opened.path, opened.dataset


def open_all(data: list[str] | None, warn: Callable[[str], None]) -> OpenedFiles:
    """Every data file named by --data (repeated, or a folder), each with its dataset when it is
    reached; *warn* gets a line for each entry of a folder that is not read (a FIFO, a dangling
    link)."""
    from ..datafile.paths import expand_data_paths

    paths = expand_data_paths(data)
    for skipped in paths.skipped:
        warn(f"ganxian: {skipped}")
    return OpenedFiles(list(paths))


def write_checks() -> Checks:
    """The checks `record`, `import` and `fmt` run before writing."""
    from ..datafile.store import Checks
    from .checks.registry import all_problems, essential_problems

    return Checks(essential=essential_problems, complete=all_problems)
