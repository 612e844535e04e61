"""Interval arithmetic from printed precision: 58.33 means any value in [58.325, 58.335]."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Context, Decimal

# Division to 34 digits: the default context (which ganxian never changes) with more digits,
# kept rather than set up around each division.
DIVISION = Context(prec=34)


@dataclass(slots=True)
class Interval:
    """From *lo* to *hi*, both included. Never changed once made (not `frozen`: that triples
    the cost of making one, and checks and comparisons make one or more per figure)."""

    lo: Decimal
    hi: Decimal

    @classmethod
    def exact(cls, value: Decimal) -> Interval:
        return cls(value, value)

    @classmethod
    def printed(cls, value: Decimal) -> Interval:
        """The values that round to *value* at the precision it was printed with."""
        exponent = places(value)
        half = _HALVES.get(exponent) or _half_step(exponent)
        return cls(value - half, value + half)

    @property
    def mid(self) -> Decimal:
        return (self.lo + self.hi) / 2

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def scale(self, factor: Decimal) -> Interval:
        a, b = self.lo * factor, self.hi * factor
        return Interval(min(a, b), max(a, b))

    def divide(self, other: Interval) -> Interval | None:
        """self / other, or None when *other* may be zero."""
        if other.lo <= 0 <= other.hi:
            return None
        lo, hi, div = other.lo, other.hi, DIVISION.divide
        quotients = [div(self.lo, lo), div(self.lo, hi), div(self.hi, lo), div(self.hi, hi)]
        return Interval(min(quotients), max(quotients))

    def overlaps(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi


_HALVES: dict[int, Decimal] = {}


def _half_step(exponent: int) -> Decimal:
    """Half a unit of the last printed place (0.005 for 58.33), worked out once per place."""
    half = _HALVES.get(exponent)
    if half is None:
        half = _HALVES[exponent] = Decimal(1).scaleb(exponent) / 2
    return half


def places(value: Decimal) -> int:
    """The exponent of *value*'s last printed digit (-2 for 58.33, 0 for 400 and for nan).

    Read from the decimal's text where that is plain (most numbers): `as_tuple` builds a
    tuple of every digit first.
    """
    text = str(value)
    if "E" not in text and text[-1].isdigit():
        point = text.find(".")
        return point - len(text) + 1 if point >= 0 else 0
    exponent = value.as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0
