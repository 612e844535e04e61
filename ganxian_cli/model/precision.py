"""One quantity printed twice with different precision: 45.3亿元 in a sentence and 452871万元 in
a table. `extract` proposes both and marks the less precise one as restating the other;
`import` records the more precise one and checks that they agree."""

from __future__ import annotations

from decimal import Decimal

from .units import Kind, Unit, get_unit


def _unit(symbol: str) -> Unit | None:
    try:
        return get_unit(symbol)
    except ValueError:
        return None


def step(value: Decimal, unit: str) -> Decimal:
    """The size of the last printed digit of *value* in its unit family's base (0.1亿元 is
    10,000,000 yuan, 452871万元 is 10,000 yuan); in *unit* itself where the unit is unknown."""
    found = _unit(unit)
    scale = found.scale if found is not None else Decimal(1)
    exponent = value.as_tuple().exponent
    return Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0) * scale


def agrees(a: Decimal, unit_a: str, b: Decimal, unit_b: str) -> bool:
    """Whether *a* *unit_a* and *b* *unit_b* are one quantity: units of one family (亿元 and
    万元), and the less precise value is the other rounded to its own last printed digit
    (45.3亿元 for 452871万元). Rates (%, 个百分点) and unknown units agree only when equal."""
    ua, ub = _unit(unit_a), _unit(unit_b)
    if ua is None or ub is None or ua.family != ub.family or ua.kind is Kind.RATE:
        return unit_a == unit_b and a == b
    if (a < 0) != (b < 0):
        return False
    coarse = max(step(a, unit_a), step(b, unit_b))
    return abs(a * ua.scale - b * ub.scale) * 2 <= coarse
