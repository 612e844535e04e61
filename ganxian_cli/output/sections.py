"""Markdown and CSV renderers for `Section` results (see `analysis.results`).

The Rich view lives in `table.py`, JSON in `jsonout`.
Cell values are kept raw (Decimal, str, None) for JSON and turned into text here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ..analysis.results import Section
from ..model.lang import Lang
from ..model.numerals import plain
from .report import csv_text, md_escape


def cell_text(value: Any) -> str:
    """How a raw value reads in a table: exact decimals, a dash for nothing."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return plain(value)
    return str(value)


def row_cells(section: Section, row: dict[str, Any], lang: Lang) -> list[str]:
    """Text of one row; a column may hold a per-language pair {"zh": ..., "en": ...}."""
    return [cell_text(column.value(row, lang)) for column in section.columns]


def to_markdown(sections: Sequence[Section], lang: Lang, headline: str = "") -> str:
    out: list[str] = [f"**{md_escape(headline)}**\n"] if headline else []
    for section in sections:
        if not section.rows:
            continue
        section = section.shown(lang)
        out.append(f"## {md_escape(section.title(lang))}\n")
        out.append("| " + " | ".join(c.label(lang) for c in section.columns) + " |")
        out.append("|" + "|".join("---:" if c.numeric else "---" for c in section.columns) + "|")
        out.extend(
            "| " + " | ".join(md_escape(t) for t in row_cells(section, row, lang)) + " |"
            for row in section.rows
        )
        if section.note(lang):
            out.append(f"\n{md_escape(section.note(lang))}")
        out.append("")
    return "\n".join(out)


def to_csv(sections: Sequence[Section], lang: Lang) -> str:
    """One row per row of every section: a `section` column, then the union of the machine
    fields (plain numbers, units, periods, statuses, qualifiers; names in *lang*)."""
    keys: list[str] = []
    for section in sections:
        keys.extend(k for k in section.fields if k not in keys)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["section", *keys])
    for section in sections:
        for record in section.records(lang):
            writer.writerow([section.key, *(csv_text(record.get(k)) for k in keys)])
    return buffer.getvalue()
