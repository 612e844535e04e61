"""Problems pointing at the line of a key path, collected while checks run."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ...datafile.locate import format_path
from ...errors import Problem, Severity
from ...model.refs import RefError, Resolved, resolve, resolve_all

if TYPE_CHECKING:
    from ...datafile.loader import Loaded

Path = tuple[str | int, ...]
Remap = Callable[[Path], Path]


class Collector:
    """Builds problems that point at the line of a key path.

    *remap* turns a path of the checked dataset into one of the file, where validation dropped
    figures with schema problems before checking the rest.
    """

    def __init__(self, loaded: Loaded, remap: Remap | None = None) -> None:
        self.loaded = loaded
        self.problems: list[Problem] = []
        self._remap = remap

    def add(self, code: str, message: str, path: Path, severity: Severity = "error") -> None:
        if self._remap is not None:
            path = self._remap(path)
        line = self.loaded.line_of(path)
        self.problems.append(
            Problem(code, message, self.loaded.name, line, None, format_path(path), severity)
        )

    def resolve(self, ref: str, path: Path, single: bool = True) -> Resolved | None:
        try:
            if single:
                return resolve(self.loaded.dataset, ref)
            resolve_all(self.loaded.dataset, ref)
        except RefError as exc:
            self.add("G201", str(exc), path)
        return None


def fig_path(ident: str, index: int, *rest: str) -> Path:
    return ("indicators", ident, "observations", index, *rest)
