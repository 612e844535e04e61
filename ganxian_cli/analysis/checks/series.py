"""Checks across the months of one indicator: year-to-date totals cannot fall."""

from __future__ import annotations

from itertools import pairwise
from operator import itemgetter

from ...model.models import Figure, Indicator
from ...model.refs import FigureIndex, Resolved, index_of
from ...model.units import Kind, Unit
from .collector import Collector

SeriesKey = tuple[str, str | None, int]  # status, subject, year: one indicator's series


def check_cumulative(c: Collector) -> None:
    """A later year-to-date total of an amount or count below an earlier one (G307).

    January–May 157.56亿元 then January–June 19.108亿元 is a slip: a cumulative flow that cannot
    be negative only grows. Where the indicator is `signed` (profit) it can fall, so this is a
    warning (W003). Figures are grouped once by indicator, status, subject and year.
    """
    dataset = c.loaded.dataset
    index = index_of(dataset)
    for ident, indicator in dataset.indicators.items():
        base = indicator.base
        if base.kind in _NO_SERIES:
            continue
        series: dict[SeriesKey, list[tuple[int, int, Figure]]] = {}
        for i, figure in enumerate(indicator.observations):
            period = figure.period
            if period.start == 1:  # year to date
                key = (figure.status, figure.subject, period.year)
                group = series.get(key)
                if group is None:
                    series[key] = [(period.end, i, figure)]
                else:
                    group.append((period.end, i, figure))
        for group in series.values():
            if len(group) > 1:
                _check_series(c, index, ident, indicator, base, group)


_NO_SERIES = (Kind.RATE, Kind.RANK)
_CUTOFF = itemgetter(0)


def _check_series(
    c: Collector,
    index: FigureIndex,
    ident: str,
    indicator: Indicator,
    base: Unit,
    found: list[tuple[int, int, Figure]],
) -> None:
    """One series, in order of cut-off (file order among equal ones)."""
    found.sort(key=_CUTOFF)
    for (cutoff, i, figure), (later_cutoff, j, later_figure) in pairwise(found):
        if later_cutoff == cutoff:
            continue
        # the common case, read off the figures: one unit (the base's family) and no fall
        unit = base if figure.unit is None else indicator.unit_of(figure)
        if (
            unit.family == base.family
            and later_figure.unit == figure.unit  # one symbol, or both the indicator's
            and later_figure.value >= figure.value
        ):
            continue
        entry = index.indicator(ident)
        assert entry is not None  # the indicator is in the dataset
        _check_pair(c, entry.all[i], entry.all[j], base)


def _check_pair(c: Collector, earlier: Resolved, later: Resolved, base: Unit) -> None:
    if earlier.unit.family != base.family or later.unit.family != base.family:
        return  # G203 says so
    if later.unit is earlier.unit and later.figure.value >= earlier.figure.value:
        return  # the common case, without interval arithmetic
    if later.span(base).hi >= earlier.span(base).lo:
        return
    signed = later.indicator.signed
    what = "falls only on a net loss (the indicator is signed)" if signed else "cannot fall"
    c.add(
        "W003" if signed else "G307",
        f"year-to-date {later.shown()} for {later.figure.period} is below "
        f"{earlier.shown()} for {earlier.figure.period}: a cumulative total {what}; "
        "check the digits and the unit, and whether it covers one month only",
        (*later.path, "value"),
        "warning" if signed else "error",
    )
