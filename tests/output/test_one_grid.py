"""Every command's terminal table comes from the one grid renderer: no Rich on start-up for a
table, colour only when asked or on a terminal, notes and titles wrapped to the width."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from ganxian_cli.analysis.results import Column, Section
from ganxian_cli.output.grid import Grid, GridColumn, line
from ganxian_cli.output.section_grid import section_layouts, write_tables
from tests.conftest import DATA, ROOT, invoke


@pytest.mark.parametrize("command", ["report", "progress", "compare", "list"])
def test_a_piped_table_does_not_import_rich(command: str) -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "ganxian_cli", command, "--data", str(DATA)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "80"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    imported = {
        line.split("|")[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert {m for m in imported if m == "rich" or m.startswith("rich.")} == set()
    assert "┌" in result.stdout or "┏" in result.stdout


@pytest.mark.parametrize("command", ["report", "progress", "compare"])
def test_colour_only_when_asked(runner: CliRunner, command: str) -> None:
    never = invoke(runner, command, "--data", str(DATA), "--color", "never").stdout
    always = invoke(runner, command, "--data", str(DATA), "--color", "always").stdout
    assert "\x1b[" not in never and "\x1b[" in always
    env = {"NO_COLOR": "1", "FORCE_COLOR": "1"}
    assert "\x1b[" not in invoke(runner, command, "--data", str(DATA), env=env).stdout


def _section(names: list[str], values: list[str]) -> Section:
    columns = (Column("name", "名称", "Name"), Column("n", "数", "Amount", True))
    rows = [{"name": n, "n": v} for n, v in zip(names, values, strict=True)]
    title = "A title that is long enough to need wrapping"
    note = "A note under the table, also long enough to wrap somewhere"
    return Section("t", "表", title, columns, rows, note_en=note)


def test_titles_and_notes_wrap_to_the_width() -> None:
    out = io.StringIO()
    section = _section(["a name"], ["12.5 billion yuan"])
    write_tables([section_layouts(section, "en")], stream=out)  # natural width: one line each
    assert "A title that is long enough to need wrapping\n" in out.getvalue()
    grid = line("A note under the table, also long enough to wrap somewhere", "dim")
    assert all(len(text) <= 20 for text in grid.text(20).splitlines())


def test_a_number_never_wraps_even_in_a_card() -> None:
    section = _section(["a rather long indicator name"], ["123,456,789.01 billion yuan"])
    narrowest = section_layouts(section, "en")[-1]
    text = "".join(grid.text(24) for grid in narrowest)
    assert "123,456,789.01 billion yuan" in text


def test_bars_show_where_time_progress_stands() -> None:
    columns = (Column("name", "名称", "Name"), Column("d_completion", "完成%", "Done %", True))
    rows = [{"name": "x", "d_completion": "60", "bar_completion": Decimal(60),
             "bar_time": Decimal(50)}]  # fmt: skip
    section = Section("p", "进度", "Progress", columns, rows)
    wide = section_layouts(section, "en", "d_completion", "note")[0]
    text = "".join(g.text(200) for g in wide)
    assert "██████┃░░░░░" in text  # 7 of 12 filled, the mark at 6


def test_layout_is_linear_in_rows() -> None:
    grid = Grid("", [GridColumn("a", wrap=True, min_width=4), GridColumn("b", right=True)])
    for n in range(2000):
        grid.rows.append([[(f"name {n} word", "")], [(str(n), "")]])
    assert len(grid.text(20).splitlines()) >= 2000
    calls = 0
    original = grid._natural

    def counted() -> list[int]:
        nonlocal calls
        calls += 1
        return original()

    grid._natural = counted  # type: ignore[method-assign]
    grid.text(20)
    assert calls <= 3  # widths measured once per drawing, not per row
