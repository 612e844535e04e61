"""What goes into a spreadsheet or an HTML page for each command: sheets and tables as values.

The writers (`xlsx`, `html`) import their libraries themselves; this module imports neither.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..analysis.results import Section, pick
from ..model.english import subject_in
from ..model.lang import Lang
from ..model.models import Dataset
from ..model.units import Unit
from .report import ROW, Row, theme_sections
from .sections import row_cells
from .xlsx import Sheet, unit_in_english


def report_sheets(
    dataset: Dataset, rows: Sequence[Row], lang: Lang, targets: list[dict[str, Any]] | None
) -> list[Sheet]:
    """A sheet per theme (every field of each figure), then the 双过半 targets when given."""
    sheets = [
        Sheet(
            s.title(lang),
            [_in_english(_figure(r), r) if lang == "en" else _figure(r) for r in s.rows],
        )
        for s in theme_sections(dataset, rows)
    ]
    if targets:
        if lang == "en":  # what each target counts, from its indicator's Chinese name
            names = {k: {"name": i.name} for k, i in dataset.indicators.items()}
            targets = [_in_english(t, names.get(t.get("indicator", ""), {})) for t in targets]
        sheets.append(Sheet("双过半" if lang == "zh" else "双过半 progress", targets))
    return sheets


def _figure(row: Mapping[str, Any]) -> dict[str, Any]:
    """A report row's fields, its unit with the noun of what its indicator counts."""
    record = {k: v for k, v in row.items() if k != ROW}
    record["unit"] = row[ROW].unit
    return record


def section_sheets(sections: Sequence[Section], lang: Lang) -> list[Sheet]:
    """A sheet per non-empty section: its machine fields (numbers stay numbers, units apart);
    a section whose records repeat an earlier sheet's (two views of the same targets) is left
    out rather than written twice. In English, units say what they count and subjects are
    named in English (`_in_english`)."""
    sheets: list[Sheet] = []
    for s in sections:
        if not s.rows:
            continue
        records = s.records(lang) if s.fields else s.rows
        if lang == "en":
            records = [_in_english(r, raw) for r, raw in zip(records, s.rows, strict=True)]
        if not any(records == sheet.rows for sheet in sheets):
            sheets.append(Sheet(s.title(lang), records))
    return sheets


def _in_english(record: dict[str, Any], raw: Mapping[str, Any]) -> dict[str, Any]:
    """*record* for an English workbook: each unit in the words of what it counts (firms, not
    households, for 户 of 企业: the indicator's Chinese name, in *raw*, tells), the subject by
    its English name where the file gives one (then no column of its own)."""
    out = dict(record)
    for key, value in record.items():
        if (key == "unit" or key.endswith("_unit")) and isinstance(value, str):
            unit = raw.get("d_" + key)
            name = pick(raw.get(key[: -len("unit")] + "name") or raw.get("name") or "", "zh")
            out[key] = unit if isinstance(unit, Unit) else unit_in_english(value, str(name))
    if "subject_en" in out:
        out["subject"] = subject_in(out["subject"], out.pop("subject_en"), "en") or None
    return out


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
