"""Derived numbers that carry what their inputs carry: bounds, qualifier, status, precision.

A printed figure stands for an interval: 58.33 for [58.325, 58.335]; counts and targets are
exact; a qualified figure is wider, by one step of its last significant digit (约180.3 is
180.2..180.4, 400余户 is 400..500, 近500家 is 400..500). Arithmetic on `Num` carries the
interval, the qualifier (as a direction: 余 is a lower bound, 近 an upper one, 约 both) and
the status (a forecast stays a forecast). `shown()` rounds to what the interval justifies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal

from ..model.english import number, unit_of
from ..model.intervals import DIVISION, Interval
from ..model.numerals import plain
from ..model.refs import Resolved
from ..model.units import Kind, Unit

# qualifier -> (may the true value be above the shown one, below it)
_DIRECTIONS = {
    "exact": (False, False),
    "more_than": (True, False),
    "nearly": (False, True),
    "about": (True, True),
}
_QUALIFIER = {v: k for k, v in _DIRECTIONS.items()}
# a bound (逾500: at least 500; 近1000: at most 1000): the value printed is the bound's end, so
# a number derived from it is that end, shown to its own digits (≤39.29, not ≤39)
_ONE_SIDED = frozenset({"more_than", "nearly"})
UNKNOWN_PLACES = 2
AMOUNT_PLACES = 10  # amounts: as many decimals as their bounds justify, up to the file's limit
_STATUS_RANK = {"actual": 0, "target": 1, "forecast": 2}
_COUNT = Kind.COUNT  # an enum member read once: each `Kind.COUNT` is an attribute look-up


def combine_status(*statuses: str) -> str:
    """A number derived from a forecast is a forecast; from a target (and no forecast), a target."""
    best, rank = "actual", -1
    for status in statuses:  # the first of the highest rank, as max() would give
        r = _STATUS_RANK.get(status, 0)
        if r > rank:
            best, rank = status, r
    return best


def _step(value: Decimal) -> Decimal:
    """One unit of the last significant digit: 180.3 -> 0.1, 400 -> 100, 0 -> 1."""
    exponent = value.as_tuple().exponent
    places = exponent if isinstance(exponent, int) else 0
    if places >= 0 and value:
        digits = str(abs(int(value)))
        places = len(digits) - len(digits.rstrip("0"))
    return Decimal(1).scaleb(places)


_QUANTUM: dict[int, Decimal] = {}
_CONTEXT = Context(prec=28)  # the default context's, as `localcontext` would copy it


# a bound is rounded away from what it rules out, so the bound shown still holds: at least
# 0.307 is shown 逾0.30 (never 逾0.31), at most 39.284 近39.29
_ROUNDING = {"more_than": ROUND_FLOOR, "nearly": ROUND_CEILING}


def quantize(value: Decimal, places: int, qualifier: str = "exact") -> Decimal:
    """*value* rounded half up to *places* decimals (negative: to tens, hundreds…), any size;
    a bound (*qualifier* more_than or nearly) rounded so that it still holds."""
    quantum = _QUANTUM.get(places)
    if quantum is None:
        quantum = _QUANTUM[places] = Decimal(1).scaleb(-places)
    need = value.adjusted() + places + 2
    context = _CONTEXT if need <= 28 else Context(prec=need)
    rounded = value.quantize(
        quantum, rounding=_ROUNDING.get(qualifier, ROUND_HALF_UP), context=context
    )
    return rounded if places >= 0 else Decimal(int(rounded))


@dataclass(slots=True)
class Num:
    """A number with the interval its inputs allow, a qualifier and a status. Never changed
    once made (not `frozen`, which triples the cost of making one: see `Interval`)."""

    value: Decimal
    span: Interval | None
    qualifier: str = "exact"
    status: str = "actual"
    derived: bool = False
    max_places: int = 2
    fixed: bool = True  # exact values keep `max_places` decimals (90.00 %), else their own
    _shown: Decimal | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def exact(cls, value: Decimal, status: str = "actual", max_places: int = 2) -> Num:
        return cls(value, Interval.exact(value), "exact", status, False, max_places)

    @classmethod
    def of(cls, found: Resolved, unit: Unit | None = None) -> Num:
        """A figure as printed (converted to *unit*): exact for counts and targets."""
        figure, printed = found.figure, found.unit
        value, qualifier, status = figure.value, figure.qualifier, figure.status
        span: Interval
        if qualifier == "about":
            step = _step(value)
            span = Interval(value - step, value + step)
        elif qualifier == "nearly":
            span = Interval(value - _step(value), value)
        elif qualifier == "more_than":
            span = Interval(value, value + _step(value))
        elif printed.kind is _COUNT or status == "target":
            span = Interval(value, value)
        else:
            span = Interval.printed(value)
        if unit is not None and unit.symbol != printed.symbol:
            factor = printed.scale / unit.scale
            value, span = value * factor, span.scale(factor)
        return cls(value, span, qualifier, status, False, AMOUNT_PLACES, False)

    def _with(self, value: Decimal, span: Interval | None, qualifier: str, status: str) -> Num:
        return Num(value, span, qualifier, status, True, self.max_places, self.fixed)

    def __add__(self, other: Num) -> Num:
        span = self.span + other.span if self.span and other.span else None
        q = _merge(self.qualifier, other.qualifier, flip=False)
        return self._with(
            self.value + other.value, span, q, combine_status(self.status, other.status)
        )

    def __sub__(self, other: Num) -> Num:
        a, b = self.span, other.span
        span = Interval(a.lo - b.hi, a.hi - b.lo) if a is not None and b is not None else None
        q = _merge(self.qualifier, other.qualifier, flip=True)
        status = combine_status(self.status, other.status)
        return Num(self.value - other.value, span, q, status, True, self.max_places, self.fixed)

    def scale(self, factor: Decimal) -> Num:
        span = self.span.scale(factor) if self.span else None
        q = self.qualifier if factor >= 0 else _merge("exact", self.qualifier, flip=True)
        return self._with(self.value * factor, span, q, self.status)

    def __abs__(self) -> Num:
        """The size of the value, a bound turned over with it (a lead ≤ −10.72 is a lag of
        ≥ 10.72)."""
        return self.scale(Decimal(-1)) if self.value < 0 else self

    def divide(self, other: Num, places: int = 2, fixed: bool = True) -> Num | None:
        """self / other, or None when *other* is zero."""
        if not other.value:
            return None
        value = DIVISION.divide(self.value, other.value)
        span = self.span.divide(other.span) if self.span and other.span else None
        q = _merge(self.qualifier, other.qualifier, flip=True)
        status = combine_status(self.status, other.status)
        return Num(value, span, q, status, True, places, fixed)

    @property
    def places(self) -> int:
        """Decimals the interval justifies, at most `max_places` (negative: round to tens…)."""
        span = self.span
        width = None if span is None else span.hi - span.lo
        return places_of(self.value, width, self.qualifier, self.max_places, self.fixed)

    def shown(self) -> Decimal:
        """The value at the precision its inputs justify (worked out once)."""
        cached = self._shown
        if cached is None:
            cached = self._shown = quantize(self.value, self.places, self.qualifier)
        return cached


def places_of(
    value: Decimal, width: Decimal | None, qualifier: str, max_places: int, fixed: bool
) -> int:
    """`places_for`, where a bound (a *qualifier* of one side) is its own end, exactly known."""
    if qualifier in _ONE_SIDED:
        width = Decimal(0)
    return places_for(value, width, max_places, fixed)


def places_for(value: Decimal, width: Decimal | None, max_places: int, fixed: bool) -> int:
    """Decimals a value whose bounds are *width* apart justifies (`Num.places`; None: bounds
    unknown), at most *max_places*; *fixed*: an exact value keeps *max_places* decimals."""
    if width is None:  # bounds unknown (a divisor that may be zero): be modest
        return min(max_places, UNKNOWN_PLACES)
    if width > 0:  # the digit the bounds blur is the last shown, but keep one significant
        keep = -value.adjusted() if value else max_places
        return min(max_places, max(-width.adjusted(), keep))
    return max_places if fixed else min(max_places, max(0, -_exp(value)))


def _exp(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


def _merge(left: str, right: str, flip: bool) -> str:
    """The qualifier of f(left, right), f increasing in left and, unless *flip*, in right."""
    up_l, down_l = _DIRECTIONS.get(left, (False, False))
    up_r, down_r = _DIRECTIONS.get(right, (False, False))
    if flip:
        up_r, down_r = down_r, up_r
    return _QUALIFIER[(up_l or up_r, down_l or down_r)]


merge_qualifiers = _merge


MARK = {
    "zh": {"about": "约", "nearly": "近", "more_than": "逾"},
    "en": {"about": "~", "nearly": "≤", "more_than": "≥"},
}


def marked(text: str, qualifier: str, lang: str) -> str:
    """*text* with the mark of its qualifier in front: 约94 / ~94."""
    return MARK["en" if lang == "en" else "zh"].get(qualifier, "") + text


PER_MONTH = {"zh": "/月", "en": "/month"}


def amount_text(value: Decimal, unit: Unit | None, lang: str, like: Decimal | None = None) -> str:
    """58.33亿元 / 5.833 billion yuan; in English in the word *like* takes (one word for a row
    or a column: 0.5/20 billion yuan), shifting the digits only. No unit: the digits."""
    if unit is None:
        return plain(value)
    if lang != "en":
        return plain(value) + unit.symbol
    return number(value, unit, like) + unit_of(value, unit, like=like)
