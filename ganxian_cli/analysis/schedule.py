"""Time progress (序时进度): how much of the year a year-to-date period has used up."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from ..model.periods import Period

Basis = Literal["months", "days"]
HUNDRED = Decimal(100)


def time_progress(period: Period, basis: Basis = "months") -> Decimal:
    """Percent of the year elapsed at the end of *period*.

    months: cut-off month / 12 (the convention of government progress reports, Jan-May = 41.67%);
    days: days elapsed / days in the year, leap years counted.
    """
    if basis == "months":
        return HUNDRED * period.cutoff / 12
    elapsed, total = period.days()
    return HUNDRED * elapsed / total
