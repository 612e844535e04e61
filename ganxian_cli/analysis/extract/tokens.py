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
from ...model.units import UNITS, Kind, Unit, get_unit

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
CN_DIGITS |= {"七": 7, "八": 8, "九": 9}
CN_POWERS = {"十": 10, "百": 100, "千": 1000}
CN_CHARS = "".join(CN_DIGITS) + "".join(CN_POWERS)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_COUNT_VERBS = "有共达增"  # a bare 一 counts only after these (只有一个出入口, not 一个缩影)


def _proposed(
    symbol: str, family: str, scale: int | str, kind: Kind, en: str, magnitude: str = ""
) -> Unit:
    return Unit(symbol, family, Decimal(scale), kind, en, (), magnitude)


# Units statistics offices print that the catalogue lacks: extract proposes their figures with a
# [units] declaration for the data file (never the lonely growth rate of a dropped value).
# 万吨标准煤 is energy, not 万吨; 万平方米 is area (1 平方米 = 0.0015 亩, as in the catalogue).
PROPOSED_UNITS: dict[str, Unit] = {
    u.symbol: u
    for u in (
        _proposed("立方米", "volume", 1, Kind.AMOUNT, "m³"),
        _proposed("万立方米", "volume", 10_000, Kind.AMOUNT, "×10k m³", "万"),
        _proposed("亿立方米", "volume", 100_000_000, Kind.AMOUNT, "×100m m³", "亿"),
        _proposed("吨标准煤", "coal_equivalent", 1, Kind.AMOUNT, "tce"),
        _proposed("万吨标准煤", "coal_equivalent", 10_000, Kind.AMOUNT, "×10k tce", "万"),
        _proposed("万平方米", "area", 15, Kind.AMOUNT, "×10k m²", "万"),
        _proposed("公里", "length", 1, Kind.AMOUNT, "km"),
        _proposed("美元", "usd", 1, Kind.AMOUNT, "US dollars"),
        _proposed("万美元", "usd", 10_000, Kind.AMOUNT, "×10k US dollars", "万"),
        _proposed("亿美元", "usd", 100_000_000, Kind.AMOUNT, "×100m US dollars", "亿"),
        _proposed("天", "days", 1, Kind.AMOUNT, "days"),
        _proposed("个工作日", "working_days", 1, Kind.AMOUNT, "working days"),
        _proposed("场次", "sessions", 1, Kind.COUNT, "sessions"),
        _proposed("场", "events", 1, Kind.COUNT, "events"),
        _proposed("处", "sites", 1, Kind.COUNT, "sites"),
        _proposed("万户", "firms", 10_000, Kind.COUNT, "×10k firms (households)", "万"),
        _proposed("微克/立方米", "concentration", 1, Kind.AMOUNT, "µg/m³"),
    )
}


# proposed units of a family the catalogue counts in (万户 as 户): 为1.26万户市场主体办理…
# counts the firms it names, as 为415户企业 does
_CATALOGUE_FAMILIES = frozenset(u.family for u in UNITS.values())
_COUNTED_BEFORE_NOUN = frozenset(
    s for s, u in PROPOSED_UNITS.items() if u.kind is Kind.COUNT and u.family in _CATALOGUE_FAMILIES
)


def known_unit(symbol: str) -> Unit | None:
    """The unit of *symbol*: the catalogue's or a declared one, else a proposed one, else None."""
    try:
        return get_unit(symbol)
    except ValueError:
        return PROPOSED_UNITS.get(symbol)


# Number words that name rather than count: 三次产业 (the three sectors), 人大四次会议 (a session),
# 三个方面 (points of a speech), and any number word opening a quoted slogan ("两个市场").
_NAMED_AFTER = re.compile(r"产业|(?:全体)?会议|全会|方面")
_QUOTES = frozenset('“"「『')
# a noun and 的 right after a count in words: the count names whose thing the sentence is about
# 前10个月, 连续两个月, 三个季度: a span of time, not a count of items
_TIME_SPAN = re.compile(r"月|季度")
_POSSESSOR = re.compile(r"[\u4e00-\u9fff]{2,6}?的")
# A ratio of shares (三次产业结构比为12.3:40.5:47.2, 三次产业结构为…, 三次产业比例调整为…): each
# part is a share in %, where they add up to 100.
_RATIO = re.compile(
    r"(?:比例?|结构)(?:调整|优化|转变|变化|变)?为?"
    r"(\d+(?:\.\d+)?(?:[:：]\d+(?:\.\d+)?){1,5})(?![\d.:：])"
)
_WHOLE, _PLACES = MAX_INTEGER_DIGITS, MAX_DECIMAL_PLACES
_PART = re.compile(rf"\d{{1,{_WHOLE}}}(?:\.\d{{1,{_PLACES}}})?(?![\d.])")
# The items of a 分别-list before the one printing the unit: 分别回落3.05和0.87个百分点
_LISTED_BEFORE = re.compile(rf"(?<![\d.])(\d{{1,{_WHOLE}}}(?:\.\d{{1,{_PLACES}}})?)[和、及与]$")
_LIST_REACH = 40  # how far back a list's items and its 分别 are looked for


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
        ratios = [(m.start(1), m.end(1)) for m in _RATIO.finditer(text)]
        r = 0
        for m in self.pattern.finditer(text):
            while r < len(ratios) and ratios[r][0] < m.start():
                found.extend(_ratio_parts(text, *ratios[r]))
                r += 1
            token = self._token(text, m)
            if token is not None:
                found.extend(_listed_before(text, token, found[-1].end if found else 0))
                found.append(token)
        for start, end in ratios[r:]:
            found.extend(_ratio_parts(text, start, end))
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
        if symbol == "个" and _TIME_SPAN.match(text, m.end(), m.end() + 2):
            return None  # 前10个月, 连续两个月: how long, not how many
        if before and before in ":：" and _PART.fullmatch(num):
            return None  # a part of a ratio (12.3:40.5:47.2), read as a ratio
        if chinese and (before in _QUOTES or _NAMED_AFTER.match(text, m.end())):
            return None  # 三次产业, "两个市场", 四次会议, 三个方面: a name, not a count
        attributive = "\u4e00" <= after <= "\u9fff" and after not in "的余多"
        if attributive and symbol in PROPOSED_UNITS and symbol not in _COUNTED_BEFORE_NOUN:
            return None  # 8天假期: a name, not a figure
        if chinese and _POSSESSOR.match(text, m.end()):
            return None  # 两个工业园区的水电气配套: a count in passing, whose thing is spoken of
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


def _ratio_parts(text: str, start: int, end: int) -> list[Token]:
    """The parts of the ratio text[start:end] as shares in %, where they add up to 100."""
    parts = list(_PART.finditer(text, start, end))
    values = [Decimal(p.group()) for p in parts]
    if len(parts) != text.count(":", start, end) + text.count("：", start, end) + 1:
        return []  # a part with more digits than a data file holds: no ratio of shares
    if abs(sum(values, Decimal(0)) - 100) > 1:
        return []  # a ratio of something else: no share of a whole
    return [
        Token(p.start(), p.end(), value, "%", False, p.group(), False)
        for p, value in zip(parts, values, strict=True)
    ]


def _listed_before(text: str, token: Token, floor: int) -> list[Token]:
    """The items of a 分别-list that lend their unit from *token*, the last item
    (分别回落3.05和0.87个百分点: 3.05个百分点), not before *floor*."""
    items: list[Token] = []
    at = token.start
    lower = max(floor, token.start - _LIST_REACH)
    while True:
        m = _LISTED_BEFORE.search(text, max(lower, at - 20), at)
        if m is None:
            break
        number = m.group(1)
        items.append(Token(m.start(1), m.end(1), Decimal(number), token.unit, False, number, False))
        at = m.start(1)
    if not items or text.rfind("分别", lower, at) < 0:
        return []
    return items[::-1]
