"""`progress --format json` and `--format csv` over several files are written file by file:
the text is that of the whole document made at once, and what is kept from one file to the
next (counted in live objects when the output starts) does not grow with the targets per file.
"""

from __future__ import annotations

import gc
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ganxian_cli.analysis.datasets import OpenedFiles
from ganxian_cli.cli.app import app
from ganxian_cli.model.lang import Lang
from ganxian_cli.output.document import envelope, json_text
from ganxian_cli.output.sections import to_csv
from ganxian_cli.output.views import progress_doc
from tests.conftest import DATA, TESTS, about_region, bench_scale, targets_folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Files of different regions, periods and targets: the shipped file, a sample file,
    generated files of a target per group."""
    generate = bench_scale().generate
    texts = [
        DATA.read_text(encoding="utf-8"),
        generate("wide", 3, 1),
        (TESTS / "data" / "progress_region.toml").read_text(encoding="utf-8"),
        (TESTS / "data" / "stock_targets.toml").read_text(encoding="utf-8"),
        generate("deep", 2, 2),
        DATA.read_text(encoding="utf-8"),
    ]
    for n, text in enumerate(texts):
        (tmp_path / f"r{n}.toml").write_text(about_region(text, n), encoding="utf-8")
    return tmp_path


def _paths(folder: Path) -> OpenedFiles:
    return OpenedFiles([str(p) for p in sorted(folder.glob("*.toml"))])


def _streamed(folder: Path, fmt: str, lang: Lang, fail_on: str | None) -> str:
    out = io.StringIO()
    progress_doc(_paths(folder), None, "months", lang, fail_on).streams[fmt](out.write)
    return out.getvalue()


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.mark.parametrize("lang", [Lang.zh, Lang.en])
@pytest.mark.parametrize("fail_on", [None, "behind"])
def test_streamed_json_is_the_whole_document(folder: Path, lang: Lang, fail_on: str | None) -> None:
    whole = progress_doc(_paths(folder), None, "months", lang, fail_on)
    text = json_text(envelope("progress", whole.body())) + "\n"
    streamed = _streamed(folder, "json", lang, fail_on)
    assert streamed == text
    assert len(json.loads(text)["targets"]) > 10  # every file's targets, not an empty list
    args = ["--lang", lang.value, *(["--fail-on", fail_on] if fail_on else [])]
    result = run("progress", "--format", "json", "--data", str(folder), *args)
    assert result.stdout == text
    assert (result.exit_code == 1) is bool(whole.failures)
    assert all(line in result.stderr for line in whole.failures)


@pytest.mark.parametrize("lang", [Lang.zh, Lang.en])
def test_streamed_csv_is_that_of_the_whole_table(folder: Path, lang: Lang) -> None:
    whole = progress_doc(_paths(folder), None, "months", lang)
    text = to_csv(whole.sections[:1], lang)
    assert _streamed(folder, "csv", lang, None) == text
    assert text.count("\n") > 10
    result = run("progress", "--format", "csv", "--data", str(folder), "--lang", lang.value)
    assert result.stdout == text


def test_streamed_json_as_of_a_month(folder: Path) -> None:
    """--as-of is the document's as_of, every file judged then."""
    from ganxian_cli.analysis.progress import parse_as_of

    when = parse_as_of("2022-05")
    whole = progress_doc(_paths(folder), "2022-05", "days", Lang.zh)
    text = json_text(envelope("progress", whole.body())) + "\n"
    out = io.StringIO()
    progress_doc(_paths(folder), "2022-05", "days", Lang.zh).streams["json"](out.write)
    assert out.getvalue() == text
    assert json.loads(text)["as_of"] == str(when)


def test_streamed_json_to_an_output_file(folder: Path, tmp_path_factory: Any) -> None:
    out = tmp_path_factory.mktemp("out") / "progress.json"
    result = run("progress", "--format", "json", "--data", str(folder), "--output", str(out))
    assert result.exit_code == 0, result.stderr
    assert (
        out.read_text(encoding="utf-8")
        == run("progress", "--format", "json", "--data", str(folder)).stdout
    )


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_bad_file_writes_nothing(folder: Path, fmt: str) -> None:
    (folder / "r4.toml").write_text("not = [toml", encoding="utf-8")
    result = run("progress", "--format", fmt, "--data", str(folder))
    assert result.exit_code != 0
    assert result.stdout == ""


# What is kept across files: live objects when the output starts, all files read


def _live_at_output(folder: Path, fmt: str) -> int:
    """The objects the collector tracks when the first text is written: every file has been
    read by then, and what is still alive is what was kept across files."""
    counts: list[int] = []

    def write(text: str) -> None:
        if not counts:
            gc.collect()
            counts.append(len(gc.get_objects()))

    view = progress_doc(_paths(folder), None, "months", Lang.zh)
    if fmt in view.streams:
        view.streams[fmt](write)
    else:  # `sections`: every region's rows at once
        write(to_csv(view.sections[:1], Lang.zh))
    return counts[0]


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_what_is_kept_does_not_grow_with_targets(tmp_path: Path, fmt: str) -> None:
    few, many = targets_folder(tmp_path, 4, 2), targets_folder(tmp_path, 4, 40)
    _live_at_output(few, fmt), _live_at_output(many, fmt)  # modules imported, caches warm
    grown = _live_at_output(many, fmt) - _live_at_output(few, fmt)
    assert grown < 10, grown  # 152 more targets: not one object each


def test_the_count_sees_the_rows_a_table_keeps(tmp_path: Path) -> None:
    """The count above would see rows kept across files: `sections` keeps every region's."""
    few, many = targets_folder(tmp_path, 4, 2), targets_folder(tmp_path, 4, 40)
    _live_at_output(few, "table"), _live_at_output(many, "table")
    grown = _live_at_output(many, "table") - _live_at_output(few, "table")
    assert grown > 4 * 38, grown
