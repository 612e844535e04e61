"""Which period the words of a text name: 一季度, 上半年, 1—5月, 截至6月末, 今年以来, 2030年.

One reading shared by `validate` (does a figure's period fit its quote?) and `extract` (which
period does a clause give its figures?). `period_phrases` reads a text (a quote, or a clause of
an article) once, left to right, and returns each period phrase with its span and meaning:

- *own*: the period of the text's own figures (上半年全市实现地区生产总值…);
- *base*: the base of a comparison, never the figure's period (比5月, 较上月, 较上半年, 比上年同期,
  与去年相比, 同比, 环比);
- *bracketed*: the period of a figure in brackets only: 较一季度(-8.1%) or (1—5月为4.2%); the
  bracketed number is that period's figure (`bracket_period`), the clause's own period is not.

Relative words (上半年, 本月, 今年以来, 去年) are resolved against the article's reference year and
month; without them such a phrase has no period. A bare year (2030年, 二〇三〇年) is the year, and
the reference year of the relative words after it (2030年,全市上半年… is 2030-H1). *stock* marks
the words of a level at a month's end (截至6月末, 6月底, 截至目前, 年末): its figures are the
month, or a cumulative flow up to that month. 当月 ("that month") is the month last named before
it in the text (3月份…当月), so read a whole article once rather than clause by clause; `reference`
gives the year and month an article reports on (a review published in January is of the year
before).

Dates (7月21日) are not periods. Deadlines and plans (9月底前, 到2035年) are read as the months they
name: whether a figure is a target is not this module's question.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from .numerals import chinese
from .periods import Period

Kind = Literal["own", "base", "bracketed"]


@functools.cache
def _chinese_values() -> dict[str, int]:
    """一 … 十二 (and 两) as numbers, from `numerals.chinese`; 〇 and 零 are 0 in a year."""
    values = {form: n for n in range(1, 13) for form in chinese(Decimal(n))}
    return values | {"〇": 0, "零": 0}


_CN = "〇零一二三四五六七八九十两"
_N = rf"(?<![\d.])\d{{1,2}}|[{_CN}]{{1,3}}"  # a month or a count: 5, 12, 五, 十二 (not of 12.5)
_YEAR = r"\d{4}|[〇零一二三四五六七八九]{4}"  # 2030, 二〇三〇
_TO = r"[-~～至到—–－]+"


def _pre(name: str) -> str:
    """A year, or a relative year, before a month phrase: 2031年1—5月, 今年一季度, 去年上半年."""
    return rf"(?:(?P<{name}>{_YEAR})年|(?P<{name}r>今年|本年|去年|上年))?"


_NOT_DAY = r"(?![\d〇零一二三四五六七八九十]*[日号])"  # 7月21日 is a date
# 2018年3月20日: the year of a date (a dateline), not a year the text is about
_DAY_OF_MONTH = r"[\d〇零一二三四五六七八九十]{1,3}月[\d〇零一二三四五六七八九十]{1,3}[日号]"
_ALTERNATIVES = (
    rf"(?P<range>{_pre('ry')}(?P<rs>{_N})月?(?:份)?{_TO}(?P<re>{_N})月(?:份)?{_NOT_DAY})",
    rf"(?P<quarters>{_pre('py')}前(?P<pn>{_N})个?季度)",
    rf"(?P<months>{_pre('fy')}前(?P<fn>{_N})个月)",
    rf"(?P<quarter>{_pre('qy')}第?(?P<q>[一二三四1-4])季度(?P<qend>末|底)?)",
    rf"(?P<half>{_pre('hy')}(?P<hw>上|下)半年(?P<hend>末|底)?)",
    r"(?P<halfsum>半年累计|半年度)",
    r"(?P<ytd>(?:今年|年初)以来|今年来)",
    r"(?P<now>(?:截至|截止)(?:目前|当前|现在))",
    rf"(?P<asof>(?:截至|截止){_pre('ay')}(?P<an>{_N})月\d{{1,2}}[日号])",
    rf"(?P<mend>(?P<mpre>截至|截止)?{_pre('my')}(?P<mn>{_N})月(?:份)?(?P<mtail>末|底)?"
    rf"{_NOT_DAY})",
    r"(?P<this>本月|当月)",
    r"(?P<lastmonth>上月)",
    rf"(?P<yend>(?:(?P<ey>{_YEAR})年|(?P<eyr>去年|上年|今年))(?:末|底)|年末|年底)",
    r"(?P<same>(?:去年|上年)?同期)",
    rf"(?P<year>(?:(?P<yy>{_YEAR})年(?!{_DAY_OF_MONTH})|(?P<yyr>去年|上年))(?P<ywhole>全年|年度)?)",
    r"(?P<whole>全年|年度|本年度|本年)",
    r"(?P<compare>同比|环比)",
)
_PHRASES = re.compile("|".join(_ALTERNATIVES))
# a character every phrase above holds (月, 季, 年, 前 of 目前, 在 of 现在, 期 of 同期, 比 of 同比):
# a text with none of them names no period, and is not scanned phrase by phrase
_ANY_PHRASE = re.compile("[月季年前在期比]")
# A comparison base: 比5月, 较上月, 与去年相比, 同上年, 较之一季度
_BASE_BEFORE = frozenset("比较与同和跟之")
_BASE_AFTER = re.compile(r"同期|相比|相较|比较")
# … and the plan a share is taken of or a rate is measured against: 完成全年任务的92%,
# 占年度计划的25.8%, 低于全年目标0.6个百分点 (but 全年目标为… is the period of a target)
_PLAN_SHARE_BEFORE = ("完成", "占", "为", "低于", "高于", "快于", "慢于", "超过", "超出", "落后于")
_PLAN_AFTER = re.compile(r"(?:目标)?(?:任务|计划|目标|预算)")
_OPEN, _CLOSE = "(（[【", ")）]】"
_NUMBER_IN = re.compile(r"[(（]\s*[-+－−]?[\d０-９]")  # a bracket holding a number


@dataclass(frozen=True)
class PeriodPhrase:
    """A period phrase at text[start:end]; *period* is None where its reference is unknown
    (or for 同比/环比/同期, which name no months)."""

    start: int
    end: int
    text: str
    kind: Kind
    period: Period | None
    stock: bool = False
    bare_year: bool = False  # 2030年 on its own: it names the year, and dates what follows
    group: str = ""  # which kind of phrase: range, quarter, half, ytd, mend, whole, year, …


def _number(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)  # ASCII and full-width digits alike
    if len(text) == 4:  # 二〇三〇
        digits = [_chinese_values().get(ch) for ch in text]
        if all(d is not None and d < 10 for d in digits):
            return int("".join(str(d) for d in digits))
        return None
    return _chinese_values().get(text)


def _month(n: int | None) -> int | None:
    return n if n is not None and 1 <= n <= 12 else None


class _Reader:
    """Resolves one match against the reference year and month (the year may change as the
    text names one)."""

    def __init__(self, year: int | None, month: int | None) -> None:
        self.year = year
        self.month = month
        self.last: Period | None = None  # the months last named: what 当月 refers back to

    def _year_of(self, g: dict[str, str | None], key: str) -> int | None:
        written = _number(g.get(key))
        if written is not None:
            return written or None  # 0000年 is no year
        relative = g.get(key + "r")
        if relative in ("去年", "上年"):
            return None if self.year is None else self.year - 1
        return self.year

    def period(self, m: re.Match[str]) -> tuple[Period | None, bool]:
        """The period of match *m*, and whether it is a stock."""
        kind = m.lastgroup
        g = m.groupdict()
        y: int | None
        if kind == "range":
            y, s, e = self._year_of(g, "ry"), _month(_number(g["rs"])), _month(_number(g["re"]))
            if y is None or s is None or e is None or s > e:
                return None, False
            return Period(y, s, e), False
        if kind == "quarters":
            y, n = self._year_of(g, "py"), _number(g["pn"])
            if y is None or n is None or not 1 <= n <= 4:
                return None, False
            return Period(y, 1, 3 * n), False
        if kind == "months":  # 前5个月
            y, n = self._year_of(g, "fy"), _month(_number(g["fn"]))
            return (None if y is None or n is None else Period(y, 1, n)), False
        if kind == "asof":
            y, n = self._year_of(g, "ay"), _month(_number(g["an"]))
            return (Period(y, n, n) if y is not None and n else None), True
        if kind == "quarter":
            y, q = self._year_of(g, "qy"), _number(g["q"]) or 0
            if y is None:
                return None, bool(g["qend"])
            return Period(y, 3 * q if g["qend"] else 3 * q - 2, 3 * q), bool(g["qend"])
        if kind == "half":
            y = self._year_of(g, "hy")
            s = 1 if g["hw"] == "上" else 7
            if y is None:
                return None, bool(g["hend"])
            return Period(y, s + 5 if g["hend"] else s, s + 5), bool(g["hend"])
        if kind == "halfsum":
            return self._ref(1, 6), False
        if kind == "ytd":
            return (None if self.month is None else self._ref(1, self.month)), False
        if kind == "this" and self.last is not None:
            return Period(self.last.year, self.last.end, self.last.end), False  # 3月份…当月
        if kind == "this" and m.group() == "当月":
            return None, False  # "that month": of a month named before, not the article's
        if kind in ("now", "this"):
            if self.month is None:
                return None, kind == "now"
            return self._ref(self.month, self.month), kind == "now"
        if kind == "lastmonth":
            if self.year is None or self.month is None:
                return None, False
            if self.month == 1:
                return Period(self.year - 1, 12, 12), False
            return Period(self.year, self.month - 1, self.month - 1), False
        if kind == "mend":
            y, n = self._year_of(g, "my"), _month(_number(g["mn"]))
            stock = bool(g["mpre"] or g["mtail"])
            return (Period(y, n, n) if y is not None and n else None), stock
        if kind == "yend":
            y = self._year_of(g, "ey")
            return (None if y is None else Period(y, 12, 12)), True
        if kind == "year":
            y = self._year_of(g, "yy")
            return (None if y is None or y < 1 else Period(y, 1, 12)), False
        if kind == "whole":
            return self._ref(1, 12), False
        return None, False  # 同比, 环比, 同期: a base with no months

    def _ref(self, start: int, end: int) -> Period | None:
        return None if self.year is None else Period(self.year, start, end)


def _bracket_spans(text: str) -> list[tuple[int, int]]:
    """The (outermost) bracketed spans of *text*, each from its opening bracket to just after
    its closing one (or the end of the text)."""
    spans: list[tuple[int, int]] = []
    depth, opened = 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            if depth == 0:
                opened = i
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                spans.append((opened, i + 1))
    if depth:
        spans.append((opened, len(text)))
    return spans


def period_phrases(
    text: str, year: int | None = None, month: int | None = None
) -> list[PeriodPhrase]:
    """Every period phrase of *text*, in order, read against the reference *year* and *month*
    (the article's; either may be None)."""
    if _ANY_PHRASE.search(text) is None:
        return []
    reader = _Reader(year, month)
    spans = _bracket_spans(text)
    span_at = 0
    found: list[PeriodPhrase] = []
    for m in _PHRASES.finditer(text):
        start, end = m.span()
        while span_at < len(spans) and spans[span_at][1] <= start:
            span_at += 1
        inside = span_at < len(spans) and spans[span_at][0] < start
        period, stock = reader.period(m)
        kind: Kind = "own"
        group = m.lastgroup
        if group in ("compare", "same", "lastmonth"):
            kind = "base"  # 上月 is the base of a 环比 unless nothing compares with it
            if group == "lastmonth" and not _is_base(text, start, end):
                kind = "own"
        elif _is_base(text, start, end):
            kind = "base"
        if inside or _NUMBER_IN.match(text, end):
            kind = "bracketed"
        bare = group == "year" and not m.group("ywhole") and m.group("yyr") is None
        if kind == "own" and period is not None:
            if bare:
                reader.year = period.year  # 2030年,全市上半年…: the year of what follows
            elif not period.is_year:
                reader.last = period
        found.append(PeriodPhrase(start, end, m.group(), kind, period, stock, bare, group or ""))
    return found


def _is_base(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    if before in _BASE_BEFORE or _BASE_AFTER.match(text, end) is not None:
        return True
    return text.endswith(_PLAN_SHARE_BEFORE, 0, start) and _PLAN_AFTER.match(text, end) is not None


def reference(text: str, year: int, month: int) -> tuple[int, int]:
    """The year and month an article published in *year*-*month* reports on, for reading its
    relative words: the publication month, except that a review published in the first quarter
    whose own words say 全年/年度/年末 (its figures are a whole year's) reports on the year
    before, to December. An article that names months of its own year already over (1月份,
    1—2月 in March) reports on them, whatever goal for 全年 it also states."""
    if month > 3:
        return year, month
    whole = False
    for p in period_phrases(text, year, month):
        if p.kind != "own" or p.period is None:
            continue
        if p.group in _WHOLE_YEAR:
            whole = True
        elif not p.bare_year and p.period.year == year and p.period.end <= month:
            return year, month  # 1月份… in February: this year's months
    return (year - 1, 12) if whole else (year, month)


_WHOLE_YEAR = frozenset({"whole", "yend"})
# the phrases of a span of months a headline may name (上半年, 一季度, 前三季度, 1—5月)
_HEADLINE_SPANS = frozenset({"range", "quarters", "months", "quarter", "half", "halfsum"})


def headline_span(headline: str, year: int, month: int) -> Period | None:
    """The span of months from January that *headline* names and that ends by *year*-*month*
    (赣县区上半年经济运行情况 published in July, or dated June: 2022-H1), else None (今年以来
    and one month name no span). It is the period the article reports on: its relative words
    (今年以来, 截至目前) are read against its last month. `extract` and `validate` (G232, on a
    source's title) both read headlines so."""
    for p in period_phrases(headline, year, month):
        period = p.period
        if (
            p.kind == "own"
            and p.group in _HEADLINE_SPANS
            and not p.stock
            and period is not None
            and period.year == year
            and period.start == 1
            and period.start < period.end <= month
        ):
            return period
    return None


def own_phrases(text: str, year: int | None = None, month: int | None = None) -> list[PeriodPhrase]:
    """The phrases that name the text's own period (no comparison base, nothing bracketed)."""
    return [p for p in period_phrases(text, year, month) if p.kind == "own"]


def implied_period(quote: str, year: int | None = None, month: int | None = None) -> Period | None:
    """The one period the quote's own words name, None when they name none, name several, or
    need a reference the caller did not give. A bare year before a month phrase only dates it
    (2031年,一季度 is 2031-Q1)."""
    own = own_phrases(quote, year, month)
    if not own or any(p.period is None for p in own):
        return None
    months = [p for p in own if not p.bare_year]
    periods = {p.period for p in (months or own)}
    return periods.pop() if len(periods) == 1 else None


def bracket_period(
    text: str, start: int, year: int | None = None, month: int | None = None
) -> Period | None:
    """The period of the bracketed figure at text[start:…]: the phrase inside its brackets
    ((1—5月为4.2%)), else the phrase right before them (较一季度(-8.1%)); None if neither."""
    spans = [s for s in _bracket_spans(text[: start + 1]) if s[0] < start]
    if not spans:
        return None
    opened = spans[-1][0]
    phrases = [
        p for p in period_phrases(text, year, month) if p.kind == "bracketed" and p.end <= start
    ]
    inside = [p for p in phrases if p.start > opened]
    before = [p for p in phrases if p.end == opened]
    chosen = inside[-1] if inside else (before[-1] if before else None)
    return None if chosen is None else chosen.period


def _fits(phrase: PeriodPhrase, period: Period, stock: bool = False) -> bool:
    named = phrase.period
    if named is None:
        return True  # nothing known to judge by
    if named.year != period.year:
        return False
    if phrase.bare_year:
        return True  # 2030年 alone says only the year
    if phrase.stock or stock:
        return named.end == period.end  # a level at the month's end, or the flow up to it
    return (named.start, named.end) == (period.start, period.end)


def agrees(
    quote: str,
    period: Period,
    year: int | None = None,
    month: int | None = None,
    stock: bool = False,
) -> bool:
    """Whether the quote's own period words allow *period*; a quote without them is not judged
    (True). Without the article's *year* and *month* the period's own year and last month
    stand in for them, and words relative to an unknown year (去年) are not judged.

    A quote agrees when any of its own phrases fits: a bare year fits any period of that year,
    a stock (截至6月末) any period ending that month, everything else only its very months.
    With *stock* (a balance, 余额) every phrase names the month the level stands at: a
    1-8月 column holds August's balance.
    """
    if not period.is_dated:
        return True
    ref_year = period.year if year is None else year
    ref_month = period.end if month is None else month
    judged = [
        p
        for p in own_phrases(quote, ref_year, ref_month)
        if p.period is not None
        and not (year is None and _PREVIOUS_YEAR.search(p.text))
        and not (month is None and p.text == "上月")
    ]
    if not judged:
        return True
    months = [p for p in judged if not p.bare_year]
    years = {p.period.year for p in judged if p.bare_year and p.period is not None}
    if months and years - {period.year}:
        return False  # 2030年…上半年 on 2031-H1
    return any(_fits(p, period, stock) for p in (months or judged))


_PREVIOUS_YEAR = re.compile("去年|上年")
