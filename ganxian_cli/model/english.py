"""Quantities as an English reader expects them: 304.78 million yuan, 10,000 t, 1 GW, 1 item.

For display only: the data keep the unit they were printed in, and the number is shifted by
whole powers of ten, never rounded, so 30478 万元 reads exactly 304.78 million yuan. Decimals
a number was given to stay: 70.00 亿元 reads 7.000 billion yuan, 500 亿元 reads 50 billion.
"""

from __future__ import annotations

import dataclasses
import functools
from decimal import Decimal

from .units import Unit

# family -> (base unit, [(threshold exponent, word), …] largest first)
_SCALES: dict[str, tuple[str, list[tuple[int, str]]]] = {
    "money": ("yuan", [(9, "billion yuan"), (6, "million yuan")]),
    "mass": ("t", [(6, "million t")]),
    "area": ("mu", [(6, "million mu")]),
    "power": ("kW", [(6, "GW"), (3, "MW")]),
}

# count units: (singular, plural)
_NOUNS: dict[str, tuple[str, str]] = {
    "家": ("firm", "firms"),
    "户": ("household", "households"),  # unless the indicator counts firms: see counted()
    "个": ("item", "items"),
    "项": ("item", "items"),
    "条": ("item", "items"),
    "件": ("case", "cases"),
    "台": ("unit", "units"),
    "层": ("storey", "storeys"),
    "名": ("person", "people"),
    "人": ("person", "people"),
    "个百分点": ("percentage point", "percentage points"),
}

# What a count of 个/项/条/件/户/家 counts, read from the indicator's Chinese name: the first
# word found decides (项目信息 are leads, not projects; 户 of 企业 are firms, not households).
_COUNTED: tuple[tuple[tuple[str, ...], tuple[str, str]], ...] = (
    (("项目信息", "线索"), ("lead", "leads")),
    (("项目",), ("project", "projects")),
    (("措施", "举措", "政策"), ("measure", "measures")),
    (("事项",), ("matter", "matters")),
    (("出入口", "入口"), ("entrance", "entrances")),
    (("企业", "纳税人", "市场主体", "公司", "商户", "个体工商户"), ("firm", "firms")),
    (("行政村", "村"), ("village", "villages")),
    (("学校",), ("school", "schools")),
)
_COUNT_UNITS = frozenset({"个", "项", "条", "件", "户", "家"})


@functools.lru_cache(maxsize=4096)
def counted(unit: Unit, name: str) -> Unit:
    """*unit* with the English noun of what the indicator named *name* counts: 342户 of
    办理留抵退税的企业 are 342 firms, 23个 of 重点调度项目 are 23 projects. Other units (and a
    name with none of the words) are returned as they are."""
    if unit.symbol not in _COUNT_UNITS:
        return unit
    for words, noun in _COUNTED:
        if any(word in name for word in words):
            return dataclasses.replace(unit, noun=noun)
    return unit


# 双过半 glossed wherever English output names it (the short form in titles)
BOTH_HALVES = "双过半 (half the annual target done by mid-year)"
BOTH_HALVES_SHORT = "双过半 (half by mid-year)"

QUALIFIER_WORDS = {"more_than": "over ", "nearly": "nearly ", "about": "about "}


def subject_in(subject: str | None, subject_en: str | None, lang: str) -> str:
    """The subject as *lang* shows it: its English name in English where the file gives one."""
    if lang == "en" and subject_en:
        return subject_en
    return subject or ""


def grouped(value: Decimal) -> str:
    """Digits as written, thousands grouped with commas: 12000 -> 12,000; 13.387 stays."""
    text = f"{value:f}"
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, dot, fraction = text.partition(".")
    return f"{sign}{int(whole):,}{dot}{fraction}"


def _shifted(value: Decimal, exponent: int) -> Decimal:
    """*value* × 10**exponent exactly: the decimals *value* was given to are kept (70.00 亿 ->
    7.000 billion), a whole number loses the zeros the shift leaves (500 亿 -> 50 billion)."""
    result = value.scaleb(exponent)
    if _whole(value):
        result = result.normalize()
    return result.quantize(Decimal(1)) if _whole(result) else result


def _whole(value: Decimal) -> bool:
    """Whether *value* is written without a decimal point (1.2E+3 too)."""
    exponent = value.as_tuple().exponent
    return isinstance(exponent, int) and exponent >= 0


def _exponent(unit: Unit) -> int | None:
    """The power of ten *unit* is of its family's base (万 -> 4, 亿 -> 8); None if no power."""
    scale = unit.scale.normalize()
    _sign, digits, exponent = scale.as_tuple()
    if digits != (1,) or not isinstance(exponent, int) or exponent < 0:
        return None
    return exponent


def _word(value: Decimal, unit: Unit) -> tuple[int, str] | None:
    """(power of ten of the word, the word) *value* in *unit* reads in: (9, "billion yuan")."""
    own = _exponent(unit)
    if own is None:
        return None
    if unit.family in _SCALES:
        base, steps = _SCALES[unit.family]
    elif own and unit.en.startswith("×") and " " in unit.en:  # ×10k kWh, ×10k TEU (declared)
        base = unit.en.split(" ", 1)[1]
        steps = [(9, f"billion {base}"), (6, f"million {base}")]
    else:
        return None
    in_base = abs(value).scaleb(own)
    return next(((e, word) for e, word in steps if in_base >= Decimal(10) ** e), (0, base))


def number(value: Decimal, unit: Unit, like: Decimal | None = None) -> str:
    """The digits of *value* as English shows them in the word `unit_of(like or value)` gives:
    58.33 亿元 -> 5.833 (billion yuan); 30478 万元 -> 304.78 (million yuan); 22 个 -> 22."""
    word = _word(value if like is None else like, unit)
    if word is None:
        return f"{value:f}" if unit.symbol == "%" else grouped(value)
    return grouped(_shifted(value, (_exponent(unit) or 0) - word[0]))


def unit_of(
    value: Decimal, unit: Unit, singular: bool | None = None, like: Decimal | None = None
) -> str:
    """What follows the digits of *value* (see `number`): " billion yuan", " items", "%".
    The word is the one *like* takes if given; *singular* decides the noun (default: exactly 1)."""
    word = _word(value if like is None else like, unit)
    if word is not None:
        return f" {word[1]}"
    noun = unit.noun or _NOUNS.get(unit.symbol)
    if noun is not None:
        one, many = noun
        return f" {one if (value == 1 if singular is None else singular) else many}"
    return "%" if unit.symbol == "%" else f" {unit.en}"


def quantity(value: Decimal, unit: Unit, qualifier: str = "exact") -> str:
    """The English text of *value* in *unit*, with its qualifier word."""
    words = QUALIFIER_WORDS.get(qualifier, "")
    singular = value == 1 and qualifier == "exact"
    return f"{words}{number(value, unit)}{unit_of(value, unit, singular)}"


def unit_words(unit: Unit) -> str:
    """What a column or axis of *unit* is counted in: "units of 0.1 billion yuan", "items".

    A 万/亿 unit is said in the scale word tables use (billion, million), never as "100 million
    yuan" beside "billion yuan": 亿元 is 0.1 billion yuan, 万元 0.01 million yuan.
    """
    if unit.magnitude:
        own = _exponent(unit)
        scale = _SCALES.get(unit.family)
        if own is not None and scale is not None and "million" in scale[1][-1][1]:
            above = [(e, word) for e, word in scale[1] if e >= own]
            if above:
                exponent, word = above[-1]
                return f"units of {Decimal(1).scaleb(own - exponent):f} {word}"
        return f"units of {quantity(Decimal(1), unit)}"
    two = quantity(Decimal(2), unit)  # the plural noun: "2 items", "2 ha", "2%"
    if two[:1] == "2" and not two[1:2].isdigit() and two[1:2] not in (",", "."):
        return two[1:].strip()
    return f"units of {quantity(Decimal(1), unit)}"  # a declared scale: 万标箱 is 10,000 TEU


# A theme for each subject of `glossary.subject_of`: id -> (Chinese name, English name), for an
# indicator none of whose file's themes speaks of its subject.
SUBJECT_THEMES: dict[str, tuple[str, str]] = {
    "investment": ("项目与投资", "Projects and investment"),
    "industry": ("工业运行", "Industrial performance"),
    "relief": ("惠企纾困", "Enterprise relief"),
    "agriculture": ("农业农村", "Agriculture and rural areas"),
    "services": ("政务服务", "Government services"),
    "society": ("民生社会", "People and society"),
    "consumption": ("消费市场", "Consumption"),
    "tourism": ("文化旅游", "Tourism"),
    "trade": ("对外贸易", "Foreign trade"),
    "finance": ("金融", "Finance"),
    "fiscal": ("财政", "Public finance"),
    "economy": ("经济运行", "The economy"),
    "transport": ("交通物流", "Transport and logistics"),
    "environment": ("生态环境", "Environment"),
}
DEFAULT_THEME = "economy"  # an indicator whose subject nothing tells
