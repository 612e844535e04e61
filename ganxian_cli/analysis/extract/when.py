"""The periods of an article's figures: its period phrases (1-5月, 一季度, 上半年, 今年以来,
截至3月末) read once with `model.period_words`, carried across heading lines, against the month
the article reports on; and the article's publication month."""

from __future__ import annotations

import bisect
import re
from collections import Counter

from ...model import period_words
from ...model.periods import Period

_DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
_PUBLISHED = re.compile(r"(\d{4})-(\d{1,2})(?:-\d{1,2})?")


def published_from(text: str, headline: str = "") -> tuple[int, int] | None:
    """The article's year and month from its dates: the latest full date (a review of 2017
    dated 2018年3月20日 is of March 2018); else the month after the span its *headline* names
    with a year (2030年1-5月 → June 2030, 2031年上半年 → July 2031), or the commonest year's
    latest dated month, whichever is later. A year with no month (2030年) names no month:
    None, never December."""
    dated = [
        (int(m.group(1)), int(m.group(2)))
        for m in _DATE.finditer(text)
        if m.group(1) and 1 <= int(m.group(2)) <= 12
    ]
    if dated:
        return max(dated)
    years = Counter(int(y) for y in re.findall(r"(20\d\d)年", text))
    months = [int(m.group(2)) for m in _DATE.finditer(text) if 1 <= int(m.group(2)) <= 12]
    found: list[tuple[int, int]] = []
    span = _headline_months(headline)
    if span is not None:
        found.append((span.year, span.end + 1) if span.end < 12 else (span.year + 1, 1))
    if years and months:
        found.append((years.most_common(1)[0][0], max(months)))
    return max(found) if found else None


# what a headline may report on: a span from January (1-5月, 上半年, 前三季度, 2030年全年) or one
# month (2027年5月主要经济指标)
_REPORTED = frozenset({"range", "quarters", "months", "quarter", "half", "mend", "year"})


def _headline_months(headline: str) -> Period | None:
    """The months a heading line names with their year (2030年1-5月), else None."""
    if not _heading(headline, 0, len(headline)):
        return None
    for p in period_words.period_phrases(headline):
        period = p.period
        if (
            p.kind == "own"
            and p.group in _REPORTED
            and period is not None
            and not p.stock
            and not p.bare_year
            and (period.start == 1 or period.start == period.end)
        ):
            return period
    return None


def parse_published(text: str) -> tuple[int, int] | None:
    """YYYY-MM (or YYYY-MM-DD) as given to --published or in a data file's source."""
    m = _PUBLISHED.fullmatch(text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    return int(m.group(1)), int(m.group(2))


# Phrases that set the period in force for what follows, across sentences and heading lines,
# until another is stated: a span of months (一季度, 1—9月, 上半年, 前三季度, 今年以来). A single
# month (3月份), a stock (截至3月末), 去年 and a bare year date only their own sentence.
_CARRIES = frozenset({"range", "quarters", "months", "quarter", "half", "halfsum", "ytd"})
# a part of the year a plan's paragraph may open with (下半年, 四季度)
_PLAN_SPANS = frozenset({"quarter", "half"})


_HEADING_MAX = 30  # a paragraph this short without a sentence end is a heading line
_SENTENCE_END = frozenset("。！？；;!?")


# A paragraph opened by a short topic sentence (工业生产较快增长。) is a section under a heading.
_TOPIC = re.compile(r"[\u4e00-\u9fff]{4,12}。")
# … and one opening with a breakdown (分城乡看, 从行业看, 其中) goes on with the one before it.
_BREAKDOWN = re.compile(r"(?:分|从)[\u4e00-\u9fff]{1,6}(?:看|来看)|其中")


def _heading(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a heading line (工业经济稳中有进, 一、农业生产)."""
    return 0 < end - start <= _HEADING_MAX and text[end - 1] not in _SENTENCE_END


class ArticlePeriods:
    """The periods an article's words give its figures, read once with `model.period_words`
    (as `validate` reads them) against the month the article reports on.

    The article's own time comes first: relative words (上半年, 今年以来, 本月) are of the year
    and month it reports on (`period_words.reference`: a review published early in the year
    with 全年/年末 reports on the year before). Without any period phrase a figure is of that
    reference: the whole year for such a review, else the month; under a headline that names a
    span of months (上半年) its last month, and the span itself for a flow (`flow_in_force`).
    """

    def __init__(
        self,
        text: str,
        year: int,
        month: int,
        skip: set[int],
        paragraphs: list[int],
        first_line: str | None = None,
    ) -> None:
        self.year, self.month = period_words.reference(text, year, month)
        # a paragraph after a heading line (工业经济稳中有进) keeps the period in force; any
        # other paragraph starts again from the article's reference
        ends = [*paragraphs[1:], len(text)]
        self._resets = [
            start
            for k, (start, end) in enumerate(zip(paragraphs, ends, strict=True))
            if k
            and not _heading(text, paragraphs[k - 1], start)
            and not _heading(text, start, end)
            and not _TOPIC.match(text, start, end)
            and not _BREAKDOWN.match(text, start, end)
        ]
        # sections under a topic sentence (就业物价总体稳定。…): each goes on from the lead, not
        # from the section before it (1-5月累计增长5.9% there dates nothing here)
        self._topics = [
            start
            for k, (start, end) in enumerate(zip(paragraphs, ends, strict=True))
            if k and _TOPIC.match(text, start, end)
        ]
        self.review = (self.year, self.month) != (year, month)
        self._latest = self.month  # what has ended by then is no deadline (截至4月15日 in April)
        self.now = (self.year, self.month)
        headline = None if self.review else self._headline(text, paragraphs, first_line)
        if headline is None and not self.review:
            # a body that opens with a span (今年1-7月,霁溪县共签约项目36个) reports on it as a
            # headline naming it would: later paragraphs' flows and 累计 totals are of it
            headline = self._lead_span(text, paragraphs)
        # the months the headline (else the body's first sentence) names: the article's period
        # of flows, and what a span stated in one section must differ from not to carry into
        # the next (`in_force`)
        self.headline = headline
        self.span = headline if headline is not None and headline.start < headline.end else None
        if self.review:
            self.default = Period(self.year, 1, 12)
        elif headline is not None:
            # 赣县区上半年经济运行情况, published in July: the article reports on January to
            # June; 今年以来 and 累计 are of that span, and so is a flow with no period words
            # (出栏38.2万头 in a half-year summary: `span`); 截至目前 and anything else with no
            # period words (存栏, 入驻企业22家) of its last month, not of the month of publication
            self.month = headline.end
            self.default = Period(self.year, self.month, self.month)
        else:
            self.default = Period(self.year, self.month, self.month)
        own: list[period_words.PeriodPhrase] = []
        self.bracketed: list[period_words.PeriodPhrase] = []
        for p in period_words.period_phrases(text, self.year, self.month):
            if p.period is None or p.start in skip:
                continue
            if p.kind == "own":
                own.append(p)
            elif p.kind == "bracketed":
                self.bracketed.append(p)
        self.own = own
        self._own_starts = [p.start for p in own]
        self._past: list[int] = []  # [k]: the last of own[:k+1] that is not in the future, or -1
        self._no_deadline: list[int] = []  # [k]: … that is no future stock (9月底 in June)
        last = no_deadline = -1
        # 1-9月 printed as done in an article resolved with July: the month is too early, not
        # the phrase; an actual figure keeps it (and the reader is told: `ahead`)
        self.ahead = [p for p in own if self._ahead(p)]
        for k, p in enumerate(own):
            future = self.future(p) and not self._ahead(p)
            if not future:
                last = k
            if not (future and p.stock):
                no_deadline = k
            self._past.append(last)
            self._no_deadline.append(no_deadline)
        carry = [
            p
            for p in own
            if p.group in _CARRIES and not p.stock and (not self.future(p) or self._ahead(p))
        ]
        self._carry_starts = [p.start for p in carry]
        self._carry = [p.period for p in carry]
        self._bracket_ends = [p.end for p in self.bracketed]
        # a plan's year stated in a heading (二、2035年工作思路) or a lead: the year of targets
        years = [p for p in own if p.bare_year or (p.group in _CARRIES and not p.stock)]
        self._year_starts = [p.start for p in years]
        self._years = [p.period.year for p in years if p.period is not None]
        self._stops = [i for i, ch in enumerate(text) if ch in "。！？!?"]
        stocks = [p for p in own if p.stock and not self.future(p)]
        self._stock_starts = [p.start for p in stocks]
        self._stocks = stocks

    def _headline(self, text: str, paragraphs: list[int], first_line: str | None) -> Period | None:
        """The span of months a heading first line names (上半年, 一季度, 前三季度, 1—5月) and
        that ended by the reference month, else the one month it names that ended before it
        (2027年5月主要经济指标), else None (今年以来 names no span of its own).
        *first_line* is the article's first line as printed (hard-wrapped text joins its
        headline to what follows)."""
        end = paragraphs[1] if len(paragraphs) > 1 else len(text)
        lines = [first_line] if first_line and _heading(first_line, 0, len(first_line)) else []
        if _heading(text, 0, end):
            lines.append(text[:end])
        for line in lines:
            span = period_words.headline_span(line, *self.now)
            if span is not None:
                return span
        for line in lines:  # 河阳市2027年5月主要经济指标简析, published in June: May
            for p in period_words.own_phrases(line, *self.now):
                month = p.period
                if (
                    p.group == "mend"
                    and not p.stock
                    and month is not None
                    and month.year == self.year
                    and month.end < self.month
                ):
                    return month
        return None

    def _lead_span(self, text: str, paragraphs: list[int]) -> Period | None:
        """The span of months from January the first sentence of the body names (今年1-7月,…
        under a headline naming none): the article's span, as a headline's would be."""
        ends = [*paragraphs[1:], len(text)]
        for start, end in zip(paragraphs, ends, strict=True):
            if _heading(text, start, end):
                continue  # the headline, a date line, a section heading
            stop = next((i for i in range(start, end) if text[i] in _SENTENCE_END), end)
            return period_words.headline_span(text[start:stop], *self.now)
        return None

    def future(self, phrase: period_words.PeriodPhrase) -> bool:
        """A period that has not ended by the reference month: a deadline, a plan, or a name
        (2030年二季度重大项目集中签约活动 in May), never the period of an actual figure."""
        period = phrase.period
        assert period is not None
        if phrase.bare_year:
            return period.year > self.year  # 2022年,全区实施…: the year under way is no deadline
        return (period.year, period.end) > (self.year, self._latest)

    def _ahead(self, phrase: period_words.PeriodPhrase) -> bool:
        """A span of months from January (1-9月, 前三季度) of the reference year that ends after
        the reference month: a total printed as done, so of the months it names."""
        period = phrase.period
        return (
            period is not None
            and phrase.group in _CARRIES - {"ytd"}
            and not phrase.stock
            and not phrase.bare_year
            and period.year == self.year
            and period.start == 1
            and period.start < period.end
            and period.end > self._latest
        )

    def in_force(self, pos: int) -> Period:
        """The span of months last stated before *pos* in the article, else its reference."""
        k = bisect.bisect_right(self._carry_starts, pos - 1) - 1
        r = bisect.bisect_right(self._resets, pos) - 1
        if k < 0 or (r >= 0 and self._carry_starts[k] < self._resets[r]):
            return self.default
        found = self._carry[k]
        t = bisect.bisect_right(self._topics, pos) - 1
        if (
            t > 0
            and self._topics[t - 1] <= self._carry_starts[k] < self._topics[t]
            and self.headline is not None
            and found != self.headline
        ):
            return self.default  # a section's own months (1-5月累计) under a May headline
        return found if found is not None else self.default

    def flow_in_force(self, pos: int) -> Period:
        """The period of a flow at *pos* with no period words of its own: the span in force,
        else the span the headline names (宁都县2031年上半年工作总结 … 出栏38.2万头: 2031-H1),
        else the reference."""
        found = self.in_force(pos)
        return self.span if found == self.default and self.span is not None else found

    def target_year(self, pos: int, year: int) -> int:
        """The year of a target at *pos* that names none: the year last stated before it
        (二、2035年工作思路 … 计划实施重点项目200项) where later than *year*."""
        k = bisect.bisect_right(self._year_starts, pos - 1) - 1
        return year if k < 0 else max(year, self._years[k])

    def carried_from(self, pos: int) -> int:
        """Where the span of months in force at *pos* was stated (-1: the reference)."""
        k = bisect.bisect_right(self._carry_starts, pos - 1) - 1
        return self._carry_starts[k] if k >= 0 else -1

    def stock_before(self, pos: int, paragraph: int) -> period_words.PeriodPhrase | None:
        """The last stock phrase (截至3月底, 年末) before *pos* in its paragraph and full
        sentence (clauses joined by ；): the month the sentence's levels stand at."""
        k = bisect.bisect_right(self._stock_starts, pos - 1) - 1
        if k < 0 or self._stocks[k].end > pos or self._stocks[k].start < paragraph:
            return None
        stop = bisect.bisect_left(self._stops, self._stocks[k].end)
        if stop < len(self._stops) and self._stops[stop] < pos:
            return None  # a full stop between: another sentence
        return self._stocks[k]

    def stock_in_force(self, pos: int) -> period_words.PeriodPhrase | None:
        """The stock phrase (截至8月末) last stated before *pos*, where no other own period
        phrase and no paragraph that starts afresh comes between: the month a paragraph's
        later balances and changes since the start of the year are of (截至8月末,存款余额….
        全市存贷比为83.5%,较年初提高2.3个百分点; 从重点领域看,制造业贷款余额…)."""
        k = bisect.bisect_right(self._own_starts, pos - 1) - 1
        if k < 0:
            return None
        phrase = self.own[k]
        if not phrase.stock or phrase.end > pos or phrase.period is None or self.future(phrase):
            return None
        r = bisect.bisect_right(self._resets, pos) - 1
        if r >= 0 and self._resets[r] > phrase.start:
            return None
        return phrase

    def in_sentence(
        self, pos: int, sentence: int, status: str = "actual"
    ) -> period_words.PeriodPhrase | None:
        """The last own period phrase before *pos* in its sentence (from *sentence*). One that
        has not ended yet dates only a target (二季度计划…, 确保年底前…) or, unless it is a
        deadline (9月底), a forecast (预计二季度…将实现)."""
        k = bisect.bisect_right(self._own_starts, pos - 1) - 1
        if k >= 0 and self.own[k].end > pos:
            k -= 1  # a phrase the number stands in
        if k >= 0 and status == "actual":
            k = self._past[k]
        elif k >= 0 and status == "forecast":
            k = self._no_deadline[k]
        if k < 0 or self.own[k].start < sentence:
            return None
        return self.own[k]

    def opening_plan(self, paragraph: int) -> period_words.PeriodPhrase | None:
        """The part of the year not yet over that opens the paragraph at *paragraph* (下半年,
        四季度): the period of its targets that name none."""
        k = bisect.bisect_left(self._own_starts, paragraph)
        if k == len(self.own) or self.own[k].start != paragraph:
            return None
        phrase = self.own[k]
        if phrase.group not in _PLAN_SPANS or phrase.stock or not self.future(phrase):
            return None
        return phrase

    def named_after(self, pos: int, end: int) -> list[Period]:
        """The periods not yet over that text[pos:end] names (将于10月、12月分别投入试运行):
        when what a forecast or target speaks of is to happen."""
        k = bisect.bisect_left(self._own_starts, pos)
        found: list[Period] = []
        while k < len(self.own) and self.own[k].start < end:
            phrase = self.own[k]
            if phrase.period is not None and self.future(phrase):
                found.append(phrase.period)
            k += 1
        return found

    def bracket(self, open_at: int, pos: int) -> Period | None:
        """The period of a figure in brackets opened at *open_at*: the phrase inside them before
        *pos* ((1—5月为4.2%)), else the one right before them (较一季度(-8.1%))."""
        k = bisect.bisect_right(self._bracket_ends, pos) - 1
        if k >= 0 and self.bracketed[k].start > open_at:
            return self.bracketed[k].period
        while k >= 0 and self.bracketed[k].end > open_at:
            k -= 1
        if k >= 0 and self.bracketed[k].end == open_at:
            return self.bracketed[k].period
        return None
