"""Checks of a loaded data file; each returns a list of Problem records.

`essential_problems` holds what every command relies on (references resolve, units fit, no
duplicates); `validate` adds provenance, warnings and the arithmetic the source states.
Codes are stable and listed in the README.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from ..errors import Problem
from ..model.intervals import DIVISION, Interval
from ..model.models import Dataset, Indicator, ShareRelation, SumRelation
from ..model.numerals import plain
from ..model.refs import (
    Key,
    RefError,
    Resolved,
    actuals_in_year,
    buckets_of,
    index_of,
    over_ceiling,
    pairs,
    partners,
    resolve,
    resolve_all,
)
from ..model.units import Kind, Unit
from .collector import Collector, Path, Remap, fig_path
from .direction_checks import check_lead_directions
from .leads import Baselines, check_lead
from .model_checks import (
    check_figure_sources,
    check_leads,
    check_quotes_in_sources,
    check_ranks,
    check_within,
)
from .quote_checks import check_provenance
from .schedule import HUNDRED
from .series_checks import check_cumulative

if TYPE_CHECKING:
    from ..datafile.loader import Loaded


_COUNT, _RATE = Kind.COUNT, Kind.RATE  # enum members read once, not per figure


def check_themes(c: Collector) -> None:
    themes = c.loaded.dataset.themes
    for ident, indicator in c.loaded.dataset.indicators.items():
        if indicator.theme not in themes:
            known = ", ".join(themes) or "none declared"
            c.add(
                "G201",
                f"unknown theme {indicator.theme!r} (known: {known})",
                ("indicators", ident, "theme"),
            )


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


def check_references(c: Collector) -> None:
    dataset = c.loaded.dataset
    for t, target in enumerate(dataset.targets):
        path: Path = ("targets", t)
        found = c.resolve(target.target, (*path, "target"))
        if found and found.figure.status == "forecast":
            c.add(
                "G207",
                f"{target.target!r} is a forecast; a target must be a target or actual figure",
                (*path, "target"),
            )
        if found and not found.figure.period.is_year:
            c.add(
                "G207",
                f"a target must cover a whole year, not {found.figure.period}",
                (*path, "target"),
            )
        for field, unit_kind in (("actual", None), ("rate", "%"), ("gap", "个百分点")):
            ident = getattr(target, field)
            if ident is None:
                continue
            indicator = dataset.indicators.get(ident)
            if indicator is None:
                c.add("G201", f"unknown indicator {ident!r}", (*path, field))
            elif unit_kind and indicator.unit != unit_kind:
                c.add(
                    "G203", f"{ident} must be in {unit_kind}, not {indicator.unit}", (*path, field)
                )
            elif found and field == "actual" and not _same_family(indicator, found):
                c.add(
                    "G203",
                    f"{ident} is not measured like the target {target.target}",
                    (*path, field),
                )
    for r, relation in enumerate(dataset.relations):
        for field, value in relation:
            if field in ("kind", "note", "over") or value is None:
                continue
            refs = value if isinstance(value, list) else [value]
            for k, ref in enumerate(refs):
                sub = (k,) if isinstance(value, list) else ()
                c.resolve(ref, ("relations", r, field, *sub), single=False)
    if too_much := over_ceiling(dataset):
        c.add("G208", too_much, ("relations",))


def _same_family(indicator: Indicator, found: Resolved) -> bool:
    return indicator.base.family == found.unit.family


def check_targets_have_actuals(c: Collector) -> None:
    dataset = c.loaded.dataset
    for t, target in enumerate(dataset.targets):
        try:
            year = resolve(dataset, target.target).figure.period.year
        except RefError:
            continue
        if target.actual in dataset.indicators and not any(
            r.figure.period.is_year_to_date for r in actuals_in_year(dataset, target.actual, year)
        ):
            c.add("W002", f"target has no year-to-date actual in {year}", ("targets", t), "warning")


# --- arithmetic the source states -------------------------------------------------------------


def _rounded(value: Decimal, like: Decimal) -> str:
    return plain(value.quantize(Decimal(1).scaleb(_exponent(like))))


def _exponent(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


def _comparable(c: Collector, figures: list[Resolved], path: Path, verb: str) -> bool:
    """True if all *figures* measure one kind of quantity; a G203 problem otherwise."""
    family = figures[0].unit.family
    for f in figures:
        if f.unit.family != family:
            break
    else:
        return True
    shown = ", ".join(f.shown() for f in figures)
    c.add("G203", f"cannot {verb} {shown}: different kinds of quantity", path)
    return False


# --- shortcuts: the printed values themselves, where they settle a check ---------------------
#
# A printed value lies inside the span it may stand for, and every step that works a span out
# (adding, scaling, dividing corners, each rounded) rounds monotonically, so the same steps
# taken on the printed values give a point inside the span the full check computes. Where that
# point already satisfies the check, the spans would too: nothing to report, and the spans are
# never built. Values have at most 25 digits (the schema's bounds), so each is exact in the
# default 28-digit context and inside its own rounded span. Anything else takes the full check.


def _point(found: Resolved, unit: Unit) -> Decimal:
    """The printed value in *unit*, scaled exactly as `Resolved.span` scales its span."""
    own = found.unit
    value = found.figure.value
    if own.symbol != unit.symbol:
        value = value * (own.scale / unit.scale)
    return value


def _ratio_fits(rate: Resolved, num: Resolved, den: Resolved, unit: Unit) -> bool:
    """True where num / den of the printed values, in %, lies in the quoted rate's span."""
    whole = den.figure.value  # *unit* is den's own
    if not whole:
        return False
    quotient = DIVISION.divide(_point(num, unit), whole) * HUNDRED
    quoted = rate.printed_span
    return quoted.lo <= quotient <= quoted.hi


def _check_ratio(c: Collector, rate: Resolved, num: Resolved, den: Resolved, path: Path) -> None:
    unit = den.unit
    if num.unit.family != unit.family:
        _comparable(c, [num, den], path, "divide")
        return
    if _ratio_fits(rate, num, den, unit):
        return
    computed = num.span(unit).divide(den.span(unit))
    if computed is None:
        return  # a zero whole: no rate to check
    computed = computed.scale(HUNDRED)
    quoted = rate.figure.value
    if not computed.overlaps(rate.printed_span):
        c.add(
            "G301",
            f"expected {plain(quoted)} %, computed {_rounded(computed.mid, quoted)} % "
            f"from {plain(num.figure.value)} / {plain(den.figure.value)}",
            (*rate.path, "value"),
        )


def check_arithmetic(c: Collector) -> None:
    dataset = c.loaded.dataset
    baselines = Baselines()
    for t in range(len(dataset.targets)):
        _check_target(c, dataset, t, baselines)
    for r, relation in enumerate(dataset.relations):
        path: Path = ("relations", r)
        if isinstance(relation, ShareRelation):
            _check_share(c, relation, path)
        elif isinstance(relation, SumRelation):
            _check_sum(c, relation, path)
        # PerRelation: a derived figure for comparison tables, nothing quoted to check


def _check_share(c: Collector, relation: ShareRelation, path: Path) -> None:
    dataset = c.loaded.dataset
    rates = resolve_all(dataset, relation.rate) if relation.rate else []
    for part, whole in pairs(
        resolve_all(dataset, relation.part), resolve_all(dataset, relation.whole)
    ):
        unit = whole.unit
        if part.unit.family != unit.family:
            _comparable(c, [part, whole], path, "compare")
            continue
        # the part's span starts at or below its value, the whole's ends at or above its own
        if _point(part, unit) > whole.figure.value and part.span(unit).lo > whole.span(unit).hi:
            c.add("G302", f"part {part.shown()} is larger than its whole {whole.shown()}", path)
        for rate in partners(rates, part) if rates else ():
            _check_ratio(c, rate, part, whole, path)


def _check_sum(c: Collector, relation: SumRelation, path: Path) -> None:
    dataset = c.loaded.dataset
    if relation.total is None:
        return  # parts only shown side by side: nothing quoted to check
    lookups = [_partner_lookup(resolve_all(dataset, ref)) for ref in relation.parts]
    for total in resolve_all(dataset, relation.total):
        key = total.key
        parts: list[Resolved] = []
        for single, buckets in lookups:
            if buckets is None:
                parts.append(single)  # one figure pairs with every total, as `partners` says
                continue
            matched = buckets.get(key)
            if matched is None or len(matched) != 1:
                break  # not every part has a figure for this period: nothing to add up
            parts.append(matched[0][1])
        else:
            _check_total(c, total, parts, path)


def _partner_lookup(
    candidates: list[Resolved],
) -> tuple[Resolved, dict[Key, list[tuple[int, Resolved]]] | None]:
    """What `partners(candidates, figure)` needs, worked out once: the one candidate where
    there is only one (it pairs with any figure), else the candidates by key."""
    if len(candidates) == 1:
        return candidates[0], None
    return candidates[0], buckets_of(candidates)  # resolve_all never gives an empty list


def _check_total(c: Collector, total: Resolved, parts: list[Resolved], path: Path) -> None:
    unit = total.unit
    family = unit.family
    for p in parts:
        if p.unit.family != family:
            _comparable(c, [*parts, total], path, "add up")
            return
    summed_points = _ZERO
    for p in parts:
        summed_points = summed_points + _point(p, unit)
    if summed_points == total.figure.value:
        return
    span = total.span(unit)
    if span.lo <= summed_points <= span.hi:
        return
    summed = _NOTHING_YET
    for p in parts:
        summed = summed + p.span(unit)
    if not summed.overlaps(span):
        shown = " + ".join(plain(p.figure.value) for p in parts)
        c.add(
            "G303",
            f"expected {total.shown()}, computed {_rounded(summed.mid, total.figure.value)}"
            f"{unit.symbol} from {shown}",
            path,
        )


_ZERO = Decimal(0)
_NOTHING_YET = Interval.exact(_ZERO)  # a sum before its first part


def _check_target(c: Collector, dataset: Dataset, t: int, baselines: Baselines) -> None:
    target = dataset.targets[t]
    goal = resolve(dataset, target.target)
    index = index_of(dataset)
    # `actual_for` of the rate and gap for each actual's period, looked up by its key
    rates = index.actual_by_key(target.rate) if target.rate else {}
    gaps = index.actual_by_key(target.gap) if target.gap else {}
    path: Path = ("targets", t)
    for actual in actuals_in_year(dataset, target.actual, goal.figure.period.year):
        key = actual.key
        rate = rates.get(key)
        if rate:
            _check_ratio(c, rate, actual, goal, path)
        gap = gaps.get(key)
        if gap:
            check_lead(c, actual, goal, rate, gap, target.basis, baselines)


ESSENTIAL: tuple[Callable[[Collector], None], ...] = (
    check_themes,
    check_values,
    check_duplicates,
    check_references,
    check_figure_sources,
    check_ranks,
)
# Checks of each figure on its own and of series: they run whatever else is wrong.
FIGURES: tuple[Callable[[Collector], None], ...] = (
    check_provenance,
    check_lead_directions,
    check_quotes_in_sources,
    check_cumulative,
)
# Checks that follow references: they need every reference to resolve.
LINKED: tuple[Callable[[Collector], None], ...] = (
    check_targets_have_actuals,
    check_arithmetic,
    check_within,
    check_leads,
)


def _run(loaded: Loaded, full: bool, remap: Remap | None = None) -> list[Problem]:
    collector = Collector(loaded, remap)
    broken = False
    for check in ESSENTIAL:
        before = len(collector.problems)
        check(collector)
        if check is check_references:
            broken = any(p.severity == "error" for p in collector.problems[before:])
    if full:
        for check in FIGURES:
            check(collector)
        if not broken:  # linked checks need every reference to resolve
            for check in LINKED:
                check(collector)
    return collector.problems


def essential_problems(loaded: Loaded) -> list[Problem]:
    """Problems that make the data unusable for any command."""
    return _run(loaded, full=False)


def all_problems(loaded: Loaded, remap: Remap | None = None) -> list[Problem]:
    """Everything `ganxian validate` reports, in check order.

    *remap* maps paths of a dataset that validation pruned back to the file's paths.
    """
    return _run(loaded, full=True, remap=remap)
