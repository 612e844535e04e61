"""The `report` table of one theme in the layouts a terminal may need, widest first.

- wide: indicator | period | value | growth | status | subject, dropping growth and subject
  where the theme has none;
- stacked: indicator with its period, status and subject on a line beneath | value | growth.

A renderer takes the first layout that fits; a number is never wrapped or cut.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import escape_control
from ..model.lang import Lang
from ..model.models import Dataset
from .grid import Cell, Grid, GridColumn
from .report import HEADERS, STATUS_LABEL, Row, cells, group

STATUS_STYLE = {"actual": "", "forecast": "italic yellow", "target": "bold cyan"}
NAME_MIN = 12  # cells: an indicator name narrower than this stops being readable
WIDE_NAME_MIN = 18  # below this the stacked layout reads better than a tall wrapped name
SUBJECT_MIN = 8


def theme_layouts(
    dataset: Dataset, rows: Sequence[Row], lang: Lang, caption: str = ""
) -> list[list[Grid]]:
    """Per theme, its layouts widest first; the last theme's tables carry *caption*."""
    themes = group(rows)
    out = []
    for n, (theme, theme_rows) in enumerate(themes):
        t = dataset.themes.get(theme)
        title = escape_control((t.name_en if lang == "en" else t.name) if t else theme)
        note = escape_control(caption) if n == len(themes) - 1 else ""
        texts = [[escape_control(v) for v in cells(row, lang)] for row in theme_rows]
        out.append(
            [
                wide(title, theme_rows, lang, note, texts),
                stacked(title, theme_rows, lang, note, texts),
            ]
        )
    return out


def wide(
    title: str,
    rows: Sequence[Row],
    lang: Lang,
    caption: str = "",
    texts: Sequence[Sequence[str]] | None = None,
) -> Grid:
    """One column per field; growth and subject only when some row has them."""
    with_yoy = any(r.figure.yoy is not None for r in rows)
    with_subject = any(r.figure.subject for r in rows)
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
    texts = texts or [[escape_control(v) for v in cells(row, lang)] for row in rows]
    for row, values in zip(rows, texts, strict=True):
        style = STATUS_STYLE[row.figure.status]
        shown: list[Cell] = [[(v, style if n in (2, 4) else "")] for n, v in enumerate(values)]
        grid.rows.append([c for c, k in zip(shown, keep, strict=True) if k])
    return grid


def stacked(
    title: str,
    rows: Sequence[Row],
    lang: Lang,
    caption: str = "",
    texts: Sequence[Sequence[str]] | None = None,
) -> Grid:
    """The name with its period, status (when not actual) and subject on a dim line beneath."""
    with_yoy = any(r.figure.yoy is not None for r in rows)
    h = HEADERS[lang]
    columns = [GridColumn(h[0], wrap=True, min_width=NAME_MIN), GridColumn(h[2], right=True)]
    if with_yoy:
        columns.append(GridColumn(h[3], right=True))
    grid = Grid(title, columns, caption=caption)
    texts = texts or [[escape_control(v) for v in cells(row, lang)] for row in rows]
    for row, values in zip(rows, texts, strict=True):
        name, period, value, growth, subject = (values[i] for i in (0, 1, 2, 3, 5))
        style = STATUS_STYLE[row.figure.status]
        details = [period]
        if row.figure.status != "actual":
            details.append(STATUS_LABEL[lang][row.figure.status])
        if subject:
            details.append(subject)
        first: Cell = [(name, ""), ("  " + " · ".join(details), "dim")]
        cells_: list[Cell] = [first, [(value, style)]]
        if with_yoy:
            cells_.append([(growth, "")])
        grid.rows.append(cells_)
    return grid


def choose(layouts: Sequence[Grid], max_width: int) -> Grid:
    """The first layout that fits *max_width*, else the narrowest."""
    for grid in layouts:
        if grid.widths(max_width) is not None:
            return grid
    return min(layouts, key=lambda g: g.minimum_width())


def period_matrix(rows: Sequence[Row], lang: Lang, title: str = "") -> Grid:
    """Indicators down, periods across (`report --by period`): each actual figure once.

    Forecasts and targets are left out (they would share a period with an actual), and so are
    figures that do not count (another article's figure for the months counts); a period
    column is headed by its label, in time order.
    """
    from ..model.periods import Period

    actual = [r for r in rows if r.figure.status == "actual" and r.counts]
    periods: list[Period] = sorted(
        {r.figure.period for r in actual}, key=lambda p: (p.year, p.end, p.start)
    )
    index = {p: n for n, p in enumerate(periods)}
    h = HEADERS[lang]
    columns = [GridColumn(h[0], wrap=True, min_width=NAME_MIN)]
    columns += [GridColumn(p.label(lang), right=True) for p in periods]
    grid = Grid(title, columns)
    by_indicator: dict[tuple[str, str], list[str]] = {}
    names: dict[tuple[str, str], str] = {}
    for row in actual:
        key = (row.ident, row.figure.subject or "")
        if key not in by_indicator:
            by_indicator[key] = [""] * len(periods)
            subject = f" ({row.figure.subject})" if row.figure.subject else ""
            names[key] = escape_control(cells(row, lang)[0] + subject)
        by_indicator[key][index[row.figure.period]] = escape_control(cells(row, lang)[2])
    for key, values in by_indicator.items():
        grid.rows.append([[(names[key], "")], *([(v, "")] for v in values)])
    return grid
