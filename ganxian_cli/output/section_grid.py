"""`Section` results as plain boxed text (see `grid`), for `list` and `history` tables.

No Rich: these tables are laid out in one pass to the terminal's width (natural width off a
terminal, or `COLUMNS`). A `share` column (0-100) is drawn as a bar.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from dataclasses import replace
from decimal import Decimal
from typing import IO, Any

from ..analysis.results import Section
from ..errors import escape_control
from ..model.lang import Lang
from ..model.units import get_unit
from .grid import Cell, Grid, GridColumn, plain_text
from .report import HEADERS, STATUS_LABEL, display_growth, display_value
from .sections import row_cells

BAR_WIDTH = 10
WRAP_MIN = 10


def bar(share: Any, width: int = BAR_WIDTH) -> str:
    """A bar of eighths: 100 fills *width* cells."""
    if not isinstance(share, Decimal):
        return ""
    eighths = round(min(max(share, Decimal(0)), Decimal(100)) / 100 * width * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + ("" if rest == 0 else " ▏▎▍▌▋▊▉"[rest])


_TOKEN = re.compile(r"[\x21-\x7e]+")  # one word of printable ASCII: an id, a unit, a period


def section_grid(section: Section, lang: Lang) -> Grid:
    """A Grid of *section*: text columns wrap at words, ids (one ASCII word in every cell),
    numbers and bars never do; empty columns go."""
    section, texts = _shown(section, lang)
    columns = []
    for n, c in enumerate(section.columns):
        ids = all(_TOKEN.fullmatch(t[n]) for t in texts)
        wraps = not c.numeric and not ids
        columns.append(GridColumn(c.label(lang), right=c.numeric, wrap=wraps,
                                  min_width=WRAP_MIN if wraps else 0))  # fmt: skip
    with_bar = "share" in (c.key for c in section.columns)
    if with_bar:
        columns.append(GridColumn("", min_width=BAR_WIDTH))
    grid = Grid(escape_control(section.title(lang)), columns, caption=section.note(lang))
    for row, row_texts in zip(section.rows, texts, strict=True):
        cells: list[Cell] = [[(t, "")] for t in row_texts]
        if with_bar:
            cells.append([(bar(row.get("share")), "")])
        grid.rows.append(cells)
    return grid


def _shown(section: Section, lang: Lang) -> tuple[Section, list[list[str]]]:
    """*section* with the columns shown in *lang* that some row fills, and its cells' text."""
    kept = [
        c
        for c in section.shown(lang).columns
        if any(
            (row.get(c.key) if c.text is None else c.text(row, lang)) not in (None, "")
            for row in section.rows
        )
    ]
    section = replace(section, columns=tuple(kept) or section.columns)
    texts = [[escape_control(t) for t in row_cells(section, row, lang)] for row in section.rows]
    return section, texts


def section_cards(section: Section, lang: Lang) -> list[Grid]:
    """*section* for a narrow terminal: its title, then per row its first cell as a heading over
    a two-column table of the other columns' labels and values (empty values left out)."""
    section, texts = _shown(section, lang)
    labels = [escape_control(c.label(lang)) for c in section.columns[1:]]
    out = [Grid(escape_control(section.title(lang)), [])]
    for row_texts in texts:
        card = Grid(row_texts[0], [GridColumn(""), GridColumn("", wrap=True, min_width=WRAP_MIN)],
                    header=False)  # fmt: skip
        card.rows.extend(
            [[(label, "")], [(text, "")]]
            for label, text in zip(labels, row_texts[1:], strict=True)
            if text not in ("", "—")
        )
        out.append(card)
    if section.note(lang):
        out.append(Grid(escape_control(section.note(lang)), []))
    return out


def history_grid(section: Section, lang: Lang, with_bar: bool = True) -> Grid:
    """`history` as read: period, status, the value as printed (in English words), growth, bar."""
    h = HEADERS[lang]
    with_yoy = any(row["yoy"] is not None for row in section.rows)
    with_subject = any(row["subject"] for row in section.rows)
    columns = [GridColumn(h[1]), GridColumn(h[4]), GridColumn(h[2], right=True)]
    columns += [GridColumn(h[3], right=True)] if with_yoy else []
    columns += [GridColumn(h[5], wrap=True, min_width=WRAP_MIN)] if with_subject else []
    grid = Grid(
        escape_control(section.title(lang)),
        [*columns, GridColumn("", min_width=BAR_WIDTH)] if with_bar else columns,
        caption=escape_control(section.note(lang)),  # figures the source withholds
    )
    for row in section.rows:
        value = display_value(row["value"], get_unit(row["unit"]), row["qualifier"], lang)
        cells: list[Cell] = [
            [(row["label"][lang], "")],
            [(STATUS_LABEL[lang][row["status"]], "")],
            [(value, "")],
        ]
        if with_yoy:
            cells.append([(display_growth(row["yoy"]), "")])
        if with_subject:
            cells.append([(escape_control(row["subject"] or ""), "")])
        if with_bar:
            cells.append([(bar(row["share"]), "")])
        grid.rows.append(cells)
    return grid


def terminal_width(stream: IO[str]) -> int | None:
    """The width to lay out for: COLUMNS, else the terminal's, else None (natural width)."""
    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    if stream.isatty():
        return shutil.get_terminal_size().columns
    return None


def layouts(section: Section, lang: Lang) -> list[list[Grid]]:
    """What may show *section*, widest first: its table (with a bar where it has one), the table
    without the bar, then a card per row."""
    if section.key == "history":
        return [[history_grid(section, lang)], [history_grid(section, lang, with_bar=False)]]
    return [[section_grid(section, lang)], section_cards(section, lang)]


def write_sections(sections: list[Section], lang: Lang, stream: IO[str] | None = None) -> None:
    """Each section in the widest layout that fits the terminal (see `layouts`): at its natural
    width off a terminal unless COLUMNS is set; the narrowest layout overflows where none fits."""
    out = stream or sys.stdout
    width = terminal_width(out)
    for section in sections:
        shown = layouts(section, lang)
        if width is None:
            grids = shown[0]
        else:
            fits = (g for g in shown if all(grid.widths(width) is not None for grid in g))
            grids = next(fits, shown[-1])
        for grid in grids:
            out.write(plain_text(grid.lines(width or grid.natural_width())))
