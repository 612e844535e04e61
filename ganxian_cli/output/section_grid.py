"""`Section` results as plain boxed text (see `grid`), for `list` and `history` tables.

No Rich: these tables are laid out in one pass to the terminal's width (natural width off a
terminal, or `COLUMNS`). A `share` column (0-100) is drawn as a bar.
"""

from __future__ import annotations

import os
import shutil
import sys
from decimal import Decimal
from typing import IO, Any

from ..analysis.results import Section
from ..errors import escape_control
from ..model.lang import Lang
from ..model.units import Unit, get_unit
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


def section_grid(section: Section, lang: Lang) -> Grid:
    """A Grid of *section*: text columns wrap, numbers and bars never do; empty columns go."""
    kept = [
        c
        for c in section.shown(lang).columns
        if any(
            (row.get(c.key) if c.text is None else c.text(row, lang)) not in (None, "")
            for row in section.rows
        )
    ]
    section = Section(section.key, section.zh, section.en, tuple(kept) or section.columns,
                      section.rows, section.note_zh, section.note_en)  # fmt: skip
    columns = [
        GridColumn(c.label(lang), right=c.numeric, wrap=not c.numeric, min_width=WRAP_MIN)
        for c in section.columns
    ]
    keys = [c.key for c in section.columns]
    with_bar = "share" in keys
    if with_bar:
        columns.append(GridColumn("", min_width=BAR_WIDTH))
    grid = Grid(escape_control(section.title(lang)), columns, caption=section.note(lang))
    for row in section.rows:
        texts = row_cells(section, row, lang)
        cells: list[Cell] = [[(escape_control(t), "")] for t in texts]
        if with_bar:
            cells.append([(bar(row.get("share")), "")])
        grid.rows.append(cells)
    return grid


def history_grid(section: Section, lang: Lang) -> Grid:
    """`history` as read: period, status, the value as printed (in English words), growth, bar."""
    h = HEADERS[lang]
    with_yoy = any(row["yoy"] is not None for row in section.rows)
    with_subject = any(row["subject"] for row in section.rows)
    columns = [GridColumn(h[1]), GridColumn(h[4]), GridColumn(h[2], right=True)]
    columns += [GridColumn(h[3], right=True)] if with_yoy else []
    # several articles: each figure's source (†: it does not count) and its change from the
    # figure that counts for the same months
    with_source = len({row.get("source") for row in section.rows}) > 1
    if with_source:
        columns += [
            GridColumn("来源" if lang == "zh" else "Source"),
            GridColumn("较计入值" if lang == "zh" else "Change", right=True),
        ]
    columns += [GridColumn(h[5], wrap=True, min_width=WRAP_MIN)] if with_subject else []
    grid = Grid(
        escape_control(section.title(lang)),
        [*columns, GridColumn("", min_width=BAR_WIDTH)],
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
        if with_source:
            change = row.get("change")
            shown = "" if change is None else display_change(change, get_unit(row["unit"]), lang)
            cells.append([(escape_control(row["d_source"]), "")])
            cells.append([(shown, "")])
        if with_subject:
            cells.append([(escape_control(row["subject"] or ""), "")])
        cells.append([(bar(row["share"]), "")])
        grid.rows.append(cells)
    return grid


def display_change(change: Decimal, unit: Unit, lang: Lang) -> str:
    """+5亿元, -15亿元 (+500 million yuan): a revision's change, in the figure's unit."""
    return ("+" if change > 0 else "") + display_value(change, unit, "exact", lang)


def terminal_width(stream: IO[str]) -> int | None:
    """The width to lay out for: COLUMNS, else the terminal's, else None (natural width)."""
    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    if stream.isatty():
        return shutil.get_terminal_size().columns
    return None


def write_sections(sections: list[Section], lang: Lang, stream: IO[str] | None = None) -> None:
    """Each non-empty section as a boxed table (an empty one as its title and a dash)."""
    out = stream or sys.stdout
    width = terminal_width(out)
    for section in sections:
        grid = (
            history_grid(section, lang) if section.key == "history" else section_grid(section, lang)
        )
        out.write(plain_text(grid.lines(width or grid.natural_width())))
