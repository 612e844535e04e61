"""The closed catalogue of units a figure may be printed in.

Units of one family convert into each other by a fixed scale (30478 万元 = 3.0478 亿元);
figures of different families are never combined.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Kind(StrEnum):
    """What sort of quantity a unit measures; drives the whole-number and sign rules."""

    AMOUNT = "amount"  # money, area, mass, power: non-negative unless the indicator is signed
    COUNT = "count"  # firms, projects, people: whole numbers >= 0
    RATE = "rate"  # percentages and percentage points: any sign


@dataclass(frozen=True)
class Unit:
    """One unit of the catalogue."""

    symbol: str
    family: str
    scale: Decimal  # size of one of this unit in the family's base unit
    kind: Kind
    en: str
    aliases: tuple[str, ...] = ()  # other ways the source prints it ("50亿" for 50 亿元)
    magnitude: str = ""  # the 万/亿 prefix a qualifier such as 多 may follow (1.2万多亩)


def _u(
    symbol: str,
    family: str,
    scale: int | str,
    kind: Kind,
    en: str,
    aliases: tuple[str, ...] = (),
    magnitude: str = "",
) -> Unit:
    return Unit(symbol, family, Decimal(scale), kind, en, aliases, magnitude)


_A, _C, _R = Kind.AMOUNT, Kind.COUNT, Kind.RATE

UNITS: dict[str, Unit] = {
    u.symbol: u
    for u in (
        _u("元", "money", 1, _A, "yuan"),
        _u("万元", "money", 10_000, _A, "×10k yuan", ("万",), "万"),
        _u("亿元", "money", 100_000_000, _A, "×100m yuan", ("亿",), "亿"),
        _u("亩", "area", 1, _A, "mu"),
        _u("万亩", "area", 10_000, _A, "×10k mu", (), "万"),
        _u("吨", "mass", 1, _A, "t"),
        _u("万吨", "mass", 10_000, _A, "×10k t", (), "万"),
        _u("千瓦", "power", 1, _A, "kW"),
        _u("万千瓦", "power", 10_000, _A, "×10k kW", (), "万"),
        _u("%", "percent", 1, _R, "%"),
        _u("个百分点", "points", 1, _R, "pp", ("百分点",)),
        _u("家", "firms", 1, _C, "firms"),
        _u("户", "firms", 1, _C, "firms (households)"),
        _u("个", "items", 1, _C, "items"),
        _u("项", "items", 1, _C, "items"),
        _u("条", "items", 1, _C, "items"),
        _u("件", "cases", 1, _C, "cases"),
        _u("台", "machines", 1, _C, "units"),
        _u("层", "storeys", 1, _C, "storeys"),
        _u("名", "people", 1, _C, "people"),
        _u("人", "people", 1, _C, "people"),
    )
}


class UnknownUnitError(ValueError):
    """A unit outside the catalogue."""


def get_unit(symbol: str) -> Unit:
    """Return the unit for *symbol*, or raise with the list of known units."""
    try:
        return UNITS[symbol]
    except KeyError:
        pass
    from .unit_hints import suggest  # only on the error path

    known = ", ".join(UNITS)
    close = suggest(symbol, UNITS)
    hint = f"; did you mean {close}?" if close else ""
    raise UnknownUnitError(f'unknown unit "{symbol}" (known: {known}){hint}')


def convert(value: Decimal, source: str, target: str) -> Decimal:
    """Convert *value* from unit *source* to unit *target* of the same family, exactly."""
    a, b = get_unit(source), get_unit(target)
    if a.family != b.family:
        raise ValueError(f"cannot convert {source} to {target}: different kinds of quantity")
    return value * a.scale / b.scale
