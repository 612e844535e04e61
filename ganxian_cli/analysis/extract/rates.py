"""Rates of other figures: 开工率 (rate), 超序时进度 (gap), 占…的 (share), and what they are of."""

from __future__ import annotations

import re
from dataclasses import replace

from ...model.models import Dataset
from ...model.periods import UNDATED, PeriodError, parse_period
from ...model.refs import RefError, parse_ref
from ...model.units import Kind
from .context import PLAN_AMOUNT
from .match import Matcher, canonical
from .tokens import known_unit
from .types import FoundFigure, Proposal

_GAP = re.compile(r"序时|序进度")
# 完成年度计划的82.4%, 占年度计划的81.2%: the rate the year's plan is done at, not a share
_RATE = re.compile(
    r"率|完成.*(?:计划|目标|任务|年度预算|全年预算).*的|占(?:年度|全年)(?:计划|任务|目标)"
)
# a cap to keep under (失业率控制在5.5%以内): a measure of its own, no rate of the figure before
_CAP = re.compile(r"控制在")
# the year's plan named right before its amount (完成全年目标2860亿元的48.5%)
_GOAL_NAMED = re.compile(r"(?:全年|年度)(?:目标|任务|计划|预算)(?:为|是)?$")
# a completion rate named by the plan alone (完成年度目标的63.2%: 年度目标, 全年目标2860亿元)
_PLAN_ONLY = re.compile(
    r"(?:完成|占)?(?P<plan>(?:全年|年度)(?:目标任务|目标|任务|计划|预算))(?:(?:投资额?)?[\d.]+[^\d]{0,3})?"
    r"(?:完成率)?"
)
# what a completion rate, a gap to the schedule and a gap to the year's goal are named by
_INVESTED = re.compile(r"完成投资额?$")
_COMPLETION_OF = re.compile(r"(?P<of>.+?)(?:年度|全年)(?:计划|目标|预算|任务)完成率")
_SCHEDULE_GAP = re.compile(r"(?:超|落后于?|快于|慢于)(?:序时|时序|时间)进度")
_GOAL_GAP = re.compile(r"(?:低于|高于|超过|超出)(?:全年|年度)(?:目标|计划|预期)")
# a completion rate named by its measure and the plan (一般公共预算收入完成年度预算)
_MEASURE_PLAN = re.compile(
    r"(?P<of>[\u4e00-\u9fff]{2,}?)(?:完成|占)(?P<plan>(?:全年|年度)(?:目标|任务|计划|预算))"
)


def related(
    proposals: list[Proposal],
    figures: list[FoundFigure],
    text: str,
    dataset: Dataset | None = None,
) -> list[Proposal]:
    """Rates (开工率, 占…的, 超序时进度) with the figure before them in the sentence they are of.

    With a data file, a rate or gap is of a target: of the one whose actual, or whose target's
    indicator, is the figure it follows (开工率 after the 23 key projects of the plan is the rate
    of the target they set, tracked by the projects started). It then goes onto the indicator
    that target's `rate`/`gap` names, and `rate_of`/`gap_of` is the actual the import links it
    to; a rate of no target keeps its relation as a note only."""
    out: list[Proposal] = []
    last_amount: dict[tuple[int, int], str] = {}  # sentence -> indicator of its last non-rate
    themes: dict[str, str] = {}  # indicator -> theme of the figures before
    for p, f in zip(proposals, figures, strict=True):
        if unit_kind(p.unit) is not Kind.RATE:
            last_amount[f.sentence] = p.indicator
            themes.setdefault(p.indicator, p.theme)
            out.append(p)
            continue
        lead = text[f.clause[0] : f.token.start]
        relation = None
        if _CAP.search(lead):
            pass
        elif p.unit != "%" and _GAP.search(lead):
            relation = "gap"
        elif _RATE.search(lead):
            relation = "rate"
        elif "占" in lead:
            relation = "share"
        of = last_amount.get(f.sentence)
        if relation and of:
            p = replace(p, relation=relation, relates_to=of)
            if p.new_indicator:  # a new rate is of its figure's theme (完成率 of investment)
                p = replace(p, theme=themes.get(of, p.theme))
            if dataset is not None and relation in ("rate", "gap"):
                p = _of_target(p, relation, of, dataset)
        out.append(p)
    return out


def _of_target(p: Proposal, relation: str, of: str, dataset: Dataset) -> Proposal:
    """*p*, a rate or gap of the figure of *of*, tied to the target *of* tracks or sets."""
    for target in dataset.targets:
        if of not in (target.actual, target.target.split("@")[0]):
            continue
        holder = target.rate if relation == "rate" else target.gap
        if holder is not None and holder in dataset.indicators and holder != p.indicator:
            reason = f"the {relation} of the target tracked by {target.actual} ({holder})"
            p = replace(p, indicator=holder, new_indicator=False, reason=reason)
        return replace(p, relates_to=target.actual, links=True)
    return p


def year_goals(proposals: list[Proposal], figures: list[FoundFigure], text: str) -> list[Proposal]:
    """An amount printed as the year's plan after a figure of its sentence (地区生产总值完成
    1386.5亿元，…，完成全年目标2860亿元的48.5%): that figure's target for its year, on its
    indicator, not a measure of its own named 全年目标."""
    out: list[Proposal] = []
    last: dict[tuple[int, int], Proposal] = {}  # sentence -> its last figure not a rate
    for p, f in zip(proposals, figures, strict=True):
        if unit_kind(p.unit) is Kind.RATE:
            out.append(p)
            continue
        before = last.get(f.sentence)
        lead = text[f.clause[0] : f.token.start]
        year = _year(before.period) if before else None
        if (
            before is not None
            and year is not None
            and p.status == "target"
            and before.status == "actual"
            and (
                _GOAL_NAMED.search(lead)
                or (PLAN_AMOUNT.search(lead) and text.startswith("的", f.token.end))
            )
            and unit_family(p.unit) == unit_family(before.unit)
        ):
            p = replace(
                p,
                indicator=before.indicator,
                new_indicator=before.new_indicator,
                name=before.name,
                theme=before.theme,
                subject=before.subject,
                period=str(year),
                reason=f"the year's plan of {before.name} before it: its target for {year}",
            )
        if not f.prior:  # (上年同期为86.2亿元): a year before, not the actual the plan is of
            last[f.sentence] = p
        out.append(p)
    return out


def _annual(plan: str) -> str:
    """The year's plan as a completion rate names it: 全年目标任务 (the year's targets and
    tasks as set at its start) -> 年度目标; 全年目标 as it is."""
    return plan.replace("全年目标任务", "年度目标").replace("目标任务", "目标")


def completion_names(proposals: list[Proposal], matcher: Matcher) -> list[Proposal]:
    """A new completion rate named by the plan alone (完成年度目标的63.2% after 城镇新增就业
    3.16万人: 年度目标), or by its measure and the plan (一般公共预算收入完成年度预算), named
    as a completion rate of what it measures: 城镇新增就业年度目标完成率 (重点项目完成投资: of
    重点项目). A gap named by the schedule or the goal alone (超序时进度2.8个百分点 after
    完成年度计划的52.8%; 增长5.4%,低于全年目标0.6个百分点) is the gap of the measure before
    it on its line (规模以上工业总产值超序时进度, 地区生产总值增速低于全年目标)."""
    names = {p.indicator: p.name for p in proposals if unit_kind(p.unit) is not Kind.RATE}
    out: list[Proposal] = []
    for p in proposals:
        name = None
        plan = _PLAN_ONLY.fullmatch(p.name)
        of = _INVESTED.sub("", names.get(p.relates_to or "", ""))
        before = out[-1] if out and out[-1].line == p.line else None
        if p.relation == "rate" and plan and of:
            name = f"{of}{_annual(plan.group('plan'))}完成率"
        elif p.unit == "%" and (both := _MEASURE_PLAN.fullmatch(p.name)):
            name = f"{both.group('of')}{both.group('plan')}完成率"
        elif before is not None and _SCHEDULE_GAP.fullmatch(p.name):
            measure = _COMPLETION_OF.fullmatch(before.name)
            name = f"{measure.group('of')}{p.name}" if measure else None
        elif before is not None and _GOAL_GAP.fullmatch(p.name) and before.yoy is not None:
            name = f"{before.name}增速{p.name}"
        if name is not None and p.new_indicator:
            found = matcher.match(name, p.value, p.unit, p.subject, p.period, p.quote)
            p = replace(
                p, name=name, indicator=found.indicator, new_indicator=found.new,
                reason=found.reason if not found.new else p.reason,
            )  # fmt: skip
        out.append(p)
    return out


def link_year_targets(proposals: list[Proposal], dataset: Dataset | None) -> list[Proposal]:
    """A target of a whole year tracked by the actuals of its indicator over months of that
    year (社会消费品零售总额 542.8亿元 of 1-6月 and 力争全年突破1100亿元): `import` makes the
    [[targets]] entry `progress` judges, and a completion rate quoted of that indicator
    (完成年度目标的63.2%) is linked to it. Not for a rate (增长7%: a growth target is no
    amount to be half done), a level (a stock does not accrue), another unit family, or a
    target the data file has already. A new target named as a new actual is but for the
    register's 企业 (规上工业营业收入, 规上工业企业实现营业收入) goes onto the actual's
    indicator."""
    actuals = _actuals_to_date(proposals, dataset)
    named = {
        (_measure(p.name), p.subject, y, unit_family(p.unit)): p
        for p in proposals
        if p.new_indicator and p.status == "actual" and (y := _year_to_date(p.period))
    }
    alike = _same_quantity(proposals)
    taken = {(p.indicator, p.period, p.status, p.subject) for p in proposals}
    had = _targets_had(dataset)
    stocks = {i for i, x in dataset.indicators.items() if x.stock} if dataset else set()
    linked: set[str] = set()  # the indicators of the targets linked
    out: list[Proposal] = []
    for p in proposals:
        year = _year(p.period)
        if (
            year is None
            or p.status != "target"
            or p.period != str(year)
            or p.target_kind is not None
            or p.tracks is not None
            or p.stock
            or unit_kind(p.unit) is Kind.RATE
        ):
            out.append(p)
            continue
        family = unit_family(p.unit)
        actual = named.get((_measure(p.name), p.subject, year, family))
        how = "but for the register's 企业"
        if actual is None:  # 重点项目投资 of 省市县重点项目累计完成投资: the same quantity
            actual = _alike(alike, p, year, family)
            how = "but for words of scope, period and verb (省市县, 累计, 完成)"
        if p.new_indicator and actual and (p.indicator, p.subject, year, family) not in actuals:
            moved = (actual.indicator, p.period, p.status, p.subject)
            if moved not in taken:
                taken.add(moved)
                reason = f"named as {actual.name} ({actual.indicator}) {how}"
                p = replace(
                    p, indicator=actual.indicator, name=actual.name, theme=actual.theme,
                    reason=reason,
                )  # fmt: skip
        since = actuals.get((p.indicator, p.subject, year, family))
        if since and p.indicator not in stocks | linked and (p.indicator, year) not in had:
            linked.add(p.indicator)
            reason = (
                f"{p.reason}; the year's target of its actual to date ({since}): "
                f"tracks = {p.indicator} makes the [[targets]] entry progress judges"
            )
            p = replace(p, tracks=p.indicator, reason=reason.lstrip("; "))
        out.append(p)
    return _quoted_of(out, linked)


# words a target and its actual may differ by and still measure one quantity: the level of a
# programme (省市县重点项目), the period (累计, 全年), the commitment (确保), the verb (完成投资额)
_LEVELS = re.compile(r"省市县|省市|市县|省级|市级|县级|区级|镇级|乡级")
_FILLER = re.compile(r"累计|全年|年内|今年|确保|力争|争取|完成|实现|(?<=投资)额")


def _words(name: str) -> tuple[str, frozenset[str]]:
    """*name* as the quantity it measures, and the levels of the programme it names."""
    bare = _measure(name)
    levels = frozenset(m.group() for m in _LEVELS.finditer(bare))
    return _FILLER.sub("", _LEVELS.sub("", bare)), levels


_Alike = dict[tuple[str, str | None, int, str], list[tuple[frozenset[str], Proposal]]]


def _same_quantity(proposals: list[Proposal]) -> _Alike:
    """The new actuals over months of a year, by the quantity their names measure."""
    found: _Alike = {}
    for p in proposals:
        if p.new_indicator and p.status == "actual" and (y := _year_to_date(p.period)):
            words, levels = _words(p.name)
            if len(words) >= 2:
                found.setdefault((words, p.subject, y, unit_family(p.unit)), []).append((levels, p))
    return found


def _alike(alike: _Alike, target: Proposal, year: int, family: str) -> Proposal | None:
    """The one actual of *target*'s quantity (the levels named on both sides agree where both
    name some); None where there is none, or more than one indicator could be it."""
    words, levels = _words(target.name)
    candidates = {
        p.indicator: p
        for own, p in alike.get((words, target.subject, year, family), [])
        if not (own and levels and own != levels)
    }
    return next(iter(candidates.values())) if len(candidates) == 1 else None


def _quoted_of(proposals: list[Proposal], linked: set[str]) -> list[Proposal]:
    """The first rate and the first gap quoted of each target linked, linked to it (a target
    has one of each)."""
    out: list[Proposal] = []
    seen: set[tuple[str, str]] = set()
    for p in proposals:
        if p.relation in ("rate", "gap") and p.relates_to in linked and not p.links:
            key = (p.relation, p.relates_to)
            if key not in seen:
                seen.add(key)
                p = replace(p, links=True)
        out.append(p)
    return out


def _actuals_to_date(
    proposals: list[Proposal], dataset: Dataset | None
) -> dict[tuple[str, str | None, int, str], str]:
    """(indicator, subject, year, unit family) of each actual over months of a year from
    January, of the draft and of the data file: the period, as the reason names it."""
    actuals: dict[tuple[str, str | None, int, str], str] = {}
    if dataset is not None:
        for ident, indicator in dataset.indicators.items():
            for o in indicator.observations:
                y = _year_to_date(str(o.period))
                if o.status == "actual" and y is not None:
                    family = unit_family(o.unit or indicator.unit)
                    actuals[ident, o.subject, y, family] = f"{o.period} in the data file"
    for p in proposals:
        if p.status == "actual" and (y := _year_to_date(p.period)) is not None:
            actuals[p.indicator, p.subject, y, unit_family(p.unit)] = p.period
    return actuals


# the firms of a register named in a measure of its industry (规模以上工业企业营业收入)
_REGISTER_FIRMS = re.compile(r"(?<=工业)企业")


def _measure(name: str) -> str:
    """*name* as a target and its actual are compared: 规模以上 spelt out, without the
    register's 企业 (规上工业营业收入 is 规模以上工业企业营业收入)."""
    return _REGISTER_FIRMS.sub("", canonical(name))


def _targets_had(dataset: Dataset | None) -> set[tuple[str, int]]:
    """(indicator, year) of each target of the data file, by its own indicator and by its
    actual's."""
    had: set[tuple[str, int]] = set()
    for t in dataset.targets if dataset else []:
        try:
            ref = parse_ref(t.target)
        except RefError:
            continue
        if ref.period is not None and ref.period != UNDATED:
            had |= {(ref.indicator, ref.period.year), (t.actual, ref.period.year)}
    return had


def _year(period: str) -> int | None:
    try:
        parsed = parse_period(period)
    except PeriodError:
        return None
    return None if parsed == UNDATED else parsed.year


def _year_to_date(period: str) -> int | None:
    """The year of a period of months from January short of the whole year (2033-H1)."""
    try:
        parsed = parse_period(period)
    except PeriodError:
        return None
    if parsed == UNDATED or parsed.start != 1 or parsed.end == 12:
        return None
    return parsed.year


def unit_family(unit: str) -> str:
    """The family of *unit* (亿元 and 万元 are one), or the symbol of a unit no one knows."""
    found = known_unit(unit)
    return unit if found is None else found.family


def unit_kind(unit: str) -> Kind:
    found = known_unit(unit)
    return Kind.COUNT if found is None else found.kind
