"""Numbers printed with a unit of the catalogue: 133.87亿元, 300余名, 1.2万多亩, 近千亩, 两个.

The units come from the catalogue (`model.units`) and the data file's own, so new units are
found without a change here. 万/亿 inside a unit stay in the unit (一万吨 is 1 万吨).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ...model.models import MAX_DECIMAL_PLACES, MAX_INTEGER_DIGITS
from ...model.numerals import unit_forms
from ...model.units import Unit

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
CN_DIGITS |= {"七": 7, "八": 8, "九": 9}
CN_POWERS = {"十": 10, "百": 100, "千": 1000}
CN_CHARS = "".join(CN_DIGITS) + "".join(CN_POWERS)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_COUNT_VERBS = "有共达增"  # a bare 一 counts only after these (只有一个出入口, not 一个缩影)


@dataclass(frozen=True)
class Token:
    """One number with its unit, at compact offsets [start, end)."""

    start: int
    end: int
    value: Decimal
    unit: str
    approx: bool  # 余/多 inside the unit (300余名, 1.2万多亩)
    printed: str  # the number as printed
    chinese: bool


def chinese_number(text: str) -> int | None:
    """一 … 九千九百九十九 (and colloquial 千, 十三, 两); None when not one number (八九十)."""
    total = 0
    digit: int | None = None
    last_power = 10_000
    for ch in text:
        if ch in "零〇":
            if digit is not None:
                return None
            continue  # a place holder: 一百零五
        if ch in CN_DIGITS:
            if digit is not None:
                return None  # two digits in a row: a list or a range, not a number
            digit = CN_DIGITS[ch]
        elif ch in CN_POWERS:
            power = CN_POWERS[ch]
            if power >= last_power or (digit is None and total):
                return None  # 百千, 千百: not one number
            total += (1 if digit is None else digit) * power
            digit, last_power = None, power
        else:
            return None
    total += digit or 0
    return total or None


def _forms(units: Iterable[Unit]) -> dict[str, tuple[str, bool, bool]]:
    """Printed unit form -> (unit symbol, has 余/多, is a bare 万/亿 alias)."""
    forms: dict[str, tuple[str, bool, bool]] = {}
    for unit in units:
        bare = {a for a in unit.aliases if unit.magnitude and a == unit.magnitude}
        for form in unit_forms(unit):
            plain = form.replace("余", "").replace("多", "")
            approx = plain != form
            forms.setdefault(form, (unit.symbol, approx, plain in bare))
    return forms


class Tokenizer:
    """Finds unit-bearing numbers; built once per unit catalogue."""

    def __init__(self, units: Iterable[Unit]) -> None:
        self.forms = _forms(units)
        alternation = "|".join(re.escape(f) for f in sorted(self.forms, key=len, reverse=True))
        self.pattern = re.compile(
            rf"(?<![\d.{CN_CHARS}])(?P<num>{_DIGITS}|[{CN_CHARS}]+)(?P<unit>{alternation})"
        )

    def tokens(self, text: str) -> list[Token]:
        found: list[Token] = []
        for m in self.pattern.finditer(text):
            token = self._token(text, m)
            if token is not None:
                found.append(token)
        return found

    def _token(self, text: str, m: re.Match[str]) -> Token | None:
        num, form = m.group("num"), m.group("unit")
        symbol, approx, bare = self.forms[form]
        after = text[m.end() : m.end() + 1]
        chinese = num[0] in CN_CHARS
        if bare and (chinese or ("\u4e00" <= after <= "\u9fff" and after != "的")):
            return None  # 千亿产业园, 3万人: a magnitude that is not money
        before = text[m.start() - 1 : m.start()]
        if before == "第":
            return None  # 第18层, 第一: an ordinal, not an amount
        if chinese:
            n = chinese_number(num)
            if n is None or symbol == "元":
                return None  # 第一, 三元前驱体: an ordinal or a name, not an amount
            if (
                n == 1
                and num == "一"
                and before not in _COUNT_VERBS
                and not form.startswith(("万", "亿"))
            ):
                return None
            value = Decimal(n)
        else:
            digits = num.replace(",", "")
            whole, _, fraction = digits.partition(".")
            if len(whole.lstrip("0")) > MAX_INTEGER_DIGITS or len(fraction) > MAX_DECIMAL_PLACES:
                return None  # more digits than a data file holds: a serial number, not a figure
            value = Decimal(digits)
        return Token(m.start(), m.end(), value, symbol, approx, num, chinese)
