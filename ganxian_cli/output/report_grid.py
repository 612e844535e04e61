"""The `report` table of one theme (a `Section`) in the layouts a terminal may need, widest first.

- wide: indicator | period | value | growth | status | subject, dropping growth and subject
  where the theme has none;
- stacked: indicator with its period, status and subject on a line beneath | value | growth.

`section_grid.write_tables` takes the first layout that fits; a number is never wrapped or cut.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..analysis.results import Section
from ..errors import escape_control
from ..model.lang import Lang
from .grid import Cell, Grid, GridColumn
from .report import HEADERS, ROW, STATUS_LABEL
from .sections import row_cells

Texts = Sequence[Sequence[str]]

STATUS_STYLE = {"actual": "", "forecast": "italic yellow", "target": "bold cyan"}
NAME_MIN = 12  # cells: an indicator name narrower than this stops being readable
WIDE_NAME_MIN = 18  # below this the stacked layout reads better than a tall wrapped name
SUBJECT_MIN = 8


def theme_layouts(sections: Sequence[Section], lang: Lang, caption: str = "") -> list[list[Grid]]:
    """Per theme (a section of `report.theme_sections`), its layouts widest first; the last
    theme's tables carry *caption*."""
    out = []
    for n, section in enumerate(sections):
        title = escape_control(section.title(lang))
        note = escape_control(caption) if n == len(sections) - 1 else ""
        texts = [[escape_control(v) for v in row_cells(section, row, lang)] for row in section.rows]
        out.append(
            [
                wide(title, section.rows, lang, note, texts),
                stacked(title, section.rows, lang, note, texts),
            ]
        )
    return out


def wide(
    title: str, rows: Sequence[Mapping[str, Any]], lang: Lang, caption: str, texts: Texts
) -> Grid:
    """One column per field; growth and subject only when some row has them."""
    with_yoy = any(r["yoy"] is not None for r in rows)
    with_subject = any(r["subject"] for r in rows)
    h = HEADERS[lang]
    keep = [True, True, True, with_yoy, True, with_subject]
    columns = [
        GridColumn(h[0], wrap=True, min_width=WIDE_NAME_MIN),
        GridColumn(h[1]),
        GridColumn(h[2], right=True),
        GridColumn(h[3], right=True),
        GridColumn(h[4]),
        GridColumn(h[5], wrap=True, min_width=SUBJECT_MIN),
    ]
    grid = Grid(title, [c for c, k in zip(columns, keep, strict=True) if k], caption=caption)
    for row, values in zip(rows, texts, strict=True):
        style = STATUS_STYLE[row["status"]]
        shown: list[Cell] = [[(v, style if n in (2, 4) else "")] for n, v in enumerate(values)]
        grid.rows.append([c for c, k in zip(shown, keep, strict=True) if k])
    return grid


def stacked(
    title: str, rows: Sequence[Mapping[str, Any]], lang: Lang, caption: str, texts: Texts
) -> Grid:
    """The name with its period, status (when not actual) and subject on a dim line beneath."""
    with_yoy = any(r["yoy"] is not None for r in rows)
    h = HEADERS[lang]
    columns = [GridColumn(h[0], wrap=True, min_width=NAME_MIN), GridColumn(h[2], right=True)]
    if with_yoy:
        columns.append(GridColumn(h[3], right=True))
    grid = Grid(title, columns, caption=caption)
    for row, values in zip(rows, texts, strict=True):
        name, period, value, growth, subject = (values[i] for i in (0, 1, 2, 3, 5))
        style = STATUS_STYLE[row["status"]]
        details = [period]
        if row["status"] != "actual":
            details.append(STATUS_LABEL[lang][row["status"]])
        if subject:
            details.append(subject)
        first: Cell = [(name, ""), ("  " + " · ".join(details), "dim")]
        cells_: list[Cell] = [first, [(value, style)]]
        if with_yoy:
            cells_.append([(growth, "")])
        grid.rows.append(cells_)
    return grid


STATUS_ORDER = {"actual": 0, "forecast": 1, "target": 2}


def period_matrix(sections: Sequence[Section], lang: Lang, width: int | None = None) -> list[Grid]:
    """Indicators down, periods across (`report --by period`), in tables that fit *width*.

    A column per period and status, in time order: actual figures under the period's label,
    forecasts and targets under the label with their status, so none is left out. Where the
    columns do not fit, they are split over several tables, each with the indicators that have
    a figure in its periods (numbers are never wrapped: a single period wider than the
    terminal overflows).
    """
    from ..model.periods import Period

    rows = [(row[ROW], row_cells(s, row, lang)) for s in sections for row in s.rows]
    keys: list[tuple[Period, str]] = sorted(
        {(r.figure.period, r.figure.status) for r, _texts in rows},
        key=lambda k: (k[0].year, k[0].end, k[0].start, STATUS_ORDER[k[1]]),
    )
    index = {k: n for n, k in enumerate(keys)}
    labels = [
        p.label(lang) + ("" if status == "actual" else f" ({STATUS_LABEL[lang][status]})")
        for p, status in keys
    ]
    by_indicator: dict[tuple[str, str], list[str]] = {}
    names: dict[tuple[str, str], str] = {}
    for row, texts in rows:
        key = (row.ident, row.figure.subject or "")
        if key not in by_indicator:
            by_indicator[key] = [""] * len(keys)
            subject = f" ({row.figure.subject})" if row.figure.subject else ""
            names[key] = escape_control(texts[0] + subject)
        by_indicator[key][index[row.figure.period, row.figure.status]] = escape_control(texts[2])
    columns = [GridColumn(label, right=True) for label in labels]
    whole = Grid("", columns)
    whole.rows.extend([[(v, "")] for v in values] for values in by_indicator.values())
    h = HEADERS[lang]
    name = Grid("", [GridColumn(h[0], wrap=True, min_width=NAME_MIN)])
    name.rows.extend([[(n, "")]] for n in names.values())
    spans = _spans(whole, name.minimum_width(), width)
    out = []
    for start, end in spans:
        grid = Grid("", [GridColumn(h[0], wrap=True, min_width=NAME_MIN), *columns[start:end]])
        for key, values in by_indicator.items():
            if any(values[start:end]):
                grid.rows.append([[(names[key], "")], *([(v, "")] for v in values[start:end])])
        out.append(grid)
    return out


def _spans(values: Grid, name: int, width: int | None) -> list[tuple[int, int]]:
    """Consecutive runs of *values*' columns that fit *width* beside a name column *name*
    cells wide at least (with its borders)."""
    count = len(values.columns)
    if width is None or not count:
        return [(0, count)]
    widths = [w + 3 for w in values.natural_widths()]  # a column and its border
    spans: list[tuple[int, int]] = []
    start, used = 0, name
    for n, w in enumerate(widths):
        if n > start and used + w > width:
            spans.append((start, n))
            start, used = n, name
        used += w
    spans.append((start, count))
    return spans
