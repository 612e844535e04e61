"""What a mistyped value was most likely meant to be: the closest choice, option or command,
and the canonical spelling of a period or month written another common way.

A reading is proposed only when it is the only one: `2022.6` is June 2022, but `22-6` (which
year?) and `2022-6-7` as a period (a day is no period) get no proposal.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Common ways to name a choice that no spelling distance finds: language codes by country or
# by name, a qualifier by the word an article prints.
ALIASES = {
    "cn": "zh",
    "zh-cn": "zh",
    "zh_cn": "zh",
    "zh-hans": "zh",
    "chinese": "zh",
    "中文": "zh",
    "english": "en",
    "en-us": "en",
    "en_us": "en",
    "en-gb": "en",
    "英文": "en",
    # qualifier words as an article prints them
    "约": "about",
    "左右": "about",
    "余": "more_than",
    "多": "more_than",
    "以上": "more_than",
    "近": "nearly",
    "将近": "nearly",
}


def closest(value: str, choices: list[str]) -> str | None:
    """The one choice *value* most likely means (a known alias, a different case, or the
    nearest spelling), or None."""
    import difflib

    folded = value.strip().casefold()
    by_fold = {c.casefold(): c for c in choices}
    if folded in by_fold:
        return by_fold[folded]
    alias = ALIASES.get(folded)
    if alias in choices:
        return alias
    found = difflib.get_close_matches(folded, list(by_fold), n=1, cutoff=0.6)
    return by_fold[found[0]] if found else None


_NUMBERS = r"(\d{4})\s*(?:[-./年]|\s)\s*(\d{1,2})\s*月?"
_MONTH = re.compile(_NUMBERS)
_MONTH_FIRST = re.compile(r"(\d{1,2})\s*[-./]\s*(\d{4})")
_COMPACT = re.compile(r"(\d{4})(\d{2})")
_DAY = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?")
_RANGE = re.compile(
    r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?\s*(?:\.\.+|[-–—~～至到])\s*"
    r"(?:(\d{4})\s*[-./年]\s*)?(\d{1,2})\s*月?(?:份)?"
)
_YEAR_MONTHS = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*(?:[-–—~～至到]|\.\.)\s*(\d{1,2})\s*月(?:份)?"
)
_YEAR = re.compile(r"(\d{4})\s*年?(?:全年|度)?")
_PART = re.compile(r"(\d{4})\s*[-.]?\s*([QqHh])\s*([1-4])")
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QUARTER_ZH = re.compile(r"(\d{4})\s*年\s*第?([一二三四1-4])\s*季度")
_HALF_ZH = re.compile(r"(\d{4})\s*年\s*([上下])半年")


def _month(year: str, month: str) -> str | None:
    return f"{year}-{int(month):02d}" if 1 <= int(month) <= 12 else None


def month_reading(text: str) -> str | None:
    """YYYY-MM for a month written another unambiguous way (2022-6, 2022.6, 2022/06, 2022年6月,
    202206, 6/2022, a day such as 2022-06-30), else None."""
    text = text.strip()
    for pattern in (_MONTH, _COMPACT):
        m = pattern.fullmatch(text)
        if m:
            return _month(m.group(1), m.group(2))
    m = _MONTH_FIRST.fullmatch(text)
    if m:
        return _month(m.group(2), m.group(1))
    m = _DAY.fullmatch(text)
    if m and 1 <= int(m.group(3)) <= 31:
        return _month(m.group(1), m.group(2))
    return None


def period_reading(text: str) -> str | None:
    """The period syntax (2022, 2022-06, 2022-Q1, 2022-H1, 2022-01..2022-05) for a period
    written another unambiguous way (2022.6, 2022年6月, 2022年1-5月, 2022-01-2022-05, 2022q1,
    2022年上半年, 2022年一季度), else None. A day (2022-06-30) is no period: no proposal."""
    text = text.strip()
    for pattern, reading in _PERIOD_FORMS:
        m = pattern.fullmatch(text)
        if m is not None:
            return reading(m)
    return None


def _part(m: re.Match[str]) -> str | None:
    letter, number = m.group(2).upper(), int(m.group(3))
    return None if letter == "H" and number > 2 else f"{m.group(1)}-{letter}{number}"


def _year(m: re.Match[str]) -> str | None:
    return m.group(1) if m.group() != m.group(1) else None


_PERIOD_FORMS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str | None]], ...] = (
    (_YEAR_MONTHS, lambda m: _months(m.group(1), m.group(2), m.group(1), m.group(3))),
    (_DAY, lambda m: None),  # 2022-6-7: a day, or June to July?
    (_RANGE, lambda m: _months(m.group(1), m.group(2), m.group(3) or m.group(1), m.group(4))),
    (_PART, _part),
    (_QUARTER_ZH, lambda m: f"{m.group(1)}-Q{_QUARTERS[m.group(2)]}"),
    (_HALF_ZH, lambda m: f"{m.group(1)}-H{1 if m.group(2) == '上' else 2}"),
    (_YEAR, _year),
    (_MONTH_FIRST, lambda m: _month(m.group(2), m.group(1))),
    (_MONTH, lambda m: _month(m.group(1), m.group(2))),
    (_COMPACT, lambda m: _month(m.group(1), m.group(2))),
)


def _months(year: str, start: str, end_year: str, end: str) -> str | None:
    first, last = _month(year, start), _month(end_year, end)
    if first is None or last is None or year != end_year or int(end) < int(start):
        return None
    return first if first == last else f"{first}..{last}"


def percent_number(text: str) -> str:
    """A percentage typed with its sign (13.1%, 13.1％) as the number it gives (13.1)."""
    stripped = text.strip()
    for sign in ("%", "％"):
        if stripped.endswith(sign) and len(stripped) > 1:
            return stripped[: -len(sign)].rstrip()
    return text
