"""Which new indicators are stocks: levels at a point of time (截至目前在建项目52个, 在谈项目43个,
规上企业达142家, 存款余额), not flows over months (签约项目13个, 新开工, 完成投资).

Conservative: a wrong mark would read every period of the indicator as a level at its end
(截至2022年6月), so a figure is a stock only when its words name a register or pipeline and
no word of a flow or change stands with them, it is an actual of one month (or of a year at
its end: 年末, 总数, 余额), and every actual figure of its indicator is one. An indicator the
data file has keeps the file's own mark.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...model.periods import UNDATED, Period, PeriodError, parse_period
from ...model.units import Kind
from .rates import unit_kind
from .types import FoundFigure, Proposal

# a register or pipeline counted as it stands: 在建项目, 在谈项目, 在库项目, 入库项目, 储备项目,
# 企业总数, 保有量, 存量
_PIPELINE = re.compile(r"在建|在谈|在库|入库|储备|总数|保有量|存量|存栏|实有|在册")
# a register of firms at a level: 规上企业达163家, 有进出口实绩的企业达1347家, 市场主体共有3万户
_REGISTER = re.compile(
    r"(?:企业|市场主体|景区|主体)(?:总数|总量)?(?:达到?|共有|现有|拥有|总计|合计)$"
)
# a register the words of a date at its end lead to: 年末全市规模以上工业企业1128家, 年末常住人口,
# 6月末市场主体总量4.19万户
_REGISTER_AT_END = re.compile(r"(?:企业|主体|人口|人员|户数)(?:总数|总量)?$")
# a register named as its count (规模以上工业企业数修正为215家)
_REGISTER_COUNT = re.compile(r"(?:企业|单位|市场主体)数$")
# an area the words of a date at its end lead to: 年末全市有效灌溉面积97.8万亩
_AREA_AT_END = re.compile(r"面积$")
# an amount standing at a date: 存款余额, 贷款余额, 装机容量, 农机总动力, 存煤, 库存, 存栏
_BALANCE = re.compile(r"余额|装机|总动力|存煤|库存|存栏|保有量")
# a flow or a change, not a level: 新增, 新开工, 签约, 完成投资, 比年初增加, 累计, 今年以来
_FLOW = re.compile(
    r"(?:新|增加|增长|增减|净增|减少|下降|开工|签约|完成|实现|引进|落地|竣工|投产|培育|认定|升规|"
    r"入规|办理|累计|接待|以来|当月|同期|全年|比|较|占|率|惠及|帮扶|扶持|带动|走访|服务|支持|"
    r"受理|吸纳|培训|发放|拨付|减免|兑现|对接|签订|招引|注册|登记|审批|收集|解决|协调|回访|"
    r"排查|检查|招聘|开展|组织|举办|参加|走访|出栏|出售|销售|收购|产量"
    r")(?!业)"  # 服务业企业: an industry, not a service rendered
)
# 在谈项目43个,投资总额568.4亿元: the size of the pipeline counted before it
_SIZE = re.compile(r"^(?:计划)?(?:投资总额|总投资)(?:额)?(?:达到?|为|约)?$")
# words of a level at a date in the sentence: the year's end (年末, 截至年底) dates a stock
_YEAR_END = re.compile(r"年末|年底|末|底|截至|截止|目前|现有")


def is_stock(lead: str, name: str, unit: str, period: str, status: str, at_end: bool) -> bool:
    """Whether a figure is a level at a point of time: *lead*, the words of its clause before
    it; *name*, its indicator's name; *at_end*, a stock phrase (截至3月末, 年末) dates it."""
    if status == "actual" and _REGISTERED_RATE.fullmatch(name):
        return _at_a_point(period, at_end, name)  # 城镇登记失业率为2.9%: the register at the end
    if status != "actual" or _FLOW.search(lead) or _FLOW.search(name):
        return False
    kind = unit_kind(unit)
    dated = at_end or bool(_YEAR_END.search(lead))
    if kind is Kind.COUNT:
        named = bool(
            _PIPELINE.search(name)
            or _PIPELINE.search(lead)
            or _REGISTER.search(lead)
            or (dated and _REGISTER_AT_END.search(lead))
            or (dated and _REGISTER_COUNT.search(name))
        )
    elif kind is Kind.AMOUNT:
        named = bool(
            _BALANCE.search(name) or _BALANCE.search(lead) or (dated and _AREA_AT_END.search(lead))
        )
    else:
        return False
    return named and _at_a_point(period, dated, lead + name)


# a rate of a register as it stands at the end of a period (not a survey's, 调查失业率)
_REGISTERED_RATE = re.compile(r"(?:城镇)?登记失业率")


def _at_a_point(period: str, at_end: bool, words: str) -> bool:
    """A month, or a whole year at its end (年末, or a total or balance the year stands at)."""
    try:
        found: Period = parse_period(period)
    except PeriodError:
        return False
    if found == UNDATED:
        return False
    if found.start == found.end:
        return True
    whole = found.start == 1 and found.end == 12
    return whole and (at_end or bool(re.search(r"总数|余额", words)))


def parts(proposals: list[Proposal], figures: list[FoundFigure], text: str) -> list[Proposal]:
    """*proposals* with the figures that stand for a stock before them in their sentence
    stocks too, of its date: its parts after 其中 (在建项目148个,其中亿元以上项目53个) of its unit
    kind, and the total investment of a pipeline right after its count (在谈项目43个,投资总额
    568.4亿元). The date is the stock's: a part's months, read up to that date, are the span
    the sentence's period phrase gave before the stock was read as a level."""
    out: list[Proposal] = []
    stocks: dict[tuple[tuple[int, int], Kind], tuple[Proposal, FoundFigure]] = {}
    last: dict[tuple[int, int], Proposal] = {}  # sentence -> its last figure
    listed: set[int] = set()  # the parts found: 其中A15个,B9个 lists B after A
    sentence: tuple[int, int] | None = None
    for p, f in zip(proposals, figures, strict=True):
        if f.sentence != sentence:  # 总数达到217家。其中,…58家: the sentence before's parts
            if sentence is not None and text.startswith("其中", f.sentence[0]):
                for k in Kind:
                    if (sentence, k) in stocks:
                        stocks[(f.sentence, k)] = stocks[(sentence, k)]
            sentence = f.sentence
        # an item of a list (其中新开工项目38个、续建项目64个): its own words only
        lead = text[
            max(f.clause[0], text.rfind("、", f.clause[0], f.token.start) + 1) : f.token.start
        ]
        kind = unit_kind(p.unit)
        if not p.stock and p.status == "actual" and not _FLOW.search(lead):
            counted = stocks.get((f.sentence, Kind.COUNT))
            found = stocks.get((f.sentence, kind))  # the last stock of its kind: its whole
            part = found is not None and (
                id(found[0]) in listed or "其中" in text[found[1].token.end : f.token.start]
            )
            if found is not None and part:
                before: Proposal | None = found[0]
            elif (
                counted is not None
                and last.get(f.sentence) is counted[0]
                and kind is Kind.AMOUNT
                and _SIZE.match(lead) is not None
            ):
                before = counted[0]
            else:
                before = None
            if before is not None and _ends_with(p.period, before.period):
                p = replace(p, stock=True, period=before.period)
                if part:
                    listed.add(id(p))
        if p.stock:
            stocks[(f.sentence, kind)] = (p, f)
        if kind is not Kind.RATE:
            last[f.sentence] = p
        out.append(p)
    return out


def _ends_with(period: str, point: str) -> bool:
    """*period* is the month *point*, or a run of months of its year that ends with it."""
    if period == point:
        return True
    try:
        run, month = parse_period(period), parse_period(point)
    except PeriodError:
        return False
    return (
        month.start == month.end
        and run != UNDATED
        and (run.year, run.end) == (month.year, month.end)
        and run.start == 1
    )


def by_indicator(proposals: list[Proposal]) -> list[Proposal]:
    """A new indicator is a stock when each of its actual figures is one (its targets and
    forecasts follow); no figure of an indicator the file has is marked."""
    marks: dict[str, bool] = {}
    for p in proposals:
        if p.new_indicator and p.status == "actual":
            marks[p.indicator] = marks.get(p.indicator, True) and p.stock
    return [
        replace(p, stock=p.new_indicator and marks.get(p.indicator, False))
        if p.stock != (p.new_indicator and marks.get(p.indicator, False))
        else p
        for p in proposals
    ]
