"""Rich tables for the terminal. Imported only when a table is drawn: Rich is slow to import.

Data from the file always goes in as `Text` (never markup) with control characters escaped,
so a name such as "[link=…]x" or one holding ESC shows literally.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import IO, Any, Literal

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from ..analysis.results import Section
from ..analysis.schedule import HUNDRED
from ..errors import escape_control
from ..model.models import Dataset
from .grid import Grid, Line
from .report import Lang, Row
from .report_grid import choose, theme_layouts
from .sections import row_cells

ColorMode = Literal["auto", "always", "never"]


def text(value: str, style: str = "") -> Text:
    """Literal text: no markup, control characters shown as escapes."""
    return Text(escape_control(value), style=style)


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # `ganxian report | head` is a normal way to read: end quietly with status 0.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, self.file.fileno())
        raise SystemExit(0)


def make_console(
    color: ColorMode = "auto", file: IO[str] | None = None, width: int | None = None
) -> Console:
    """A console that colours only a terminal (or when asked), and honours NO_COLOR."""
    stream = file or sys.stdout
    is_tty = stream.isatty()
    if color == "always":
        use_color = True
    elif color == "never":
        use_color = False
    else:
        use_color = (is_tty or bool(os.environ.get("FORCE_COLOR"))) and not os.environ.get(
            "NO_COLOR"
        )
    return _Console(
        file=stream,
        force_terminal=use_color,
        no_color=not use_color,
        color_system="standard" if use_color else None,
        width=width,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
        soft_wrap=False,
    )


class ReportTable:
    """One theme's figures: the widest of its layouts that fits the console (see report_grid).

    Laid out in one pass by `grid`, not by Rich's Table, so a report costs time in proportion
    to its rows; printed off a terminal at its natural width.
    """

    def __init__(self, layouts: Sequence[Grid]) -> None:
        self.layouts = layouts

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        lines = choose(self.layouts, width).lines(width)
        if console.no_color:  # one segment a line: Rich's cost is per segment
            yield Segment("".join(f"{value}\n" for line in lines for value, _ in _ends(line)))
            return
        styles: dict[str, Style] = {}
        for line in lines:
            for value, style in line:
                if style and style not in styles:
                    styles[style] = console.get_style(style)
                yield Segment(value, styles[style] if style else None)
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        least = min(g.minimum_width() for g in self.layouts)
        return Measurement(least, self.layouts[0].natural_width())


def _ends(line: Line) -> Line:
    """A line as one plain segment."""
    return [("".join(value for value, _ in line), "")]


def report_tables(
    dataset: Dataset, rows: Sequence[Row], lang: Lang, caption: str = ""
) -> list[ReportTable]:
    """One table per theme; the last carries *caption* (which file was read)."""
    return [ReportTable(layouts) for layouts in theme_layouts(dataset, rows, lang, caption)]


def print_tables(tables: Sequence[Table | Text | ReportTable], console: Console) -> None:
    """Print tables so that no figure is ever wrapped or cut off.

    Off a terminal a table renders at its natural width. On a terminal too narrow for a table's
    minimum (its numbers at full width), the table is printed at that minimum and the terminal
    wraps its lines: untidy, but nothing is lost.
    """
    terminal = console.file.isatty() or bool(os.environ.get("COLUMNS"))
    if not terminal:
        console.width = 10_000  # tables don't expand: each renders as wide as it needs
    for table in tables:
        need = console.measure(table).minimum if terminal else 0
        console.print(table, width=need if need > console.width else None, crop=False)


def progress_bar(completion: Decimal | None, time: Decimal, width: int = 12) -> Text:
    """A bar filled to the completion, with ┃ where time progress stands."""
    if completion is None:
        return Text("—")
    filled = round(min(max(completion, Decimal(0)), HUNDRED) / HUNDRED * width)
    mark = min(width - 1, round(time / HUNDRED * width))
    bar = Text()
    style = "green" if completion >= time else "red"
    for i in range(width):
        if i == mark:
            bar.append("┃", "bold")
        else:
            bar.append("█" if i < filled else "░", style if i < filled else "dim")
    return bar


def section_table(section: Section, lang: Lang, bar_after: str = "") -> Table:
    """A Section as a Rich table; with *bar_after*, a progress bar column after that column."""
    table = Table(title=text(section.title(lang), "bold"), title_justify="left")
    texts = [row_cells(section, row, lang) for row in section.rows]
    for n, column in enumerate(section.columns):
        widest = max((cell_len(t[n]) for t in texts), default=0)
        table.add_column(
            column.label(lang),
            justify="right" if column.numeric else "left",
            overflow="fold",
            # numbers keep their full width (only their header may wrap); names give way,
            # down to a few characters, in a narrow terminal
            min_width=widest if column.numeric else min(widest, 8),
        )
        if column.key == bar_after:
            table.add_column("进度" if lang == "zh" else "Progress", min_width=12)
    for row, values in zip(section.rows, texts, strict=True):
        cells: list[Text] = []
        for column, value in zip(section.columns, values, strict=True):
            cells.append(text(value))
            if column.key == bar_after:
                cells.append(progress_bar(row.get("completion"), row.get("time") or Decimal(0)))
        table.add_row(*cells)
    if section.note(lang):
        table.caption = text(section.note(lang), "dim")
        table.caption_justify = "left"
    return table


def progress_renderables(sections: Sequence[Section], headline: str, lang: Lang) -> list[Any]:
    """The 双过半 headline, the progress table with bars, then what is still needed."""
    main, *rest = sections
    table = section_table(main, lang, bar_after="completion")
    table.caption = text(
        "进度条中 ┃ 标出序时进度。" if lang == "zh" else "┃ on a bar marks time progress.", "dim"
    )
    table.caption_justify = "left"
    return [text(headline, "bold"), table, *(section_table(s, lang) for s in rest)]
