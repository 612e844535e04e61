"""One self-contained HTML page (`--format html --output FILE`): the tables plus SVG charts.

Charts are drawn by pygal (imported only here) as inline SVG with no script: nothing is fetched
from anywhere when the page opens. Every text from the data file is HTML-escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from typing import Any

from ..analysis.history import history
from ..analysis.results import Section
from ..analysis.trend import TargetTrend, target_trends
from ..errors import escape_control
from ..model.english import quantity, unit_words
from ..model.lang import Lang
from ..model.models import Dataset
from ..model.units import get_unit
from .sections import row_cells

FONTS = (
    "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Zen Hei', 'Microsoft YaHei', "
    "'PingFang SC', 'DejaVu Sans', sans-serif"
)
CSS = f"""
body {{ font-family: {FONTS}; margin: 2em auto; max-width: 72em; color: #222; }}
h1 {{ font-size: 1.4em; }} h2 {{ font-size: 1.15em; margin-top: 1.6em; }}
table {{ border-collapse: collapse; margin: .5em 0 1em; }}
th, td {{ border: 1px solid #ccc; padding: .25em .6em; vertical-align: top; }}
th {{ background: #f3f3f3; text-align: left; }} td.n {{ text-align: right; white-space: nowrap; }}
.forecast {{ color: #8a6d00; font-style: italic; }} .target {{ color: #00607a; font-weight: bold; }}
.charts {{ display: flex; flex-wrap: wrap; gap: 1em; }} .chart {{ width: 34em; }}
p.note {{ color: #666; font-size: .9em; }}
"""


MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(frozen=True)
class PageTable:
    """A titled table of text cells; *numeric* marks right-aligned columns."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    numeric: Sequence[bool]
    classes: Sequence[str] = ()  # a CSS class per row ("forecast", "target" or "")
    note: str = ""


def section_table(section: Section, lang: Lang) -> PageTable:
    section = section.shown(lang)
    return PageTable(
        section.title(lang),
        [c.label(lang) for c in section.columns],
        [row_cells(section, row, lang) for row in section.rows],
        [c.numeric for c in section.columns],
        note=section.note(lang),
    )


def _t(text: str) -> str:
    return escape(escape_control(text))


def _table_html(table: PageTable) -> str:
    keep = [n for n in range(len(table.headers)) if any(row[n] for row in table.rows)]
    table = PageTable(
        table.title,
        [table.headers[n] for n in keep],
        [[row[n] for n in keep] for row in table.rows],
        [table.numeric[n] for n in keep],
        table.classes,
        table.note,
    )
    head = "".join(f"<th>{_t(h)}</th>" for h in table.headers)
    body = []
    for n, row in enumerate(table.rows):
        css = table.classes[n] if n < len(table.classes) else ""
        cells = "".join(
            f'<td class="n">{_t(c)}</td>' if numeric else f"<td>{_t(c)}</td>"
            for c, numeric in zip(row, table.numeric, strict=True)
        )
        body.append(f'<tr class="{css}">{cells}</tr>' if css else f"<tr>{cells}</tr>")
    lines = table.note.split("\n") if table.note else []
    note = "".join(f'<p class="note">{_t(line)}</p>' for line in lines)
    return (
        f"<h2>{_t(table.title)}</h2>\n<table><thead><tr>{head}</tr></thead>\n<tbody>"
        + "\n".join(body)
        + f"</tbody></table>{note}\n"
    )


def _config(title: str) -> dict[str, Any]:
    import pygal.style

    style = pygal.style.Style(
        font_family=FONTS,
        background="white",
        plot_background="white",
        colors=("#1f77b4", "#ff7f0e", "#7f7f7f", "#d62728", "#2ca02c"),
    )
    return {
        "title": title,
        "style": style,
        "js": [],  # no tooltip script: nothing fetched from the network
        "disable_xml_declaration": True,
        "width": 640,
        "height": 360,
        "legend_at_bottom": True,
        "truncate_legend": -1,
        "truncate_label": -1,
    }


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def target_chart(trend: TargetTrend, lang: Lang) -> str:
    """Completion against time progress through the year, the 50% line, forecasts, target."""
    import pygal

    en = lang == "en"
    name = trend.name_en if en else trend.name
    goal = quantity(trend.goal, get_unit(trend.unit)) if en else f"{trend.goal}{trend.unit}"
    title = f"{name}: {'completion of' if en else '完成'} {goal} ({trend.year})"
    chart = pygal.Line(**_config(title), range=(0, 110), allow_interruptions=True, dots_size=5)
    chart.x_labels = MONTHS_EN if en else [f"{m}月" for m in range(1, 13)]
    chart.add(
        "Done %" if en else "完成%", [_num(v) for v in trend.actual], stroke_style={"width": 3}
    )
    if any(v is not None for v in trend.forecast):
        chart.add(
            "Forecast %" if en else "预计%",
            [_num(v) for v in trend.forecast],
            stroke_style={"dasharray": "6,4"},
        )
    chart.add(
        "Time progress (序时进度)" if en else "序时进度",
        [_num(v) for v in trend.time],
        show_dots=False,
        stroke_style={"width": 2, "dasharray": "3,4"},
    )
    chart.add(
        "50% (双过半)" if en else "50%(双过半)",
        [50] * 12,
        show_dots=False,
        stroke_style={"width": 2},
    )
    chart.add("Target 100%" if en else "目标 100%", [100] * 12, show_dots=False)
    return str(chart.render(is_unicode=True))


def indicator_chart(dataset: Dataset, ident: str, lang: Lang) -> str:
    """One indicator's figures by period, as bars in the indicator's unit."""
    import pygal

    section = history(dataset, ident)
    indicator = dataset.indicators[ident]
    en = lang == "en"
    unit = unit_words(get_unit(indicator.unit)) if en else indicator.unit
    title = f"{indicator.name_en if en else indicator.name} ({unit})"
    chart = pygal.Bar(**_config(title), show_legend=False, print_values=True)
    chart.x_labels = [
        f"{row['label'][lang]} {row['status'] if en else _STATUS_ZH[row['status']]}"
        for row in section.rows
    ]
    from ..model.units import convert

    values = [float(convert(row["value"], row["unit"], indicator.unit)) for row in section.rows]
    chart.add(indicator.title_en if en else indicator.name, values)
    return str(chart.render(is_unicode=True))


_STATUS_ZH = {"actual": "实际", "forecast": "预计", "target": "目标"}


def page(
    title: str,
    tables: Sequence[PageTable],
    dataset: Dataset,
    lang: Lang,
    headline: str = "",
    indicator_charts: bool = True,
) -> str:
    """The whole page: tables, a chart per target, a chart per indicator with several periods."""
    charts = [target_chart(t, lang) for t in target_trends(dataset)]
    if indicator_charts:
        periods = [
            ident
            for ident, ind in dataset.indicators.items()
            if len({f.period for f in ind.observations}) > 1
        ]
        charts += [indicator_chart(dataset, ident, lang) for ident in periods]
    chart_html = "".join(f'<div class="chart">{svg}</div>\n' for svg in charts)
    charts_title = "Charts" if lang == "en" else "图表"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">',
        f"<title>{_t(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{_t(title)}</h1>",
        f"<p><strong>{_t(headline)}</strong></p>" if headline else "",
        f'<h2>{charts_title}</h2>\n<div class="charts">\n{chart_html}</div>' if charts else "",
        *(_table_html(t) for t in tables),
        "</body></html>\n",
    ]
    return "\n".join(p for p in parts if p)
