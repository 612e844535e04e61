"""The catalogue of units a figure may be printed in: built-in, plus those a file declares.

Units of one family convert into each other by a fixed scale (30478 万元 = 3.0478 亿元);
figures of different families are never combined. Energy (千瓦时) is not power (千瓦). A rank
(位: 全省第3位) is a position, not a quantity: it takes no arithmetic.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType


class Kind(StrEnum):
    """What sort of quantity a unit measures; drives the whole-number and sign rules."""

    AMOUNT = "amount"  # money, area, mass, power: non-negative unless the indicator is signed
    COUNT = "count"  # firms, projects, people: whole numbers >= 0
    RATE = "rate"  # percentages and percentage points: any sign
    RANK = "rank"  # a position (全省第3位): a whole number >= 1, no arithmetic


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
    # what one indicator counts in English ("firm", "firms"): see english.counted
    noun: tuple[str, str] | None = field(default=None, compare=False)

    def __hash__(self) -> int:
        # equal units have one symbol; hashing every field (a Decimal among them) made each
        # cached look-up keyed by a unit cost more than the work it saves
        return hash(self.symbol)


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
        _u("万人", "people", 10_000, _C, "×10k people", (), "万"),
        _u("人次", "visits", 1, _C, "person-times"),
        _u("万人次", "visits", 10_000, _C, "×10k person-times", (), "万"),
        _u("宗", "cases", 1, _C, "cases (transactions)"),
        _u("种", "kinds", 1, _C, "kinds"),
        _u("只", "animals", 1, _C, "animals"),
        _u("头", "livestock", 1, _C, "head"),
        _u("万头", "livestock", 10_000, _C, "×10k head", (), "万"),
        _u("辆", "vehicles", 1, _C, "vehicles"),
        _u("套", "sets", 1, _C, "sets"),
        _u("座", "structures", 1, _C, "structures"),
        _u("所", "institutions", 1, _C, "institutions"),
        _u("次", "times", 1, _C, "times"),
        _u("千瓦时", "energy", 1, _A, "kWh", ("度",)),
        _u("万千瓦时", "energy", 10_000, _A, "×10k kWh", ("万度",), "万"),
        _u("亿千瓦时", "energy", 100_000_000, _A, "×100m kWh", ("亿度",), "亿"),
        # 1 亩 = 10000/15 m², so the metric areas are exact decimals of 亩
        _u("平方米", "area", "0.0015", _A, "m²"),
        _u("公顷", "area", 15, _A, "ha"),
        _u("平方公里", "area", 1500, _A, "km²"),
        _u("公斤", "mass", "0.001", _A, "kg"),
        _u("千克", "mass", "0.001", _A, "kg"),
        _u("位", "rank", 1, Kind.RANK, "rank"),
        _u("倍", "multiple", 1, _R, "times (multiple)"),
    )
}
BUILT_IN_FAMILIES: dict[str, Kind] = {u.family: u.kind for u in UNITS.values()}

# Units a data file declares (`[units."万标箱"]`), visible while that file is validated.
_DECLARED: ContextVar[Mapping[str, Unit]] = ContextVar(
    "declared_units", default=MappingProxyType({})
)


@contextmanager
def declared(units: Mapping[str, Unit]) -> Iterator[None]:
    """Make *units* known to `get_unit` for the duration of the block."""
    token = _DECLARED.set(units)
    try:
        yield
    finally:
        _DECLARED.reset(token)


@contextmanager
def command_scope() -> Iterator[None]:
    """A scope (one command run) that `bring_into_scope` adds files' declared units to."""
    with declared(MappingProxyType({})):
        yield


def bring_into_scope(units: Mapping[str, Unit]) -> None:
    """Make a loaded file's declared *units* known until the enclosing `command_scope` ends.

    Two files that declare one symbol differently cannot be read together (ValueError).
    """
    current = _DECLARED.get()
    for symbol, unit in units.items():
        known = current.get(symbol)
        if known is not None and (known.family, known.scale) != (unit.family, unit.scale):
            raise ValueError(f"the files declare unit {symbol} differently")
    _DECLARED.set(MappingProxyType({**current, **units}))


def in_scope() -> Mapping[str, Unit]:
    """The declared units known now, by symbol."""
    return _DECLARED.get()


def declare(
    symbol: str, family: str, factor: Decimal, name_en: str | None, kind: str | None
) -> Unit:
    """A file-declared unit; its kind follows a built-in family's unless given."""
    chosen = Kind(kind) if kind else BUILT_IN_FAMILIES.get(family, Kind.AMOUNT)
    return Unit(symbol, family, factor, chosen, name_en or symbol)


class UnknownUnitError(ValueError):
    """A unit outside the catalogue."""


def get_unit(symbol: str) -> Unit:
    """Return the unit for *symbol*, or raise with the list of known units."""
    unit = UNITS.get(symbol) or _DECLARED.get().get(symbol)
    if unit is not None:
        return unit
    from .unit_hints import suggest  # only on the error path

    known_units = {**UNITS, **_DECLARED.get()}
    known = ", ".join(known_units)
    close = suggest(symbol, known_units)
    hint = f"; did you mean {close}?" if close else ""
    raise UnknownUnitError(
        f'unknown unit "{symbol}" (known: {known}; declare others in [units]){hint}'
    )


def convert(value: Decimal, source: str, target: str) -> Decimal:
    """Convert *value* from unit *source* to unit *target* of the same family, exactly."""
    a, b = get_unit(source), get_unit(target)
    if Kind.RANK in (a.kind, b.kind):
        raise ValueError(f"cannot convert {source} to {target}: a rank takes no arithmetic")
    if a.family != b.family:
        raise ValueError(f"cannot convert {source} to {target}: different kinds of quantity")
    return value * a.scale / b.scale
