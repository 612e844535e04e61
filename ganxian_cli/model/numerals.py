"""How a figure can appear in source text: 133.87亿元, 一万吨, 近千亩, 1.2万多亩, 50亿."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from .units import Unit

_DIGITS = "零一二三四五六七八九"
_SPACE = re.compile(r"\s+")
_APPROX = "余多"  # 300余名, 1.2万多亩, 6000多万元


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
    n = int(value)
    high, low = divmod(n, 10_000)
    text = (_chinese_below_10000(high) + "万" if high else "") + (
        ("零" if high and low < 1000 else "") + _chinese_below_10000(low) if low else ""
    )
    forms = [text]
    if text[0] == "一" and len(text) > 1 and text[1] in "百千万":
        forms.append(text[1:])  # colloquial: 近千亩, 百亿
    if n == 2:
        forms.append("两")
    return forms


def spellings(value: Decimal) -> list[str]:
    """Every way the number may be printed: digits, digits with separators, Chinese."""
    text = plain(value)
    forms = [text]
    if value == value.to_integral_value() and abs(value) >= 1000:
        forms.append(f"{int(value):,}")
    return forms + chinese(value)


def unit_forms(unit: Unit) -> list[str]:
    """The unit and its aliases, each also with 余/多 slipped in (300余名, 1.2万多亩)."""
    forms: list[str] = []
    for symbol in (unit.symbol, *unit.aliases):
        forms.append(symbol)
        for approx in _APPROX:
            forms.extend(symbol[:i] + approx + symbol[i:] for i in range(len(symbol) + 1))
    return forms


def compact(text: str) -> str:
    """Text with all white space and line breaks removed, for matching quotes."""
    return _SPACE.sub("", text)


def shows(quote: str, value: Decimal, unit: Unit) -> bool:
    """Whether *quote* contains *value* printed with *unit* in any accepted spelling."""
    text = compact(quote)
    numbers = spellings(value) + (spellings(-value) if value < 0 else [])  # 减少12户 for -12
    return any(n + u in text for n in numbers for u in unit_forms(unit))


def printed_numbers(quote: str, unit: Unit) -> list[str]:
    """The figures in *quote* printed with *unit* (for a hint when the expected one is absent)."""
    text = compact(quote)
    forms = sorted(set(unit_forms(unit)), key=len, reverse=True)
    pattern = "(?:" + "|".join(re.escape(f) for f in forms) + ")"
    return [m.group() for m in re.finditer(r"\d+(?:\.\d+)?" + pattern, text)]


def shows_growth(quote: str, value: Decimal) -> bool:
    """Whether *quote* contains a growth rate *value* followed by %."""
    text = compact(quote)
    return any(n + pct in text for n in _signed_spellings(value) for pct in ("%", "％"))


def _signed_spellings(value: Decimal) -> Iterable[str]:
    yield plain(value)
    if value < 0:
        yield plain(-value)  # 下降3.2% is quoted without the sign
