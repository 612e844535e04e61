"""Inline SVG charts for the HTML page: plain shapes and text, no script, nothing fetched.

- `target_bar`: one bar per 双过半 target, done against the annual target, with a bold mark at
  half the target and a mark at the time elapsed, the numbers and unit written beside them;
- `indicator_bars`: one indicator's figures of one kind of period (year to date, single months…)
  as horizontal bars coloured by status (actual, forecast, target) with a legend. Figures of
  different period lengths are never drawn in one chart.

Every text is escaped for HTML and has its control and bidi characters made visible.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from typing import Any

from ..analysis.derived import amount_text, marked
from ..errors import escape_control
from ..model.english import counted
from ..model.lang import Lang
from ..model.numerals import plain
from ..model.units import Unit, get_unit

COLORS = {"actual": "#1f5fa8", "forecast": "#e08a00", "target": "#6b6b6b"}
STATUS_WORDS = {
    "zh": {"actual": "实际", "forecast": "预计", "target": "目标"},
    "en": {"actual": "actual", "forecast": "forecast", "target": "target"},
}
HALF_COLOR = "#000"
TIME_COLOR = "#c62828"
WIDTH = 640
ZERO, HUNDRED = Decimal(0), Decimal(100)


def t(text: str) -> str:
    """Text for HTML or SVG: control and bidi characters visible, markup escaped."""
    return escape(escape_control(text))


def _pct(value: Decimal) -> str:
    return f"{plain(value)}%"


def target_title(row: Mapping[str, Any], lang: Lang) -> str:
    """Investment …: completion of the 2022 plan (8.319 billion yuan) / …:2022年目标 83.19亿元,
    from a row of the progress table (`analysis.progress_view.sections`)."""
    unit = counted(get_unit(row["unit"]), row["d_name"]["zh"])  # 23 projects, not items
    goal = marked(amount_text(row["target_value"], unit, lang), row["target_qualifier"], lang)
    year = row["data_end"][:4]
    if lang == "en":
        # the target as the table beside the bar words it (22/23 projects: 23 projects)
        done_of = str(row["d_progress"]["en"])
        goal = done_of.split("/", 1)[1] if "/" in done_of else goal
        if row.get("target_kind") == "list":
            return f"{row['d_name']['en']}: completion of the list ({goal})"
        return f"{row['d_name']['en']}: completion of the {year} plan ({goal})"
    if row.get("target_kind") == "list":
        return f"{row['d_name']['zh']}:清单 {goal}"
    return f"{row['d_name']['zh']}:{year}年目标 {goal}"


def target_bar(row: Mapping[str, Any], lang: Lang) -> str:
    """One target as a bullet bar: the done share of the annual target, half and time marks, in
    the words of the progress table row it is drawn from."""
    en = lang == "en"
    completion: Decimal = row["completion_pct"] if row["completion_pct"] is not None else ZERO
    top = max(HUNDRED, completion)  # a target exceeded widens the scale, never clips it
    left, right = 8, WIDTH - 8
    span = right - left

    def x(pct: Decimal) -> str:
        return f"{left + float(min(max(pct, ZERO), top) / top) * span:.1f}"

    status = "actual"  # progress is judged on actual figures only
    done_pct = row["d_completion"][lang] + "%" if row["completion_pct"] is not None else "—"
    status_word = STATUS_WORDS["en" if en else "zh"][status]
    done_text = row["d_progress"][lang]
    value = f"{done_pct} ({done_text}, {status_word})" if en else (
        f"完成{done_pct}({done_text},{status_word})")  # fmt: skip
    half = "half (双过半) 50%" if en else "过半 50%"
    month = int(row["data_end"][5:7])
    time_pct: Decimal = row["time_progress_pct"] if row["time_progress_pct"] is not None else ZERO
    elapsed = _pct(time_pct)
    time = (
        f"▲ time elapsed {elapsed} (end of month {month})"
        if en
        else f"▲ 序时进度 {elapsed}({month}月)"
    )
    hundred = "100% = annual target" if en else "100% = 全年目标"
    ref = row["target"]
    title = target_title(row, lang)
    half_x, time_x, full_x = x(Decimal(50)), x(time_pct), x(HUNDRED)
    time_anchor = "start" if float(time_x) < WIDTH * 0.6 else "end"
    marks = (
        f'<line class="half" x1="{half_x}" x2="{half_x}" y1="18" y2="58" stroke="{HALF_COLOR}" '
        f'stroke-width="4"/>'
        f'<line class="time" x1="{time_x}" x2="{time_x}" y1="24" y2="54" '
        f'stroke="{TIME_COLOR}" stroke-width="2" stroke-dasharray="4,2"/>'
        f'<polygon class="time" points="{time_x},50 {float(time_x) - 6:.1f},62 '
        f'{float(time_x) + 6:.1f},62" fill="{TIME_COLOR}"/>'
        f'<text x="{time_x}" y="76" font-size="12" fill="{TIME_COLOR}" '
        f'text-anchor="{time_anchor}">{t(time)}</text>'
        f'<text x="{half_x}" y="94" font-size="12" font-weight="bold" text-anchor="middle">'
        f"{t(half)}</text>"
    )
    if row.get("target_kind") == "list":  # a fixed list: no half or time marks
        marks = ""
        hundred = "100% = the whole list" if en else "100% = 清单全部完成"
    elif row["time_progress_pct"] is None:  # a level (stock): not judged against time
        marks = ""
    return (
        f'<svg class="bullet" data-target="{t(ref)}" role="img" '
        f'viewBox="0 0 {WIDTH} 96" width="100%" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{t(title)}: {t(value)}</title>"
        f'<text class="value" x="{left}" y="15" font-size="15" font-weight="bold" '
        f'fill="#222">{t(value)}</text>'
        f'<rect class="track" x="{left}" y="24" width="{span}" height="26" fill="#e6e6e6"/>'
        f'<rect class="done {status}" x="{left}" y="28" height="18" fill="{COLORS[status]}" '
        f'width="{float(x(completion)) - left:.1f}"/>'
        f'<line class="full" x1="{full_x}" x2="{full_x}" y1="20" y2="54" stroke="#555" '
        f'stroke-width="1.5"/>'
        f"{marks}"
        f'<text x="{full_x}" y="94" font-size="11" fill="#555" text-anchor="end">'
        f"{t(hundred)}</text></svg>"
    )


def bullet_key(lang: Lang) -> str:
    """The key to the bullet bars, drawn with the marks it explains."""
    en = lang == "en"
    done = "done, share of the annual target" if en else "已完成占全年目标比例"
    half = "half the target (双过半)" if en else "目标的一半(双过半)"
    time = "time elapsed (序时进度)" if en else "时间进度(序时进度)"
    ahead = (
        "past the black line: half reached; past the red ▲: ahead of time"
        if en
        else "越过黑线即已过半,越过红色▲即超序时进度"
    )
    return (
        f'<svg class="key" role="img" viewBox="0 0 {WIDTH} 44" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{t(ahead)}</title>'
        f'<rect x="8" y="6" width="28" height="12" fill="{COLORS["actual"]}"/>'
        f'<text x="42" y="17" font-size="12">{t(done)}</text>'
        f'<line x1="232" x2="232" y1="2" y2="22" stroke="{HALF_COLOR}" stroke-width="4"/>'
        f'<text x="242" y="17" font-size="12">{t(half)}</text>'
        f'<polygon points="420,6 414,18 426,18" fill="{TIME_COLOR}"/>'
        f'<text x="432" y="17" font-size="12" fill="{TIME_COLOR}">{t(time)}</text>'
        f'<text x="8" y="38" font-size="12" fill="#555">{t(ahead)}</text></svg>'
    )


@dataclass(frozen=True)
class Bar:
    """One figure of an indicator chart: its period label, value (in the chart's unit),
    qualifier and status."""

    label: str
    value: Decimal
    qualifier: str
    status: str


def legend(statuses: Sequence[str], lang: Lang) -> str:
    """HTML legend of the statuses present, as coloured swatches."""
    words = STATUS_WORDS["en" if lang == "en" else "zh"]
    items = "".join(
        f'<span class="key"><span class="swatch" style="background:{COLORS[s]}"></span>'
        f"{t(words[s])}</span>"
        for s in statuses
    )
    return f'<p class="legend">{items}</p>'


def indicator_bars(bars: Sequence[Bar], unit: Unit, lang: Lang, title: str) -> str:
    """Horizontal bars of figures of one period length, coloured by status, values labelled."""
    row, label_w, value_w = 26, 150, 190
    left, right = label_w, WIDTH - value_w
    top = max((b.value for b in bars), default=Decimal(0))
    like = top if lang == "en" else None
    lines = []
    for n, bar in enumerate(bars):
        y = 6 + n * row
        width = float(bar.value / top) * (right - left) if top > 0 and bar.value > 0 else 0.0
        text = marked(amount_text(bar.value, unit, lang, like), bar.qualifier, lang)
        status = bar.status if bar.status in COLORS else "actual"
        word = STATUS_WORDS["en" if lang == "en" else "zh"][status]
        lines.append(
            f'<text x="{label_w - 6}" y="{y + 15}" font-size="12" text-anchor="end">'
            f"{t(bar.label)}</text>"
            f'<rect class="bar {status}" x="{left}" y="{y}" width="{width:.1f}" height="18" '
            f'fill="{COLORS[status]}"/>'
            f'<text x="{left + width + 6:.1f}" y="{y + 15}" font-size="12">'
            f"{t(text)} ({t(word)})</text>"
        )
    height = 12 + len(bars) * row
    return (
        f'<svg class="bars" role="img" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{t(title)}</title>' + "".join(lines) + "</svg>"
    )
