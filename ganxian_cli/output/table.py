"""Rich tables for the terminal. Imported only when a table is drawn: Rich is slow to import.

Data from the file always goes in as `Text` (never markup) with control characters escaped,
so a name such as "[link=…]x" or one holding ESC shows literally.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import IO, Any, Literal

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from ..analysis.results import Section
from ..analysis.schedule import HUNDRED
from ..errors import escape_control
from ..model.lang import Lang
from .grid import Grid, GridColumn, cell_width
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
        if console.no_color:  # one segment: Rich's cost is per segment
            yield Segment(choose(self.layouts, width).text(width))
            return
        lines = choose(self.layouts, width).lines(width)
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


def report_tables(sections: Sequence[Section], lang: Lang, caption: str = "") -> list[ReportTable]:
    """One table per theme; the last carries *caption* (which file was read)."""
    return [ReportTable(layouts) for layouts in theme_layouts(sections, lang, caption)]


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
        if isinstance(table, _Fit | _Trimmed) and _print_plain(table, console):
            continue
        need = console.measure(table).minimum if terminal else 0
        console.print(table, width=need if need > console.width else None, crop=False)


def _print_plain(item: _Fit | _Trimmed, console: Console) -> bool:
    """Write *item* as plain lines when Rich would draw exactly those (see `_Fit.plain`)."""
    pieces = item.plain(console)
    if pieces is None:
        return False
    for piece in pieces:
        if isinstance(piece, str):
            console.file.write(piece)
        else:
            console.print(piece, crop=False)
    return True


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


NAME_CELLS = 16  # a name column gives way down to this many cells (8 Chinese characters)


class _Fit:
    """The first of several layouts whose table fits the width it is given; the last otherwise.

    Each layout is (the tables to measure, what to print); notes are printed as plain text that
    wraps, so only the tables decide. Titles and notes are `Text` outside the tables, so no
    line is padded with trailing spaces.
    """

    def __init__(
        self,
        build: Callable[[], list[tuple[list[Table], list[RenderableType]]]],
        plain: Callable[[int], list[str | _Trimmed] | None] | None = None,
    ) -> None:
        self._build = build
        self._layouts: list[tuple[list[Table], list[RenderableType]]] | None = None
        self._plain = plain

    @property
    def layouts(self) -> list[tuple[list[Table], list[RenderableType]]]:
        """Built when Rich first needs them (the plain path never does)."""
        if self._layouts is None:
            self._layouts = self._build()
        return self._layouts

    def plain(self, console: Console) -> list[str | _Trimmed] | None:
        """Without colour, the text Rich would draw when the widest layout fits at its natural
        width: the tables drawn in one pass, titles and notes that need wrapping left to Rich.
        None when Rich must decide (colour, a layout that does not fit, a tab)."""
        if not console.no_color or self._plain is None:
            return None
        return self._plain(console.width)

    def _minimum(self, console: Console, options: ConsoleOptions, tables: list[Table]) -> int:
        """The narrowest the tables can be drawn without squeezing a column below its minimum
        (measured without the width limit, which would clamp the answer)."""
        free = options.update_width(1_000_000)
        return max((Measurement.get(console, free, t).minimum for t in tables), default=0)

    def _drawn(
        self, console: Console, options: ConsoleOptions, tables: list[Table]
    ) -> dict[int, list[Segment]] | None:
        """The tables drawn at the width given, or None when a line would not fit (Rich lets a
        table overflow rather than squeeze a column below its minimum)."""
        if self._minimum(console, options, tables) > options.max_width:
            return None
        drawn = {}
        for table in tables:
            segments = list(console.render(table, options))
            lines = Segment.split_lines(segments)  # uncropped, unlike render_lines
            if any(Segment.get_line_length(line) > options.max_width for line in lines):
                return None
            drawn[id(table)] = segments
        return drawn

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for n, (tables, shown) in enumerate(self.layouts):
            last = n == len(self.layouts) - 1
            drawn = {} if last else self._drawn(console, options, tables)
            if drawn is None:
                continue
            for item in shown:
                if id(item) in drawn:
                    yield from drawn[id(item)]
                else:
                    yield item
            return

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widths = [self._minimum(console, options, tables) for tables, _s in self.layouts]
        return Measurement(min(widths), max(widths))


class _Trimmed:
    """Text whose wrapped lines carry no trailing spaces (Rich keeps the space it wraps at)."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def plain(self, console: Console) -> list[str | _Trimmed] | None:
        """One line without trailing spaces when it fits (no colour), else Rich's wrapping."""
        value = self.text.plain
        if not console.no_color or "\t" in value or cell_len(value) > console.width:
            return [self] if console.no_color else None
        return [value.rstrip() + "\n"]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in console.render_lines(self.text, options, pad=False):
            while line and not line[-1].text.rstrip():
                line = line[:-1]
            if line:
                last = line[-1]
                line = [*line[:-1], Segment(last.text.rstrip(), last.style)]
            yield from line
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)


def trimmed(value: str, style: str = "") -> _Trimmed:
    """Literal text (see `text`) that wraps without trailing spaces."""
    return _Trimmed(text(value, style))


def _min_width(cells: list[str], numeric: bool) -> int:
    """Numbers keep their full width; text gives way to NAME_CELLS, never below its longest word."""
    widest = max((cell_len(c) for c in cells), default=0)
    if numeric:
        return widest
    word = max((cell_len(w) for c in cells for w in c.split()), default=0)
    return max(min(word, widest), min(widest, NAME_CELLS)) if word <= NAME_CELLS else NAME_CELLS


def _wide(
    section: Section, lang: Lang, texts: list[list[str]], bar_after: str = "", tight: bool = False
) -> Table:
    """One row per row; *tight*: number columns no wider than their numbers (headers wrap)."""
    table = Table()
    for n, column in enumerate(section.columns):
        least = _min_width([t[n] for t in texts], column.numeric)
        words = max(map(cell_len, column.label(lang).split()), default=0)
        table.add_column(
            column.label(lang),
            justify="right" if column.numeric else "left",
            overflow="fold",  # numbers never fold: their column is at least as wide as they are
            min_width=least,
            max_width=max(least, words, min(cell_len(column.label(lang)), 10))
            if tight and column.numeric
            else None,
        )
        if column.key == bar_after:
            table.add_column("进度" if lang == "zh" else "Progress", min_width=12, no_wrap=True)
    for row, values in zip(section.rows, texts, strict=True):
        cells: list[Text] = []
        for column, value in zip(section.columns, values, strict=True):
            cells.append(text(value))
            if column.key == bar_after:
                cells.append(
                    progress_bar(row.get("bar_completion"), row.get("bar_time") or Decimal(0))
                )
        table.add_row(*cells)
    return table


def _stacked(section: Section, lang: Lang, texts: list[list[str]]) -> list[Table]:
    """One two-column table per row (label, value): fits where the wide table does not."""
    tables = []
    for values in texts:
        table = Table(show_header=False, title=None)
        labels = [c.label(lang) for c in section.columns[1:]]
        table.add_column(
            overflow="fold", min_width=min(NAME_CELLS, max(map(cell_len, labels), default=0))
        )
        numbers = [v for c, v in zip(section.columns[1:], values[1:], strict=True) if c.numeric]
        table.add_column(overflow="fold", min_width=max(map(cell_len, numbers), default=0))
        for column, value in zip(section.columns[1:], values[1:], strict=True):
            table.add_row(text(column.label(lang)), text(value))
        tables.append(table)
    return tables


def _stacked_shown(
    section: Section, lang: Lang, texts: list[list[str]], tables: list[Table]
) -> list[RenderableType]:
    shown: list[RenderableType] = [trimmed(section.title(lang), "bold")]
    for values, table in zip(texts, tables, strict=True):
        shown += [trimmed(values[0], "bold"), table]
    return shown


def _columns(section: Section, keep: list[int]) -> Section:
    """*section* with only the columns at the positions *keep*."""
    return replace(section, columns=tuple(section.columns[i] for i in keep))


def section_table(section: Section, lang: Lang, bar_after: str = "", bar_note: str = "") -> _Fit:
    """A Section as a Rich table as wide as there is room for: with a progress bar column after
    *bar_after* if given, then without it, then one small table per row."""
    section = section.shown(lang)
    texts = [row_cells(section, row, lang) for row in section.rows]
    title = trimmed(section.title(lang), "bold")
    note = [trimmed(section.note(lang), "dim")] if section.note(lang) else []

    def plain(width: int) -> list[str | _Trimmed] | None:
        table = _plain_wide(section, lang, texts, bar_after, width)
        if table is None:
            return None
        notes = [trimmed(bar_note, "dim")] if bar_after else []
        return [title, table, *notes, *note]

    return _Fit(lambda: _layouts(section, lang, texts, bar_after, bar_note), plain)


def _layouts(
    section: Section, lang: Lang, texts: list[list[str]], bar_after: str, bar_note: str
) -> list[tuple[list[Table], list[RenderableType]]]:
    """What `section_table` may print, widest first: each (tables to fit, what to print)."""
    title = trimmed(section.title(lang), "bold")
    note = [trimmed(section.note(lang), "dim")] if section.note(lang) else []
    layouts: list[tuple[list[Table], list[RenderableType]]] = []
    if bar_after:
        table = _wide(section, lang, texts, bar_after)
        layouts.append(([table], [title, table, trimmed(bar_note, "dim"), *note]))
    table = _wide(section, lang, texts)
    layouts.append(([table], [title, table, *note]))
    if len(section.columns) > 4:  # split: the name, then half the columns in each table
        first, *rest = range(len(section.columns))
        half = (len(rest) + 1) // 2
        parts = [[first, *rest[:half]], [first, *rest[half:]]]
        split = [_wide(_columns(section, part), lang, [[t[i] for i in part] for t in texts],
                       tight=True) for part in parts]  # fmt: skip
        layouts.append((split, [title, split[0], split[1], *note]))
    stacked = _stacked(section, lang, texts)
    layouts.append((stacked, [*_stacked_shown(section, lang, texts, stacked), *note]))
    return layouts


def _plain_wide(
    section: Section, lang: Lang, texts: list[list[str]], bar_after: str, width: int
) -> str | None:
    """The text of `_wide` (with its bar column) as Rich draws it when the table fits *width*
    at its natural width: no column shrinks or wraps, so the project's one-pass `Grid` draws
    the same lines. None when it does not fit, or a cell holds a tab (Rich expands tabs) or a
    character Rich measures otherwise, or a number ends in a space."""
    columns: list[GridColumn] = []
    cells: list[list[str]] = []
    for n, column in enumerate(section.columns):
        columns.append(GridColumn(column.label(lang), right=column.numeric))
        shown = [escape_control(t[n]) for t in texts]
        if column.numeric and any(c[-1:].isspace() for c in shown):
            return None  # Rich measures trailing spaces but right-justifies without them
        cells.append(shown)
        if column.key == bar_after:
            columns.append(GridColumn("进度" if lang == "zh" else "Progress", min_width=12))
            cells.append(
                [
                    progress_bar(row.get("bar_completion"), row.get("bar_time") or Decimal(0)).plain
                    for row in section.rows
                ]
            )
    every = [c.header for c in columns] + [c for col in cells for c in col]
    if any("\t" in t or (not t.isascii() and cell_width(t) != cell_len(t)) for t in every):
        return None  # a tab, or a character the Grid measures otherwise than Rich (emoji)
    grid = Grid("", columns, [[[(c, "")] for c in row] for row in zip(*cells, strict=True)])
    if grid.natural_width() > width:
        return None
    return grid.text(width)


def progress_renderables(sections: Sequence[Section], headline: str, lang: Lang) -> list[Any]:
    """The 双过半 headline, the progress table with bars, then what is still needed."""
    main, *rest = sections
    bar_note = "进度条中 ┃ 标出序时进度。" if lang == "zh" else "┃ on a bar marks time progress."
    return [
        trimmed(headline, "bold"),
        section_table(main, lang, "d_completion", bar_note),
        *(section_table(s, lang) for s in rest if s.rows),
    ]


def print_fitted(renderables: Sequence[Any], console: Console) -> None:
    """Print `progress`/`compare` output: each table in the widest layout that fits the terminal
    (natural width off a terminal), lines without trailing spaces."""
    terminal = console.file.isatty() or bool(os.environ.get("COLUMNS"))
    if not terminal:
        console.width = 10_000  # each table as wide as it needs
    for renderable in renderables:
        if isinstance(renderable, _Fit | _Trimmed) and _print_plain(renderable, console):
            continue
        with console.capture() as capture:
            console.print(renderable, crop=False)  # too narrow even for a stacked table: overflow
        console.file.write("\n".join(line.rstrip() for line in capture.get().split("\n")))


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
