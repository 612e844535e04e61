"""Series for charts: each target's completion month by month, and indicators over periods.

Values only (percentages and numbers by month or period); `output.html` draws them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..model.models import Dataset
from ..model.refs import resolve
from ..model.units import convert
from .progress import latest_as_of
from .schedule import HUNDRED


@dataclass(frozen=True)
class TargetTrend:
    """Completion (% of the target) at the end of each month 1-12, None where nothing is known."""

    ident: str
    name: str
    name_en: str
    year: int
    goal: Decimal
    unit: str
    actual: list[Decimal | None] = field(default_factory=list)
    forecast: list[Decimal | None] = field(default_factory=list)
    time: list[Decimal] = field(default_factory=list)


def target_trends(dataset: Dataset) -> list[TargetTrend]:
    """For every target of the latest year: recorded and forecast completion by cut-off month."""
    as_of = latest_as_of(dataset)
    if as_of is None:
        return []
    trends = []
    for target in dataset.targets:
        goal = resolve(dataset, target.target)
        if goal.figure.period.year != as_of.year or goal.figure.value <= 0:
            continue
        indicator = dataset.indicators[target.actual]
        trend = TargetTrend(
            target.actual, indicator.name, indicator.name_en, as_of.year, goal.figure.value,
            goal.unit.symbol,
            actual=[None] * 12, forecast=[None] * 12,
            time=[(HUNDRED * m / 12).quantize(Decimal("0.01")) for m in range(1, 13)],
        )  # fmt: skip
        for figure in indicator.observations:
            period = figure.period
            if period.year != as_of.year or not period.is_year_to_date:
                continue
            value = convert(figure.value, indicator.unit_of(figure).symbol, goal.unit.symbol)
            share = (HUNDRED * value / goal.figure.value).quantize(Decimal("0.01"))
            if figure.status == "actual":
                trend.actual[period.cutoff - 1] = share
            elif figure.status == "forecast":
                trend.forecast[period.cutoff - 1] = share
        trends.append(trend)
    return trends
