"""The `report` table of one theme (a `Section`) in the layouts a terminal may need, widest first.

- wide: a column per column of the section (indicator | period | value | growth | status |
  subject), dropping those no row of the theme fills;
- stacked: indicator with the other text (period, status, subject) on a line beneath, then
  the numbers (value | growth).

A column added to `report.REPORT_COLUMNS` shows in both, and in every other format.

`section_grid.write_tables` takes the first layout that fits; a number is never wrapped or cut.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis.results import Section
from ..errors import escape_control
from ..model.lang import Lang
from .grid import Cell, Grid, GridColumn
from .report import HEADERS, ROW, STATUS_LABEL, Row
from .sections import row_cells

Texts = Sequence[Sequence[str]]

STATUS_STYLE = {"actual": "", "forecast": "italic yellow", "target": "bold cyan"}
NAME_MIN = 12  # cells: an indicator name narrower than this stops being readable
WIDE_NAME_MIN = 18  # below this the stacked layout reads better than a tall wrapped name
SUBJECT_MIN = 8
WRAPS = {"name": WIDE_NAME_MIN, "subject": SUBJECT_MIN}  # the columns that wrap, to this least
STYLED = frozenset({"value", "status"})  # in the colour of the figure's status


def theme_layouts(sections: Sequence[Section], lang: Lang, caption: str = "") -> list[list[Grid]]:
    """Per theme (a section of `report.theme_sections`), its layouts widest first; the last
    theme's tables carry *caption*."""
    out = []
    for n, section in enumerate(sections):
        title = escape_control(section.title(lang))
        note = escape_control(caption) if n == len(sections) - 1 else ""
        texts = [_escaped(row_cells(section, row, lang)) for row in section.rows]
        out.append(
            [wide(section, lang, title, note, texts), stacked(section, lang, title, note, texts)]
        )
    return out


def _escaped(cells: list[str]) -> list[str]:
    """`escape_control` of each cell: looked for in all of them at once, as most rows have
    nothing to escape."""
    joined = "".join(cells)
    if escape_control(joined) == joined:
        return cells
    return [escape_control(v) for v in cells]


def _filled(section: Section, texts: Texts) -> list[bool]:
    """Which columns some row fills (the first always counts)."""
    return [n == 0 or any(t[n] for t in texts) for n in range(len(section.columns))]


def wide(section: Section, lang: Lang, title: str, caption: str, texts: Texts) -> Grid:
    """One column per column of *section* that some row fills; names and subjects wrap."""
    keep = _filled(section, texts)
    columns = [
        GridColumn(
            c.label(lang), right=c.numeric, wrap=c.key in WRAPS, min_width=WRAPS.get(c.key, 0)
        )
        for c, k in zip(section.columns, keep, strict=True)
        if k
    ]
    styled = [c.key in STYLED for c in section.columns]
    grid = Grid(title, columns, caption=caption)
    for row, values in zip(section.rows, texts, strict=True):
        style = STATUS_STYLE[row["status"]]
        grid.rows.append(
            [[(v, style if s else "")] for v, s, k in zip(values, styled, keep, strict=True) if k]
        )
    return grid


def stacked(section: Section, lang: Lang, title: str, caption: str, texts: Texts) -> Grid:
    """The name with the other text (period, status when not actual, subject) on a dim line
    beneath, then the numbers."""
    keep = _filled(section, texts)
    numbers = [n for n, c in enumerate(section.columns) if n and c.numeric and keep[n]]
    details = [n for n, c in enumerate(section.columns) if n and not c.numeric]
    first = section.columns[0]
    columns = [GridColumn(first.label(lang), wrap=True, min_width=NAME_MIN)]
    columns += [GridColumn(section.columns[n].label(lang), right=True) for n in numbers]
    grid = Grid(title, columns, caption=caption)
    actual = STATUS_LABEL[lang]["actual"]
    for row, values in zip(section.rows, texts, strict=True):
        style = STATUS_STYLE[row["status"]]
        beneath = [values[n] for n in details if values[n] and values[n] != actual]
        cells: list[Cell] = [[(values[0], ""), ("  " + " · ".join(beneath), "dim")]]
        cells += [[(values[n], style if section.columns[n].key in STYLED else "")] for n in numbers]
        grid.rows.append(cells)
    return grid


STATUS_ORDER = {"actual": 0, "forecast": 1, "target": 2}


def period_matrix(sections: Sequence[Section], lang: Lang, width: int | None = None) -> list[Grid]:
    """Indicators down, periods across (`report --by period`), in tables that fit *width*.

    A column per period and status, in time order: actual figures under the period's label,
    forecasts and targets under the label with their status, so none is left out; a figure that
    does not count (another article's figure for the same months counts) is left out. Where the
    columns do not fit, they are split over several tables, each with the indicators that have
    a figure in its periods (numbers are never wrapped: a single period wider than the
    terminal overflows).
    """
    from ..model.periods import Period

    rows = [
        (row[ROW], row_cells(s, row, lang)) for s in sections for row in s.rows if row[ROW].counts
    ]
    keys_of = [c.key for c in sections[0].columns] if sections else []
    name_at, value_at = (keys_of.index(k) if k in keys_of else 0 for k in ("name", "value"))
    subject_at = keys_of.index("subject") if "subject" in keys_of else None

    # one column per period as its figures name it: a stock (截至2022年6月) apart from a flow
    # over the same months (2022年6月), a figure's own label (今年以来(截至6月)) its own
    def key_of(r: Row) -> tuple[Period, str, str]:
        return r.figure.period, r.figure.status, r.indicator.period_label(r.figure, lang)

    keys: list[tuple[Period, str, str]] = sorted(
        {key_of(r) for r, _texts in rows},
        key=lambda k: (k[0].year, k[0].end, k[0].start, k[2], STATUS_ORDER[k[1]]),
    )
    index = {k: n for n, k in enumerate(keys)}
    labels = [
        label + ("" if status == "actual" else f" ({STATUS_LABEL[lang][status]})")
        for _p, status, label in keys
    ]
    by_indicator: dict[tuple[str, str], list[str]] = {}
    names: dict[tuple[str, str], str] = {}
    for row, texts in rows:
        key = (row.ident, row.figure.subject or "")
        if key not in by_indicator:
            by_indicator[key] = [""] * len(keys)
            said = texts[subject_at] if subject_at is not None else ""
            subject = f" ({said})" if said else ""
            names[key] = escape_control(texts[name_at] + subject)
        shown = escape_control(texts[value_at])
        by_indicator[key][index[key_of(row)]] = shown
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
