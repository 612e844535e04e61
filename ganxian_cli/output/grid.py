"""A boxed text table laid out to a width, without Rich: one pass over the cells, no measuring.

Numbers never wrap or get cut; text columns (names) wrap at word boundaries (any CJK character
is a boundary) down to their minimum width. `widths` says whether a layout fits at all, so a
caller can fall back to a narrower layout. Lines are lists of (text, style) segments and never
end in spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

Segment = tuple[str, str]  # text, style ("" for none)
Line = list[Segment]
Cell = list[Segment]  # the lines of one cell, each with its style
WORD_MAX = 32  # cells: a word wider than this (a URL) is folded; ids are narrower


@lru_cache(maxsize=4096)
def cell_width(text: str) -> int:
    """Terminal cells *text* takes: wide and full-width characters count two, combining marks
    none (as terminals and Rich count them)."""
    if text.isascii():
        return len(text)
    return sum(_char_width(c) for c in text)


def _char_width(char: str) -> int:
    """Two for wide and full-width characters, none for combining marks, else one."""
    if unicodedata.category(char) in ("Mn", "Me"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_CLOSING = "。，、；：！？）」』】〕》〉％…”’,.;:!?)%†‡"  # never the first of a line
_OPENING = "（「『【〔《〈“‘("  # never the last of a line
# A word: one CJK character with the opening marks before it and the closing marks after it
# (a line never starts with 。 or ends with 「), or a run of other characters likewise; a run
# ending in a digit keeps the CJK character after it (6月, 2022年, 23个: never 6 / 月).
_TOKEN = re.compile(
    rf"(\s*)([{_OPENING}]*(?:[^\s{_CJK}]*[\d０-９][{_CJK}]|[{_CJK}]|[^\s{_CJK}]+)[{_CLOSING}]*)"
)


def wrap(text: str, width: int) -> list[str]:
    """*text* in lines of at most *width* cells; a word longer than that is folded.

    A leading indent is kept on every line (the detail lines of the stacked layout).
    """
    if cell_width(text) <= width:
        return [text]
    body = text.lstrip(" ")
    indent = text[: len(text) - len(body)]
    if indent and width > len(indent) + 4:
        return [indent + line for line in wrap(body, width - len(indent))]
    lines: list[str] = []
    line = ""
    for space, word in _TOKEN.findall(text):
        joined = line + (" " if space and line else "") + word
        if cell_width(joined) <= width:
            line = joined
            continue
        if line:
            lines.append(line)
        line = word
        while cell_width(line) > width:  # fold a word wider than the column
            cut = _fit(line, width)
            lines.append(line[:cut])
            line = line[cut:]
    if line:
        lines.append(line)
    return lines or [""]


def word_width(text: str) -> int:
    """The width of the widest word of *text* (a CJK character is one), as `wrap` splits it."""
    return max((cell_width(w) for _space, w in _TOKEN.findall(text)), default=0)


def _fit(text: str, width: int) -> int:
    used = 0
    for n, char in enumerate(text):
        used += cell_width(char)
        if used > width:
            return max(n, 1)
    return len(text)


@dataclass(frozen=True)
class GridColumn:
    header: str
    right: bool = False
    wrap: bool = False  # may wrap (names, subjects); otherwise always shown whole
    min_width: int = 0  # the narrowest a wrapping column may get; the least any other is


@dataclass
class Grid:
    """A titled table of columns and rows of cells, with an optional caption."""

    title: str
    columns: Sequence[GridColumn]
    rows: list[list[Cell]] = field(default_factory=list)
    caption: str = ""
    header: bool = True  # False: no header row (a card of labels and values)
    title_style: str = "bold"
    _widths: list[int] | None = field(default=None, repr=False, compare=False)
    _counted: int = field(default=-1, repr=False, compare=False)
    _least_widths: list[int] | None = field(default=None, repr=False, compare=False)

    def _natural(self) -> list[int]:
        """Each column's widest text; computed once (rows are added before any layout)."""
        if self._widths is not None and self._counted == len(self.rows):
            return list(self._widths)
        widths = [
            max(cell_width(c.header) if c.wrap else max(cell_width(c.header), c.min_width), w)
            for c, w in zip(self.columns, self._widest_cells(), strict=True)
        ]
        self._widths, self._counted, self._least_widths = widths, len(self.rows), None
        return list(widths)

    def _widest_cells(self) -> list[int]:
        """Each column's widest cell (0 without rows)."""
        widths = [0] * len(self.columns)
        for row in self.rows:
            for n, cell in enumerate(row):
                for text, _style in cell:
                    widths[n] = max(widths[n], cell_width(text))
        return widths

    def _least(self, natural: list[int]) -> list[int]:
        """The narrowest each column may get: a wrapping one down to its minimum, but never
        below its longest word (up to WORD_MAX cells, beyond which a word is folded)."""
        if self._least_widths is not None and self._counted == len(self.rows):
            return list(self._least_widths)
        least = []
        for n, (c, w) in enumerate(zip(self.columns, natural, strict=True)):
            if not c.wrap:
                least.append(w)
                continue
            word = min(self._longest_word(n), WORD_MAX)
            least.append(min(w, max(c.min_width, word, 1)))
        self._least_widths = least
        return list(least)

    def _longest_word(self, n: int) -> int:
        """The widest word (a CJK character is one) in column *n*'s header and cells."""
        texts = [self.columns[n].header, *(t for row in self.rows for t, _s in row[n])]
        return max(map(word_width, texts))

    def natural_widths(self) -> list[int]:
        """Each column's widest text (its header's, or a cell's)."""
        return self._natural()

    def chrome(self) -> int:
        return 3 * len(self.columns) + 1

    def natural_width(self) -> int:
        return sum(self._natural()) + self.chrome()

    def minimum_width(self) -> int:
        return sum(self._least(self._natural())) + self.chrome()

    def widths(self, max_width: int) -> list[int] | None:
        """Column widths that fit *max_width*, or None when even the narrowest does not."""
        widths = self._natural()
        least = self._least(widths)
        excess = sum(widths) + self.chrome() - max_width
        if excess > sum(widths) - sum(least):
            return None
        while excess > 0:  # take from the widest text column that can still give
            n = max(
                (i for i, w in enumerate(widths) if w > least[i]),
                key=lambda i: widths[i],
            )
            widths[n] -= 1
            excess -= 1
        return widths

    def lines(self, max_width: int) -> list[Line]:
        """The table at *max_width*, or at its minimum width when it cannot fit."""
        widths = self.widths(max_width) or self._least(self._natural())
        out: list[Line] = []
        if self.title:
            out.extend([(line, self.title_style)] for line in wrap(self.title, max_width))
        if not self.columns:
            return out
        if self.header:
            out.append([(_rule("┏", "━", "┳", "┓", widths), "")])
            header: list[Cell] = [[(c.header, "bold")] for c in self.columns]
            out.extend(self._row(header, widths, "┃"))
            out.append([(_rule("┡", "━", "╇", "┩", widths), "")])
        else:
            out.append([(_rule("┌", "─", "┬", "┐", widths), "")])
        for row in self.rows:
            out.extend(self._row(row, widths, "│"))
        out.append([(_rule("└", "─", "┴", "┘", widths), "")])
        if self.caption:
            out.extend([(line, "dim")] for line in wrap(self.caption, max_width))
        return out

    def text(self, max_width: int) -> str:
        """The text of `lines(max_width)` without styles, made without styled segments: a row
        whose cells are one line each that fits its column is joined in one go."""
        widths = self.widths(max_width) or self._least(self._natural())
        out: list[str] = wrap(self.title, max_width) if self.title else []
        if self.columns:
            if self.header:
                out.append(_rule("┏", "━", "┳", "┓", widths))
                header = [[(c.header, "bold")] for c in self.columns]
                out.extend(self._row_text(header, widths, "┃"))
                out.append(_rule("┡", "━", "╇", "┩", widths))
            else:
                out.append(_rule("┌", "─", "┬", "┐", widths))
            for row in self.rows:
                out.extend(self._row_text(row, widths, "│"))
            out.append(_rule("└", "─", "┴", "┘", widths))
            if self.caption:
                out.extend(wrap(self.caption, max_width))
        return "".join(line + "\n" for line in out)

    def draw(self, write: Callable[[str], object], max_width: int, color: bool) -> None:
        """Write the table at *max_width*, with its styles as ANSI sequences when *color*."""
        write(styled_text(self.lines(max_width)) if color else self.text(max_width))

    def _row_text(self, row: Sequence[Cell], widths: list[int], bar: str) -> list[str]:
        parts = [bar]
        for column, cell, width in zip(self.columns, row, widths, strict=True):
            if len(cell) != 1:
                break
            text = cell[0][0]
            pad = width - cell_width(text)
            if pad < 0:
                break
            parts.append(
                f" {' ' * pad}{text} {bar}" if column.right else f" {text}{' ' * pad} {bar}"
            )
        else:
            return ["".join(parts)]
        return ["".join(value for value, _style in line) for line in self._row(row, widths, bar)]

    def _row(self, row: Sequence[Cell], widths: list[int], bar: str) -> list[Line]:
        wrapped = [
            [(part, style) for text, style in cell for part in wrap(text, width)]
            for cell, width in zip(row, widths, strict=True)
        ]
        height = max(len(cell) for cell in wrapped)
        lines: list[Line] = []
        for i in range(height):
            line: Line = [(bar, "")]
            for column, cell, width in zip(self.columns, wrapped, widths, strict=True):
                text, style = cell[i] if i < len(cell) else ("", "")
                pad = " " * (width - cell_width(text))
                line.append((" " + pad if column.right else " ", ""))
                line.append((text, style))
                line.append(((" " if column.right else pad + " ") + bar, ""))
            lines.append(line)
        return lines


class SpooledGrid(Grid):
    """A Grid with a header whose rows wait elsewhere (a spool) and are read each time it is
    drawn, so that none is held: its widths come from what was measured as the rows were
    written away. *widest*: each column's widest cell; *words*: each column's widest word
    (as `word_width` measures it); *read*: the rows, one list of cells each."""

    def __init__(
        self,
        columns: Sequence[GridColumn],
        widest: Sequence[int],
        words: Sequence[int],
        read: Callable[[], Iterable[list[Cell]]],
    ) -> None:
        super().__init__("", columns)
        self.widest, self.words, self.read = widest, words, read

    def _widest_cells(self) -> list[int]:
        return list(self.widest)

    def _longest_word(self, n: int) -> int:
        return max(word_width(self.columns[n].header), self.words[n])

    def draw(self, write: Callable[[str], object], max_width: int, color: bool) -> None:
        """The text of `Grid.draw`, written a row at a time as the rows are read."""
        widths = self.widths(max_width) or self._least(self._natural())

        def put(lines: list[Line]) -> None:
            if color:
                write(styled_text(lines))
            else:
                write("".join("".join(text for text, _style in ln) + "\n" for ln in lines))

        put([[(_rule("┏", "━", "┳", "┓", widths), "")]])
        put(self._row([[(c.header, "bold")] for c in self.columns], widths, "┃"))
        put([[(_rule("┡", "━", "╇", "┩", widths), "")]])
        for row in self.read():
            if color:
                write(styled_text(self._row(row, widths, "│")))
            else:
                write("".join(ln + "\n" for ln in self._row_text(row, widths, "│")))
        put([[(_rule("└", "─", "┴", "┘", widths), "")]])


def _rule(left: str, fill: str, cross: str, right: str, widths: list[int]) -> str:
    return left + cross.join(fill * (w + 2) for w in widths) + right


def line(text: str, style: str = "") -> Grid:
    """A line of text (a title, a note) that wraps at the width it is drawn at."""
    return Grid(text.rstrip(), [], title_style=style)


_SGR = {"bold": "1", "dim": "2", "italic": "3", "red": "31", "green": "32", "yellow": "33",
        "cyan": "36"}  # fmt: skip


def styled_text(lines: Sequence[Line]) -> str:
    """Lines with their styles as ANSI escape sequences (for a terminal that shows colour)."""
    out = []
    for segments in lines:
        for text, style in segments:
            codes = ";".join(_SGR[w] for w in style.split() if w in _SGR)
            out.append(f"\x1b[{codes}m{text}\x1b[0m" if codes and text else text)
        out.append("\n")
    return "".join(out)
