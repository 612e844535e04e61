"""Figures indexed once by (indicator, status, subject) and period, with the single periods
two cumulative figures imply (1–6月 minus 1–5月 = June), so lookups are constant time."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise

from ..model.models import Dataset
from ..model.periods import Period
from ..model.refs import Resolved
from ..model.units import Kind
from .derived import Num

Key = tuple[str, str, str | None]  # indicator, status, subject


@dataclass(frozen=True)
class Entry:
    """A value for a period: printed (`found`), or derived from two cumulative figures."""

    key: Key
    period: Period
    num: Num
    found: Resolved | None = None
    later: Resolved | None = None
    earlier: Resolved | None = None

    @property
    def derived(self) -> bool:
        return self.found is None


class FigureIndex:
    """Every figure of a dataset by key and period; derived single periods beside them."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.printed: dict[Key, dict[Period, Entry]] = defaultdict(dict)
        self.derived: dict[Key, dict[Period, Entry]] = defaultdict(dict)
        for ident, indicator, index, figure in dataset.figures():
            unit = indicator.base
            if unit.kind is Kind.RANK or dataset.superseded(ident, index):
                continue  # a rank takes no arithmetic; a replaced figure does not count
            found = Resolved(ident, indicator, index, figure)
            key: Key = (ident, str(figure.status), figure.subject)
            self.printed[key][figure.period] = Entry(key, figure.period, Num.of(found, unit), found)
        for key, by_period in self.printed.items():
            if key[1] == "target" or self.dataset.indicators[key[0]].base.kind is Kind.RATE:
                continue  # rates and targets do not subtract
            cumulative = sorted(
                (e for e in by_period.values() if e.period.is_year_to_date),
                key=lambda e: (e.period.year, e.period.cutoff),
            )
            for a, b in pairwise(cumulative):
                if a.period.year != b.period.year:
                    continue
                period = Period(a.period.year, a.period.cutoff + 1, b.period.cutoff)
                if period in by_period:
                    continue
                self.derived[key][period] = Entry(
                    key, period, b.num - a.num, None, b.found, a.found
                )

    def get(self, key: Key, period: Period) -> Entry | None:
        """The printed figure for *period*, else a derived one."""
        return self.printed.get(key, {}).get(period) or self.derived.get(key, {}).get(period)

    def entries(self, key: Key) -> list[Entry]:
        """Printed and derived entries of *key*, by period."""
        merged = {**self.derived.get(key, {}), **self.printed.get(key, {})}
        return [merged[p] for p in sorted(merged, key=lambda p: (p.year, p.start, p.end))]
