"""Spreadsheets (`--format xlsx --output FILE`): one sheet per table, written by XlsxWriter.

Numbers are cells of type number (their printed decimals kept as the cell's format, so 40.00
shows 40.00), units sit in their own column (named in English under --lang en), every text cell
(periods such as 2022-06 included) is written as text so Excel never turns it into a date, and
the header row, in the workbook's language (`field_labels`), is frozen and filtered. The
workbook is built in memory; `files` writes it.
XlsxWriter is imported only here, only when a workbook is written.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..errors import escape_control
from ..model.english import counted, unit_words
from ..model.lang import Lang
from ..model.units import Unit
from .field_labels import field_label

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Sheet:
    """One table: a name and rows of plain values (Decimal, str, bool, None, {zh, en})."""

    name: str
    rows: Sequence[dict[str, Any]]


def flatten(row: dict[str, Any], lang: Lang) -> dict[str, Any]:
    """A {zh, en} pair becomes its text in *lang*; another nested object becomes key.sub; a
    unit (a field `unit` or `…_unit`, a symbol or a `Unit`) is named in English under
    `--lang en` in the words tables use: firms, projects, units of 0.1 billion yuan."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, dict):
            if set(value) == {"zh", "en"}:
                out[key] = value[lang]
            else:
                out.update({f"{key}.{k}": v for k, v in value.items()})
        elif isinstance(value, Unit):
            out[key] = unit_words(value) if lang == "en" else value.symbol
        elif lang == "en" and isinstance(value, str) and _is_unit(key):
            out[key] = unit_in_english(value)
        else:
            out[key] = value
    return out


def _is_unit(key: str) -> bool:
    return key == "unit" or key.endswith("_unit")


def unit_in_english(symbol: str, name: str = "") -> str:
    """What the unit *symbol* of an indicator named *name* counts in, in English (亿元 ->
    units of 0.1 billion yuan; 户 of 企业 -> firms); an unknown symbol as it is."""
    from ..model.units import UnknownUnitError, get_unit

    try:
        return unit_words(counted(get_unit(symbol), name))
    except UnknownUnitError:
        return symbol


def sheet_name(name: str, taken: set[str]) -> str:
    """A legal, unique sheet name (31 characters, none of []:*?/\\): a longer name loses its
    bracketed asides, last first (营业收入(industrial_revenue) -> 营业收入), then its last words;
    it never ends in a space or inside a bracket."""
    base = _short(_BAD_SHEET_CHARS.sub("_", escape_control(name)).strip("'").strip()) or "sheet"
    candidate, n = base, 2
    while candidate.casefold() in taken:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)].rstrip() + suffix, n + 1
    taken.add(candidate.casefold())
    return candidate


_ASIDE = re.compile(r"\s*[(（][^()（）]*[)）]")
_SHEET_MAX = 31


def _short(name: str) -> str:
    """*name* within 31 characters (see `sheet_name`)."""
    while len(name) > _SHEET_MAX:
        asides = list(_ASIDE.finditer(name))
        if not asides:
            break
        last = asides[-1]
        shorter = (name[: last.start()] + name[last.end() :]).strip()
        if not shorter:
            break
        name = shorter
    if len(name) <= _SHEET_MAX:
        return name
    cut = name[: _SHEET_MAX + 1]
    space = cut.rfind(" ")
    cut = cut[:space] if space > 0 else cut[:_SHEET_MAX]
    opened = max(cut.rfind("("), cut.rfind("（"))
    if opened > 0 and max(cut.rfind(")"), cut.rfind("）")) < opened:
        cut = cut[:opened]
    return cut.rstrip(" ,;:-–—(（") or name[:_SHEET_MAX]


def _decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def workbook_bytes(sheets: Sequence[Sheet], lang: Lang = Lang.zh) -> bytes:
    """The workbook of *sheets*, built in memory (`output.files` writes it)."""
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                            "strings_to_formulas": False,
                                            "strings_to_urls": False})  # fmt: skip
    header = workbook.add_format({"bold": True})
    number_formats: dict[int, Any] = {}
    taken: set[str] = set()
    for sheet in sheets:
        rows = [flatten(row, lang) for row in sheet.rows]
        keys: list[str] = []
        for row in rows:
            keys.extend(k for k in row if k not in keys)
        ws = workbook.add_worksheet(sheet_name(sheet.name, taken))
        labels = [field_label(k, lang) for k in keys]
        widths = [_display_width(label) for label in labels]
        for col, label in enumerate(labels):
            ws.write_string(0, col, label, header)
        for r, row in enumerate(rows, start=1):
            for col, key in enumerate(keys):
                value = row.get(key)
                if value is None:
                    continue
                if isinstance(value, bool):
                    ws.write_boolean(r, col, value)
                    text = "TRUE"
                elif isinstance(value, Decimal | int):
                    places = _decimals(Decimal(value))
                    if places not in number_formats:
                        fmt = "0." + "0" * places if places else "0"
                        number_formats[places] = workbook.add_format({"num_format": fmt})
                    ws.write_number(r, col, float(value), number_formats[places])
                    text = str(value)
                else:
                    text = escape_control(str(value))
                    ws.write_string(r, col, text)
                widths[col] = max(widths[col], _display_width(text))
        for col, width in enumerate(widths):
            ws.set_column(col, col, min(width + 2, 60))
        ws.freeze_panes(1, 0)
        if keys:
            ws.autofilter(0, 0, len(rows), len(keys) - 1)
    workbook.close()
    return buffer.getvalue()


def _display_width(text: str) -> int:
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)
