"""Quantities as an English reader expects them: 304.78 million yuan, 10,000 t, 1 GW, 1 item.

For display only: the data keep the unit they were printed in, and the number is shifted by
whole powers of ten, never rounded, so 30478 万元 reads exactly 304.78 million yuan.
"""

from __future__ import annotations

from decimal import Decimal

from ..model.units import Unit

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
    "户": ("household", "households"),
    "个": ("item", "items"),
    "项": ("item", "items"),
    "条": ("item", "items"),
    "件": ("case", "cases"),
    "台": ("unit", "units"),
    "层": ("storey", "storeys"),
    "名": ("person", "people"),
    "人": ("person", "people"),
    "个百分点": ("point", "points"),
}

QUALIFIER_WORDS = {"more_than": "over ", "nearly": "nearly ", "about": "about "}


def grouped(value: Decimal) -> str:
    """Digits as written, thousands grouped with commas: 12000 -> 12,000; 13.387 stays."""
    text = f"{value:f}"
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, dot, fraction = text.partition(".")
    return f"{sign}{int(whole):,}{dot}{fraction}"


def _shifted(value: Decimal, exponent: int) -> Decimal:
    """*value* × 10**exponent, written without trailing zeros after the point (exactly)."""
    result = value.scaleb(exponent)
    if result == result.to_integral_value():
        return result.quantize(Decimal(1))
    return result.normalize()


def quantity(value: Decimal, unit: Unit, qualifier: str = "exact") -> str:
    """The English text of *value* in *unit*, with its qualifier word."""
    words = QUALIFIER_WORDS.get(qualifier, "")
    if unit.family in _SCALES:
        base, steps = _SCALES[unit.family]
        in_base = _shifted(value, _exponent(unit))
        for exponent, word in steps:
            if abs(in_base) >= Decimal(10) ** exponent:
                return f"{words}{grouped(_shifted(in_base, -exponent))} {word}"
        return f"{words}{grouped(in_base)} {base}"
    if unit.symbol in _NOUNS:
        singular, plural = _NOUNS[unit.symbol]
        noun = singular if value == 1 and qualifier == "exact" else plural
        return f"{words}{grouped(value)} {noun}"
    if unit.symbol == "%":
        return f"{words}{value:f}%"
    return f"{words}{value:f} {unit.en}"


def _exponent(unit: Unit) -> int:
    """The power of ten *unit* is of its family's base (万 -> 4, 亿 -> 8)."""
    return len(str(int(unit.scale))) - 1


def unit_words(unit: Unit) -> str:
    """What a column or axis of *unit* is counted in: "units of 100 million yuan", "items"."""
    if unit.magnitude:
        return f"units of {quantity(Decimal(1), unit)}"
    return quantity(Decimal(2), unit)[1:].strip()
