"""What goes into a spreadsheet or an HTML page for each command: sheets and tables as values.

The writers (`xlsx`, `html`) import their libraries themselves; this module imports neither.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from ..analysis.results import Section
from ..model.lang import Lang
from ..model.models import Dataset
from .report import HEADERS, Row, cells, figure_record, flat_record, group, source_legend
from .xlsx import Sheet


def theme_title(dataset: Dataset, theme: str, lang: Lang) -> str:
    t = dataset.themes.get(theme)
    return (t.name_en if lang == "en" else t.name) if t else theme


def report_sheets(
    dataset: Dataset, rows: Sequence[Row], lang: Lang, targets: list[dict[str, Any]] | None
) -> list[Sheet]:
    """A sheet per theme (every field of each figure), then the 双过半 targets when given."""
    sheets = [
        Sheet(
            theme_title(dataset, theme, lang), [flat_record(figure_record(r)) for r in theme_rows]
        )
        for theme, theme_rows in group(rows)
    ]
    if targets:
        sheets.append(Sheet("双过半" if lang == "zh" else "双过半 progress", targets))
    return sheets


def section_sheets(sections: Sequence[Section], lang: Lang) -> list[Sheet]:
    """A sheet per non-empty section: its machine fields (numbers stay numbers, units apart)."""
    return [
        Sheet(s.title(lang), s.records(lang) if s.fields else s.rows) for s in sections if s.rows
    ]


def report_page_tables(dataset: Dataset, rows: Sequence[Row], lang: Lang) -> list[Any]:
    """The report's tables for the HTML page, a row's class saying forecast or target."""
    from .html import PageTable

    tables = []
    for theme, theme_rows in group(rows):
        tables.append(
            PageTable(
                theme_title(dataset, theme, lang),
                HEADERS[lang],
                [cells(r, lang) for r in theme_rows],
                [False, False, True, True, False, False],
                [r.figure.status if r.figure.status != "actual" else "" for r in theme_rows],
            )
        )
    legend = source_legend(dataset, lang, rows)
    if tables and legend:
        tables[-1] = dataclasses.replace(tables[-1], note=legend)
    return tables
