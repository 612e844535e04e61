"""What goes into a spreadsheet or an HTML page for each command: sheets and tables as values.

The writers (`xlsx`, `html`) import their libraries themselves; this module imports neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..analysis.results import Section
from ..model.lang import Lang
from ..model.models import Dataset
from .report import ROW, Row, theme_sections
from .sections import row_cells
from .xlsx import Sheet


def report_sheets(
    dataset: Dataset, rows: Sequence[Row], lang: Lang, targets: list[dict[str, Any]] | None
) -> list[Sheet]:
    """A sheet per theme (every field of each figure), then the 双过半 targets when given."""
    sheets = [
        Sheet(s.title(lang), [{k: v for k, v in r.items() if k != ROW} for r in s.rows])
        for s in theme_sections(dataset, rows)
    ]
    if targets:
        sheets.append(Sheet("双过半" if lang == "zh" else "双过半 progress", targets))
    return sheets


def section_sheets(sections: Sequence[Section], lang: Lang) -> list[Sheet]:
    """A sheet per non-empty section: its machine fields (numbers stay numbers, units apart);
    a section whose records repeat an earlier sheet's (two views of the same targets) is left
    out rather than written twice."""
    sheets: list[Sheet] = []
    for s in sections:
        if not s.rows:
            continue
        records = s.records(lang) if s.fields else s.rows
        if not any(records == sheet.rows for sheet in sheets):
            sheets.append(Sheet(s.title(lang), records))
    return sheets


def report_page_tables(sections: Sequence[Section], lang: Lang) -> list[Any]:
    """The report's tables (`report.theme_sections`) for the HTML page, a row's class saying
    forecast or target."""
    from .html import PageTable

    return [
        PageTable(
            s.title(lang),
            [c.label(lang) for c in s.columns],
            [row_cells(s, r, lang) for r in s.rows],
            [c.numeric for c in s.columns],
            [r["status"] if r["status"] != "actual" else "" for r in s.rows],
            note=s.note(lang),
        )
        for s in sections
    ]
