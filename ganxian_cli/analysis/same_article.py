"""The figures of one article, for arithmetic that pairs figures (rates, shares, per-unit).

A figure's group is its indicator, months, status and subject; with several articles a group
may hold one figure of each (a revision), and only one of them counts. A rate an article
quotes was worked out from that article's own figures, so a part, its whole and their rate are
taken from one article: `of` finds the figure of a group that a given article gives.
"""

from __future__ import annotations

from ..model.models import Dataset
from ..model.refs import Resolved, index_of

_Group = tuple[int, int, int, str, str | None]  # year, first and last month, status, subject


class SameArticle:
    """Figures looked up by group and article (each indicator indexed on first use)."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._by_indicator: dict[str, dict[tuple[_Group, str | None], Resolved]] = {}

    def source(self, found: Resolved) -> str | None:
        return self.dataset.source_of(found.figure)

    def of(self, found: Resolved, source: str | None) -> Resolved | None:
        """*found* if it comes from article *source*, else the figure of its group that
        *source* gives (the first in file order), else None."""
        if self.dataset.source_of(found.figure) == source:
            return found
        figures = self._by_indicator.get(found.ident)
        if figures is None:
            figures = self._by_indicator[found.ident] = self._index(found.ident)
        return figures.get((_group(found), source))

    def pair(self, a: Resolved, b: Resolved) -> tuple[Resolved, Resolved] | None:
        """*a* and *b* (the figures that count) as one article gives them: *b*'s figure from
        *a*'s article, else *a*'s from *b*'s; None when no article gives both."""
        source_a, source_b = self.source(a), self.source(b)
        if source_a == source_b:
            return a, b
        other_b = self.of(b, source_a)
        if other_b is not None:
            return a, other_b
        other_a = self.of(a, source_b)
        if other_a is not None:
            return other_a, b
        return None

    def _index(self, ident: str) -> dict[tuple[_Group, str | None], Resolved]:
        entry = index_of(self.dataset).indicator(ident)
        found: dict[tuple[_Group, str | None], Resolved] = {}
        for r in entry.all if entry is not None else ():
            found.setdefault((_group(r), self.dataset.source_of(r.figure)), r)
        return found


def _group(found: Resolved) -> _Group:
    year, start, end, status = found.key
    return year, start, end, status, found.figure.subject
