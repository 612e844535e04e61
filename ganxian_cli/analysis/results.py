"""What `progress` and `compare` return: titled sections of rows, with column labels.

A row holds two things: machine fields (`Section.fields`: plain numbers, units, periods,
statuses, qualifiers, ids; a name may be a {"zh", "en"} pair) for JSON and CSV, and the display
text the columns show (also per-language pairs). Rendering lives in `output`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    numeric: bool = False
    only: str = ""  # shown in this language only ("zh": a unit English writes with the number)

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Section:
    """A titled table: rows of machine fields and display text, columns saying what to show."""

    key: str
    zh: str
    en: str
    columns: tuple[Column, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)
    note_zh: str = ""
    note_en: str = ""
    fields: tuple[str, ...] = ()

    def title(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def note(self, lang: str) -> str:
        return self.note_en if lang == "en" else self.note_zh

    def shown(self, lang: str) -> Section:
        """This section with the columns a table in *lang* shows."""
        columns = tuple(c for c in self.columns if c.only in ("", lang))
        return self if columns == self.columns else replace(self, columns=columns)

    def records(self, lang: str) -> list[dict[str, Any]]:
        """The machine fields of every row, names in *lang*."""
        return [{key: pick(row.get(key), lang) for key in self.fields} for row in self.rows]


def pick(value: Any, lang: str) -> Any:
    """A per-language pair's text in *lang*; anything else as it is."""
    if isinstance(value, dict) and set(value) == {"zh", "en"}:
        return value["en" if lang == "en" else "zh"]
    return value


def both(zh: str, en: str) -> dict[str, str]:
    return {"zh": zh, "en": en}
