"""The values of each series (indicator, status, subject) by period, with the single periods
two cumulative figures imply (1–6月 minus 1–5月 = June), so lookups are constant time.

The figures are the ones `model.refs.FigureIndex` (the one index of figures, built once per
dataset) already found while the file was checked: no second set of them is made here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise
from operator import attrgetter

from ..model.models import Dataset
from ..model.periods import Period
from ..model.refs import Resolved, index_of
from ..model.units import Kind, Unit
from .derived import Num

Key = tuple[str, str, str | None]  # indicator, status, subject


@dataclass(slots=True)
class Entry:
    """A value for a period: printed (`found`), or derived from two cumulative figures.
    Never changed once made (not `frozen`, which triples the cost of making one)."""

    key: Key
    period: Period
    num: Num
    found: Resolved | None = None
    later: Resolved | None = None
    earlier: Resolved | None = None
    unit: Unit | None = None  # the indicator's own unit, which `num` is in
    text: str = ""  # str(period)
    order: int = 0  # sorts as (year, first month, last month) do

    @property
    def derived(self) -> bool:
        return self.found is None


class SeriesValues:
    """The value of every figure of a dataset by series and period; derived single periods
    beside them."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.printed: dict[Key, dict[Period, Entry]] = defaultdict(dict)
        self.derived: dict[Key, dict[Period, Entry]] = defaultdict(dict)
        # the printed entry of each figure (by the identity of refs' object, which lives on)
        self.of_figure: dict[int, Entry] = {}
        of_figure = self.of_figure
        refs = index_of(dataset)
        superseded = dataset.superseded_figures
        printed = self.printed
        of = Num.of
        for ident, indicator in dataset.indicators.items():
            figures = refs.indicator(ident)
            if not indicator.observations or figures is None:
                continue
            unit = indicator.base
            if unit.kind is Kind.RANK:
                continue  # a rank takes no arithmetic
            # each (status, subject) of the indicator: its key and its figures by period
            groups: dict[tuple[str, str | None], tuple[Key, dict[Period, Entry]]] = {}
            for found in figures.all:
                if superseded and (ident, found.index) in superseded:
                    continue  # a replaced figure does not count
                figure = found.figure
                status, subject, period = figure.status, figure.subject, figure.period
                group = groups.get((status, subject))
                if group is None:
                    named: Key = (ident, status, subject)
                    group = groups[(status, subject)] = (named, printed[named])
                group[1][period] = of_figure[id(found)] = Entry(
                    group[0], period, of(found, unit), found, None, None, unit,
                    str(period), _order(period),
                )  # fmt: skip
        for key, by_period in printed.items():
            indicator = self.dataset.indicators[key[0]]
            if key[1] == "target" or indicator.base.kind is Kind.RATE or indicator.stock:
                continue  # rates, targets and levels (stocks) are no running totals
            # year to date, by year and last month
            cumulative = sorted((e for e in by_period.values() if e.period.start == 1), key=_ORDER)
            for a, b in pairwise(cumulative):
                if a.period.year != b.period.year:
                    continue
                period = Period(a.period.year, a.period.end + 1, b.period.end)
                if period in by_period:
                    continue
                self.derived[key][period] = Entry(
                    key, period, b.num - a.num, None, b.found, a.found, a.unit,
                    str(period), _order(period),
                )  # fmt: skip

    def num(self, found: Resolved, unit: Unit) -> Num:
        """``Num.of(found, unit)``: the printed entry's where it is in the same unit."""
        entry = self.of_figure.get(id(found))
        if entry is not None and entry.found is found and entry.unit is unit:
            return entry.num
        return Num.of(found, unit)

    def get(self, key: Key, period: Period) -> Entry | None:
        """The printed figure for *period*, else a derived one."""
        return self.printed.get(key, {}).get(period) or self.derived.get(key, {}).get(period)

    def entries(self, key: Key) -> list[Entry]:
        """Printed and derived entries of *key*, by period."""
        merged = {**self.derived.get(key, {}), **self.printed.get(key, {})}
        return sorted(merged.values(), key=_ORDER)


_ORDER = attrgetter("order")


def _order(period: Period) -> int:
    return (period.year * 100 + period.start) * 100 + period.end
