"""The Rich table of `ganxian extract`. Imported only when that table is drawn: Rich is slow to
import. Every other table is drawn by `section_grid`, without Rich.

Data from the file always goes in as `Text` (never markup) with control characters escaped,
so a name such as "[link=…]x" or one holding ESC shows literally.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..errors import escape_control
from .section_grid import ColorMode, use_color

__all__ = ["ColorMode", "extract_table", "make_console", "print_tables", "text"]


def text(value: str, style: str = "") -> Text:
    """Literal text: no markup, control characters shown as escapes."""
    return Text(escape_control(value), style=style)


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # `ganxian extract | head` is a normal way to read: end quietly with status 0.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, self.file.fileno())
        raise SystemExit(0)


def make_console(
    color: ColorMode = "auto", file: IO[str] | None = None, width: int | None = None
) -> Console:
    """A console that colours only a terminal (or when asked), and honours NO_COLOR."""
    stream = file or sys.stdout
    colored = use_color(color, stream)
    return _Console(
        file=stream,
        force_terminal=colored,
        no_color=not colored,
        color_system="standard" if colored else None,
        width=width,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
        soft_wrap=False,
    )


def print_tables(tables: Sequence[Table], console: Console) -> None:
    """Print tables so that no figure is ever wrapped or cut off: at natural width off a
    terminal (unless COLUMNS is set); at its minimum, overflowing, where a terminal is too
    narrow."""
    terminal = console.file.isatty() or bool(os.environ.get("COLUMNS"))
    if not terminal:
        console.width = 10_000  # tables don't expand: each renders as wide as it needs
    for table in tables:
        need = console.measure(table).minimum if terminal else 0
        console.print(table, width=need if need > console.width else None, crop=False)


def extract_table(headers: Sequence[str], rows: Sequence[Sequence[str]], caption: str) -> Table:
    """The figures `ganxian extract` proposes, for review (cells are plain text)."""
    table = Table(title=text("提取的数据 / Proposed figures", "bold"), title_justify="left")
    for n, header in enumerate(headers):
        numeric = header in ("#", "数值", "同比%", "行")
        table.add_column(
            header,
            justify="right" if numeric else "left",
            no_wrap=numeric or n in (4, 7),
            overflow="fold",
        )
    for row in rows:
        table.add_row(*(text(cell) for cell in row))
    table.caption = text(caption, "dim")
    table.caption_justify = "left"
    return table
