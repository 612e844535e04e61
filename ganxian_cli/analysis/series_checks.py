"""Checks across the months of one indicator: year-to-date totals cannot fall."""

from __future__ import annotations

from itertools import pairwise
from operator import attrgetter

from ..model.refs import Resolved, index_of
from ..model.units import Kind
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
        if indicator.base.kind in (Kind.RATE, Kind.RANK):
            continue
        entry = index.indicator(ident)
        series: dict[SeriesKey, list[Resolved]] = {}
        for found in entry.all if entry else ():
            figure = found.figure
            if figure.period.start == 1:  # year to date
                key = (figure.status, figure.subject, figure.period.year)
                group = series.get(key)
                if group is None:
                    series[key] = [found]
                else:
                    group.append(found)
        _check_series(c, series)


_CUTOFF = attrgetter("figure.period.end")


def _check_series(c: Collector, series: dict[SeriesKey, list[Resolved]]) -> None:
    for found in series.values():
        if len(found) < 2:
            continue
        found.sort(key=_CUTOFF)
        base = found[0].indicator.base
        for earlier, later in pairwise(found):
            if earlier.unit.family != base.family or later.unit.family != base.family:
                continue  # G203 says so
            if later.figure.period.cutoff == earlier.figure.period.cutoff:
                continue
            if later.unit is earlier.unit and later.figure.value >= earlier.figure.value:
                continue  # the common case, without interval arithmetic
            if later.span(base).hi >= earlier.span(base).lo:
                continue
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
