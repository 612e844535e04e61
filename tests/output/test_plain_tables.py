"""Tables drawn without Rich (no colour, the widest layout fits) are the lines Rich draws."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ganxian_cli.analysis.results import Column, Section, Shown
from ganxian_cli.output.grid import Grid, GridColumn, plain_text
from ganxian_cli.output.table import _print_plain, make_console, print_fitted, section_table

_CELLS = st.text(
    st.sampled_from(["a", "Z", "1", ".", " ", "亿", "元", "é", "\u0301", "\t", "—", "│", "😀"]),
    max_size=10,
)


def _section(cells: list[list[str]], numeric: list[bool], bars: list[Decimal | None]) -> Section:
    columns = tuple(
        Column(f"c{n}", f"列{n}", f"Col {n}", numeric=num) for n, num in enumerate(numeric)
    )
    rows: list[dict[str, Any]] = []
    for row, bar in zip(cells, bars, strict=False):
        fields: dict[str, Any] = {f"c{n}": text for n, text in enumerate(row)}
        fields["c0"] = Shown(lambda lang, t=row[0]: t + ("" if lang == "zh" else "!"))
        rows.append({**fields, "bar_completion": bar, "bar_time": Decimal(40)})
    return Section("s", "标题", "Title", columns, rows, "注:说明 " * 3, "a note " * 3)


def _both(section: Section, width: int, bar: bool, lang: str) -> tuple[str, str | None]:
    """(what Rich prints, what the plain path prints or None when it leaves it to Rich)."""
    fit = section_table(section, lang, "c1" if bar else "", "bar note" if bar else "")  # type: ignore[arg-type]
    rich_out, plain_out = io.StringIO(), io.StringIO()
    rich = make_console("never", rich_out, width)
    rich.print(fit, crop=False)
    plain = make_console("never", plain_out, width)
    return rich_out.getvalue(), plain_out.getvalue() if _print_plain(fit, plain) else None


@settings(max_examples=60, deadline=None)
@given(
    st.integers(2, 5).flatmap(
        lambda n: st.tuples(
            st.lists(st.lists(_CELLS, min_size=n, max_size=n), max_size=4),
            st.lists(st.booleans(), min_size=n, max_size=n),
        )
    ),
    st.lists(st.none() | st.decimals(-10, 200, places=1), min_size=4, max_size=4),
    st.sampled_from([30, 60, 120, 10_000]),
    st.booleans(),
    st.sampled_from(["zh", "en"]),
)
def test_the_plain_path_draws_what_rich_draws(
    shape: tuple[list[list[str]], list[bool]],
    bars: list[Decimal | None],
    width: int,
    bar: bool,
    lang: str,
) -> None:
    cells, numeric = shape
    rich, plain = _both(_section(cells, numeric, bars), width, bar, lang)
    if plain is not None:
        assert plain == rich


@pytest.mark.parametrize("cell", ["e\u0301", "\U0001f600", "\u0903", "规上企业"])
@pytest.mark.parametrize("numeric", [False, True])
def test_characters_measured_otherwise_never_break_the_plain_path(cell: str, numeric: bool) -> None:
    """Combining marks, emoji and the like: the plain path draws what Rich does, or leaves it."""
    rich, plain = _both(_section([[cell, "12.5"]], [numeric, True], [None] * 4), 120, False, "zh")
    assert plain is None or plain == rich
    if cell == "规上企业":
        assert plain == rich  # ordinary text takes the plain path


def test_a_number_ending_in_a_space_is_left_to_rich() -> None:
    """Rich measures a right-justified cell with its trailing space but draws it without: a
    header as wide as the number without the space once came out a column too narrow."""
    rich, plain = _both(_section([["", "1亿 "]], [False, True], [None] * 4), 30, False, "zh")
    assert plain is None and "│  1亿 │" in rich


def test_the_plain_path_is_taken_when_the_table_fits() -> None:
    section = _section([["名称", "12.5", "x"]], [False, True, False], [Decimal(50)])
    rich, plain = _both(section, 10_000, True, "zh")
    assert plain == rich and "┃ 进度" in rich
    assert _both(section, 20, True, "zh")[1] is None  # too narrow: Rich chooses the layout


def test_colour_always_goes_through_rich() -> None:
    fit = section_table(_section([["a", "1"]], [False, True], [None]), "en")
    assert fit.plain(make_console("always", io.StringIO(), 200)) is None


def test_print_fitted_writes_the_same_either_way() -> None:
    section = _section([["名称 ", " 7 "], ["b", ""]], [False, True], [None, None])
    plain, rich = io.StringIO(), io.StringIO()
    print_fitted([section_table(section, "zh")], make_console("never", plain, 200))
    make_console("never", rich, 200).print(section_table(section, "zh"), crop=False)
    assert plain.getvalue() == "\n".join(x.rstrip() for x in rich.getvalue().split("\n"))


_GRID_TEXT = st.text(st.sampled_from(["a", "b", " ", "亿", "元", "é", "1", "."]), max_size=14)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 4).flatmap(
        lambda n: st.tuples(
            st.lists(st.tuples(st.booleans(), st.booleans(), st.integers(0, 6)), min_size=n,
                     max_size=n),
            st.lists(st.lists(st.lists(_GRID_TEXT, min_size=1, max_size=2), min_size=n,
                              max_size=n), max_size=4),
        )
    ),
    st.integers(5, 60),
    _GRID_TEXT,
)  # fmt: skip
def test_grid_text_is_its_lines_without_styles(
    shape: tuple[list[tuple[bool, bool, int]], list[list[list[str]]]], width: int, caption: str
) -> None:
    specs, rows = shape
    columns = [
        GridColumn(f"h{n}", right=r, wrap=w, min_width=m) for n, (r, w, m) in enumerate(specs)
    ]
    grid = Grid("T", columns, [[[(t, "bold") for t in cell] for cell in row] for row in rows],
                caption)  # fmt: skip
    assert grid.text(width) == plain_text(grid.lines(width))
