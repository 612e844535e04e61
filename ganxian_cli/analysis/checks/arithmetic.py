"""Arithmetic the source states: shares and rates (G301, G302), sums (G303), parts within a
whole (G302), leads over time progress or a baseline (G304-G306, `leads`) and over a named
rate (G308).

Each check takes the collector and adds Problem records; `registry` puts them into its groups.
"""

from __future__ import annotations

from decimal import Decimal

from ...model.intervals import DIVISION, Interval
from ...model.models import Dataset, LeadRelation, ShareRelation, SumRelation, WithinRelation
from ...model.numerals import plain
from ...model.refs import (
    Key,
    Resolved,
    actuals_in_year,
    buckets_of,
    index_of,
    pairs,
    partners,
    resolve,
    resolve_all,
)
from ...model.units import Unit
from ..same_article import SameArticle
from ..schedule import HUNDRED
from .collector import Collector, Path
from .leads import Baselines, check_lead, rounded


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


def _check_ratio(
    c: Collector,
    rate: Resolved,
    num: Resolved,
    den: Resolved,
    path: Path,
    other_article: str | None = None,
) -> None:
    """G301 where *rate* is not *num* / *den*; a note only where the whole is of
    *other_article* (the rate's own article prints none, and a plan may be revised)."""
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
        message = (
            f"expected {plain(quoted)} %, computed {rounded(computed.mid, quoted)} % "
            f"from {plain(num.figure.value)} / {plain(den.figure.value)}"
        )
        if other_article is None:
            c.add("G301", message, (*rate.path, "value"))
        else:
            c.add(
                "G301",
                f"{message}, the whole as {other_article} gives it: the rate's own article "
                "prints none, and the whole may have been revised since",
                (*rate.path, "value"),
                "note",
            )


def check_arithmetic(c: Collector) -> None:
    dataset = c.loaded.dataset
    baselines = Baselines()
    articles = SameArticle(dataset)
    for t in range(len(dataset.targets)):
        _check_target(c, dataset, t, baselines, articles)
    for r, relation in enumerate(dataset.relations):
        path: Path = ("relations", r)
        if isinstance(relation, ShareRelation):
            _check_share(c, relation, path, articles)
        elif isinstance(relation, SumRelation):
            _check_sum(c, relation, path)
        # PerRelation: a derived figure for comparison tables, nothing quoted to check


def _check_share(c: Collector, relation: ShareRelation, path: Path, articles: SameArticle) -> None:
    dataset = c.loaded.dataset
    rates = resolve_all(dataset, relation.rate) if relation.rate else []
    for counted_part, counted in pairs(
        resolve_all(dataset, relation.part), resolve_all(dataset, relation.whole)
    ):
        # a part and a whole as one article gives them, where a later one revised either;
        # a part and a whole only different articles give are not compared (a list may grow)
        paired = articles.pair(counted_part, counted)
        part, whole = paired or (counted_part, counted)
        unit = whole.unit
        if part.unit.family != unit.family:
            _comparable(c, [part, whole], path, "compare")
            continue
        # the part's span starts at or below its value, the whole's ends at or above its own
        if (
            paired is not None
            and _point(part, unit) > whole.figure.value
            and part.span(unit).lo > whole.span(unit).hi
        ):
            c.add("G302", f"part {part.shown()} is larger than its whole {whole.shown()}", path)
        for rate in partners(rates, part) if rates else ():
            # a rate is worked out from its own article's part and whole; a part that article
            # does not give is not what the rate measures
            source = articles.source(rate)
            own_part = articles.of(part, source)
            if own_part is not None:
                _check_ratio(c, rate, own_part, articles.of(whole, source) or whole, path)


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
            f"expected {total.shown()}, computed {rounded(summed.mid, total.figure.value)}"
            f"{unit.symbol} from {shown}",
            path,
        )


_ZERO = Decimal(0)
_NOTHING_YET = Interval.exact(_ZERO)  # a sum before its first part


def _check_target(
    c: Collector, dataset: Dataset, t: int, baselines: Baselines, articles: SameArticle
) -> None:
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
            # a rate is worked out from its own article's figures, whatever a later one revised
            source = articles.source(rate)
            own_actual = articles.of(actual, source) or actual
            own_goal = articles.of(goal, source)
            other = None if own_goal else (articles.source(goal) or "source")
            _check_ratio(c, rate, own_actual, own_goal or goal, path, other)
        gap = gaps.get(key)
        if gap:
            source = articles.source(gap)
            own_rate = rate and articles.of(rate, source)
            own_goal = articles.of(goal, source)
            check_lead(
                c,
                articles.of(actual, source) or actual,
                own_goal or goal,
                own_rate or rate,
                gap,
                target.basis,
                baselines,
                None if own_goal else (articles.source(goal) or "source"),
            )


def check_within(c: Collector) -> None:
    """G302 where the parts of a `within` relation add up to more than their whole."""
    dataset = c.loaded.dataset
    for r, relation in enumerate(dataset.relations):
        if isinstance(relation, WithinRelation):
            _check_within(c, dataset, relation, ("relations", r))


def _check_within(c: Collector, dataset: Dataset, relation: WithinRelation, path: Path) -> None:
    parts_by_ref = [resolve_all(dataset, ref) for ref in relation.parts]
    for whole in resolve_all(dataset, relation.whole):
        unit = whole.unit
        parts: list[Resolved] = []
        for candidates in parts_by_ref:
            parts += partners(candidates, whole)
        if not parts:
            continue
        if len({p.unit.family for p in [*parts, whole]}) != 1:
            shown = ", ".join(f.shown() for f in [*parts, whole])
            c.add("G203", f"cannot add up {shown}: different kinds of quantity", path)
            continue
        summed = Interval.exact(Decimal(0))
        for part in parts:
            summed = summed + part.span(unit)
        if summed.lo > whole.span(unit).hi:
            shown = " + ".join(p.shown() for p in parts)
            c.add("G302", f"parts {shown} add up to more than their whole {whole.shown()}", path)


def check_leads(c: Collector) -> None:
    """G308 where a quoted lead over a named baseline does not follow from the two rates."""
    dataset = c.loaded.dataset
    for r, relation in enumerate(dataset.relations):
        if isinstance(relation, LeadRelation) and relation.rate and relation.baseline:
            _check_lead_relation(c, dataset, relation, ("relations", r))


def _check_lead_relation(
    c: Collector, dataset: Dataset, relation: LeadRelation, path: Path
) -> None:
    assert relation.rate is not None and relation.baseline is not None
    rates = resolve_all(dataset, relation.rate)
    baselines = resolve_all(dataset, relation.baseline)
    for lead in resolve_all(dataset, relation.lead):
        for rate in partners(rates, lead):
            for baseline in partners(baselines, lead):
                if rate.unit.family != baseline.unit.family:
                    shown = f"{rate.shown()} and {baseline.shown()}"
                    c.add("G203", f"cannot subtract {shown}: different kinds of quantity", path)
                    continue
                computed = rate.span() - baseline.span(rate.unit)
                if not computed.overlaps(lead.span()):
                    c.add(
                        "G308",
                        f"expected a lead of {lead.shown()} over {relation.over}, computed "
                        f"{rounded(computed.mid, lead.figure.value)} from {rate.shown()} - "
                        f"{baseline.shown()}",
                        (*lead.path, "value"),
                    )
