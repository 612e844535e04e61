"""How a figure can appear in source text: 133.87亿元, 一万吨, 近千亩, 1.2万多亩, 50亿.

A figure matches its quote only as a whole number token: 7.6 is not in 67.6亿元, 252 is not in
17252元, 2% is not in 9.2%. Full-width digits and punctuation (１５７.５６, ，％：) count as
their ASCII forms.
"""

from __future__ import annotations

import functools
import operator
import re
from decimal import Decimal
from typing import NamedTuple

from .units import Unit

_DIGITS = "零一二三四五六七八九"
_CHINESE_NUMERAL = set(_DIGITS + "两十百千万亿")
_SPACE = re.compile(r"\s+")
_APPROX = "余多"  # 300余名, 1.2万多亩, 6000多万元

# Full-width digits and the punctuation a quote may carry, as their ASCII forms.
_FULL_WIDTH = str.maketrans(
    {
        **{chr(0xFF10 + d): str(d) for d in range(10)},
        "．": ".",
        "，": ",",
        "％": "%",
        "：": ":",
        "；": ";",
        "－": "-",
        "−": "-",
        "＋": "+",
        "（": "(",
        "）": ")",
    }
)


def plain(value: Decimal) -> str:
    """The number exactly as written in the data file (never scientific for normal sizes)."""
    text = str(value)
    if "E" in text or "e" in text:
        text = f"{value:f}"
    return text


def _chinese_below_10000(n: int) -> str:
    """一 … 九千九百九十九, written the standard way (一十 is just 十 at the start)."""
    out = ""
    zero = False
    for power, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // power % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS[digit] + name
    if out.startswith("一十"):
        out = out[1:]
    return out


def chinese(value: Decimal) -> list[str]:
    """Chinese spellings of a whole number below 100 million: 3 -> 三, 1000 -> 一千, 千."""
    if value != value.to_integral_value() or not 0 < value < 100_000_000:
        return []
    return list(_chinese(int(value)))


@functools.lru_cache(maxsize=4096)
def _chinese(n: int) -> tuple[str, ...]:
    high, low = divmod(n, 10_000)
    text = (_chinese_below_10000(high) + "万" if high else "") + (
        ("零" if high and low < 1000 else "") + _chinese_below_10000(low) if low else ""
    )
    forms = [text]
    if text[0] == "一" and len(text) > 1 and text[1] in "百千万":
        forms.append(text[1:])  # colloquial: 近千亩, 百亿
    if n == 2:
        forms.append("两")
    return tuple(forms)


def spellings(value: Decimal) -> list[str]:
    """Every way the number may be printed: digits, digits with separators, Chinese."""
    text = plain(value)
    forms = [text]
    if value == value.to_integral_value() and abs(value) >= 1000:
        forms.append(f"{int(value):,}")
    return forms + chinese(value)


def unit_forms(unit: Unit) -> list[str]:
    """The unit and its aliases, each also with 余/多 slipped in (300余名, 1.2万多亩)."""
    return list(_unit_forms(unit))


@functools.lru_cache(maxsize=256)
def _unit_forms(unit: Unit) -> tuple[str, ...]:
    forms: list[str] = []
    for symbol in (unit.symbol, *unit.aliases):
        forms.append(symbol)
        for approx in _APPROX:
            forms.extend(symbol[:i] + approx + symbol[i:] for i in range(len(symbol) + 1))
    return tuple(forms)


def compact(text: str) -> str:
    """Text with all white space and line breaks removed, for matching quotes."""
    return _SPACE.sub("", text)


# What `normalize` changes: a quote without any of these is its own normal form.
_TO_NORMALIZE = re.compile(r"\s|[" + re.escape("".join(map(chr, _FULL_WIDTH))) + "]")


@functools.lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """Text for matching: white space removed, full-width digits and punctuation as ASCII.

    Cached: each check of a figure reads its quote, and one quote may serve several figures.
    """
    if _TO_NORMALIZE.search(text) is None:
        return text  # the common case, without translating character by character
    return compact(text).translate(_FULL_WIDTH)


class Occurrence(NamedTuple):
    """Where a number with its unit stands in a normalized quote."""

    text: str  # the whole normalized quote
    start: int  # first character of the number
    number_end: int  # just after the number
    end: int  # just after the unit (and any 余/多 inside it)

    @property
    def unit_form(self) -> str:
        return self.text[self.number_end : self.end]

    @property
    def shown(self) -> str:
        return self.text[self.start : self.end]


def _starts_token(text: str, start: int, spelling: str) -> bool:
    """No longer number runs into *spelling* from the left (67.6 is not 7.6, 1,252 not 252)."""
    if start == 0:
        return True
    before = text[start - 1]
    if spelling[0] in _CHINESE_NUMERAL:
        return before not in _CHINESE_NUMERAL
    if before.isdigit() or before == ".":
        return False
    return not (before == "," and start >= 2 and text[start - 2].isdigit())


# The items of a list before the one that prints the unit: 分别回落3.05和0.87个百分点 shows
# 3.05个百分点 too; the parts of a ratio (三次产业结构比为12.3:40.5:47.2) are shares, in %.
_LISTED = re.compile(r"(?:[和、及与](?:\d+(?:\.\d+)?))+")
_RATIO_AFTER = re.compile(r"[:：]\d")
_NUMBER_GOES_ON = re.compile(r"\.?\d")


def _unit_end(text: str, at: int, after: int, units: re.Pattern[str], ratio: bool) -> int | None:
    """Where the unit of the number ending at *after* ends: right after it, after the last item
    of the list it opens, or (for a share, *ratio*) the number's own end inside a ratio."""
    unit = units.match(text, after)
    if unit:
        return unit.end()
    listed = _LISTED.match(text, after)
    if listed:
        unit = units.match(text, listed.end())
        if unit:
            return after  # the unit is the last item's: the number alone is shown here
    if not ratio or _NUMBER_GOES_ON.match(text, after):
        return None
    before = at >= 2 and text[at - 1] in ":：" and text[at - 2].isdigit()
    return after if before or _RATIO_AFTER.match(text, after) else None


def _find(
    text: str, numbers: list[str], units: re.Pattern[str], ratio: bool = False
) -> list[Occurrence]:
    found: dict[int, Occurrence] = {}
    for number in numbers:
        at = text.find(number)
        while at >= 0:
            after = at + len(number)
            end = _unit_end(text, at, after, units, ratio)
            if (
                end is not None
                and _starts_token(text, at, number)
                and (at not in found or found[at].end < end)
            ):
                found[at] = Occurrence(text, at, after, end)
            at = text.find(number, at + 1)
    if len(found) < 2:
        return list(found.values())
    return sorted(found.values(), key=_START)


_START = operator.attrgetter("start")
# Every spelling but the digits begins with one of these, or holds a separator (1,000).
_CHINESE_START = re.compile("[一二三四五六七八九十两百千万]")


def _spellings_in(text: str, value: Decimal) -> list[str]:
    """The `spellings` of *value* that may stand in *text*: the rest cannot be found in it.

    Only the digits are worked out for a text without a separator or a Chinese numeral that
    can begin a spelling (most quotes), not the Chinese spellings that cannot be in it.
    """
    if "," in text or _CHINESE_START.search(text):
        return spellings(value)
    return [plain(value)]


@functools.lru_cache(maxsize=256)
def unit_pattern(unit: Unit) -> re.Pattern[str]:
    """The unit's forms, longest first, so a match takes the whole unit (万多亩, not 万).

    A form is not matched where it begins a longer known unit: 3个 is not in 3个百分点, 5万 (万元)
    not in 5万吨, 100万千瓦 not in 100万千瓦时.
    """
    from .units import UNITS

    symbols = {s for u in UNITS.values() for s in (u.symbol, *u.aliases)}
    forms = sorted(set(_unit_forms(unit)), key=len, reverse=True)
    parts = []
    for form in forms:
        bare = form.lstrip(_APPROX)  # 多万 ends like 万: guard it as 万
        longer = sorted(s[len(bare) :] for s in symbols if s.startswith(bare) and s != bare)
        guard = f"(?!{'|'.join(re.escape(r) for r in longer)})" if longer else ""
        parts.append(re.escape(form) + guard)
    return re.compile("|".join(parts))


_PERCENT = re.compile("%")


def occurrences(quote: str, value: Decimal, unit: Unit) -> list[Occurrence]:
    """Every place *quote* shows *value* (its size; the sign is in the wording) with *unit*."""
    text = normalize(quote)
    ratio = unit.symbol == "%"
    return _find(text, _spellings_in(text, abs(value)), unit_pattern(unit), ratio)


def growth_occurrences(quote: str, value: Decimal) -> list[Occurrence]:
    """Every place *quote* shows the growth rate *value* (its size) followed by %."""
    return _find(normalize(quote), [plain(abs(value))], _PERCENT)


_NUMBER = re.compile(
    r"(?<![\d.])(?<!\d,)\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.])(?<!\d,)\d+(?:\.\d+)?"
)


def printed_numbers(quote: str, unit: Unit) -> list[str]:
    """The figures in *quote* printed with *unit* (for a hint when the expected one is absent)."""
    text = normalize(quote)
    forms = sorted(set(unit_forms(unit)), key=len, reverse=True)
    out = []
    for m in _NUMBER.finditer(text):
        rest = text[m.end() :]
        unit_text = next((f for f in forms if rest.startswith(f)), None)
        if unit_text is not None:
            out.append(m.group() + unit_text)
    return out


def number_tokens(text: str) -> list[tuple[int, int, Decimal]]:
    """Every digit number in normalized *text*: start, end and value (separators dropped)."""
    return [
        (m.start(), m.end(), Decimal(m.group().replace(",", ""))) for m in _NUMBER.finditer(text)
    ]
