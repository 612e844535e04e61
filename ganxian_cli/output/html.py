"""One self-contained HTML page (`--format html --output FILE`): the tables plus SVG charts.

Charts are inline SVG drawn by `charts` (no script at all, nothing fetched from anywhere when the
page opens): a bullet bar per 双过半 target, and per indicator a bar chart for each kind of period.
Every text from the data file is HTML-escaped with its control and bidi characters made visible.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..analysis.history import history
from ..analysis.results import Section
from ..model.lang import Lang
from ..model.models import Dataset
from ..model.periods import Period, parse_period
from ..model.units import convert
from .charts import COLORS, Bar, bullet_key, indicator_bars, legend, t, target_bar, target_title
from .sections import row_cells

FONTS = (
    "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Zen Hei', 'Microsoft YaHei', "
    "'PingFang SC', 'DejaVu Sans', sans-serif"
)
CSS = f"""
body {{ font-family: {FONTS}; margin: 1.5em auto; max-width: 72em; padding: 0 1em;
  color: #222; overflow-wrap: break-word; }}
h1 {{ font-size: 1.4em; }} h2 {{ font-size: 1.15em; margin-top: 1.6em; }}
table {{ border-collapse: collapse; margin: .5em 0 1em; max-width: 100%; }}
th, td {{ border: 1px solid #ccc; padding: .25em .6em; vertical-align: top; }}
td:first-child {{ min-width: 8em; }}
th {{ background: #f3f3f3; text-align: left; }} td.n {{ text-align: right; white-space: nowrap; }}
td.n.w {{ white-space: normal; }}
.forecast {{ color: #8a6d00; font-style: italic; }} .target {{ color: #00607a; font-weight: bold; }}
h3 {{ font-size: 1em; margin: .8em 0 .2em; }}
.charts {{ display: flex; flex-wrap: wrap; gap: 1em 2em; }}
.chart {{ flex: 1 1 30em; max-width: 44em; min-width: 0; }}
.targets .chart {{ max-width: 50em; }}
svg {{ display: block; font-family: {FONTS}; }} svg.key {{ max-width: 50em; }}
p.legend .key {{ margin-right: 1.2em; }}
p.legend .swatch {{ display: inline-block; width: .9em; height: .9em; margin-right: .3em;
  vertical-align: -.1em; }}
p.note {{ color: #666; font-size: .9em; }}
"""


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


_t = t


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
            _number_cell(c) if numeric else f"<td>{_t(c)}</td>"
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


def _number_cell(text: str) -> str:
    """A right-aligned cell that never breaks inside an amount: "7.000 billion yuan / met in
    Aug" and "18.907 / 37.814 billion yuan" may break after their slash only."""
    if " / " not in text:
        return f'<td class="n">{_t(text)}</td>'
    parts = [_t(part).replace(" ", "&nbsp;") for part in text.split(" / ")]
    return '<td class="n w">' + " / ".join(parts) + "</td>"


def _period_kind(period: Period, lang: Lang) -> tuple[tuple[bool, int], str]:
    """Figures of one kind go in one chart: year to date, or one length of period."""
    length = period.end - period.start + 1
    if period.is_year_to_date and not period.is_year:
        return (True, 0), "year to date (cumulative)" if lang == "en" else "累计(自1月起)"
    if length == 1:
        return (False, 1), "single months" if lang == "en" else "单月"
    if period.is_year:
        return (False, 12), "whole years" if lang == "en" else "全年"
    return (False, length), f"{length}-month periods" if lang == "en" else f"{length}个月"


def indicator_charts(dataset: Dataset, ident: str, lang: Lang) -> list[str]:
    """One indicator's figures, a chart per kind of period with two figures or more."""
    indicator = dataset.indicators[ident]
    unit = indicator.base  # 22 projects, 342 firms: what the indicator counts
    en = lang == "en"
    groups: dict[tuple[bool, int], tuple[str, list[Bar]]] = {}
    for row in history(dataset, ident).rows:
        key, kind = _period_kind(parse_period(row["period"]), lang)
        value = convert(row["value"], row["unit"], indicator.unit)
        bar = Bar(row["label"][lang], value, row["qualifier"], row["status"])
        groups.setdefault(key, (kind, []))[1].append(bar)
    name = indicator.name_en if en else indicator.name
    out = []
    for kind, bars in groups.values():
        if len(bars) < 2:
            continue
        title = f"{name}: {kind}" if en else f"{name}:{kind}"
        statuses = [s for s in COLORS if any(b.status == s for b in bars)]
        out.append(
            f'<div class="chart"><h3>{t(title)}</h3>'
            + indicator_bars(bars, unit, lang, title)
            + legend(statuses, lang)
            + "</div>"
        )
    return out


def target_charts(progress: Section | None, lang: Lang) -> str:
    """A bullet bar per row of the progress table *progress*, with a key to its marks."""
    rows = progress.rows if progress is not None else []
    bars = [
        f'<div class="chart target-chart"><h3>{t(target_title(row, lang))}</h3>'
        f"{target_bar(row, lang)}</div>"
        for row in rows
    ]
    if not bars:
        return ""
    return bullet_key(lang) + '\n<div class="targets">\n' + "\n".join(bars) + "</div>"


def page(
    title: str,
    tables: Sequence[PageTable],
    dataset: Dataset,
    lang: Lang,
    headline: str = "",
    with_indicators: bool = True,
    progress: Section | None = None,
) -> str:
    """The whole page: tables, a chart per target, a chart per indicator with several periods."""
    targets = target_charts(progress, lang)
    charts: list[str] = []
    if with_indicators:
        for ident, ind in dataset.indicators.items():
            if len({f.period for f in ind.observations}) > 1:
                charts += indicator_charts(dataset, ident, lang)
    chart_html = "\n".join(charts)
    en = lang == "en"
    targets_title = "双过半: each target against half and time elapsed" if en else "双过半进度"
    charts_title = "Figures by period" if en else "各期数据"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">',
        f"<title>{_t(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{_t(title)}</h1>",
        f"<p><strong>{_t(headline)}</strong></p>" if headline else "",
        f"<h2>{targets_title}</h2>\n{targets}" if targets else "",
        f'<h2>{charts_title}</h2>\n<div class="charts">\n{chart_html}</div>' if charts else "",
        *(_table_html(t) for t in tables),
        "</body></html>\n",
    ]
    return "\n".join(p for p in parts if p)
