"""双过半 progress: each declared target against its year-to-date actual, as of a month.

Definitions (documented in the README):
- a target is judged at the month its latest actual covers (never later, whatever `--as-of`);
- completion = actual / target; time progress (序时进度) = that month / 12 (or days);
- gap = completion - time progress, in percentage points (超序时进度 when positive,
  滞后序时进度 when negative);
- verdict in January-November: ahead (gap >= 5 points) / on pace (gap >= 0) / behind;
  in December: target met / missed; "half reached" (completion >= 50 %) is a separate fact;
- projections are run rates: the pace so far carried to 30 June (before June) and 31 December
  (before December); a count target is a list of planned items, so its run rate stops there;
  where the run rate passes the target, the month it would reach it is given;
- a target of kind `list` (a fixed list of items to complete, not a flow over the year) has a
  completion rate only: no gap, verdict, pace or run rate, and no part in the 双过半 count;
  its actual is the latest level, whatever months that figure covers (截至目前 at one month);
- a stock actual (a level at its period's end) cannot accrue toward an annual target: such a
  target is shown by its completion only too (`validate` warns, V087);
- what is still needed per month counts the months left after the month asked about, and the
  month a plan is reached is never one already past.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from ..model.intervals import Interval
from ..model.models import Dataset
from ..model.refs import Resolved, actual_for, resolve
from ..model.units import Kind, Unit
from .derived import Num
from .schedule import HUNDRED, Basis, time_progress

AHEAD_POINTS = Decimal(5)
CENT = Decimal("0.01")

Verdict = Literal["ahead", "on_pace", "behind", "met", "missed"]
ON_TRACK: frozenset[str] = frozenset({"ahead", "on_pace", "met"})


@dataclass(frozen=True)
class AsOf:
    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02d}"


@dataclass(frozen=True)
class Quoted:
    """A rate or gap the source prints, beside the one computed from its figures."""

    quoted: Decimal
    computed: Decimal
    consistent: bool


@dataclass(frozen=True)
class Progress:
    """One target evaluated at the month its data end (`month`), asked as of `as_of`."""

    target_ref: str
    target: Resolved
    actual: Resolved
    unit: Unit
    goal: Num
    done: Num
    as_of: AsOf
    month: int
    completion: Num | None
    time_progress: Decimal
    gap: Num | None
    verdict: Verdict | None
    to_half: Num
    to_full: Num
    pace_so_far: Num
    pace_to_half: Num | None
    pace_to_full: Num | None
    projection_june: Num | None
    projection_year: Num | None
    projection_capped: bool
    quoted_rate: Quoted | None
    quoted_gap: Quoted | None
    basis: Basis
    is_list: bool = False
    is_stock: bool = False
    source_basis: Basis = "months"
    plan_reached_month: int | None = None
    plan_note: str | None = None  # the [[targets]] entry's note, on the pairing itself
    plan_note_en: str | None = None

    @property
    def on_track(self) -> bool:
        return self.verdict in ON_TRACK

    @property
    def judged(self) -> bool:
        """Whether this target is judged against time progress (a list or a level is not)."""
        return not (self.is_list or self.is_stock)

    @property
    def half_reached(self) -> bool | None:
        return None if self.completion is None else self.completion.value >= 50

    @property
    def data_end(self) -> AsOf:
        return AsOf(self.as_of.year, self.month)

    @property
    def data_ends_early(self) -> bool:
        """The question asks about a later month than this target's data cover."""
        return self.month < self.as_of.month


def round2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _year_to_date(dataset: Dataset, idents: set[str]) -> dict[tuple[str, int], list[Resolved]]:
    """Actual year-to-date figures of *idents* by (indicator, year), sorted by cut-off month; a
    stock's figures are levels at their period's end, whatever months the period covers."""
    index: dict[tuple[str, int], list[Resolved]] = defaultdict(list)
    for ident in idents:
        indicator = dataset.indicators[ident]
        for i, f in enumerate(indicator.observations):
            if (
                f.status == "actual"
                and f.period.is_dated
                and (f.period.is_year_to_date or indicator.stock)
                and not dataset.superseded(ident, i)
            ):
                index[(ident, f.period.year)].append(Resolved(ident, indicator, i, f))
    for found in index.values():
        found.sort(key=lambda r: r.figure.period.cutoff)
    return index


def latest_as_of(dataset: Dataset) -> AsOf | None:
    """The latest cut-off month of any actual figure a target tracks."""
    return _latest(_year_to_date(dataset, {t.actual for t in dataset.targets}))


def _latest(index: dict[tuple[str, int], list[Resolved]]) -> AsOf | None:
    found = [(year, figs[-1].figure.period.cutoff) for (_i, year), figs in index.items()]
    return AsOf(*max(found)) if found else None


def _verdict(completion: Num | None, gap: Num | None, month: int) -> Verdict | None:
    if completion is None or gap is None:
        return None
    if month >= 12:
        return "met" if completion.value >= HUNDRED else "missed"
    if gap.value >= AHEAD_POINTS:
        return "ahead"
    return "on_pace" if gap.value >= 0 else "behind"


def _items(unit: Unit) -> bool:
    """A count of whole items (23个, 342户): what is left rounds up, a run rate stops at the list;
    a count in ten thousands (3.16万人) is an amount of people, rounded as printed."""
    return unit.kind is Kind.COUNT and unit.scale == 1


def _still_needed(goal: Num, done: Num, unit: Unit) -> Num:
    """What remains to reach *goal*; counts of items round up (half of 23 projects is 12)."""
    needed = goal - done
    if needed.value <= 0:
        return Num(Decimal(0), Interval.exact(Decimal(0)), "exact", needed.status, True, 0, False)
    if _items(unit):
        return Num(Decimal(math.ceil(needed.value)), needed.span, needed.qualifier, needed.status,
                   True, 0, False)  # fmt: skip
    return needed


def _quoted(
    dataset: Dataset, ident: str | None, actual: Resolved, computed: Num | None
) -> Quoted | None:
    """The figure of *ident* for the actual's period, checked against what the inputs allow."""
    quoted = actual_for(dataset, ident, actual.figure.period)
    if quoted is None or computed is None or computed.span is None:
        return None
    consistent = Interval.printed(quoted.figure.value).overlaps(computed.span)
    return Quoted(quoted.figure.value, round2(computed.value), consistent)


def evaluate(
    dataset: Dataset, as_of: AsOf | None = None, basis: Basis = "months"
) -> list[Progress]:
    """Every target of *as_of*'s year with a year-to-date actual at or before that month."""
    index = _year_to_date(dataset, {t.actual for t in dataset.targets})
    as_of = as_of or _latest(index)
    if as_of is None:
        return []
    results = []
    for target in dataset.targets:
        goal = resolve(dataset, target.target)
        if goal.figure.period.year != as_of.year:
            continue
        found = index.get((target.actual, as_of.year), [])
        months = [r.figure.period.cutoff for r in found]
        candidates = found[: bisect_right(months, as_of.month)]
        if not candidates:
            continue
        actual = candidates[-1]
        found_one = _evaluate_one(
            dataset, target.target, goal, actual, as_of, basis, target.rate, target.gap
        )
        if target.kind == "list":
            found_one = as_list(found_one)
        elif actual.indicator.stock:  # a level does not accrue toward a plan for the year
            found_one = replace(as_list(found_one), is_list=False, is_stock=True)
        results.append(
            replace(
                found_one,
                source_basis=target.basis,
                plan_note=target.note,
                plan_note_en=target.note_en,
            )
        )
    return results


def as_list(r: Progress) -> Progress:
    """*r* as a fixed list of items to complete: its completion, what is left, the quoted rate;
    nothing measured against time (no gap, verdict, pace or run rate)."""
    return replace(
        r,
        is_list=True,
        gap=None,
        verdict=None,
        pace_to_half=None,
        pace_to_full=None,
        projection_june=None,
        projection_year=None,
        projection_capped=False,
        quoted_gap=None,
        plan_reached_month=None,
    )


def _evaluate_one(
    dataset: Dataset,
    ref: str,
    goal_found: Resolved,
    actual: Resolved,
    as_of: AsOf,
    basis: Basis,
    rate_ident: str | None,
    gap_ident: str | None,
) -> Progress:
    unit = goal_found.unit
    goal, done = Num.of(goal_found), Num.of(actual, unit)
    month = actual.figure.period.cutoff
    tp = time_progress(actual.figure.period, basis)
    ratio = done.divide(goal) if goal.value > 0 else None
    completion = ratio.scale(HUNDRED) if ratio else None
    if completion is not None:
        completion = Num(completion.value, completion.span, completion.qualifier, done.status,
                         True, 2)  # fmt: skip
    gap = completion - Num.exact(tp) if completion is not None else None
    pace = done.divide(Num.exact(Decimal(month)), 2)
    assert pace is not None  # month >= 1
    now = max(month, as_of.month)  # what is needed is needed from the month asked about
    to_half = _still_needed(goal.scale(Decimal("0.5")), done, unit)
    to_full = _still_needed(goal, done, unit)
    june, year, capped = _projections(pace, goal, done, unit, month)
    return Progress(
        target_ref=ref,
        target=goal_found,
        actual=actual,
        unit=unit,
        goal=goal,
        done=done,
        as_of=as_of,
        month=month,
        completion=completion,
        time_progress=tp,
        gap=gap,
        verdict=_verdict(completion, gap, month),
        to_half=to_half,
        to_full=to_full,
        pace_so_far=pace,
        pace_to_half=to_half.divide(Num.exact(Decimal(6 - now)), 2) if now < 6 else None,
        pace_to_full=to_full.divide(Num.exact(Decimal(12 - now)), 2) if now < 12 else None,
        projection_june=june,
        projection_year=year,
        projection_capped=capped,
        plan_reached_month=_plan_reached(pace, goal, done, month, now),
        quoted_rate=_quoted(dataset, rate_ident, actual, completion),
        quoted_gap=_quoted(dataset, gap_ident, actual, gap),
        basis=basis,
    )


def _plan_reached(pace: Num, goal: Num, done: Num, month: int, now: int) -> int | None:
    """The month the pace so far would reach *goal* in, where the run rate to December (before
    any cap on a count) passes it, it is not reached yet and that month is still to come after
    *now*, the month asked about (a run rate past the plan is shown as this month instead)."""
    if month >= 12 or done.value >= goal.value or pace.value <= 0:
        return None
    if done.value * 12 <= goal.value * month:
        return None
    reached = min(12, max(month + 1, math.ceil(goal.value * month / done.value)))
    return reached if reached > now else None


def _projections(
    pace: Num, goal: Num, done: Num, unit: Unit, month: int
) -> tuple[Num | None, Num | None, bool]:
    """Run rates to 30 June and 31 December for the months still to come; a count target is
    a list of planned items, so its run rate stops at the list (or at what is already done)."""
    cap = max(goal.value, done.value) if _items(unit) else None
    capped = False
    out: list[Num | None] = []
    for end in (6, 12):
        if month >= end:
            out.append(None)
            continue
        run = pace.scale(Decimal(end))
        if cap is not None and run.value > cap:
            run, capped = Num(cap, Interval.exact(cap), "exact", run.status, True, 0, False), True
        out.append(run)
    return out[0], out[1], capped


def parse_as_of(text: str) -> AsOf:
    """YYYY-MM, month 01-12; ValueError otherwise."""
    year, sep, month = text.partition("-")
    if not (sep and len(year) == 4 and year.isdigit() and len(month) == 2 and month.isdigit()):
        raise ValueError(f"expected YYYY-MM, not {text!r}")
    if not 1 <= int(month) <= 12:
        raise ValueError(f"no month {month} in {text!r} (01 to 12)")
    return AsOf(int(year), int(month))


def early_data_warnings(results: list[Progress]) -> list[str]:
    """One line per target whose data end before the month asked about."""
    return [
        f"warning: {r.actual.ident}: data end in {r.data_end}; judged as of {r.data_end}, "
        f"not {r.as_of}"
        for r in results
        if r.data_ends_early
    ]
