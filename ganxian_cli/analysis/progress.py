"""双过半 progress: each declared target against its year-to-date actual, as of a month.

Definitions (documented in the README):
- completion = actual / target; time progress (序时进度) = cut-off month / 12 (or days);
- gap = completion - time progress, in percentage points (超序时进度 when positive);
- verdict: before the end of June ahead (gap >= 5 points) / on pace (gap >= 0) / behind;
  from June on half reached / not reached; in December target met / missed;
- projections are run rates: the pace so far carried to 30 June and 31 December.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from ..model.intervals import Interval
from ..model.models import Dataset, Figure
from ..model.numerals import plain
from ..model.refs import Resolved, actual_for, actuals_in_year, resolve
from ..model.units import Kind, Unit
from .results import Column, Section
from .schedule import HUNDRED, Basis, time_progress

AHEAD_POINTS = Decimal(5)
CENT = Decimal("0.01")

Verdict = Literal["ahead", "on_pace", "behind", "half_reached", "half_not_reached", "met", "missed"]
ON_TRACK: frozenset[str] = frozenset({"ahead", "on_pace", "half_reached", "met"})


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
    """One target evaluated as of a month."""

    target_ref: str
    target: Resolved
    actual: Resolved
    unit: Unit
    goal: Decimal
    done: Decimal
    completion: Decimal | None
    time_progress: Decimal
    gap: Decimal | None
    verdict: Verdict | None
    to_half: Decimal
    to_full: Decimal
    pace_so_far: Decimal
    pace_to_half: Decimal | None
    pace_to_full: Decimal | None
    projection_june: Decimal
    projection_year: Decimal
    quoted_rate: Quoted | None
    quoted_gap: Quoted | None
    basis: Basis

    @property
    def on_track(self) -> bool:
        return self.verdict in ON_TRACK


def round2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def latest_as_of(dataset: Dataset) -> AsOf | None:
    """The latest cut-off month of any actual figure a target tracks."""
    found = [
        (f.period.year, f.period.cutoff)
        for target in dataset.targets
        for f in dataset.indicators[target.actual].observations
        if f.status == "actual" and f.period.is_year_to_date
    ]
    return AsOf(*max(found)) if found else None


def _verdict(completion: Decimal | None, gap: Decimal | None, month: int) -> Verdict | None:
    if completion is None or gap is None:
        return None
    if month >= 12:
        return "met" if completion >= HUNDRED else "missed"
    if month >= 6:
        return "half_reached" if completion >= 50 else "half_not_reached"
    if gap >= AHEAD_POINTS:
        return "ahead"
    return "on_pace" if gap >= 0 else "behind"


def _still_needed(goal: Decimal, done: Decimal, unit: Unit) -> Decimal:
    """What remains to reach *goal*; counts round up (half of 23 projects is 12)."""
    needed = max(Decimal(0), goal - done)
    return Decimal(math.ceil(needed)) if unit.kind is Kind.COUNT else needed


def _quoted(
    dataset: Dataset,
    ident: str | None,
    actual: Figure,
    computed: Decimal | None,
    span: Interval | None,
) -> Quoted | None:
    """The figure of *ident* for the actual's period, checked against what the inputs allow."""
    quoted = actual_for(dataset, ident, actual.period)
    if quoted is None or computed is None or span is None:
        return None
    consistent = Interval.printed(quoted.figure.value).overlaps(span)
    return Quoted(quoted.figure.value, round2(computed), consistent)


def evaluate(
    dataset: Dataset, as_of: AsOf | None = None, basis: Basis = "months"
) -> list[Progress]:
    """Every target of *as_of*'s year with a year-to-date actual at or before that month."""
    as_of = as_of or latest_as_of(dataset)
    if as_of is None:
        return []
    results = []
    for target in dataset.targets:
        goal = resolve(dataset, target.target)
        if goal.figure.period.year != as_of.year:
            continue
        candidates = [
            r
            for r in actuals_in_year(dataset, target.actual, as_of.year)
            if r.figure.period.is_year_to_date and r.figure.period.cutoff <= as_of.month
        ]
        if not candidates:
            continue
        actual = max(candidates, key=lambda r: r.figure.period.cutoff)
        results.append(
            _evaluate_one(
                dataset, target.target, goal, actual, as_of, basis, target.rate, target.gap
            )
        )
    return results


def _evaluate_one(
    dataset: Dataset,
    ref: str,
    goal: Resolved,
    actual: Resolved,
    as_of: AsOf,
    basis: Basis,
    rate_ident: str | None,
    gap_ident: str | None,
) -> Progress:
    unit = goal.unit
    actual_unit = actual.unit
    goal_value = goal.figure.value
    done = actual.figure.value * actual_unit.scale / unit.scale
    cutoff = actual.figure.period.cutoff
    tp = time_progress(actual.figure.period, basis)
    completion = HUNDRED * done / goal_value if goal_value > 0 else None
    gap = completion - tp if completion is not None else None
    ratio = actual.span(unit).divide(goal.span(unit))
    rate_span = ratio.scale(HUNDRED) if ratio else None
    gap_span = rate_span - Interval.exact(tp) if rate_span else None
    pace = done / cutoff
    to_half = _still_needed(goal_value / 2, done, unit)
    to_full = _still_needed(goal_value, done, unit)
    return Progress(
        target_ref=ref,
        target=goal,
        actual=actual,
        unit=unit,
        goal=goal_value,
        done=done,
        completion=completion,
        time_progress=tp,
        gap=gap,
        verdict=_verdict(completion, gap, as_of.month),
        to_half=to_half,
        to_full=to_full,
        pace_so_far=pace,
        pace_to_half=to_half / (6 - cutoff) if cutoff < 6 else None,
        pace_to_full=to_full / (12 - cutoff) if cutoff < 12 else None,
        projection_june=pace * 6,
        projection_year=pace * 12,
        quoted_rate=_quoted(dataset, rate_ident, actual.figure, completion, rate_span),
        quoted_gap=_quoted(dataset, gap_ident, actual.figure, gap, gap_span),
        basis=basis,
    )


def headline(results: list[Progress], as_of: AsOf | None, basis: Basis, lang: str) -> str:
    """ "2 of 3 targets on pace for 双过半 (as of 2022-05, months basis)"."""
    on = sum(r.on_track for r in results)
    n = len(results)
    when = str(as_of) if as_of else "—"
    if lang == "en":
        basis_en = "months" if basis == "months" else "days"
        return f"{on} of {n} targets on pace for 双过半 (as of {when}, time progress by {basis_en})"
    basis_zh = "按月" if basis == "months" else "按天"
    return f"双过半: {n} 项目标中 {on} 项进度达标(截至 {when},序时进度{basis_zh}计算)"


VERDICT_LABEL = {
    "ahead": {"zh": "超序时", "en": "ahead"},
    "on_pace": {"zh": "持平序时", "en": "on pace"},
    "behind": {"zh": "滞后序时", "en": "behind"},
    "half_reached": {"zh": "已过半", "en": "half reached"},
    "half_not_reached": {"zh": "未过半", "en": "half not reached"},
    "met": {"zh": "完成目标", "en": "target met"},
    "missed": {"zh": "未完成目标", "en": "target missed"},
}


def _amount(value: Decimal | None, unit: Unit) -> Decimal | None:
    if value is None:
        return None
    return (
        value if unit.kind is Kind.COUNT and value == value.to_integral_value() else round2(value)
    )


def _pct(value: Decimal | None) -> Decimal | None:
    return None if value is None else round2(value)


def _quoted_record(quoted: Quoted | None) -> dict[str, object] | None:
    if quoted is None:
        return None
    return {"quoted": quoted.quoted, "computed": quoted.computed, "consistent": quoted.consistent}


def record(result: Progress) -> dict[str, object]:
    """One target's progress for machine output (percentages and amounts rounded to 0.01)."""
    r, u = result, result.unit
    return {
        "target": r.target_ref,
        "indicator": r.actual.ident,
        "name": r.actual.indicator.name,
        "name_en": r.actual.indicator.name_en,
        "unit": u.symbol,
        "target_value": r.goal,
        "actual_period": str(r.actual.figure.period),
        "actual_value": _amount(r.done, u),
        "completion_pct": _pct(r.completion),
        "time_progress_pct": round2(r.time_progress),
        "gap_points": _pct(r.gap),
        "verdict": r.verdict,
        "on_track": r.on_track,
        "needed_for_half": _amount(r.to_half, u),
        "needed_for_full": _amount(r.to_full, u),
        "pace_per_month": round2(r.pace_so_far),
        "pace_needed_for_half": _pct(r.pace_to_half),
        "pace_needed_for_full": _pct(r.pace_to_full),
        "projection_june": round2(r.projection_june),
        "projection_year": round2(r.projection_year),
        "quoted_rate": _quoted_record(r.quoted_rate),
        "quoted_gap": _quoted_record(r.quoted_gap),
    }


def document(results: list[Progress], as_of: AsOf | None, basis: Basis) -> dict[str, object]:
    """`progress --format json` (schema in docs/schemas/progress.schema.json)."""
    from ..model.models import SCHEMA_VERSION

    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "progress",
        "as_of": str(as_of) if as_of else None,
        "basis": basis,
        "on_track": sum(r.on_track for r in results),
        "targets_total": len(results),
        "targets": [record(r) for r in results],
    }


def _text(value: Decimal, unit: Unit) -> str:
    return plain(_amount(value, unit) or Decimal(0))


def _quoted_text(quoted: Quoted | None) -> str | None:
    if quoted is None:
        return None
    mark = "" if quoted.consistent else " ≠"
    return f"{quoted.quoted}{mark}"


def sections(results: list[Progress]) -> list[Section]:
    """The progress table (the terminal view draws a bar from `completion` and `time`) and
    the table of what is still needed, kept apart so each fits a terminal."""
    main, needs = [], []
    for r in results:
        u = r.unit.symbol
        name = {"zh": r.actual.indicator.name, "en": r.actual.indicator.name_en}
        main.append(
            {
                "name": name,
                "period": {
                    "zh": r.actual.figure.period.label("zh"),
                    "en": r.actual.figure.period.label("en"),
                },
                "progress": f"{_text(r.done, r.unit)}/{plain(r.goal)}{u}",
                "completion": _pct(r.completion),
                "time": round2(r.time_progress),
                "gap": _pct(r.gap),
                "verdict": VERDICT_LABEL[r.verdict] if r.verdict else None,
            }
        )
        needs.append(
            {
                "name": name,
                "to_half": f"{_text(r.to_half, r.unit)}{u}",
                "to_full": f"{_text(r.to_full, r.unit)}{u}",
                "pace": _pct(r.pace_so_far),
                "pace_to_half": _pct(r.pace_to_half),
                "projection": f"{plain(round2(r.projection_june))} / "
                f"{plain(round2(r.projection_year))}{u}",
                "quoted": " / ".join(
                    t for t in (_quoted_text(r.quoted_rate), _quoted_text(r.quoted_gap)) if t
                )
                or None,
            }
        )
    periods = {str(r.actual.figure.period) for r in results}
    zh, en = "双过半进度", "双过半 progress"
    shown_period: tuple[Column, ...] = (Column("period", "实际截至", "Actual to"),)
    if len(periods) == 1:  # one period for all: say it once, in the title
        zh += f"({results[0].actual.figure.period.label('zh')})"
        en += f" ({results[0].actual.figure.period.label('en')})"
        shown_period = ()
    return [
        Section(
            "progress",
            zh,
            en,
            (
                Column("name", "目标", "Target"),
                *shown_period,
                Column("progress", "完成/目标", "Done/target", True),
                Column("completion", "完成%", "Done %", True),
                Column("time", "序时%", "Time %", True),
                Column("gap", "差(点)", "Gap (pts)", True),
                Column("verdict", "判断", "Verdict"),
            ),
            main,
        ),
        Section(
            "still_needed",
            "距双过半与全年目标",
            "Still needed",
            (
                Column("name", "目标", "Target"),
                Column("to_half", "距过半", "To half", True),
                Column("to_full", "距全年", "To full", True),
                Column("pace", "月均已完成", "Per month so far", True),
                Column("pace_to_half", "过半需月均", "Per month for half", True),
                Column("projection", "推算 6月/全年", "Run rate Jun / Dec", True),
                Column("quoted", "原文完成率/超序时", "Quoted rate / gap", True),
            ),
            needs,
            "推算值按1月以来的月均速度外推,不是预测;“≠”表示原文数值与计算值相差超出舍入范围。",
            "Run rates carry the pace so far forward and are not forecasts; "
            "“≠” marks a quoted figure that differs from the computed one beyond rounding.",
        ),
    ]


def parse_as_of(text: str) -> AsOf:
    """YYYY-MM, month 01-12; ValueError otherwise."""
    year, sep, month = text.partition("-")
    if not (sep and len(year) == 4 and year.isdigit() and len(month) == 2 and month.isdigit()):
        raise ValueError(f"expected YYYY-MM, not {text!r}")
    if not 1 <= int(month) <= 12:
        raise ValueError(f"no month {month} in {text!r} (01 to 12)")
    return AsOf(int(year), int(month))


def latest(dataset: Dataset, lang: str) -> tuple[list[Section], str] | None:
    """The 双过半 tables and headline as of the latest data, for the end of `report`."""
    as_of = latest_as_of(dataset)
    results = evaluate(dataset, as_of)
    if not results:
        return None
    return sections(results), headline(results, as_of, "months", lang)
