"""双过半 progress as values to show: machine records, display rows, the headline.

Machine fields are plain (numbers at the precision their inputs justify, units, periods,
statuses, qualifiers, ids); display text follows government usage: 超序时进度 N 个百分点 for any
positive lead, 滞后序时进度 N 个百分点 for a negative one.
"""

from __future__ import annotations

import calendar
from decimal import Decimal
from typing import Any

from ..model.english import BOTH_HALVES, BOTH_HALVES_SHORT, number, unit_of
from ..model.lang import Lang
from ..model.models import Dataset
from ..model.numerals import plain
from ..model.units import Unit
from .derived import PER_MONTH, Num, amount_text, marked
from .progress import AsOf, Progress, evaluate, latest_as_of, round2
from .results import Column, Section, Shown, both, note_text
from .schedule import Basis

RECORD_FIELDS = (
    "target", "indicator", "name", "unit",
    "target_value", "target_status", "target_qualifier",
    "actual_period", "actual_value", "actual_qualifier",
    "data_end", "data_ends_before_as_of",
    "completion_pct", "completion_qualifier", "time_progress_pct", "gap_points", "gap_qualifier",
    "verdict", "on_track", "half_reached",
    "needed_for_half", "needed_for_full", "needed_qualifier",
    "pace_per_month", "pace_needed_for_half", "pace_needed_for_full",
    "projection_june", "projection_year", "projection_capped",
    "quoted_rate", "quoted_rate_consistent", "quoted_gap", "quoted_gap_consistent",
    "target_note", "target_kind", "plan_reached_month",
    "actual_note", "plan_note", "actual_stock",
)  # fmt: skip


def headline(results: list[Progress], as_of: AsOf | None, basis: Basis, lang: Lang) -> str:
    """ "2 of 3 targets at or ahead of time progress toward 双过半 (…) (as of 2022-05, …)"."""
    judged = [r for r in results if r.judged]
    on = sum(r.on_track for r in judged)
    n = len(judged)
    lists = sum(r.is_list for r in results)
    levels = sum(r.is_stock for r in results)
    when = str(as_of) if as_of else "—"
    ends = sorted({str(r.data_end) for r in results if r.data_ends_early})
    if ends:
        every = all(r.data_ends_early for r in results)  # not "some data" when all end early
        zh = ";数据截至 " if every else ";部分数据截至 "
        en = "; all data end " if every else "; some data end "
        when += (en if lang == "en" else zh) + ", ".join(ends)
    if lang == "en":
        basis_en = "months" if basis == "months" else "days"
        listed = "".join(
            f"; {k} {what}{'s' if k > 1 else ''} shown by completion only"
            for k, what in ((lists, "fixed list"), (levels, "level (stock)"))
            if k
        )
        if not n:  # nothing judged against time: no "0 of 0"
            return f"{BOTH_HALVES}: no target judged against time elapsed (as of {when}){listed}"
        return (
            f"{on} of {n} targets at or ahead of time-elapsed progress toward {BOTH_HALVES} "
            f"(as of {when}, time elapsed by {basis_en}){listed}"
        )
    basis_zh = "按月" if basis == "months" else "按天"
    listed = f";另 {lists} 项清单目标只列完成率" if lists else ""
    listed += f";另 {levels} 项存量指标只列完成率" if levels else ""
    if not n:
        return f"双过半: 没有比序时进度的目标(截至 {when}){listed}"
    return f"双过半: {n} 项目标中 {on} 项进度达标(截至 {when},序时进度{basis_zh}计算){listed}"


def _shown(num: Num | None) -> Decimal | None:
    return None if num is None else num.shown()


def _text(num: Num | None, lang: str, unit: Unit | None = None, like: Decimal | None = None) -> str:
    """The number, marked, in *unit* (in English in the word *like* takes: see `amount_text`)."""
    if num is None:
        return "—"
    return marked(amount_text(num.shown(), unit, lang, like), num.qualifier, lang)


def _pace(num: Num | None, r: Progress, lang: str) -> str:
    """A pace per month: 11.67亿元/月 / 1.167 billion yuan/month."""
    text = _text(num, lang, r.unit, r.goal.shown())
    return text if num is None else text + PER_MONTH["en" if lang == "en" else "zh"]


def _done_of_target(r: Progress, lang: str) -> str:
    """58.33/83.19亿元 / 5.833/8.319 billion yuan: both in the target's word."""
    if lang != "en":
        return f"{_text(r.done, lang)}/{_text(r.goal, lang)}{r.unit.symbol}"
    goal = r.goal.shown()
    done = marked(number(r.done.shown(), r.unit, goal), r.done.qualifier, lang)
    target = marked(number(goal, r.unit), r.goal.qualifier, lang)
    return f"{done}/{target}{unit_of(goal, r.unit)}"


LIST_VERDICT = {"zh": "清单目标,不比序时进度", "en": "fixed list: not judged against time"}
STOCK_VERDICT = {"zh": "存量指标,不比序时进度", "en": "a level (stock): not judged against time"}


def verdict_text(r: Progress, lang: str) -> str:
    """超序时进度28.45个百分点 / 28.45 percentage points ahead; in December 完成全年目标 /
    target met; a fixed list is not judged against time."""
    if r.is_list:
        return LIST_VERDICT["en" if lang == "en" else "zh"]
    if r.is_stock:
        return STOCK_VERDICT["en" if lang == "en" else "zh"]
    if r.verdict is None or r.gap is None:
        return "—"
    en = lang == "en"
    if r.verdict in ("met", "missed"):
        met = r.verdict == "met"
        return ("target met" if met else "target missed") if en else (
            "完成全年目标" if met else "未完成全年目标")  # fmt: skip
    size = abs(r.gap)  # the size of the lead or lag, its bound turned over with it
    points = _text(size, lang)
    if en:
        unit = f"percentage point{'' if size.value == 1 else 's'}"
        if r.gap.value == 0:
            text = "on pace"
        elif r.verdict == "on_pace":
            text = f"on pace ({points} {unit} ahead)"
        else:
            text = f"{points} {unit} {'ahead' if r.gap.value > 0 else 'behind'}"
    elif r.gap.value > 0:
        text = f"超序时进度 {points} 个百分点"
    elif r.gap.value < 0:
        text = f"滞后序时进度 {points} 个百分点"
    else:
        text = "与序时进度持平"
    if r.month >= 6 and r.half_reached is not None:
        half = ("half reached" if r.half_reached else "half not reached") if en else (
            "已过半" if r.half_reached else "未过半")  # fmt: skip
        text += (", " if en else ",") + half
    return text


def record(r: Progress) -> dict[str, Any]:
    """One target's machine fields (the name as a {"zh", "en"} pair)."""
    ind = r.actual.indicator
    return {
        "target": r.target_ref,
        "indicator": r.actual.ident,
        "name": both(ind.name, ind.name_en),
        "unit": r.unit.symbol,
        "target_value": r.goal.shown(),
        "target_status": r.target.figure.status,
        "target_qualifier": r.goal.qualifier,
        "actual_period": str(r.actual.figure.period),
        "actual_value": r.done.shown(),
        "actual_qualifier": r.done.qualifier,
        "data_end": str(r.data_end),
        "data_ends_before_as_of": r.data_ends_early,
        "completion_pct": _shown(r.completion),
        "completion_qualifier": r.completion.qualifier if r.completion else None,
        "time_progress_pct": round2(r.time_progress) if r.judged else None,
        "gap_points": _shown(r.gap),
        "gap_qualifier": r.gap.qualifier if r.gap else None,
        "verdict": r.verdict,
        "on_track": r.on_track if r.judged else None,
        "half_reached": r.half_reached if r.judged else None,
        "needed_for_half": r.to_half.shown() if r.judged else None,
        "needed_for_full": r.to_full.shown(),
        "needed_qualifier": r.to_full.qualifier,
        "pace_per_month": r.pace_so_far.shown() if r.judged else None,
        "pace_needed_for_half": _shown(r.pace_to_half),
        "pace_needed_for_full": _shown(r.pace_to_full),
        "projection_june": _shown(r.projection_june),
        "projection_year": _shown(r.projection_year),
        "projection_capped": r.projection_capped,
        "quoted_rate": r.quoted_rate.quoted if r.quoted_rate else None,
        "quoted_rate_consistent": r.quoted_rate.consistent if r.quoted_rate else None,
        "quoted_gap": r.quoted_gap.quoted if r.quoted_gap else None,
        "quoted_gap_consistent": r.quoted_gap.consistent if r.quoted_gap else None,
        # what the file says qualifies the target (its scope, an assumption): shown with the
        # verdict, since the verdict rests on it
        "target_note": _note_pair(r.target.figure.note, r.target.figure.note_en),
        # annual: a plan accruing over the year, judged against time; list: a fixed list of
        # items to complete, shown by its completion only
        "target_kind": "list" if r.is_list else "annual",
        # at the pace so far, the month the target is reached, where the run rate passes it
        "plan_reached_month": r.plan_reached_month,
        # what qualifies the actual figure, and what the file says of the pairing itself
        "actual_note": _note_pair(r.actual.figure.note, r.actual.figure.note_en),
        "plan_note": _note_pair(r.plan_note, r.plan_note_en),
        # the actual is a level at its period's end (not judged against time)
        "actual_stock": r.actual.indicator.stock,
    }


def _note_pair(note: str | None, note_en: str | None) -> dict[str, str] | None:
    """A note for machine output in each language: the English one where the file gives it."""
    return None if note is None else both(note, note_en or note)


def summary(results: list[Progress], as_of: AsOf | None, basis: Basis) -> dict[str, Any]:
    """The header fields of `progress --format json` (and of report's progress section)."""
    judged = [r for r in results if r.judged]  # a fixed list has no part in the count
    return {
        "as_of": str(as_of) if as_of else None,
        "basis": basis,
        "on_track": sum(r.on_track for r in judged),
        "targets_total": len(judged),
    }


def _quoted_text(quoted: Decimal | None, consistent: bool | None) -> str | None:
    if quoted is None:
        return None
    return f"{plain(quoted)}{'' if consistent else ' ≠'}"


def _projection_text(r: Progress, lang: str) -> str:
    """70.00 / 139.99亿元 / 7.000 / 13.999 billion yuan: both in the target's word."""
    cap = ("(上限)" if lang != "en" else " (cap)") if r.projection_capped else ""
    if (r.projection_june is None and r.projection_year is None) or r.to_full.value <= 0:
        return "—"  # nothing to run forward, or the target is met already
    goal = r.goal.shown()
    if r.plan_reached_month is not None:  # a run rate past the plan: when it is reached
        return _reached_text(r, lang)
    parts = [_text(r.projection_june, lang, None), _text(r.projection_year, lang, None)]
    if lang == "en":
        parts = [
            "—" if p is None else marked(number(p.shown(), r.unit, goal), p.qualifier, lang)
            for p in (r.projection_june, r.projection_year)
        ]
        year = r.projection_year.shown() if r.projection_year else goal
        return " / ".join(parts) + unit_of(year, r.unit, like=goal) + cap
    return " / ".join(parts) + r.unit.symbol + cap


def _reached_text(r: Progress, lang: str) -> str:
    """70.00亿元 / 8月达目标 / 7.000 billion yuan / met in Aug: the run rate to June where
    there is one, then the month the pace so far reaches the target."""
    month = r.plan_reached_month
    assert month is not None
    en = lang == "en"
    reached = f"met in {calendar.month_abbr[month]}" if en else f"{month}月达目标"
    if r.projection_june is None:
        return reached
    june = _text(r.projection_june, lang, r.unit, r.goal.shown())
    return f"{june} / {reached}"


PAST_HALF = {"zh": "已过半", "en": "past half"}


def _past_half(r: Progress) -> bool:
    """Half the target is done already: nothing is left to reach it, no pace is needed."""
    return r.to_half.value <= 0


def _to_half(r: Progress, lang: str) -> str:
    """What remains to half the target, or 已过半 / past half (never "0 billion yuan")."""
    if _past_half(r):
        return PAST_HALF["en" if lang == "en" else "zh"]
    return _text(r.to_half, lang, r.unit, r.goal.shown())


def _dash(r: Progress, text: Shown) -> Shown:
    """*text*, or "—" for a fixed list or a level, which are not measured against time."""
    return text if r.judged else Shown(lambda lang: "—")


MET = {"zh": "已完成", "en": "met"}


def _pace_to_full(r: Progress, lang: str) -> str:
    """The pace needed for the year, or 已完成 / met where the target is reached already."""
    if r.to_full.value <= 0 and r.pace_to_full is not None:
        return MET["en" if lang == "en" else "zh"]
    return _pace(r.pace_to_full, r, lang)


def _display(r: Progress, row: dict[str, Any]) -> dict[str, Any]:
    u, goal = r.unit, r.goal.shown()
    mark = "*" if r.data_ends_early else ""
    noted = "†" if r.target.figure.note or r.actual.figure.note or r.plan_note else ""
    ind, figure = r.actual.indicator, r.actual.figure
    quoted = " / ".join(
        t
        for t in (
            _quoted_text(row["quoted_rate"], row["quoted_rate_consistent"]),
            _quoted_text(row["quoted_gap"], row["quoted_gap_consistent"]),
        )
        if t
    )
    return {
        "d_name": both(r.actual.indicator.name, r.actual.indicator.title_en),
        "d_period": Shown(lambda lang: ind.period_label(figure, lang) + mark),
        "d_progress": Shown(lambda lang: _done_of_target(r, lang)),
        "d_completion": Shown(lambda lang: _text(r.completion, lang)),
        "d_time": plain(round2(r.time_progress)) if r.judged else "—",
        "d_gap": Shown(lambda lang: _text(r.gap, lang)),
        "d_verdict": Shown(lambda lang: verdict_text(r, lang) + noted),
        "d_to_half": _dash(r, Shown(lambda lang: _to_half(r, lang))),
        "d_to_full": Shown(lambda lang: _text(r.to_full, lang, u, goal)),
        "d_pace": _dash(r, Shown(lambda lang: _pace(r.pace_so_far, r, lang))),
        "d_pace_to_half": Shown(
            lambda lang: "—" if _past_half(r) else _pace(r.pace_to_half, r, lang)
        ),
        "d_pace_to_full": Shown(lambda lang: _pace_to_full(r, lang)),
        "d_projection": Shown(lambda lang: _projection_text(r, lang)),
        "d_quoted": quoted or None,
        "bar_completion": r.completion.value if r.completion else None,
        "bar_time": r.time_progress if r.judged else None,
    }


NAME = Column("d_name", "目标", "Target")
TO_HALF = Column("d_to_half", "距过半", "Remaining to half", True)
PACE_TO_HALF = Column("d_pace_to_half", "过半需月均", "Pace needed for half", True)


PACE_TO_FULL = Column("d_pace_to_full", "全年需月均", "Pace needed for the year", True)


def _needed_notes(results: list[Progress]) -> tuple[str, str]:
    """The footnote of what is still needed: each sentence only where the table needs it
    (≠ where a quoted figure differs, and why when time progress is measured otherwise)."""
    run = any(r.judged for r in results)  # a list or a level is never run forward
    zh = ["推算值按1月以来的月均速度外推,不是预测"] if run else []
    en = ["Run rates carry the pace so far forward and are not forecasts"] if run else []
    if any(r.plan_reached_month for r in results):
        zh.append("推算超过全年目标时,列出按此速度达到目标的月份")
        en.append("where the run rate passes the target, the month it reaches it is shown")
    if any(r.projection_capped for r in results):
        zh.append("计划项目数的推算不超过计划数")
        en.append("a planned count (a list of projects) is not run past the list")
    differs = [
        r
        for r in results
        if (r.quoted_rate and not r.quoted_rate.consistent)
        or (r.quoted_gap and not r.quoted_gap.consistent)
    ]
    if differs:
        zh.append("“≠”表示原文数值与计算值相差超出舍入范围")
        en.append("“≠” marks a quoted figure that differs from the computed one beyond rounding")
    if any(r.quoted_gap and not r.quoted_gap.consistent and r.basis != r.source_basis
           for r in differs):  # fmt: skip
        by = {"months": ("按月", "by months"), "days": ("按天", "by days")}
        source = next(r.source_basis for r in differs if r.basis != r.source_basis)
        zh.append(f"原文的超序时进度{by[source][0]}计算序时进度,与本表{by[differs[0].basis][0]}"
                  "计算的不同,因此标“≠”")  # fmt: skip
        en.append(f"the source measures time elapsed {by[source][1]}, this table "
                  f"{by[differs[0].basis][1]}, hence the “≠” on its lead")  # fmt: skip
    if any(
        n is not None and n.qualifier != "exact"
        for r in results
        for n in (r.completion, r.to_full, r.pace_so_far)
    ):
        zh.append("约/近/逾表示由约数或概数推算")
        en.append("~ ≤ ≥ mark numbers derived from approximate figures")
    if not zh:
        return "", ""
    return ";".join(zh) + "。", "; ".join(en) + "."


def sections(results: list[Progress]) -> list[Section]:
    """The progress table (the terminal view draws a bar from `bar_completion`/`bar_time`) and
    the table of what is still needed, kept apart so each fits a terminal."""
    rows = []
    for r in results:
        row = record(r)
        rows.append({**row, **_display(r, row)})
    periods = {(str(r.actual.figure.period), r.actual.indicator.stock) for r in results}
    early = any(r.data_ends_early for r in results)
    zh, en = "双过半进度", f"{BOTH_HALVES_SHORT} progress"
    shown_period: tuple[Column, ...] = (Column("d_period", "实际截至", "Actual to"),)
    if len(periods) == 1 and not early:  # one period for all: say it once, in the title
        first = results[0].actual
        zh += f"({first.indicator.period_label(first.figure, 'zh')})"
        en += f" ({first.indicator.period_label(first.figure, 'en')})"
        shown_period = ()
    notes_zh = ["* 数据只到该月,按该月判断。"] if early else []
    notes_en = ["* data end in that month; judged as of it."] if early else []
    for r in results:
        ind = r.actual.indicator
        target, actual = r.target.figure, r.actual.figure
        if target.note:
            notes_zh.append(f"† {ind.name}的目标: {note_text(target.note, 'zh')}")
            notes_en.append(
                f"† target of {ind.name_en}: {note_text(target.note, 'en', target.note_en)}"
            )
        if actual.note:  # what qualifies the actual qualifies the verdict too
            notes_zh.append(f"† {ind.name}的实际数: {note_text(actual.note, 'zh')}")
            notes_en.append(
                f"† actual of {ind.name_en}: {note_text(actual.note, 'en', actual.note_en)}"
            )
        if r.plan_note:  # what the file says of measuring this actual against this target
            notes_zh.append(f"† {ind.name}: {note_text(r.plan_note, 'zh')}")
            notes_en.append(f"† {ind.name_en}: {note_text(r.plan_note, 'en', r.plan_note_en)}")
    if any(r.is_list for r in results):
        notes_zh.append(
            "清单目标(逐项完成的固定清单,不是全年累计的量)只列完成率,不比序时进度、不推算,"
            "也不算在双过半达标数内。"
        )
        notes_en.append(
            "A fixed list (items to complete, not a flow over the year) is shown by its "
            "completion only: not judged against time, not run forward, not counted toward "
            f"{BOTH_HALVES_SHORT}."
        )
    if any(r.is_stock for r in results):
        notes_zh.append(
            "存量指标(期末的水平,如在建项目数)不随月份累计,只列完成率,不比序时进度、不推算,"
            "也不算在双过半达标数内。"
        )
        notes_en.append(
            "A level (a stock at the period's end, such as projects under construction) does "
            "not accrue over the year: it is shown by its completion only, not judged against "
            f"time, not run forward, not counted toward {BOTH_HALVES_SHORT}."
        )
    note_zh, note_en = "\n".join(notes_zh), "\n".join(notes_en)
    # judged from the month asked about, even where data end before it
    after_june = all(max(r.month, r.as_of.month) >= 6 for r in results)  # nothing "to half"
    any_after_june = any(max(r.month, r.as_of.month) >= 6 for r in results)  # pace for the year
    needed_zh, needed_en = _needed_notes(results)
    return [
        Section(
            "progress",
            zh,
            en,
            (
                NAME,
                *shown_period,
                Column("d_progress", "完成/目标", "Completed/target", True),
                Column("d_completion", "完成%", "Completion %", True),
                Column("d_time", "序时%", "Time elapsed %", True),
                Column("d_verdict", "较序时进度", "vs. time-elapsed progress"),
            ),
            rows,
            note_zh,
            note_en,
            RECORD_FIELDS,
        ),
        Section(
            "still_needed",
            "距双过半与全年目标",
            "Still needed",
            (
                NAME,
                *(() if after_june else (TO_HALF,)),
                Column("d_to_full", "距全年", "Remaining, full year", True),
                Column("d_pace", "月均已完成", "Per month so far", True),
                *(() if after_june else (PACE_TO_HALF,)),
                *((PACE_TO_FULL,) if any_after_june else ()),
                Column("d_projection", "推算 6月/全年", "Run rate Jun / Dec", True),
                Column("d_quoted", "原文完成率/超序时", "Quoted rate / gap", True),
            ),
            rows,
            needed_zh,
            needed_en,
            RECORD_FIELDS,
        ),
    ]  # fmt: skip


class ProgressView:
    """双过半 progress as evaluated once and shown: the targets' results, the two tables (the
    progress and what is still needed), the headline and the header fields of the JSON."""

    __slots__ = ("as_of", "basis", "headline", "results", "sections", "summary")

    def __init__(
        self,
        results: list[Progress],
        as_of: AsOf | None,
        basis: Basis,
        sections: list[Section],
        headline: str,
        summary: dict[str, Any],
    ) -> None:
        self.results, self.as_of, self.basis = results, as_of, basis
        self.sections, self.headline, self.summary = sections, headline, summary

    @property
    def targets(self) -> Section:
        """The progress table, whose records are the targets of the JSON and CSV."""
        return self.sections[0]


def progress_view(dataset: Dataset, as_of: AsOf | None, basis: Basis, lang: Lang) -> ProgressView:
    """Every target of *dataset* judged as of *as_of* (None: the latest data), ready to show."""
    as_of = as_of or latest_as_of(dataset)
    results = evaluate(dataset, as_of, basis)
    return ProgressView(
        results,
        as_of,
        basis,
        sections(results),
        headline(results, as_of, basis, lang),
        summary(results, as_of, basis),
    )


def latest(dataset: Dataset, lang: Lang) -> ProgressView | None:
    """The 双过半 progress as of the latest data (months basis), for `report`; None when no
    target has data."""
    view = progress_view(dataset, None, "months", lang)
    return view if view.results else None
