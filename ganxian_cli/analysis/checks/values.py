"""Each figure's value in its unit and period: units of the indicator's family, whole counts,
no negative amounts, one figure per period and source, ranks from 1.

Each check takes the collector and adds Problem records; `registry` puts them into its groups.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from ...model.numerals import plain
from ...model.refs import parse_ref
from ...model.units import Kind
from .collector import Collector, Path, fig_path

_COUNT, _RATE = Kind.COUNT, Kind.RATE  # enum members read once, not per figure


def check_values(c: Collector) -> None:
    """Units within the indicator's family, whole counts, no negative amounts."""
    for ident, indicator in c.loaded.dataset.indicators.items():
        base = indicator.base
        for i, figure in enumerate(indicator.observations):
            unit = base if figure.unit is None else indicator.unit_of(figure)
            if unit.family != base.family:
                c.add(
                    "G203",
                    f"unit {unit.symbol} does not measure the same thing as "
                    f"the indicator's {base.symbol}",
                    fig_path(ident, i, "unit"),
                )
                continue
            value = figure.value
            if unit.kind is _COUNT:
                whole = value * unit.scale  # 1.2万人 is 12000 people
                if whole != whole.to_integral_value():
                    c.add(
                        "G204",
                        f"a count must be a whole number, not {plain(value)}",
                        fig_path(ident, i, "value"),
                    )
            if value < 0 and unit.kind is not _RATE and not indicator.signed:
                c.add(
                    "G205",
                    f"negative {unit.kind.value} {plain(value)}{unit.symbol}; set signed = true "
                    "on the indicator if it can really be negative",
                    fig_path(ident, i, "value"),
                )


def check_duplicates(c: Collector) -> None:
    """G202 for a second figure of one indicator with the same period, status, subject and
    source. Keys are compared indicator by indicator; only an indicator with a repeat is
    walked again to report each one where it stands."""
    dataset = c.loaded.dataset
    default = dataset.default_source()
    for ident, indicator in dataset.indicators.items():
        figures = indicator.observations
        # a period as its fields: equal periods have equal fields, hashed in C
        keys = [
            (
                (p := f.period).year,
                p.start,
                p.end,
                f.status,
                f.subject,
                default if f.source is None else f.source,
            )
            for f in figures
        ]
        if len(set(keys)) == len(keys):
            continue
        seen: Counter[tuple[int, int, int, str, str | None, str | None]] = Counter()
        for i, (figure, key) in enumerate(zip(figures, keys, strict=True)):
            seen[key] += 1
            if seen[key] == 2:
                c.add(
                    "G202",
                    f"second {figure.status} figure of {ident} for {figure.period}; keep one",
                    fig_path(ident, i),
                )


def check_stock_levels(c: Collector) -> None:
    """G202 also for two different levels of a `stock` indicator at one month end in one article.

    A stock is a level at the end of its period, so 2031-06 and 2031-H1 of the same status,
    subject and article both give the level at the end of June: an article holds one level
    at a time, and two different ones leave every report to choose between them. Figures
    of several articles are revisions of one another and are left to the counting rule.
    """
    dataset = c.loaded.dataset
    default = dataset.default_source()
    for ident, indicator in dataset.indicators.items():
        if not indicator.stock:
            continue
        base = indicator.base
        seen: dict[tuple[int, int, str, str | None, str | None], tuple[int, Decimal]] = {}
        for i, figure in enumerate(indicator.observations):
            period = figure.period
            if not period.is_dated:
                continue
            unit = base if figure.unit is None else indicator.unit_of(figure)
            if unit.family != base.family:
                continue  # G203 says so
            level = figure.value * unit.scale
            source = default if figure.source is None else figure.source
            key = (period.year, period.end, figure.status, figure.subject, source)
            first = seen.get(key)
            if first is None:
                seen[key] = (i, level)
                continue
            j, other = first
            if other == level:
                continue
            earlier = indicator.observations[j]
            c.add(
                "G202",
                f"{ident} is a stock: {figure.period} gives {plain(figure.value)}"
                f"{unit.symbol} and {earlier.period} gives {plain(earlier.value)}"
                f"{indicator.unit_of(earlier).symbol} for the same month end; a level has one "
                "value at a time (keep one, or correct the period)",
                fig_path(ident, i, "value"),
            )


def check_ranks(c: Collector) -> None:
    """A rank (位) is a position: no targets or relations over it; 1 or more, whole."""
    dataset = c.loaded.dataset
    ranked = [k for k, ind in dataset.indicators.items() if ind.base.kind is Kind.RANK]
    for ident in ranked:
        for i, figure in enumerate(dataset.indicators[ident].observations):
            if figure.value < 1 or figure.value != figure.value.to_integral_value():
                path: Path = ("indicators", ident, "observations", i, "value")
                message = f"a rank must be a whole number from 1, not {plain(figure.value)}"
                c.add("G204", message, path)
    if not ranked:
        return
    ranks = set(ranked)
    for t, target in enumerate(dataset.targets):
        for field in ("target", "actual", "rate", "gap"):
            ref = getattr(target, field)
            if ref and parse_ref(ref).indicator in ranks:
                c.add("G203", f"{ref} is a rank (位), which takes no arithmetic", ("targets", t))
    for r, relation in enumerate(dataset.relations):
        for _field, value in relation:
            refs = value if isinstance(value, list) else [value]
            for ref in refs:
                if isinstance(ref, str) and parse_ref(ref).indicator in ranks:
                    message = f"{ref} is a rank (位), which takes no arithmetic"
                    c.add("G203", message, ("relations", r))
