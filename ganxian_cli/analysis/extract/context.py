"""What the words around a number say: 约/近/余 (qualifier), 预计/计划 (status), 同比增长/下降."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ...model.wording import WORDS
from .tokens import Token

_BEFORE = re.compile(r"(约|大约|将近|接近|近|超过|突破|不少于|不低于|逾|超)(?:达到?|为|有)?$")
_AFTER = re.compile(r"以上|左右|余")
_QUALIFIER = WORDS  # one vocabulary with `validate`
# 初步测算 in a review of a period that is over is its first count: an actual
_FORECAST = re.compile(r"预计|预期|有望|测算|将(?!近)")
_FORECAST_STRONG = re.compile(r"预计|预期|有望|测算")
_FORECAST_REVIEW = re.compile(r"预计|预期|有望|(?<!初步)测算|将(?!近)")
_FORECAST_STRONG_REVIEW = re.compile(r"预计|预期|有望|(?<!初步)测算")
# what is done already: 目前已完成112家, 开工率90% (not the plan the sentence opened with)
_DONE = re.compile(r"已|目前|率")
# 计划 before what is to be done heads a list of targets (二季度计划新开工项目12个,竣工项目15个)
_TARGET_STRONG = re.compile(r"确保|力争|目标|任务|不少于|不低于")
_COMMIT = re.compile(r"确保|力争")
_PLAN_VERB = re.compile(r"计划(?=新|开工|完成|实施|投资|建设|引进|签约|竣工|改造)")
_TARGET = re.compile(r"计划|全年|年度")
_TARGET_REVIEW = re.compile(r"计划")  # in a review of a year that is over, 全年 is what was done
_ACTUAL = re.compile(r"完成|累计|已|实际|占")
# a programme named by the plan it is listed in (列入年度计划的12个项目): what the items are, not
# a target
LISTED_IN = re.compile(r"(?:列入|纳入)[^,;。，；]{0,8}?(?:年度计划|全年计划|计划|年度)")
# the year's programme as arranged (全年安排市级重点项目75个): what it is, not a target (a sum
# arranged, 全年安排资金, may be a plan still)
ARRANGED = re.compile(r"(?:全年|今年|年度|年内)(?:共|累计)?安排")
_ITEMS = frozenset({"个", "项"})
# items planned after their count (4个项目计划于四季度投产): what is to be done, a target (not
# 11个计划开工项目未能按期开工: the plan names the items, and they were not started)
_PLANNED_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:项目|企业|工程)(?:计划|拟|力争|确保)")
# what was achieved against a target: 完成年度目标的78.6%, 超序时进度3.6个百分点 (超序进度)
# (完成全年目标2860亿元的48.5%: the target's amount between)
_ACHIEVED = re.compile(
    r"(?:完成|达到|实现|占)[^,;。]*(?:目标|任务|计划|年度预算|全年预算)(?:[\d.]+[^\d,;。]{0,3})?的?$"
    r"|(?:序时?|时序)进度$"
)
# the year's plan named right before its amount (完成全年目标2860亿元的48.5%: 2860 is the target)
_GOAL_NAMED = re.compile(r"(?:完成|达到|实现|占)?(?:全年|年度)(?:目标|任务|计划|预算)(?:为|是)?$")
# … and the plan's investment before its share (完成年度计划投资125亿元的79.0%), not the amount
# done against it (累计完成年度计划投资额71.26亿元)
PLAN_AMOUNT = re.compile(r"(?:全年|年度)计划投资额?$")
# the gap of what was done to the year's goal (低于全年目标0.6个百分点, 高于年度目标)
_AGAINST_GOAL = re.compile(
    r"(?:低于|高于|超过|超出|落后于?|快于|慢于)(?:全年|年度)(?:目标|计划|预期)$"
)
# a cap to keep under (城镇调查失业率控制在5.5%以内): a target, not what was done
_CAP_LEAD = re.compile(r"控制在$")
_CAP_AFTER = re.compile(r"以内|以下")
_GROWTH = re.compile(
    r"(环比)?(?:同比|比上年同期|较上年同期|比上年|较上年|比去年|较去年)?(分别)?"
    r"(增长|增加|提高|上升|上涨|下降|减少|回落|下滑|降低|下跌)了?(?:达到?|为)?$"
)


def qualifier(text: str, token: Token) -> str:
    """exact, about (约, 左右), nearly (近, 将近) or more_than (余, 多, 超过, 以上)."""
    if token.approx:
        return "more_than"
    before = _BEFORE.search(text, max(0, token.start - 6), token.start)
    if before and text[max(0, before.start() - 1) : before.start()] != "最":
        return _QUALIFIER[before.group(1)]
    after = _AFTER.match(text, token.end)
    if after:
        return _QUALIFIER[after.group()]
    return "exact"


class Status:
    """target (计划, 目标, 全年 … without 完成), forecast (预计, 将 …) or actual, for every figure
    of one text: the words looked for from the sentence start are listed once, not searched
    again for each figure of a long sentence."""

    def __init__(self, text: str, review: bool = False) -> None:
        self.text = text
        self._plan = _TARGET_REVIEW if review else _TARGET
        self._strong = _FORECAST_STRONG_REVIEW if review else _FORECAST_STRONG
        self._target = _Occurrences(_TARGET_STRONG, text)
        self._planned = _Occurrences(_PLAN_VERB, text)
        self._forecast = _Occurrences(_FORECAST_REVIEW if review else _FORECAST, text)

    def __call__(self, sentence_start: int, clause: tuple[int, int], token: Token) -> str:
        """The status of the figure *token* of a clause and sentence."""
        text = self.text
        lead = text[clause[0] : token.start]
        if self._strong.search(lead):
            return "forecast"
        if _COMMIT.search(lead):
            return "target"  # 确保6月底前完成第二批危房改造任务86户
        if _AGAINST_GOAL.search(lead):
            return "actual"  # 增长5.4%,低于全年目标0.6个百分点: how far what was done is from it
        if (
            _GOAL_NAMED.search(lead)
            or (text.startswith("的", token.end) and PLAN_AMOUNT.search(lead))
            or (_CAP_LEAD.search(lead) and _CAP_AFTER.match(text, token.end))
        ):
            return "target"
        if _ACHIEVED.search(lead):
            return "actual"
        if _TARGET_STRONG.search(lead):
            return "target"
        if _DONE.search(lead):
            return "actual"
        if self._target.within(sentence_start, token.start):
            return "target"
        if self._planned.within(sentence_start, token.start) and not _ACTUAL.search(lead):
            return "target"  # 二季度计划新开工项目12个,竣工项目15个
        if (
            self._plan.search(lead)
            and not _ACTUAL.search(lead)
            and not LISTED_IN.search(lead)
            and not (
                ARRANGED.search(lead) and token.unit in _ITEMS and not _TARGET_REVIEW.search(lead)
            )
        ):
            return "target"
        if token.unit in _ITEMS and _PLANNED_AFTER.match(
            text, token.end, min(clause[1], token.end + 12)
        ):
            return "target"
        if self._forecast.within(sentence_start, token.start) or _FORECAST.search(
            text, token.end, clause[1]
        ):
            return "forecast"
        return "actual"


class _Occurrences:
    """Whether `pattern.search(text, lower, upper)` finds a match, for many ranges of one text.

    For a pattern of short words none of which overlaps another (or itself), with at most a
    look-ahead of one character: every match is listed once; only near *upper*, where a search
    stopped there sees the text end, is the text searched again.
    """

    NEAR = 8  # longer than any word and its look-ahead

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.pattern, self.text = pattern, text
        matches = list(pattern.finditer(text))
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]

    def within(self, lower: int, upper: int) -> bool:
        first = bisect.bisect_left(self.starts, lower)
        if first < len(self.starts) and self.ends[first] <= upper:
            return True
        near = max(lower, upper - self.NEAR)
        return self.pattern.search(self.text, near, upper) is not None


@dataclass(frozen=True)
class Growth:
    """A growth rate next to a value, and whether it lists several (分别增长a、b); its sign is
    `model.change_words`'s, as `validate` reads it."""

    respectively: bool


def growth(text: str, clause_start: int, token: Token) -> Growth | None:
    """The growth words just before a percentage, if any."""
    m = _GROWTH.search(text, max(clause_start, token.start - 12), token.start)
    if m is None or m.group(1):  # 环比: on the month before, not year on year
        return None
    return Growth(bool(m.group(2)))
