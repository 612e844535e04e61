"""Reporting periods: a run of whole months inside one calendar year.

Syntax (documented in the README):

- ``2022``                  the whole year
- ``2022-06``               one month
- ``2022-Q1`` … ``2022-Q4`` a quarter
- ``2022-H1``, ``2022-H2``  a half year
- ``2022-01..2022-05``      a run of months; cumulative year to date when it starts in January
- ``undated``               the source states no year (达产后年产值预计50亿): no period is invented
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass

_MONTH_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_QUARTER_ZH = {1: "一", 2: "二", 3: "三", 4: "四"}

_YEAR = r"(\d{4})"
_PATTERNS = (
    (re.compile(rf"{_YEAR}"), "year"),
    (re.compile(rf"{_YEAR}-(\d{{2}})"), "month"),
    (re.compile(rf"{_YEAR}-Q(\d)"), "quarter"),
    (re.compile(rf"{_YEAR}-H(\d)"), "half"),
    (re.compile(rf"{_YEAR}-(\d{{2}})\.\.{_YEAR}-(\d{{2}})"), "range"),
)


class PeriodError(ValueError):
    """Text that is not a period."""


@dataclass(frozen=True, order=True)
class Period:
    """Months *start*..*end* (1-12, inclusive) of *year*."""

    year: int
    start: int
    end: int

    @property
    def is_dated(self) -> bool:
        """False for the `undated` period of a figure whose source states no year."""
        return self.year != 0

    @property
    def cutoff(self) -> int:
        """The last month the period covers."""
        return self.end

    @property
    def is_year(self) -> bool:
        return self.start == 1 and self.end == 12

    @property
    def is_year_to_date(self) -> bool:
        """Cumulative from January (the whole year included)."""
        return self.start == 1

    def days(self) -> tuple[int, int]:
        """Days elapsed from 1 January to the end of the period, and days in the year."""
        elapsed = sum(calendar.monthrange(self.year, m)[1] for m in range(1, self.end + 1))
        return elapsed, 366 if calendar.isleap(self.year) else 365

    def __str__(self) -> str:
        text: str | None = self.__dict__.get("_text")  # worked out once: outputs ask often
        if text is None:
            text = self.__dict__["_text"] = self._text()
        return text

    def _text(self) -> str:
        y, s, e = self.year, self.start, self.end
        if not self.is_dated:
            return UNDATED_TEXT
        if self.is_year:
            return f"{y}"
        if s == e:
            return f"{y}-{s:02d}"
        if e - s == 2 and s % 3 == 1:
            return f"{y}-Q{e // 3}"
        if e - s == 5 and s in (1, 7):
            return f"{y}-H{1 if s == 1 else 2}"
        return f"{y}-{s:02d}..{y}-{e:02d}"

    def label(self, lang: str = "zh") -> str:
        """A reader's label: 2022年1—5月 / Jan–May 2022."""
        key = "_label_en" if lang == "en" else "_label_zh"  # worked out once, as `str`
        text: str | None = self.__dict__.get(key)
        if text is None:
            text = self.__dict__[key] = self._label(lang)
        return text

    def _label(self, lang: str) -> str:
        y, s, e = self.year, self.start, self.end
        text = str(self)
        if not self.is_dated:
            return "no year stated" if lang == "en" else "未注明年份"
        if lang == "en":
            if self.is_year:
                return text
            if "Q" in text or "H" in text:
                return f"{text[5:]} {y}"
            if s == e:
                return f"{_MONTH_EN[s - 1]} {y}"
            return f"{_MONTH_EN[s - 1]}–{_MONTH_EN[e - 1]} {y}"
        if self.is_year:
            return f"{y}年"
        if "Q" in text:
            return f"{y}年{_QUARTER_ZH[e // 3]}季度"
        if "H" in text:
            return f"{y}年{'上' if s == 1 else '下'}半年"
        if s == e:
            return f"{y}年{s}月"
        return f"{y}年{s}—{e}月"

    def stock_label(self, lang: str = "zh") -> str:
        """A reader's label for a level at the period's end (a stock, not a flow over the
        months): 截至2022年6月 / as of Jun 2022; 2022年末 / end of 2022 for a whole year."""
        y, e = self.year, self.end
        if not self.is_dated:
            return self.label(lang)
        if lang == "en":
            return f"end of {y}" if self.is_year else f"as of {_MONTH_EN[e - 1]} {y}"
        return f"{y}年末" if self.is_year else f"截至{y}年{e}月"


@functools.lru_cache(maxsize=4096)
def parse_period(text: str) -> Period:
    """Parse the period syntax above; raise PeriodError with the reason. A file names the same
    few hundred periods over and over: each text is parsed once, and its figures share one
    (immutable) Period."""
    if text == UNDATED_TEXT:
        return UNDATED
    for pattern, form in _PATTERNS:
        m = pattern.fullmatch(text)
        if m is None:
            continue
        g = [int(x) for x in m.groups()]
        if form == "year":
            year, start, end = g[0], 1, 12
        elif form == "month":
            year, start, end = g[0], g[1], g[1]
        elif form == "quarter":
            if not 1 <= g[1] <= 4:
                raise PeriodError(f"no quarter {g[1]} in {text!r} (Q1 to Q4)")
            year, start, end = g[0], 3 * g[1] - 2, 3 * g[1]
        elif form == "half":
            if g[1] not in (1, 2):
                raise PeriodError(f"no half {g[1]} in {text!r} (H1 or H2)")
            year, start, end = g[0], 6 * g[1] - 5, 6 * g[1]
        else:
            if g[0] != g[2]:
                raise PeriodError(f"period {text!r} crosses a year; split it at 31 December")
            year, start, end = g[0], g[1], g[3]
        for month in (start, end):
            if not 1 <= month <= 12:
                raise PeriodError(f"no month {month} in {text!r} (01 to 12)")
        if end < start:
            raise PeriodError(f"period {text!r} ends before it starts")
        if year < 1:
            raise PeriodError(f"no year 0 in {text!r}")
        return Period(year, start, end)
    raise PeriodError(
        f"not a period: {text!r} "
        "(expected 2022, 2022-06, 2022-Q1, 2022-H1, 2022-01..2022-05 or undated)"
    )


UNDATED_TEXT = "undated"
UNDATED = Period(0, 0, 0)
"""The period of a figure whose source states no year; it pairs and sorts with nothing dated."""
