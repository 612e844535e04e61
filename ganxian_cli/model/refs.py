"""Figure references used by targets and relations: INDICATOR[{SUBJECT}][@PERIOD[#STATUS]]."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .intervals import Interval
from .models import Dataset, Figure, Indicator
from .numerals import plain
from .periods import Period, PeriodError, parse_period
from .units import Kind, Unit


@dataclass(frozen=True)
class FigureRef:
    indicator: str
    period: Period | None = None
    status: str | None = None
    subject: str | None = None  # gdp{南城市}@2031-H1: that subject's figure; gdp{}: no subject


@dataclass(frozen=True)
class Resolved:
    """A figure found by reference, with its indicator and position in the file."""

    ident: str
    indicator: Indicator
    index: int
    figure: Figure

    @property
    def path(self) -> tuple[str | int, ...]:
        return ("indicators", self.ident, "observations", self.index)

    @property
    def unit(self) -> Unit:
        """The unit this figure was printed in."""
        return self.indicator.unit_of(self.figure)

    def value_in(self, unit: Unit) -> Decimal:
        """The value converted exactly into *unit* (same family)."""
        return self.figure.value * self.unit.scale / unit.scale

    def span(self, unit: Unit | None = None) -> Interval:
        """The values the printed figure may stand for (counts are exact), in *unit* if given."""
        value = self.figure.value
        span = Interval.exact(value) if self.unit.kind is Kind.COUNT else Interval.printed(value)
        if unit is not None and unit.symbol != self.unit.symbol:
            span = span.scale(self.unit.scale / unit.scale)
        return span

    def shown(self) -> str:
        """The figure as printed: 58.33亿元."""
        return plain(self.figure.value) + self.unit.symbol


class RefError(ValueError):
    """A reference that names nothing, or more than one figure."""


def parse_ref(text: str) -> FigureRef:
    ident, _, rest = text.partition("@")
    subject = None
    if ident.endswith("}") and "{" in ident:
        ident, _, subject = ident[:-1].partition("{")
    period_text, _, status = rest.partition("#")
    try:
        period = parse_period(period_text) if period_text else None
    except PeriodError as exc:
        raise RefError(str(exc)) from None
    return FigureRef(ident, period, status or None, subject)


def resolve_all(dataset: Dataset, text: str) -> list[Resolved]:
    """Every figure *text* matches (at least one), or RefError saying why there is none."""
    ref = parse_ref(text)
    indicator = dataset.indicators.get(ref.indicator)
    if indicator is None:
        raise RefError(f"unknown indicator {ref.indicator!r}")
    found = [
        Resolved(ref.indicator, indicator, i, f)
        for i, f in enumerate(indicator.observations)
        if (ref.period is None or f.period == ref.period)
        and (ref.status is None or f.status == ref.status)
        and (ref.subject is None or (f.subject or "") == ref.subject)
    ]
    if not found:
        raise RefError(f"no figure {text!r}: {ref.indicator} has no figure for that period/status")
    counting = [r for r in found if not dataset.superseded(r.ident, r.index)]
    return counting or found  # a figure a later article replaces does not count


def pin(found: Resolved) -> str:
    """The reference that names exactly this figure: INDICATOR@PERIOD#STATUS.

    The subject is named too (INDICATOR{SUBJECT}@…) where without it the reference is ambiguous.
    """
    f = found.figure
    same = [
        g
        for g in found.indicator.observations
        if g.period == f.period and g.status == f.status and g is not f
    ]
    subject = f"{{{f.subject or ''}}}" if same else ""
    return f"{found.ident}{subject}@{f.period}#{f.status}"


def pairs(left: list[Resolved], right: list[Resolved]) -> list[tuple[Resolved, Resolved]]:
    """Figures of two references that belong together.

    Figures pair by period and status, so a relation between two indicators holds for every
    month recorded later; two single figures pair with each other whatever their periods.
    """
    matched = [
        (a, b)
        for a in left
        for b in right
        if a.figure.period == b.figure.period and a.figure.status == b.figure.status
    ]
    if not matched and len(left) == 1 and len(right) == 1:
        return [(left[0], right[0])]
    return matched


def actual_for(dataset: Dataset, ident: str | None, period: Period) -> Resolved | None:
    """The actual figure of indicator *ident* for *period* (a quoted rate or gap), if any."""
    if ident is None:
        return None
    indicator = dataset.indicators[ident]
    for i, figure in enumerate(indicator.observations):
        if (
            figure.period == period
            and figure.status == "actual"
            and not dataset.superseded(ident, i)
        ):
            return Resolved(ident, indicator, i, figure)
    return None


def resolve(dataset: Dataset, text: str) -> Resolved:
    """The single figure *text* refers to, or RefError saying why there is none."""
    found = resolve_all(dataset, text)
    ref = parse_ref(text)
    if len(found) > 1:
        choices = ", ".join(f"{ref.indicator}@{r.figure.period}#{r.figure.status}" for r in found)
        raise RefError(f"{text!r} matches {len(found)} figures; name one of: {choices}")
    return found[0]
