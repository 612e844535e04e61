"""Commands over a folder read its files one at a time: however many files there are, no more
than two datasets are alive at once (the one being read and the one just used), counted with
weak references while the cyclic collector is off, as it is in a command-line run."""

from __future__ import annotations

import gc
import json
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ganxian_cli.cli.app import app
from ganxian_cli.datafile import loader

DATA = Path(__file__).resolve().parents[2] / "data" / "indicators.toml"
FILES = 6


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    text = DATA.read_text(encoding="utf-8")
    for n in range(FILES):
        region = text.replace('region = "赣县区"', f'region = "测试区{n}"', 1)
        (tmp_path / f"r{n}.toml").write_text(region, encoding="utf-8")
    return tmp_path


class Alive:
    """The datasets loaded so far that are still alive, at the moment each one is loaded."""

    def __init__(self) -> None:
        self.loaded: list[weakref.ref[Any]] = []
        self.counts: list[int] = []


@pytest.fixture
def alive(monkeypatch: pytest.MonkeyPatch) -> Iterator[Alive]:
    seen = Alive()
    real = loader.load

    def counted(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        seen.loaded.append(weakref.ref(result.dataset))
        seen.counts.append(sum(ref() is not None for ref in seen.loaded))
        return result

    monkeypatch.setattr(loader, "load", counted)
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        yield seen
    finally:
        if enabled:
            gc.enable()


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.mark.parametrize(
    "command",
    [
        ("report", "--format", "json"),
        ("report", "--format", "csv"),
        ("report",),
        ("progress", "--format", "json"),
        ("progress", "--format", "csv"),
        ("compare", "--format", "json"),
    ],
)
def test_reading_commands_keep_one_file(
    folder: Path, alive: Alive, command: tuple[str, ...]
) -> None:
    result = run(*command, "--data", str(folder))
    assert result.exit_code == 0, result.stderr
    assert len(alive.counts) == FILES
    assert max(alive.counts) <= 2, alive.counts


def test_export_keeps_one_file(folder: Path, alive: Alive, tmp_path_factory: Any) -> None:
    out = tmp_path_factory.mktemp("db") / "all.db"
    result = run("export", "--output", str(out), "--data", str(folder))
    assert result.exit_code == 0, result.stderr
    assert f"from {FILES} files" in result.stderr
    assert max(alive.counts) <= 2, alive.counts


def test_streamed_json_is_the_whole_document(folder: Path) -> None:
    """The JSON written file by file parses, has every file's figures and every target."""
    several = json.loads(run("report", "--format", "json", "--data", str(folder)).stdout)
    one = json.loads(run("report", "--format", "json", "--data", str(DATA)).stdout)
    assert len(several["figures"]) == FILES * len(one["figures"])
    assert [f["region"] for f in several["figures"][:: len(one["figures"])]] == [
        f"测试区{n}" for n in range(FILES)
    ]
    targets = len(one["progress"]["targets"])
    assert len(several["progress"]["targets"]) == FILES * targets
    assert several["progress"]["targets_total"] == FILES * one["progress"]["targets_total"]


def test_bad_file_in_folder_writes_no_partial_json(folder: Path) -> None:
    """A file that cannot be read ends the run before any of the document is written."""
    (folder / "r4.toml").write_text("not = [toml", encoding="utf-8")
    result = run("report", "--format", "json", "--data", str(folder))
    assert result.exit_code != 0
    assert result.stdout == ""


def test_streamed_json_text_is_that_of_the_whole_document(folder: Path) -> None:
    """Byte for byte what writing the whole document at once gives."""
    from ganxian_cli.analysis.datasets import open_data
    from ganxian_cli.analysis.progress_view import latest
    from ganxian_cli.model.lang import Lang
    from ganxian_cli.output.document import json_text
    from ganxian_cli.output.regions import region_of, with_region
    from ganxian_cli.output.report import figure_record, report_document, select

    paths = sorted(str(p) for p in folder.glob("*.toml"))
    figures: list[dict[str, Any]] = []
    targets: list[dict[str, Any]] = []
    on_track = total = 0
    for path in paths:
        dataset = open_data(path).dataset
        region = region_of(dataset)
        figures += with_region([figure_record(r) for r in select(dataset, [], None)], region)
        view = latest(dataset, Lang.zh)
        assert view is not None
        on_track += view.summary["on_track"]
        total += view.summary["targets_total"]
        targets += with_region(view.targets.records(Lang.zh), region)
    whole = report_document(open_data(paths[0]).dataset, [])
    whole["figures"] = figures
    whole["progress"] = {
        "as_of": None, "basis": "months", "on_track": on_track, "targets_total": total,
        "targets": targets,
    }  # fmt: skip
    streamed = run("report", "--format", "json", "--data", str(folder)).stdout
    assert streamed == json_text(whole) + "\n"


@pytest.mark.parametrize("fmt", ["json", "table", "csv"])
def test_progress_of_several_files_keeps_no_figures(
    folder: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """What progress keeps of a file read before the last two holds none of its indicators:
    its table's text is made when the file is read, not kept as closures over its results."""
    real = loader.load
    indicators: list[list[weakref.ref[Any]]] = []
    kept: list[int] = []  # at each load: earlier files (all but the one before) still alive

    def counted(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        kept.append(sum(any(ref() is not None for ref in refs) for refs in indicators[:-1]))
        indicators.append([weakref.ref(i) for i in result.dataset.indicators.values()])
        return result

    monkeypatch.setattr(loader, "load", counted)
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        result = run("progress", "--format", fmt, "--data", str(folder))
    finally:
        if enabled:
            gc.enable()
    assert result.exit_code == 0, result.stderr
    assert len(kept) == FILES
    assert kept == [0] * FILES
