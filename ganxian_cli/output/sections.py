"""The one Markdown and the one CSV writer, for every command's `Section`s (see
`analysis.results`; `report` gives a section per theme).

Terminal tables live in `section_grid`, JSON in `jsonout`.
Cell values are kept raw (Decimal, str, None) for JSON and turned into text here.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from ..analysis.results import Section
from ..errors import escape_control
from ..model.lang import Lang
from ..model.numerals import plain


def csv_text(value: object) -> str:
    """Plain numbers; text with control characters escaped and spreadsheet formulas defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return plain(value)
    text = escape_control(str(value))
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return text


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#~"})


# GitHub links bare URLs (at their "://"), www. names, @mentions and :emoji: codes; an HTML
# entity shows the same character but gives its autolinker nothing to start from.
# (an emoji code is ASCII: 注:总投资:23个 is Chinese punctuation, left as typed)
_MD_LINKISH = re.compile(r"(?i)&|@|:(?=//|[a-z0-9_+-]+:)|\bw(?=ww\.)")


def md_escape(text: str) -> str:
    """Text as literal Markdown: no links, mentions, emoji, emphasis, HTML or broken cells."""
    escaped = escape_control(text).translate(_MD_SPECIAL)
    return _MD_LINKISH.sub(lambda m: f"&#{ord(m.group())};", escaped)


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
        out += _markdown_head(section, lang)
        out.extend(_markdown_rows(section, section.rows, lang))
        out += _markdown_notes(section, lang)
    return "\n".join(out)


def _markdown_head(section: Section, lang: Lang) -> list[str]:
    """A section's title, its table's header and the line under it (*section* as shown)."""
    return [
        f"## {md_escape(section.title(lang))}\n",
        "| " + " | ".join(c.label(lang) for c in section.columns) + " |",
        "|" + "|".join("---:" if c.numeric else "---" for c in section.columns) + "|",
    ]


def _markdown_rows(section: Section, rows: Sequence[dict[str, Any]], lang: Lang) -> Iterator[str]:
    """The line of each of *rows* in the table (*section* as shown)."""
    return ("| " + " | ".join(md_escape(t) for t in row_cells(section, row, lang)) + " |"
            for row in rows)  # fmt: skip


def _markdown_notes(section: Section, lang: Lang) -> list[str]:
    """A line of the note a paragraph, then the blank line that ends the section."""
    note = section.note(lang)
    return [*(f"\n{md_escape(line)}" for line in note.split("\n") if note), ""]


class MarkdownRows:
    """The rows of a section over several files as the lines of its Markdown table, written
    to a spool as each file's rows come instead of kept (in *section*'s columns, the first
    file's); `count`: how many."""

    def __init__(self, section: Section, lang: Lang) -> None:
        from .files import spool

        self.section, self.lang, self.count = section.shown(lang), lang, 0
        self.waiting = spool()

    def add(self, rows: Sequence[dict[str, Any]]) -> None:
        section, lang = self.section, self.lang
        self.waiting.write("".join("\n" + line for line in _markdown_rows(section, rows, lang)))
        self.count += len(rows)

    def close(self) -> None:
        self.waiting.close()


def write_markdown(
    parts: Sequence[tuple[Section, MarkdownRows]],
    lang: Lang,
    headline: str,
    write: Callable[[str], object],
) -> None:
    """The text of `to_markdown` of sections whose rows wait in spools (each with its section
    as merged, without rows: its title and notes), written a piece at a time, ending in a
    newline."""
    pieces: list[str] = [f"**{md_escape(headline)}**\n"] if headline else []
    for section, rows in parts:
        if not rows.count:
            continue
        section = section.shown(lang)
        write("\n".join([*pieces, *_markdown_head(section, lang)]))
        rows.waiting.seek(0)  # each row "\n| … |": after the head, as `to_markdown` joins them
        while chunk := rows.waiting.read(1 << 20):
            write(chunk)
        pieces = ["", *_markdown_notes(section, lang)]
    text = "\n".join(pieces)
    write(text if text.endswith("\n") else text + "\n")


def to_csv(
    sections: Sequence[Section], lang: Lang, fields: Sequence[str] = (), named: bool = True
) -> str:
    """One row per row of every section: a `section` column naming it (not for a document that
    has only one section, *named* False), then *fields* and the rest of the union of the machine
    fields (plain numbers, units, periods, statuses, qualifiers; names in *lang*); RFC 4180
    quoting, LF line ends."""
    keys: list[str] = list(fields)
    for section in sections:
        keys.extend(k for k in section.fields if k not in keys)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["section", *keys] if named else keys)
    for part in sections:
        first = [part.key] if named else []
        for record in part.records(lang):
            writer.writerow([*first, *(csv_text(record.get(k)) for k in keys)])
    return buffer.getvalue()
