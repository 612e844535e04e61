"""The figures of a dataset as values: selected rows, a JSON document, CSV and Markdown text.

Nothing here draws to a terminal; the Rich table lives in `table.py`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from ..errors import escape_control
from ..model.models import SCHEMA_VERSION, Dataset, Figure, Indicator
from ..model.numerals import plain
from ..model.periods import Period
from ..model.units import Unit

Lang = Literal["zh", "en"]

STATUS_LABEL = {
    "zh": {"actual": "实际", "forecast": "预计", "target": "目标"},
    "en": {"actual": "actual", "forecast": "forecast", "target": "target"},
}
HEADERS = {
    "zh": ("指标", "时期", "数值", "同比", "状态", "主体"),
    "en": ("Indicator", "Period", "Value", "YoY", "Status", "Subject"),
}


@dataclass(frozen=True)
class Row:
    """One figure with everything a renderer needs."""

    theme: str
    ident: str
    indicator: Indicator
    figure: Figure
    unit: Unit


def select(dataset: Dataset, themes: Sequence[str] = (), period: Period | None = None) -> list[Row]:
    """Figures in theme order, then file order; filtered by theme and by a period they lie in."""
    order = {theme: n for n, theme in enumerate(dataset.themes)}
    rows = [
        Row(indicator.theme, ident, indicator, figure, indicator.unit_of(figure))
        for ident, indicator, _i, figure in dataset.figures()
        if (not themes or indicator.theme in themes)
        and (period is None or _within(figure.period, period))
    ]
    return sorted(rows, key=lambda row: order.get(row.theme, len(order)))


def _within(inner: Period, outer: Period) -> bool:
    return inner.year == outer.year and outer.start <= inner.start and inner.end <= outer.end


def display_value(value: Decimal, unit: Unit, qualifier: str, lang: Lang = "zh") -> str:
    """300余名, 1.2万多亩, 近1000亩, 约180.3亿元 / over 300 people, about 180.3 ×100m yuan."""
    number = plain(value)
    if lang == "en":
        words = {"more_than": "over ", "nearly": "nearly ", "about": "about "}.get(qualifier, "")
        sep = "" if unit.symbol == "%" else " "
        return f"{words}{number}{sep}{unit.en}"
    if qualifier == "nearly":
        return f"近{number}{unit.symbol}"
    if qualifier == "about":
        return f"约{number}{unit.symbol}"
    if qualifier == "more_than":
        if unit.magnitude and "." in number:  # 1.2万多亩: 多 follows the magnitude
            rest = unit.symbol.removeprefix(unit.magnitude)
            return f"{number}{unit.magnitude}多{rest}"
        return f"{number}余{unit.symbol}"
    return f"{number}{unit.symbol}"


def display_growth(yoy: Decimal | None) -> str:
    if yoy is None:
        return ""
    return f"{'+' if yoy > 0 else ''}{plain(yoy)}%"


def name_of(indicator: Indicator, lang: Lang) -> str:
    return indicator.name_en if lang == "en" else indicator.name


def cells(row: Row, lang: Lang) -> tuple[str, str, str, str, str, str]:
    """The text of one table row: indicator, period, value, growth, status, subject."""
    f = row.figure
    return (
        name_of(row.indicator, lang),
        f.period.label(lang),
        display_value(f.value, row.unit, f.qualifier, lang),
        display_growth(f.yoy),
        STATUS_LABEL[lang][f.status],
        f.subject or "",
    )


def source_info(dataset: Dataset) -> dict[str, Any]:
    return dataset.source.model_dump(exclude_none=True)


def figure_record(row: Row) -> dict[str, Any]:
    """All fields of one figure for machine output (JSON), absent optional fields as null."""
    f = row.figure
    return {
        "indicator": row.ident,
        "name": row.indicator.name,
        "name_en": row.indicator.name_en,
        "theme": row.theme,
        "period": str(f.period),
        "year": f.period.year,
        "start_month": f.period.start,
        "end_month": f.period.end,
        "status": f.status,
        "qualifier": f.qualifier,
        "value": f.value,
        "unit": row.unit.symbol,
        "yoy": f.yoy,
        "subject": f.subject,
        "quote": f.quote,
        "note": f.note,
    }


def report_document(dataset: Dataset, rows: Iterable[Row]) -> dict[str, Any]:
    """The `report --format json` document (schema in docs/json-schemas)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "report",
        "source": source_info(dataset),
        "themes": [
            {"id": key, "name": theme.name, "name_en": theme.name_en}
            for key, theme in dataset.themes.items()
        ],
        "figures": [figure_record(row) for row in rows],
    }


CSV_COLUMNS = (
    "theme", "indicator", "name", "name_en", "period", "status", "qualifier",
    "value", "unit", "yoy", "subject", "quote", "note",
)  # fmt: skip


def csv_text(value: object) -> str:
    """Plain numbers; text with control characters escaped and spreadsheet formulas defused."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return plain(value)
    text = escape_control(str(value))
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return text


def to_csv(rows: Iterable[Row]) -> str:
    """One row per figure with a header row; RFC 4180 quoting, LF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        record = figure_record(row)
        writer.writerow([csv_text(record[column]) for column in CSV_COLUMNS])
    return buffer.getvalue()


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#~"})


# GitHub links bare URLs (at their "://"), www. names, @mentions and :emoji: codes; an HTML
# entity shows the same character but gives its autolinker nothing to start from.
_MD_LINKISH = re.compile(r"(?i)&|@|:(?=//|[\w+-]+:)|\bw(?=ww\.)")


def md_escape(text: str) -> str:
    """Text as literal Markdown: no links, mentions, emoji, emphasis, HTML or broken cells."""
    escaped = escape_control(text).translate(_MD_SPECIAL)
    return _MD_LINKISH.sub(lambda m: f"&#{ord(m.group())};", escaped)


def to_markdown(dataset: Dataset, rows: Sequence[Row], lang: Lang) -> str:
    """A Markdown table per theme, headed by the theme's name."""
    out: list[str] = []
    headers = HEADERS[lang]
    for theme, theme_rows in group(rows):
        t = dataset.themes.get(theme)
        title = (t.name_en if lang == "en" else t.name) if t else theme
        out.append(f"## {md_escape(title)}\n")
        out.append("| " + " | ".join(headers) + " |")
        out.append("|" + "|".join(["---", "---", "---:", "---:", "---", "---"]) + "|")
        out.extend(
            "| " + " | ".join(md_escape(c) for c in cells(row, lang)) + " |" for row in theme_rows
        )
        out.append("")
    return "\n".join(out)


def group(rows: Sequence[Row]) -> list[tuple[str, list[Row]]]:
    """Consecutive rows of one theme together, in order."""
    groups: list[tuple[str, list[Row]]] = []
    for row in rows:
        if groups and groups[-1][0] == row.theme:
            groups[-1][1].append(row)
        else:
            groups.append((row.theme, [row]))
    return groups
