"""A count that all of its items reached: 23个重点项目已全部开工 is also 23 started; a target
that all of its items are to reach (确保23个重点项目全部开工) is a list to complete."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ...model.periods import UNDATED, Period, PeriodError, parse_period
from ...model.units import Kind
from .context import ARRANGED as _ARRANGED
from .context import LISTED_IN as _LISTED_IN
from .match import Match, Matcher
from .rates import unit_kind
from .types import FoundFigure, Proposal

# after a count, in its clause: the items (重点调度项目), then 已/均/都 全部 and what they did
_ALL_DONE = re.compile(
    r"(?P<items>[\u4e00-\u9fff“”]{0,24}?)(?:已经?|均已?|都已?|现已)?(?:全部|全数|悉数)"
    r"(?:已经?)?(?P<done>开工|复工|建成|签约|投产|竣工|完工|落地|开业|达产|投用|完成)"
)
_YEAR = re.compile(r"\d{4}(?!\d)")  # a period of one year, or of months of it
_WHOLE_YEAR = re.compile(r"\d{4}")
_NOT_DONE = re.compile(r"计划|力争|确保|将|预计|争取|要")  # 计划10月底前全部完工: not yet


def all_done(
    proposals: list[Proposal],
    figures: list[FoundFigure],
    text: str,
    matcher: Matcher,
    in_force: Callable[[int], str] | None = None,
) -> list[Proposal]:
    """*proposals* and, after each actual count whose items are all done (全部开工), that same
    count of the items done (已开工), onto the indicator of that name. The count done is a flow
    from January: of the count's months, up to the month it stands at (a count of June: January
    to June); where the count is the year's programme (列入…的15个项目), of the months in force
    at it (*in_force*: the period text[pos] is of), not of the year to come."""
    out: list[Proposal] = []
    renamed: dict[str, str] = {}  # a count's new indicator, once its name lost 已全部建成
    for p, f in zip(proposals, figures, strict=True):
        found = None
        if p.status != "forecast" and unit_kind(p.unit) is Kind.COUNT:
            found = _ALL_DONE.match(text, f.token.end, f.clause[1])
        if found is not None and p.status == "target":
            # 确保23个重点调度项目年内全部开工: the target is a list of items to complete
            out.append(replace(p, target_kind="list"))
            continue
        said = _LISTED_IN.sub("", text[f.clause[0] : found.end()]) if found else ""
        if found is None or _NOT_DONE.search(said):  # 列入年度计划的: the list, not a plan to do
            out.append(p)
            continue
        # the count all of whose items are done is the size of the year's list
        count = replace(p, period=p.period[:4]) if _YEAR.match(p.period) else p
        done = found.group()[len(found.group("items")) :]
        verb = found.group("done")
        own = count.name
        if count.name.endswith(done) and len(count.name) > len(done):
            own = count.name[: -len(done)]  # 12个重点项目已全部建成: the list is of 重点项目
        items = found.group("items").strip("“”")
        if items and not own.endswith(items):
            own += items  # 列入重点调度的25个项目已全部开工: the list of 列入重点调度项目
        if own != count.name or _names(matcher, count.indicator, verb):
            # the list is never the indicator of the items done (已开工…), whatever its value
            new = _list_match(matcher, own, count, verb)
            if new.indicator != count.indicator:
                renamed[count.indicator] = new.indicator
            count = replace(
                count,
                name=own,
                indicator=new.indicator,
                new_indicator=new.new,
                theme=new.theme,
                reason=new.reason,
            )
        out.append(replace(count, target_kind="list"))  # the list its items are done of
        name = "已" + verb + own
        ranked = matcher.ranked(name, abs(p.value), p.unit, p.subject, p.period, p.quote)
        match = next(  # an indicator of the items done (its name says 开工), else a new one
            (
                m
                for m in ranked
                if m.indicator != count.indicator and (m.new or _names(matcher, m.indicator, verb))
            ),
        )
        if match.new:
            match = replace(match, indicator=matcher.fresh())
        reason = f"all ({found.group()[len(found.group('items')) :]}) of the count; " + match.reason
        done_period = _started_by(p.period)
        quote = p.quote
        if in_force is not None and _WHOLE_YEAR.fullmatch(p.period):
            done_period = in_force(f.token.start)
            # 列入年度计划的12个…已全部开工: the count done is quoted from its number on, so
            # the plan's 年度 does not date it as the year
            quote = text[f.token.start : found.end()]
        out.append(
            replace(
                p,
                period=done_period,
                quote=quote,
                name=name,
                indicator=match.indicator,
                new_indicator=match.new,
                theme=match.theme,
                reason=reason,
                relation=None,
                relates_to=None,
                restates=None,
                done_items=True,
            )
        )
    if not renamed:
        return out
    return [
        replace(p, relates_to=renamed[p.relates_to]) if p.relates_to in renamed else p for p in out
    ]


def _started_by(period: str) -> str:
    """The period of a count of items done by the month *period* names: a total from January
    to that month (23个项目已全部开工 in a June report: 2022-H1), as 新开工 is; any other
    period as it is."""
    try:
        found = parse_period(period)
    except PeriodError:
        return period
    if found == UNDATED or found.start != found.end:
        return period
    return str(Period(found.year, 1, found.end))


def _names(matcher: Matcher, ident: str, verb: str) -> bool:
    """Whether the file's indicator *ident* is named for items done (已开工重点调度项目)."""
    dataset = matcher.dataset
    return (
        dataset is not None
        and ident in dataset.indicators
        and (verb in dataset.indicators[ident].name)
    )


def _list_match(matcher: Matcher, own: str, count: Proposal, verb: str) -> Match:
    """The indicator of the list named *own* (重点调度项目): the best one not named for its
    items done, else a new one."""
    ranked = matcher.ranked(own, abs(count.value), count.unit, count.subject, count.period)
    best = next(m for m in ranked if m.new or not _names(matcher, m.indicator, verb))
    if best.new and not best.indicator:
        return replace(best, indicator=matcher.fresh())
    return best


def link_lists(proposals: list[Proposal]) -> list[Proposal]:
    """Each list all of whose items are done (23个重点项目已全部开工) tracked by the count of its
    items done that follows it (once every id is final): the target of kind list `import`
    makes. A list whose count of items done is not right after it is no list."""
    out: list[Proposal] = []
    for n, p in enumerate(proposals):
        if p.target_kind == "list" and p.status == "actual":
            done = proposals[n + 1] if n + 1 < len(proposals) else None
            if done is not None and done.done_items and done.indicator != p.indicator:
                p = replace(p, tracks=done.indicator)
            else:
                p = replace(p, target_kind=None)
        out.append(p)
    return out


# the items right after a count whose investment so far is reported (56个省市县重点项目累计完成
# 投资83.42亿元): the year's programme, not a flow of items new to the months (新开工, 签约)
_PROGRESS_OF_ITEMS = re.compile(
    r"(?P<items>[\u4e00-\u9fff]{0,16}?项目)(?:累计|共|已|已累计)?(?:完成|实现)(?:投资|产值)"
)
_NEW_ITEMS = re.compile(r"新|签约|开工|竣工|投产|完工|建成|落地")


def year_lists(proposals: list[Proposal], figures: list[FoundFigure], text: str) -> list[Proposal]:
    """An actual count that is the year's list of projects is of the year, whatever months its
    sentence reports (1-7月…): the projects whose investment so far it reports (全县56个省市县
    重点项目累计完成投资…), or the programme arranged for it (全年安排的75个重点项目)."""
    out: list[Proposal] = []
    for p, f in zip(proposals, figures, strict=True):
        if p.status == "actual" and unit_kind(p.unit) is Kind.COUNT and _YEAR.match(p.period):
            items = _PROGRESS_OF_ITEMS.match(text, f.token.end, f.clause[1])
            arranged = _ARRANGED.search(text, f.clause[0], f.token.start)
            if (items and not _NEW_ITEMS.search(items.group("items"))) or arranged:
                p = replace(p, period=p.period[:4])
        out.append(p)
    return out
