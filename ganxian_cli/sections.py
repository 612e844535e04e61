"""Tabular results as values (`Section`), with Markdown and CSV renderers.

`progress` and `compare` build Sections; the Rich view lives in `table.py`, JSON in `jsonout`.
Cell values are kept raw (Decimal, str, None) for JSON and turned into text here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .numerals import plain
from .report import csv_text, md_escape


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    numeric: bool = False

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Section:
    """A titled table: raw rows for JSON, columns saying how to show them."""

    key: str
    zh: str
    en: str
    columns: tuple[Column, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)
    note_zh: str = ""
    note_en: str = ""

    def title(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def note(self, lang: str) -> str:
        return self.note_en if lang == "en" else self.note_zh


def cell_text(value: Any) -> str:
    """How a raw value reads in a table: exact decimals, a dash for nothing."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return plain(value)
    return str(value)


def row_cells(section: Section, row: dict[str, Any], lang: str) -> list[str]:
    """Text of one row; a column may hold a per-language pair {"zh": ..., "en": ...}."""
    out = []
    for column in section.columns:
        value = row.get(column.key)
        if isinstance(value, dict):
            value = value.get(lang)
        out.append(cell_text(value))
    return out


def to_markdown(sections: Sequence[Section], lang: str, headline: str = "") -> str:
    out: list[str] = [f"**{md_escape(headline)}**\n"] if headline else []
    for section in sections:
        if not section.rows:
            continue
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


def to_csv(sections: Sequence[Section]) -> str:
    """One row per row of every section: a `section` column, then the union of the columns."""
    keys: list[str] = []
    for section in sections:
        keys.extend(c.key for c in section.columns if c.key not in keys)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["section", *keys])
    for section in sections:
        for row in section.rows:
            values = [row.get(k) for k in keys]
            writer.writerow(
                [
                    section.key,
                    *(csv_text(v.get("en") if isinstance(v, dict) else v) for v in values),
                ]
            )
    return buffer.getvalue()
