"""`progress` over several files as a table and as Markdown: each row's text waits in a spool
from the moment its file is read, and only what the layout reads of every row is kept. The
output is byte for byte that of the one table of every region's rows made at once (`sections`
and `title`, drawn by `progress_layouts` and `to_markdown`): at every width (so in each of the
layouts), in both languages, with colour and without, with `--fail-on`. What is kept from one
file to the next does not grow with the targets per file.
"""

from __future__ import annotations

import gc
import io
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ganxian_cli.analysis.datasets import OpenedFiles
from ganxian_cli.analysis.results import Column, Section
from ganxian_cli.cli.app import app
from ganxian_cli.errors import escape_control
from ganxian_cli.model.lang import Lang
from ganxian_cli.output.section_grid import (
    SpooledRows,
    fitted,
    progress_layouts,
    section_layouts,
    write_tables,
)
from ganxian_cli.output.sections import to_markdown
from ganxian_cli.output.views import SeveralProgress, progress_doc
from tests.conftest import DATA, TESTS, about_region, bench_scale, targets_folder


def _write(folder: Path, texts: list[str]) -> Path:
    folder.mkdir()
    for n, text in enumerate(texts):
        (folder / f"r{n:02d}.toml").write_text(text, encoding="utf-8")
    return folder


def _mixed(root: Path) -> Path:
    """Regions of different periods (no period in the title), notes, fixed lists and levels."""
    generate = bench_scale().generate
    texts = [
        DATA.read_text(encoding="utf-8"),
        generate("wide", 3, 1),
        (TESTS / "data" / "progress_region.toml").read_text(encoding="utf-8"),
        (TESTS / "data" / "stock_targets.toml").read_text(encoding="utf-8"),
        generate("deep", 2, 2),
        DATA.read_text(encoding="utf-8"),
    ]
    return _write(root / "mixed", [about_region(t, n) for n, t in enumerate(texts)])


def _every_test_file(root: Path) -> Path:
    """Every data file of the tests (a region may come twice), then the shipped file."""
    paths = [*sorted((TESTS / "data").glob("*.toml")), DATA]
    return _write(root / "every", [p.read_text(encoding="utf-8") for p in paths])


def _odd(root: Path) -> Path:
    """The first file has no target (its table's columns are those the table shows); a region
    named with Markdown's special characters, a tab and a control character."""
    generate = bench_scale().generate
    texts = [
        about_region(generate("wide", 0, 1), 0),
        about_region(generate("wide", 2, 1), 1, en="Odd|*_\\u001f\\tName <b>"),
        (TESTS / "data" / "stock_targets.toml").read_text(encoding="utf-8"),
        (TESTS / "data" / "notes_everywhere.toml").read_text(encoding="utf-8"),
    ]
    return _write(root / "odd", texts)


FOLDERS: dict[str, Callable[[Path], Path]] = {
    "mixed": _mixed,
    "every": _every_test_file,
    "odd": _odd,
}


@pytest.fixture(scope="module", params=list(FOLDERS))
def folder(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return FOLDERS[request.param](tmp_path_factory.mktemp("regions"))


def _view(folder: Path, lang: Lang, fail_on: str | None = None) -> SeveralProgress:
    view = progress_doc(OpenedFiles([str(p) for p in sorted(folder.glob("*.toml"))]), None,
                        "months", lang, fail_on)  # fmt: skip
    assert isinstance(view, SeveralProgress)
    return view


def _whole_table(view: SeveralProgress, color: bool = False) -> str:
    """The table as drawn from every region's rows at once (at the width COLUMNS says)."""
    out = io.StringIO()
    write_tables(progress_layouts(view.sections, view.title, view.lang), color, out)
    return out.getvalue()


def _whole_markdown(view: SeveralProgress) -> str:
    text = to_markdown(view.sections, view.lang, view.title)
    return text if text.endswith("\n") else text + "\n"  # as standard output ends it


WIDTHS = [None, *range(24, 260, 4)]  # None: piped, natural width


@pytest.mark.parametrize("lang", [Lang.zh, Lang.en])
@pytest.mark.parametrize("color", [False, True])
def test_spooled_table_is_the_whole_table_at_every_width(
    folder: Path, lang: Lang, color: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = _view(folder, lang)
    layouts = progress_layouts(whole.sections, whole.title, lang)[1]  # the progress table's
    chosen = set()
    with _view(folder, lang).table() as blocks:  # one pass; drawn at every width from spools
        for width in WIDTHS:
            if width is None:
                monkeypatch.delenv("COLUMNS", raising=False)
            else:
                monkeypatch.setenv("COLUMNS", str(width))
                chosen.add(layouts.index(fitted(layouts, width)))
            out = io.StringIO()
            write_tables(blocks, color, out)
            assert out.getvalue() == _whole_table(whole, color), width
    assert chosen == {0, 1, 2, 3}  # with the bar, without it, split in two, cards


@pytest.mark.parametrize("lang", [Lang.zh, Lang.en])
def test_spooled_markdown_is_the_whole_markdown(folder: Path, lang: Lang) -> None:
    out = io.StringIO()
    _view(folder, lang).streams["markdown"](out.write)
    whole = _whole_markdown(_view(folder, lang))
    assert out.getvalue() == whole
    assert whole.count("\n| ") > 10  # every region's rows


def run(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


@pytest.mark.parametrize("lang", [Lang.zh, Lang.en])
@pytest.mark.parametrize("fail_on", [None, "behind"])
@pytest.mark.parametrize("columns", [None, 60, 80, 120])
def test_progress_command_writes_the_whole_table(
    folder: Path, lang: Lang, fail_on: str | None, columns: int | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    if columns:
        monkeypatch.setenv("COLUMNS", str(columns))
    whole = _view(folder, lang, fail_on)
    args = ["progress", "--data", str(folder), "--lang", lang.value]
    args += ["--fail-on", fail_on] if fail_on else []
    result = run(*args)
    assert result.stdout == _whole_table(whole)
    assert (result.exit_code == 1) is bool(whole.failures)
    failures = [escape_control(line) for line in whole.failures]  # as stderr shows them
    assert result.stderr.splitlines() == failures
    markdown = run(*args, "--format", "markdown")
    assert markdown.stdout == _whole_markdown(whole)
    assert (markdown.exit_code == 1) is bool(whole.failures)
    assert markdown.stderr.splitlines()[1:] == failures  # after "data from"


def test_a_folder_has_failing_targets(tmp_path: Path) -> None:
    """The lines of `--fail-on` compared above are there to compare."""
    assert len(_view(_mixed(tmp_path), Lang.zh, "behind").failures) > 3


def test_progress_command_in_colour(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    result = run("progress", "--data", str(folder), "--color", "always")
    assert result.stdout == _whole_table(_view(folder, Lang.zh), color=True)
    assert "\x1b[" in result.stdout


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_to_an_output_file(folder: Path, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / ("progress.md" if fmt == "markdown" else "progress.txt")
    args = ["progress", "--data", str(folder), "--format", fmt]
    result = run(*args, "--output", str(out))
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8") == run(*args).stdout


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_bad_file_writes_nothing(folder: Path, fmt: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    for path in sorted(folder.glob("*.toml")):
        (bad / path.name).write_bytes(path.read_bytes())
    (bad / "r01.toml").write_text("not = [toml", encoding="utf-8")
    result = run("progress", "--format", fmt, "--data", str(bad))
    assert result.exit_code != 0
    assert result.stdout == ""


# What is kept across files: live objects when the output starts, all files read


class _Counting(io.StringIO):
    """A stream that counts the objects alive when the first text is written to it: every
    file has been read by then, and what is still alive is what was kept across files."""

    def __init__(self) -> None:
        super().__init__()
        self.alive: list[int] = []

    def write(self, text: str) -> int:
        if not self.alive:
            gc.collect()
            self.alive.append(len(gc.get_objects()))
        return len(text)


def _live_at_output(folder: Path, fmt: str) -> int:
    stream = _Counting()
    view = _view(folder, Lang.zh)
    if fmt == "table":
        view.write_table(False, stream)
    elif fmt == "markdown":
        view.streams["markdown"](stream.write)
    else:  # every region's rows, made at once
        stream.write(to_markdown(view.sections, Lang.zh))
    return stream.alive[0]


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_what_is_kept_does_not_grow_with_targets(tmp_path: Path, fmt: str) -> None:
    few, many = targets_folder(tmp_path, 4, 2), targets_folder(tmp_path, 4, 40)
    _live_at_output(few, fmt), _live_at_output(many, fmt)  # modules imported, caches warm
    grown = _live_at_output(many, fmt) - _live_at_output(few, fmt)
    assert grown < 10, grown  # 152 more targets: not one object each


def test_the_count_sees_rows_kept(tmp_path: Path) -> None:
    """The count above would see rows kept across files: `sections` keeps every region's."""
    few, many = targets_folder(tmp_path, 4, 2), targets_folder(tmp_path, 4, 40)
    _live_at_output(few, "whole"), _live_at_output(many, "whole")
    grown = _live_at_output(many, "whole") - _live_at_output(few, "whole")
    assert grown > 4 * 38, grown


# The spooled layouts of any section: cells that wrap, fold, never wrap, or are never filled


def _crafted(blank_first: bool) -> Section:
    """Words wider than a cell may be (folded), CJK text, ids (but one), an empty column, a
    column one language shows; with *blank_first*, a first column no row fills (a card then
    heads with the next)."""
    from decimal import Decimal

    columns = (
        Column("name", "名称", "Name"),
        Column("id", "编号", "Id"),
        Column("value", "数值", "Value", True),
        Column("d_completion", "完成%", "Completion %", True),
        Column("empty", "空", "Empty"),
        Column("note", "说明", "Note"),
        Column("zh_only", "单位", "Unit", only="zh"),
    )
    names = ["工业增加值", "https://example.org/a/very/long/address/that/is/one/word", "a b"]
    notes = ["按可比价格计算,同比增长", "", "see\ttab"]
    rows = [
        {
            "name": None if blank_first else {"zh": names[n % 3], "en": f"Name {n} " * (n % 4)},
            "id": f"id_{n}" if n != 5 else "two words",
            "value": Decimal(n * 1234) / 7 if n % 4 else None,
            "d_completion": f"{n * 9}.5",
            "empty": None,
            "note": notes[n % 3],
            "zh_only": "亿元",
            "bar_completion": Decimal(n * 9) if n % 5 else None,
            "bar_time": Decimal(50) if n % 2 else None,
        }
        for n in range(12)
    ]
    return Section("crafted", "表(2022年)", "Table (2022)", columns, rows, "注一\n注二", "a\nb")


@pytest.mark.parametrize("lang", [Lang.zh, Lang.en])
@pytest.mark.parametrize("bar_after", ["", "d_completion"])
@pytest.mark.parametrize("color", [False, True])
@pytest.mark.parametrize("blank_first", [False, True])
def test_spooled_rows_lay_out_as_the_section(
    lang: Lang, bar_after: str, color: bool, blank_first: bool
) -> None:
    section = _crafted(blank_first)
    whole = section_layouts(section, lang, bar_after, "note of the bar")
    rows = SpooledRows(replace(section, rows=[]), lang, bar_after)
    rows.add(section.rows[:5])
    rows.add(section.rows[5:])
    spooled = rows.layouts(replace(section, rows=[]), "note of the bar")
    chosen = set()
    try:
        for width in range(20, 260, 3):
            expected, drawn = io.StringIO(), io.StringIO()
            for grid in fitted(whole, width):
                grid.draw(expected.write, width, color)
            for grid in fitted(spooled, width):
                grid.draw(drawn.write, width, color)
            assert drawn.getvalue() == expected.getvalue(), width
            chosen.add(whole.index(fitted(whole, width)))
    finally:
        rows.close()
    assert chosen == set(range(len(whole)))  # every layout drawn at some width
    assert rows.count == len(section.rows)
