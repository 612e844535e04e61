"""Every command's tables as boxed text (see `grid`): the one terminal renderer.

No Rich: each table is laid out in one pass in the widest of its layouts that fits the terminal
(`COLUMNS` when set, piped or not; else the terminal's width; natural width when piped without
it). A `share` column (0-100) is drawn as a bar, progress as a bar with the time mark.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import IO, Any, Literal

from ..analysis.results import Column, Section, pick
from ..errors import escape_control
from ..model.english import subject_in
from ..model.lang import Lang
from ..model.units import Unit, get_unit
from .grid import Cell, Grid, GridColumn, Segment, SpooledGrid, cell_width, line, word_width
from .report import HEADERS, STATUS_LABEL, display_growth, display_value
from .sections import cell_text, row_cells

ColorMode = Literal["auto", "always", "never"]
Layouts = list[list[Grid]]  # what may show one table, widest first
NATURAL = 100_000  # the width to draw at off a terminal: each table as wide as it needs

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
    a two-column table of the other columns' labels and values (empty values left out; a
    number never wraps)."""
    section, texts = _shown(section, lang)
    labels = [escape_control(c.label(lang)) for c in section.columns]
    numeric = [c.numeric for c in section.columns]
    return cards(escape_control(section.title(lang)), labels, numeric, texts)


def cards(title: str, labels: list[str], numeric: list[bool], texts: list[list[str]]) -> list[Grid]:
    """The title, then a card per row of *texts*: its first cell as a heading over the other
    cells beside their *labels* (empty ones left out; a *numeric* one never wraps)."""
    return [line(title, "bold"), *(card(row_texts, labels, numeric) for row_texts in texts)]


def card(row_texts: list[str], labels: list[str], numeric: list[bool]) -> Grid:
    """A row as a card: its first cell a heading over the other cells beside their labels."""
    numbers = [cell_width(t) for t, n in zip(row_texts[1:], numeric[1:], strict=True) if n]
    least = max([WRAP_MIN, *numbers])
    columns = [GridColumn(""), GridColumn("", wrap=True, min_width=least)]
    grid = Grid(row_texts[0], columns, header=False)
    grid.rows.extend(
        [[(label, "")], [(text, "")]]
        for label, text in zip(labels[1:], row_texts[1:], strict=True)
        if text not in ("", "—")
    )
    return grid


BAR_HEADER = {
    "zh": "占最大值",
    "en": "Of largest",
}  # history's bar: each figure against the largest


def _history_cells(section: Section, lang: Lang) -> tuple[list[GridColumn], list[list[str]]]:
    """`history` as read: period, status, the value as printed (in English words: 342 firms,
    23 projects), growth; where several articles give figures, each one's source (†: it does
    not count) and its change from the figure that counts; the subject. A column no row fills
    goes; periods and subjects wrap, ids and numbers never."""
    h = HEADERS[lang]
    rows = section.rows
    subjects = [escape_control(subject_in(r["subject"], r.get("subject_en"), lang)) for r in rows]
    texts = [
        [
            escape_control(row["label"][lang]),
            STATUS_LABEL[lang][row["status"]],
            display_value(row["value"], _unit_of(row), row["qualifier"], lang, row.get("quote")),
            display_growth(row["yoy"]),
            escape_control(row["d_source"]) if "d_source" in row else "",
            "" if row.get("change") is None else display_change(row["change"], _unit_of(row), lang),
            subject,
        ]
        for row, subject in zip(rows, subjects, strict=True)
    ]
    several = len({row.get("source") for row in rows}) > 1
    columns = [
        GridColumn(h[1], wrap=True, min_width=WRAP_MIN),
        GridColumn(h[4]),
        GridColumn(h[2], right=True),
        GridColumn(h[3], right=True),
        GridColumn("来源" if lang == "zh" else "Source"),
        GridColumn("较计入值" if lang == "zh" else "Change", right=True),
        GridColumn(h[5], wrap=True, min_width=WRAP_MIN),
    ]
    kept = [
        n
        for n in range(len(columns))
        if n < 3 or (n == 4 and several) or (n != 4 and any(t[n] for t in texts))
    ]
    if all(_TOKEN.fullmatch(t[0]) for t in texts):  # periods as ids: never split
        columns[0] = GridColumn(h[1])
    return [columns[n] for n in kept], [[t[n] for n in kept] for t in texts]


def _unit_of(row: dict[str, Any]) -> Unit:
    """A history row's unit, with the noun of what its indicator counts."""
    unit = row.get("d_unit")
    return unit if isinstance(unit, Unit) else get_unit(row["unit"])


def history_grid(section: Section, lang: Lang, with_bar: bool = True) -> Grid:
    """`history` as one table (see `_history_cells`), with a bar of each figure against the
    indicator's largest if *with_bar*."""
    columns, texts = _history_cells(section, lang)
    if with_bar:
        columns = [*columns, GridColumn(BAR_HEADER[lang], min_width=BAR_WIDTH)]
    grid = Grid(
        escape_control(section.title(lang)),
        columns,
        caption=escape_control(section.note(lang)),  # figures the source withholds; †
    )
    for row, row_texts in zip(section.rows, texts, strict=True):
        cells: list[Cell] = [[(t, "")] for t in row_texts]
        if with_bar:
            cells.append([(bar(row["share"]), "")])
        grid.rows.append(cells)
    return grid


def history_layouts(section: Section, lang: Lang) -> list[list[Grid]]:
    """What may show a `history` section, widest first: the table with its bar, without it,
    then a card per figure (its period over the other columns), then the notes."""
    columns, texts = _history_cells(section, lang)
    labels = [escape_control(c.header) for c in columns]
    numeric = [c.right for c in columns]
    notes = [line(escape_control(n), "dim") for n in section.note(lang).split("\n") if n]
    title = escape_control(section.title(lang))
    return [
        [history_grid(section, lang)],
        [history_grid(section, lang, with_bar=False)],
        [*cards(title, labels, numeric, texts), *notes],
    ]


def display_change(change: Decimal, unit: Unit, lang: Lang) -> str:
    """+5亿元, -15亿元 (+500 million yuan): a revision's change, in the figure's unit."""
    return ("+" if change > 0 else "") + display_value(change, unit, "exact", lang)


NAME_CELLS = 16  # a name column gives way down to this many cells (8 Chinese characters)
BAR_CELLS = 12  # the progress bar


def progress_bar(
    completion: Decimal | None, time: Decimal | None, width: int = BAR_CELLS
) -> Segment:
    """A bar filled to the completion, with ┃ where time progress stands; green when ahead.
    Without a time progress (a fixed list, not judged against time): no mark, no colour."""
    if completion is None:
        return "—", ""
    filled = round(min(max(completion, Decimal(0)), Decimal(100)) / 100 * width)
    if time is None:
        return "".join("█" if i < filled else "░" for i in range(width)), ""
    mark = min(width - 1, round(time / 100 * width))
    chars = ("┃" if i == mark else "█" if i < filled else "░" for i in range(width))
    return "".join(chars), "green" if completion >= time else "red"


def _wide(section: Section, lang: Lang, texts: list[list[str]], bar_after: str = "") -> Grid:
    """One row per row, a bar column after the column *bar_after* if given; text wraps down to
    NAME_CELLS, ids (one ASCII word in every cell) and numbers never."""
    columns: list[GridColumn] = []
    for n, column in enumerate(section.columns):
        columns.append(_table_column(column, lang, all(_TOKEN.fullmatch(t[n]) for t in texts)))
        if column.key == bar_after:
            columns.append(_bar_column(lang))
    grid = Grid("", columns)
    for row, values in zip(section.rows, texts, strict=True):
        cells: list[Cell] = []
        for column, value in zip(section.columns, values, strict=True):
            cells.append([(value, "")])
            if column.key == bar_after:
                cells.append([progress_bar(row.get("bar_completion"), row.get("bar_time"))])
        grid.rows.append(cells)
    return grid


def _table_column(column: Column, lang: Lang, ids: bool) -> GridColumn:
    """A section's column in a table: text wraps down to NAME_CELLS, *ids* and numbers never."""
    wraps = not column.numeric and not ids
    return GridColumn(column.label(lang), right=column.numeric, wrap=wraps,
                      min_width=NAME_CELLS if wraps else 0)  # fmt: skip


def _bar_column(lang: Lang) -> GridColumn:
    return GridColumn("进度" if lang == "zh" else "Progress", min_width=BAR_CELLS)


def section_layouts(
    section: Section, lang: Lang, bar_after: str = "", bar_note: str = ""
) -> list[list[Grid]]:
    """What may show a `progress`/`compare` section, widest first (see `laid_out`)."""
    section = section.shown(lang)
    texts = [[escape_control(t) for t in row_cells(section, row, lang)] for row in section.rows]
    every = len(section.columns)

    def grid(shown: list[int], with_bar: bool) -> Grid:
        if len(shown) == every:
            return _wide(section, lang, texts, bar_after if with_bar else "")
        part = replace(section, columns=tuple(section.columns[i] for i in shown))
        return _wide(part, lang, [[t[i] for i in shown] for t in texts])

    cards = section_cards(section, lang)[1:]  # after the title
    return laid_out(section, lang, every, grid, cards, bar_note if bar_after else None)


def laid_out(
    head: Section,
    lang: Lang,
    count: int,
    grid: Callable[[list[int], bool], Grid],
    cards: list[Grid],
    bar_note: str | None = None,
) -> list[list[Grid]]:
    """The layouts of a section of *count* columns, widest first: with a progress bar and
    *bar_note* under it if a note is given (None: no bar), then without it, then split in two
    tables (the name in each, then half the other columns), then a card per row; each under
    *head*'s title and over its notes. *grid* makes the table of the columns given (by
    position), with the bar or not."""
    title = line(escape_control(head.title(lang)), "bold")
    notes = [line(escape_control(n), "dim") for n in head.note(lang).split("\n") if n]
    every = list(range(count))
    layouts: list[list[Grid]] = []
    if bar_note is not None:
        layouts.append([title, grid(every, True), line(bar_note, "dim"), *notes])
    layouts.append([title, grid(every, False), *notes])
    if count > 4:
        first, *rest = every
        half = (len(rest) + 1) // 2
        split = [grid([first, *rest[:half]], False), grid([first, *rest[half:]], False)]
        layouts.append([title, *split, *notes])
    layouts.append([title, *cards, *notes])
    return layouts


BAR_AFTER = "d_completion"  # the progress table's bar follows its completion
BAR_NOTE = {"zh": "进度条中 ┃ 标出序时进度。", "en": "┃ on a bar marks time elapsed."}


def progress_layouts(sections: Sequence[Section], headline: str, lang: Lang) -> list[Layouts]:
    """The 双过半 headline, the progress table with bars, then what is still needed."""
    main, *rest = sections
    return [
        [[line(escape_control(headline), "bold")]],
        section_layouts(main, lang, BAR_AFTER, BAR_NOTE[lang]),
        *(section_layouts(s, lang) for s in rest if s.rows),
    ]


def terminal_width(stream: IO[str]) -> int | None:
    """The width to lay out for: COLUMNS, else the terminal's, else None (natural width)."""
    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    if stream.isatty():
        return shutil.get_terminal_size().columns
    return None


def use_color(color: str, stream: IO[str]) -> bool:
    """Colour a terminal (or when asked, or FORCE_COLOR), never when NO_COLOR is set."""
    if color in ("always", "never"):
        return color == "always"
    forced = stream.isatty() or bool(os.environ.get("FORCE_COLOR"))
    return forced and not os.environ.get("NO_COLOR")


def fitted(layouts: Sequence[list[Grid]], width: int | None) -> list[Grid]:
    """The first layout whose tables all fit *width* (the first at natural width when None);
    the last when none does (it overflows: a number is never cut)."""
    if width is None:
        return layouts[0]
    fits = (g for g in layouts if all(t.widths(width) is not None for t in g if t.columns))
    return next(fits, layouts[-1])


def write_tables(
    blocks: Sequence[Layouts], color: bool = False, stream: IO[str] | None = None
) -> None:
    """Each block in the widest of its layouts that fits the terminal: at natural width off a
    terminal unless COLUMNS is set; with ANSI styles when *color*."""
    out = stream or sys.stdout
    width = terminal_width(out)
    for layouts in blocks:
        for grid in fitted(layouts, width):
            grid.draw(out.write, width or NATURAL, color)


def layouts(section: Section, lang: Lang) -> list[list[Grid]]:
    """What may show a `list` or `history` section, widest first: its table (with a bar where
    it has one), the table without the bar, then a card per row."""
    if section.key == "history":
        return history_layouts(section, lang)
    notes = [line(escape_control(n), "dim") for n in section.note(lang).split("\n") if n]
    return [[section_grid(section, lang)], [*section_cards(section, lang), *notes]]


def write_sections(sections: list[Section], lang: Lang, stream: IO[str] | None = None) -> None:
    """`list` and `history`: each section in the widest layout that fits (see `layouts`)."""
    write_tables([layouts(section, lang) for section in sections], stream=stream)


# Over several files (`progress --data FOLDER`), the rows of a table wait in a spool


FIELD = "\x1f"  # between the cells of a spooled row (`escape_control` escapes it in any text)


class SpooledRows:
    """The rows of a section over several files, as `section_layouts` lays them out, written to
    a spool as each file's rows come instead of kept. Of each row the spool holds the text of
    its cells in *section*'s columns (the first file's), and its progress bar where the column
    *bar_after* is; of all the rows only what a layout reads is kept: each column's widest cell
    and widest word, whether every cell is an id and whether any is filled, and their count."""

    def __init__(self, section: Section, lang: Lang, bar_after: str = "") -> None:
        from .files import spool

        self.columns, self.lang, self.bar_after = section.shown(lang).columns, lang, bar_after
        keys = [c.key for c in self.columns]
        self.bar = keys.index(bar_after) if bar_after in keys else None  # the bar's column
        fields = len(keys) + (self.bar is not None)  # the bar: its text, then its style
        self.widest, self.words = [0] * fields, [0] * fields
        self.ids, self.filled = [True] * len(keys), [False] * len(keys)
        self.count = 0
        self.waiting = spool()

    def add(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Write *rows* to the spool (their cells' text), measuring them."""
        columns, lang, filled = self.columns, self.lang, self.filled
        ids, widest, words = self.ids, self.widest, self.words
        lines = []
        for row in rows:
            texts = []
            for n, c in enumerate(columns):  # as `row_cells`, and `_shown` for `filled`
                value = row.get(c.key) if c.text is None else c.text(row, lang)
                if not filled[n] and value not in (None, ""):
                    filled[n] = True
                text = escape_control(cell_text(pick(value, lang) if c.text is None else value))
                texts.append(text)
                width = cell_width(text)
                if width > widest[n]:
                    widest[n] = width
                if c.numeric:
                    continue
                if ids[n] and not _TOKEN.fullmatch(text):
                    ids[n] = False
                word = width if ids[n] else word_width(text)  # an id is one word
                if word > words[n]:
                    words[n] = word
            if self.bar is not None:
                shown, style = progress_bar(row.get("bar_completion"), row.get("bar_time"))
                widest[-1] = max(widest[-1], cell_width(shown))
                texts += (shown, style)
            lines.append(FIELD.join(texts) + "\n")
            self.count += 1
        self.waiting.write("".join(lines))

    def close(self) -> None:
        self.waiting.close()

    def _read(self) -> Iterator[list[str]]:
        self.waiting.seek(0)
        for text in self.waiting:
            yield text[:-1].split(FIELD)

    def layouts(self, head: Section, bar_note: str = "") -> list[list[Grid]]:
        """What may show the section, widest first, as `section_layouts` makes them; *head*
        is the section as merged, without its rows (its title and notes)."""
        note = bar_note if self.bar_after else None
        return laid_out(head, self.lang, len(self.columns), self._grid, [self._cards()], note)

    def _grid(self, shown: list[int], with_bar: bool = False) -> SpooledGrid:
        """The columns *shown* (and the bar), as `_wide` makes them."""
        columns: list[GridColumn] = []
        fields: list[tuple[int, int | None]] = []  # each column's text, and its style
        for n in shown:
            columns.append(_table_column(self.columns[n], self.lang, self.ids[n]))
            fields.append((n, None))
            if with_bar and n == self.bar:
                columns.append(_bar_column(self.lang))
                fields.append((len(self.columns), len(self.columns) + 1))
        widest = [self.widest[n] for n, _style in fields]
        words = [self.words[n] for n, _style in fields]

        def read() -> Iterator[list[Cell]]:
            for texts in self._read():
                yield [[(texts[n], "" if s is None else texts[s])] for n, s in fields]

        return SpooledGrid(columns, widest, words, read)

    def _cards(self) -> SpooledCards:
        """A card per row, as `section_cards` makes them: the columns some row fills."""
        kept = [n for n, filled in enumerate(self.filled) if filled] or range(len(self.columns))
        labels = [escape_control(self.columns[n].label(self.lang)) for n in kept]
        numeric = [self.columns[n].numeric for n in kept]

        def read() -> Iterator[list[str]]:
            for texts in self._read():
                yield [texts[n] for n in kept]

        return SpooledCards(read, labels, numeric)


class SpooledCards(Grid):
    """A card per row (see `card`), each made from the row read from the spool as it is drawn.
    Without columns of its own: as the last layout it is drawn whether it fits or not."""

    def __init__(
        self, read: Callable[[], Iterable[list[str]]], labels: list[str], numeric: list[bool]
    ) -> None:
        super().__init__("", [])
        self.read, self.labels, self.numeric = read, labels, numeric

    def draw(self, write: Callable[[str], object], max_width: int, color: bool) -> None:
        for texts in self.read():
            card(texts, self.labels, self.numeric).draw(write, max_width, color)


def spooled_progress_layouts(
    parts: Sequence[tuple[Section, SpooledRows]], headline: str, lang: Lang
) -> list[Layouts]:
    """`progress_layouts` of sections whose rows wait in spools (each with its section as
    merged, without rows); the first's rows were spooled with their bars (`BAR_AFTER`)."""
    (head, main), *rest = parts
    return [
        [[line(escape_control(headline), "bold")]],
        main.layouts(head, BAR_NOTE[lang]),
        *(rows.layouts(section) for section, rows in rest if rows.count),
    ]
