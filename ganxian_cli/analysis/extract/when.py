"""Period phrases (1-5月, 1至5月, 一至五月, 上半年, 一季度, 前三季度, 今年以来, 截至目前, 5月底)
resolved against the article's year and month; dates and deadlines are not periods."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from ...model.periods import Period
from .tokens import chinese_number

_N = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
_TO = r"(?:-|~|至|到|—|–)"
_PHRASES = re.compile(
    "|".join(
        (
            rf"(?P<range>(?:(?P<ry>\d{{4}})年|今年)?(?P<rs>{_N})月?{_TO}(?P<re>{_N})月(?:份)?(?!\d*日))",
            r"(?P<half>(?:(?P<hy>\d{4})年|今年)?(?P<hw>上|下)半年)",
            # 去年全年, 去年建了30个: the year before, for its own sentence only; never
            # the base of a comparison (去年同期, 与去年相比) nor 去年底 (a month)
            r"(?P<lastyear>(?:去年|上年)(?:全年)?)(?!同期|相比|相较|底|末|[\d一二三四五六七八九十]+月)",
            r"(?P<quarters>前(?P<qn>[一二三])(?:个)?季度)",
            r"(?P<quarter>(?:(?P<qy>\d{4})年|今年)?(?:第)?(?P<q>[一二三四1-4])季度)",
            r"(?P<ytd>今年以来|年初以来|今年来|今年)",
            r"(?P<now>截至目前|截止目前|目前|当前|眼下|近日)",
            rf"(?P<monthend>(?:截至|截止)?(?:(?P<my>\d{{4}})年)?(?P<en>{_N})月(?:底|末))",
            rf"(?P<asof>(?:截至|截止)(?:(?P<ay>\d{{4}})年)?(?P<an>{_N})月\d{{1,2}}[日号])",
            rf"(?P<month>(?:(?P<sy>\d{{4}})年)?(?P<mn>{_N})月份?(?![\d一二三四五六七八九十]*[日号]))",
            r"(?P<year>(?P<yy>\d{4})年(?!\d|[一二三四五六七八九十]+月))",
            r"(?P<whole>全年|年度)",
        )
    )
)
_DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
_PUBLISHED = re.compile(r"(\d{4})-(\d{1,2})(?:-\d{1,2})?")


@dataclass(frozen=True)
class Phrase:
    """A period phrase at compact offsets [start, end); *whole* marks 全年/年度 (targets);
    *local* one that dates only the figures of its own sentence (去年)."""

    start: int
    end: int
    period: Period
    whole: bool = False
    local: bool = False


class PeriodIndex:
    """Which phrase dates a figure, for every figure of one text.

    The phrases a figure passes over on its way back (全年/年度, and 去年 of another sentence) are
    skipped in one step each, through the last phrase before every index that is not whole and
    the last that is neither whole nor local: a paragraph full of 全年 costs no more than one.
    """

    def __init__(self, phrases: list[Phrase]) -> None:
        self.phrases = phrases
        self._dated: list[int] = []  # [k]: the last of phrases[:k] not whole, -1 if none
        self._plain: list[int] = []  # [k]: the last of phrases[:k] neither whole nor local
        dated = plain = -1
        for k, phrase in enumerate(phrases):
            self._dated.append(dated)
            self._plain.append(plain)
            if not phrase.whole:
                dated = k
                plain = plain if phrase.local else k
        self._dated.append(dated)
        self._plain.append(plain)

    def before(self, pos: int, paragraph: int, sentence: int) -> Period | None:
        """The last period phrase before *pos* in its paragraph (全年/年度 only set targets; 去年
        only dates its own sentence)."""
        k = bisect.bisect_right(self.phrases, pos, key=lambda p: p.start)
        while k > 0:
            i = self._dated[k]
            if i >= 0 and self.phrases[i].local and self.phrases[i].start < sentence:
                i = self._plain[i]  # 去年 of an earlier sentence, and all before it
            if i < 0:
                return None
            phrase = self.phrases[i]
            if phrase.end > pos:  # a phrase *pos* stands in
                k = i
                continue
            return None if phrase.start < paragraph else phrase.period
        return None


def _int(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) if text.isdigit() else chinese_number(text)


def phrases(text: str, year: int, month: int) -> list[Phrase]:
    """Every period phrase of *text*; future months and years are deadlines and left out."""
    found: list[Phrase] = []
    for m in _PHRASES.finditer(text):
        period = _period(m, year, month)
        if period is None:
            continue
        if m.start() and text[m.start() - 1] in "比较同与和":
            continue  # 比上半年, 较上年, 与去年: the base of a comparison
        if period.year > year or (period.year == year and period.start > month):
            continue  # 9月底, 2025年前: a deadline or a plan, not the period of a figure
        kind = m.lastgroup
        found.append(Phrase(m.start(), m.end(), period, kind == "whole", kind == "lastyear"))
    return found


def _period(m: re.Match[str], year: int, month: int) -> Period | None:
    kind = m.lastgroup
    groups = m.groupdict()
    if kind == "range":
        start, end = _int(groups["rs"]), _int(groups["re"])
        y = int(groups["ry"]) if groups["ry"] else year
        if start and end and 1 <= start <= end <= 12:
            return Period(y, start, end)
        return None
    if kind == "half":
        y = int(groups["hy"]) if groups["hy"] else year
        return Period(y, 1, 6) if groups["hw"] == "上" else Period(y, 7, 12)
    if kind == "lastyear":
        return Period(year - 1, 1, 12)
    if kind == "quarters":  # 前三季度
        n = _int(groups["qn"]) or 1
        return Period(year, 1, 3 * n)
    if kind == "quarter":
        q = _int(groups["q"]) or 0
        y = int(groups["qy"]) if groups["qy"] else year
        return Period(y, 3 * q - 2, 3 * q) if 1 <= q <= 4 else None
    if kind == "ytd":
        return Period(year, 1, month)
    if kind == "now":
        return Period(year, month, month)
    if kind in ("monthend", "month", "asof"):
        key = {"monthend": ("en", "my"), "month": ("mn", "sy"), "asof": ("an", "ay")}[kind]
        m_n = _int(groups[key[0]])
        y_text = groups[key[1]]
        y = int(y_text) if y_text else year
        return Period(y, m_n, m_n) if m_n and 1 <= m_n <= 12 else None
    if kind == "year":
        return Period(int(groups["yy"]), 1, 12)
    if kind == "whole":
        return Period(year, 1, 12)
    return None  # pragma: no cover - every alternative is named


def published_from(text: str) -> tuple[int, int] | None:
    """The article's year and month from its dates: the commonest year, the latest month."""
    years = Counter(int(y) for y in re.findall(r"(20\d\d)年", text))
    months = [int(m.group(2)) for m in _DATE.finditer(text) if 1 <= int(m.group(2)) <= 12]
    if not years:
        return None
    year = years.most_common(1)[0][0]
    return year, max(months) if months else 12


def parse_published(text: str) -> tuple[int, int] | None:
    """YYYY-MM (or YYYY-MM-DD) as given to --published or in a data file's source."""
    m = _PUBLISHED.fullmatch(text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    return int(m.group(1)), int(m.group(2))
