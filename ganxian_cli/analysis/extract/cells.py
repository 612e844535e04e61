"""Table cells as proposed figures, and a quantity printed twice (in prose and in a table).

`read` finds the tables of an article (`tables.find_tables`) and blanks them out of the text, so
that the prose rules read only the rest (line breaks stay, so line numbers hold). `add` turns
each value cell into a proposal: the indicator from the row label, the period from the column
header, the yoy from the 同比 column on its right, and the cell quote form (`tables.cell_quote`)
that `validate` checks with `tables.cell_shown`. A cell whose quantity the prose prints too
(45.3亿元 in a sentence, 452871万元 in the table) gets the prose figure's indicator: printed
identically, `import` records it once; printed with fewer digits, the less precise one
`restates` the other (its index in the extraction), and `import` checks that they agree. The
row's other cells of that quantity (本月 beside 累计, 上年同期 beside 1-8月) take the same
indicator.

Linear in the text and in the number of cells (figures are grouped by period before pairing).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, replace

from ...model.models import Dataset
from ...model.periods import PeriodError, parse_period
from ...model.precision import agrees, step
from ...model.units import UNITS, Unit, get_unit
from .match import Matcher, bigrams, dice
from .tables import Cell, Table, cell_quote, find_tables, unread
from .types import Proposal

__all__ = ["Found", "add", "read", "undeclared"]


@dataclass(frozen=True)
class Found:
    """The article's tables and its text with the tables blanked out."""

    tables: tuple[Table, ...]
    rest: str  # the original text, each table's characters but line breaks as spaces
    # what of the tables gives no figure (a table that names no unit, one that cannot be read)
    warnings: tuple[str, ...] = ()


def read(original: str, year: int, month: int) -> Found:
    """The tables of *original*: 本月 and 累计 mean the month its title line names (2027年5月主要
    经济指标), else *year*-*month* (the month it was published, as for prose); and what of them
    gives no figure (`tables.unread`), for the reader to be told."""
    if "|" not in original and "｜" not in original and not _spaced(original):
        return Found((), original)  # the common article: no table can be in it
    tables = tuple(find_tables(original))
    if any(c.year is None or c.period() is None for t in tables for c in t.cells):
        tables = tuple(find_tables(original, year=year, month=month))  # the title says neither
    warnings = tuple(unread(original, tables))
    if not tables:
        return Found((), original, warnings)
    parts: list[str] = []
    pos = 0
    for table in tables:
        parts.append(original[pos : table.start])
        parts.append("".join(ch if ch == "\n" else " " for ch in original[table.start : table.end]))
        pos = table.end
    parts.append(original[pos:])
    return Found(tables, "".join(parts), warnings)


def _spaced(text: str) -> bool:
    """Whether *text* may hold whitespace-aligned columns (two spaces, a tab, a 　 inside)."""
    return "\t" in text or "\u3000" in text or "  " in text


def add(
    prose: list[Proposal],
    found: Found,
    matcher: Matcher,
    year: int,
    month: int,
    line_starts: list[int],
    distinct: Callable[[list[Proposal]], list[Proposal]],
) -> list[Proposal]:
    """*prose* and a proposal per table cell, in the article's order; *distinct* gives cells
    that share no quantity with the prose free indicator ids."""
    if not found.tables:
        return prose
    shown = [(n, c) for n, t in enumerate(found.tables) for c in t.cells if c.unit]
    # a table that names no unit gives no figure to record
    cells = [_proposal(c, matcher, year, month, line_starts) for _, c in shown]
    twins = _twins(prose, cells)
    cells = _rows_follow(cells, [(n, c.row, c.name) for n, c in shown], twins, prose)
    own = [c for k, c in enumerate(cells) if k not in twins]
    free = iter(distinct([*prose, *own])[len(prose) :])
    placed: list[Proposal] = []
    for k, cell in enumerate(cells):
        if k in twins:
            placed.append(
                replace(
                    cell,
                    indicator=prose[twins[k]].indicator,
                    new_indicator=prose[twins[k]].new_indicator,
                    theme=prose[twins[k]].theme,
                )
            )
        else:
            placed.append(next(free))
    ordered = sorted(
        [*((p.line, 0, i, p) for i, p in enumerate(prose)),
         *((p.line, 1, len(prose) + k, p) for k, p in enumerate(placed))],
        key=lambda x: (x[0], x[1], x[2]),
    )  # fmt: skip
    position = {origin: n for n, (_, _, origin, _) in enumerate(ordered)}
    out = [p for *_, p in ordered]
    for k, i in twins.items():
        cell_at, prose_at = position[len(prose) + k], position[i]
        cell, text = out[cell_at], out[prose_at]
        if (cell.value, cell.unit) == (text.value, text.unit):
            continue  # printed identically: one figure, recorded once
        if _digits(cell) >= _digits(text):
            out[prose_at] = replace(text, restates=cell_at)
        else:
            out[cell_at] = replace(cell, restates=prose_at)
    return out


def _rows_follow(
    cells: list[Proposal],
    rows: list[tuple[int, str, str]],
    twins: dict[int, int],
    prose: list[Proposal],
) -> list[Proposal]:
    """*cells* where a row's other cells of one quantity (上年同期 beside 1-8月, 本月 beside
    累计) take the indicator of the prose figure one of them is the twin of; *rows* gives each
    cell's (table, row label, name). A period already taken is freed later by `distinct`."""
    of_row = {rows[k]: i for k, i in twins.items()}
    out = list(cells)
    for k, cell in enumerate(cells):
        i = of_row.get(rows[k])
        if i is not None and k not in twins:
            p = prose[i]
            out[k] = replace(
                cell, indicator=p.indicator, new_indicator=p.new_indicator, theme=p.theme
            )
    return out


def _proposal(
    cell: Cell, matcher: Matcher, year: int, month: int, line_starts: list[int]
) -> Proposal:
    period = _period(cell, year, month)
    found = matcher.match(cell.name, abs(cell.value), cell.unit, None, period)
    return Proposal(
        value=cell.value,
        unit=cell.unit,
        qualifier="exact",
        yoy=cell.yoy,
        period=period,
        status="actual",
        name=cell.name,
        subject=None,
        quote=cell_quote(cell),
        indicator=found.indicator,
        new_indicator=found.new,
        theme=found.theme,
        line=bisect.bisect_right(line_starts, cell.start),
        reason=found.reason,
        stock=cell.level and found.new,  # 实有（户）, 余额 at 5月末; the file keeps its own mark
    )


def _period(cell: Cell, year: int, month: int) -> str:
    """The cell's period in ganxian's spelling; the reference month where the table says none."""
    spelled = cell.period(year)
    if spelled is not None:
        try:
            return str(parse_period(spelled))
        except PeriodError:
            pass
    return f"{year}-{month:02d}"


def _twins(prose: list[Proposal], cells: list[Proposal]) -> dict[int, int]:
    """Cell index -> prose index for each cell whose quantity a prose figure prints too: same
    period and status, a unit of one family, values that agree within the rounding of the less
    precise, growth rates that agree, and names that share a word.

    Prose figures are put in bins by period, unit family and order of magnitude (values that
    agree are of the same or a neighbouring one), and a cell is compared with at most
    `MAX_TRIES` figures of each bin: linear, however many figures share a bin."""
    bins: dict[tuple[str, str, int], list[int]] = {}
    for i, p in enumerate(prose):
        if p.status == "actual" and p.subject is None and p.relation is None:
            bins.setdefault(_bin(p), []).append(i)
    twins: dict[int, int] = {}
    for k, cell in enumerate(cells):
        period, family, magnitude = _bin(cell)
        for near in (magnitude, magnitude - 1, magnitude + 1):
            found = bins.get((period, family, near), [])
            at = next(
                (j for j, i in enumerate(found[:MAX_TRIES]) if _same_quantity(prose[i], cell)),
                None,
            )
            if at is not None:
                twins[k] = found.pop(at)  # each prose figure is the twin of one cell at most
                break
    return twins


MAX_TRIES = 8  # prose figures of one bin a cell is compared with


def _bin(p: Proposal) -> tuple[str, str, int]:
    unit = _unit(p.unit)
    if unit is None:
        return p.period, p.unit, p.value.adjusted() if p.value else 0
    scaled = p.value * unit.scale
    return p.period, unit.family, scaled.adjusted() if scaled else 0


def _same_quantity(a: Proposal, b: Proposal) -> bool:
    if a.yoy is not None and b.yoy is not None and a.yoy != b.yoy:
        return False
    if dice(bigrams(a.name), bigrams(b.name)) == 0:
        return False
    return agrees(a.value, a.unit, b.value, b.unit)


def _digits(p: Proposal) -> int:
    """How fine *p* is printed: minus the exponent of its last digit in the unit's base."""
    return -step(p.value, p.unit).adjusted()


def _unit(symbol: str) -> Unit | None:
    try:
        return get_unit(symbol)
    except ValueError:
        return None


def undeclared(proposals: list[Proposal], dataset: Dataset | None) -> tuple[str, ...]:
    """The units of *proposals* neither the catalogue nor *dataset* declares, in order (a
    table's row label may name any unit: 千公顷, 元/人); the draft declares them in [units]."""
    known = dataset.declared_units if dataset is not None else {}
    found = dict.fromkeys(p.unit for p in proposals if p.unit not in UNITS and p.unit not in known)
    return tuple(found)
