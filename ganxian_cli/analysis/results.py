"""The one tabular model: titled sections of rows, with column labels. `progress`, `compare`,
`list` and `history` return them, and `report` draws one per theme; every table, CSV, Markdown
file, spreadsheet and page table is drawn from them (see `output`).

A row holds two things: machine fields (`Section.fields`: plain numbers, units, periods,
statuses, qualifiers, ids; a name may be a {"zh", "en"} pair) for JSON and CSV, and what the
columns show: per-language pairs, `Shown` (text made only when a table reads it), or what a
column's `text` makes from the row when a table asks (so JSON and CSV never pay for it).
Rendering lives in `output`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from operator import itemgetter
from typing import Any

from ..model.english import unit_words

LANGS = ("zh", "en")


class Shown(Mapping[str, str]):
    """A {"zh", "en"} pair of display text, each made by *make(lang)* when first read."""

    __slots__ = ("_made", "_make")

    def __init__(self, make: Callable[[str], str]) -> None:
        self._make = make
        self._made: dict[str, str] = {}

    def __getitem__(self, lang: str) -> str:
        made = self._made.get(lang)
        if made is None:
            if lang not in LANGS:
                raise KeyError(lang)
            made = self._made[lang] = self._make(lang)
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(LANGS)

    def __len__(self) -> int:
        return 2

    def __repr__(self) -> str:
        return f"Shown({dict(self)!r})"


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    numeric: bool = False
    only: str = ""  # shown in this language only ("zh": a unit English writes with the number)
    # what the cell shows, made from the row in a language when a table asks (else row[key])
    text: Callable[[Mapping[str, Any], str], Any] | None = field(default=None, compare=False)

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def value(self, row: Mapping[str, Any], lang: str) -> Any:
        """What the cell of *row* shows in *lang*: text, or a raw value (Decimal, None…)."""
        text = self.text
        return pick(row.get(self.key), lang) if text is None else text(row, lang)


def unit_text(row: Mapping[str, Any], lang: str) -> str:
    """A unit column's cell: the unit as the file gives it (`unit`); in English what the figures
    count in (`d_unit`, a `Unit`: firms, projects, units of 0.1 billion yuan)."""
    return unit_words(row["d_unit"]) if lang == "en" else str(row["unit"])


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
    # every row holds the same keys in the same order (every field among them), a per-language
    # pair in the same fields as the first row's
    uniform: bool = False

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
        fields = self.fields
        if self.uniform and self.rows and fields:
            return self._uniform_records(lang)
        out = []
        for row in self.rows:
            record = {key: row.get(key) for key in fields}
            for key, value in record.items():
                if isinstance(value, dict) or value.__class__ is Shown:
                    record[key] = pick(value, lang)
            out.append(record)
        return out

    def _uniform_records(self, lang: str) -> list[dict[str, Any]]:
        """`records` of rows alike: each copied in C (less what only tables read, when the
        fields come in their order), then its pairs picked."""
        fields = self.fields
        first = self.rows[0]
        pairs = [k for k in fields if pick(first[k], lang) is not first[k]]
        lang = "en" if lang == "en" else "zh"
        kept = set(fields)
        if [k for k in first if k in kept] == list(fields):
            others = [k for k in first if k not in kept]
            out = [row.copy() for row in self.rows]
            for key in others:
                for record in out:
                    del record[key]
        else:
            values = itemgetter(*fields) if len(fields) > 1 else lambda row: (row[fields[0]],)
            out = [dict(zip(fields, values(row), strict=True)) for row in self.rows]
        for key in pairs:
            for record in out:
                record[key] = record[key][lang]
        return out


def pick(value: Any, lang: str) -> Any:
    """A per-language pair's text in *lang*; anything else as it is."""
    if type(value) is Shown:
        return value["en" if lang == "en" else "zh"]
    if isinstance(value, dict) and set(value) == {"zh", "en"}:
        return value["en" if lang == "en" else "zh"]
    return value


def both(zh: str, en: str) -> dict[str, str]:
    return {"zh": zh, "en": en}


def _written_in(text: str) -> str:
    """The language a note is written in: zh where Chinese characters outnumber Latin letters
    (a note in English may quote a Chinese word or two)."""
    cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in text)
    latin = sum(ch.isascii() and ch.isalpha() for ch in text)
    return "zh" if cjk >= latin else "en"


NOTE_IN_OTHER = {"zh": "(原注为英文)", "en": "(note in Chinese) "}


def note_text(note: str, lang: str, note_en: str | None = None) -> str:
    """A file's note as output in *lang* shows it: English output shows `note_en` where the
    file gives one; else the note as written, marked where it is in the other language
    (原注为英文 / note in Chinese), since ganxian never translates a note."""
    if lang == "en" and note_en:
        return note_en
    return note if _written_in(note) == lang else NOTE_IN_OTHER[lang] + note
