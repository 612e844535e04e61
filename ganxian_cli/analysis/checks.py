"""Checks of a loaded data file; each returns a list of Problem records.

`essential_problems` holds what every command relies on (references resolve, units fit, no
duplicates); `validate` adds provenance, warnings and the arithmetic the source states.
Codes are stable and listed in the README.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from ..datafile.locate import format_path
from ..errors import Problem, Severity
from ..model.intervals import Interval
from ..model.models import Dataset, Indicator, ShareRelation, SumRelation
from ..model.numerals import plain, printed_numbers, shows, shows_growth
from ..model.refs import (
    RefError,
    Resolved,
    actual_for,
    actuals_in_year,
    over_ceiling,
    pairs,
    resolve,
    resolve_all,
)
from ..model.units import Kind, get_unit
from .schedule import HUNDRED, time_progress

if TYPE_CHECKING:
    from ..datafile.loader import Loaded

Path = tuple[str | int, ...]


class _Collector:
    """Builds problems that point at the line of a key path."""

    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.problems: list[Problem] = []

    def add(self, code: str, message: str, path: Path, severity: Severity = "error") -> None:
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


def _fig_path(ident: str, index: int, *rest: str) -> Path:
    return ("indicators", ident, "observations", index, *rest)


def check_themes(c: _Collector) -> None:
    themes = c.loaded.dataset.themes
    for ident, indicator in c.loaded.dataset.indicators.items():
        if indicator.theme not in themes:
            known = ", ".join(themes) or "none declared"
            c.add(
                "G201",
                f"unknown theme {indicator.theme!r} (known: {known})",
                ("indicators", ident, "theme"),
            )


def check_values(c: _Collector) -> None:
    """Units within the indicator's family, whole counts, no negative amounts."""
    for ident, indicator, i, figure in c.loaded.dataset.figures():
        base = get_unit(indicator.unit)
        unit = indicator.unit_of(figure)
        if unit.family != base.family:
            c.add(
                "G203",
                f"unit {unit.symbol} does not measure the same thing as "
                f"the indicator's {base.symbol}",
                _fig_path(ident, i, "unit"),
            )
            continue
        if unit.kind is Kind.COUNT and figure.value != figure.value.to_integral_value():
            c.add(
                "G204",
                f"a count must be a whole number, not {plain(figure.value)}",
                _fig_path(ident, i, "value"),
            )
        if unit.kind is not Kind.RATE and figure.value < 0 and not indicator.signed:
            c.add(
                "G205",
                f"negative {unit.kind.value} {plain(figure.value)}{unit.symbol}; set signed = true "
                "on the indicator if it can really be negative",
                _fig_path(ident, i, "value"),
            )


def check_duplicates(c: _Collector) -> None:
    seen: Counter[tuple[str, str, str, str | None]] = Counter()
    for ident, _indicator, i, figure in c.loaded.dataset.figures():
        key = (ident, str(figure.period), figure.status, figure.subject)
        seen[key] += 1
        if seen[key] == 2:
            c.add(
                "G202",
                f"second {figure.status} figure of {ident} for {figure.period}; keep one",
                _fig_path(ident, i),
            )


def check_references(c: _Collector) -> None:
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
            if field in ("kind", "note") or value is None:
                continue
            refs = value if isinstance(value, list) else [value]
            for k, ref in enumerate(refs):
                sub = (k,) if isinstance(value, list) else ()
                c.resolve(ref, ("relations", r, field, *sub), single=False)
    if too_much := over_ceiling(dataset):
        c.add("G208", too_much, ("relations",))


def _same_family(indicator: Indicator, found: Resolved) -> bool:
    return get_unit(indicator.unit).family == found.unit.family


def check_provenance(c: _Collector) -> None:
    """Each quote must show the figure as printed (and its growth rate, where given)."""
    for ident, indicator, i, figure in c.loaded.dataset.figures():
        if figure.quote is None:
            c.add("W001", "figure has no quote", _fig_path(ident, i), "warning")
            continue
        unit = indicator.unit_of(figure)
        if not shows(figure.quote, figure.value, unit):
            found = printed_numbers(figure.quote, unit)
            hint = f" (it shows {', '.join(found)})" if found else ""
            c.add(
                "G210",
                f"quote does not show {plain(figure.value)}{unit.symbol}{hint}: {figure.quote!r}",
                _fig_path(ident, i, "quote"),
            )
        if figure.yoy is not None and not shows_growth(figure.quote, figure.yoy):
            c.add(
                "G210",
                f"quote does not show the growth {plain(figure.yoy)}%: {figure.quote!r}",
                _fig_path(ident, i, "yoy"),
            )


def check_targets_have_actuals(c: _Collector) -> None:
    dataset = c.loaded.dataset
    for t, target in enumerate(dataset.targets):
        try:
            year = resolve(dataset, target.target).figure.period.year
        except RefError:
            continue
        indicator = dataset.indicators.get(target.actual)
        if indicator and not any(
            f.status == "actual" and f.period.year == year and f.period.is_year_to_date
            for f in indicator.observations
        ):
            c.add("W002", f"target has no year-to-date actual in {year}", ("targets", t), "warning")


# --- arithmetic the source states -------------------------------------------------------------


def _rounded(value: Decimal, like: Decimal) -> str:
    return plain(value.quantize(Decimal(1).scaleb(_exponent(like))))


def _exponent(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


def _comparable(c: _Collector, figures: list[Resolved], path: Path, verb: str) -> bool:
    """True if all *figures* measure one kind of quantity; a G203 problem otherwise."""
    if len({f.unit.family for f in figures}) == 1:
        return True
    shown = ", ".join(f.shown() for f in figures)
    c.add("G203", f"cannot {verb} {shown}: different kinds of quantity", path)
    return False


def _check_ratio(c: _Collector, rate: Resolved, num: Resolved, den: Resolved, path: Path) -> None:
    unit = den.unit
    if not _comparable(c, [num, den], path, "divide"):
        return
    computed = num.span(unit).divide(den.span(unit))
    if computed is None:
        return  # a zero whole: no rate to check
    computed = computed.scale(HUNDRED)
    quoted = rate.figure.value
    if not computed.overlaps(Interval.printed(quoted)):
        c.add(
            "G301",
            f"expected {plain(quoted)} %, computed {_rounded(computed.mid, quoted)} % "
            f"from {plain(num.figure.value)} / {plain(den.figure.value)}",
            (*rate.path, "value"),
        )


def check_arithmetic(c: _Collector) -> None:
    dataset = c.loaded.dataset
    for t in range(len(dataset.targets)):
        _check_target(c, dataset, t)
    for r, relation in enumerate(dataset.relations):
        path: Path = ("relations", r)
        if isinstance(relation, ShareRelation):
            _check_share(c, relation, path)
        elif isinstance(relation, SumRelation):
            _check_sum(c, relation, path)
        # PerRelation: a derived figure for comparison tables, nothing quoted to check


def _check_share(c: _Collector, relation: ShareRelation, path: Path) -> None:
    dataset = c.loaded.dataset
    rates = resolve_all(dataset, relation.rate) if relation.rate else []
    for part, whole in pairs(
        resolve_all(dataset, relation.part), resolve_all(dataset, relation.whole)
    ):
        unit = whole.unit
        if not _comparable(c, [part, whole], path, "compare"):
            continue
        if part.span(unit).lo > whole.span(unit).hi:
            c.add("G302", f"part {part.shown()} is larger than its whole {whole.shown()}", path)
        for rate, _same in pairs(rates, [part]):
            _check_ratio(c, rate, part, whole, path)


def _check_sum(c: _Collector, relation: SumRelation, path: Path) -> None:
    dataset = c.loaded.dataset
    if relation.total is None:
        return  # parts only shown side by side: nothing quoted to check
    parts_by_ref = [resolve_all(dataset, ref) for ref in relation.parts]
    for total in resolve_all(dataset, relation.total):
        unit = total.unit
        parts: list[Resolved] = []
        for candidates in parts_by_ref:
            matched = pairs(candidates, [total])
            if len(matched) != 1:
                break  # not every part has a figure for this period: nothing to add up
            parts.append(matched[0][0])
        else:
            if not _comparable(c, [*parts, total], path, "add up"):
                continue
            summed = Interval.exact(Decimal(0))
            for p in parts:
                summed = summed + p.span(unit)
            if not summed.overlaps(total.span(unit)):
                shown = " + ".join(plain(p.figure.value) for p in parts)
                c.add(
                    "G303",
                    f"expected {total.shown()}, computed {_rounded(summed.mid, total.figure.value)}"
                    f"{unit.symbol} from {shown}",
                    path,
                )


def _check_target(c: _Collector, dataset: Dataset, t: int) -> None:
    target = dataset.targets[t]
    goal = resolve(dataset, target.target)
    for actual in actuals_in_year(dataset, target.actual, goal.figure.period.year):
        figure = actual.figure
        rate = actual_for(dataset, target.rate, figure.period)
        if rate:
            _check_ratio(c, rate, actual, goal, ("targets", t))
        gap = actual_for(dataset, target.gap, figure.period)
        if gap and rate:
            progress = time_progress(figure.period, target.basis)
            computed = Interval.printed(rate.figure.value) - Interval.exact(progress)
            if not computed.overlaps(Interval.printed(gap.figure.value)):
                c.add(
                    "G304",
                    f"expected {plain(gap.figure.value)} points ahead of schedule, computed "
                    f"{_rounded(computed.mid, gap.figure.value)} from {plain(rate.figure.value)}% "
                    f"- {_rounded(progress, Decimal('0.01'))}% time progress "
                    f"({target.basis} basis)",
                    (*gap.path, "value"),
                )


ESSENTIAL: tuple[Callable[[_Collector], None], ...] = (
    check_themes,
    check_values,
    check_duplicates,
    check_references,
)
FULL: tuple[Callable[[_Collector], None], ...] = (
    *ESSENTIAL,
    check_provenance,
    check_targets_have_actuals,
    check_arithmetic,
)


def _run(loaded: Loaded, checks: Iterable[Callable[[_Collector], None]]) -> list[Problem]:
    collector = _Collector(loaded)
    for check in checks:
        check(collector)
        if check is check_references and any(p.severity == "error" for p in collector.problems):
            break  # arithmetic needs every reference to resolve
    return collector.problems


def essential_problems(loaded: Loaded) -> list[Problem]:
    """Problems that make the data unusable for any command."""
    return _run(loaded, ESSENTIAL)


def all_problems(loaded: Loaded) -> list[Problem]:
    """Everything `ganxian validate` reports, in check order."""
    return _run(loaded, FULL)
