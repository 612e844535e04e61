"""Shared fixtures: paths, and a CLI runner with terminal settings pinned so output is stable."""

from __future__ import annotations

import functools
import gc
import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from ganxian_cli.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "indicators.toml"
TESTS = Path(__file__).resolve().parent
GOLDEN = TESTS / "golden"
# Corpora too large to keep here (the toml-test suite, source articles) sit in a `shared/` folder
# beside the checkout; CI provides it, GANXIAN_SHARED names another place.
SHARED = Path(os.environ.get("GANXIAN_SHARED", ROOT.parent / "shared"))

# Environment a CI job may carry that changes how typer/Rich style output.
_STYLE_VARS = (
    "FORCE_COLOR",
    "NO_COLOR",
    "GITHUB_ACTIONS",
    "TERM",
    "COLUMNS",
    "LINES",
    "GANXIAN_DATA",
)


def needs_shared(path: Path, what: str) -> pytest.MarkDecorator:
    """Skip unless *path* (under SHARED) exists, saying where it was looked for and who has it."""
    reason = f"{what} not found at {path}; CI provides ../shared (or set GANXIAN_SHARED)"
    return pytest.mark.skipif(not path.exists(), reason=reason)


@pytest.fixture(autouse=True)
def pinned_terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in _STYLE_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "dumb")
    yield


@pytest.fixture(autouse=True)
def collector_kept() -> Iterator[None]:
    """The console entry point turns the cyclic garbage collector off for its (short) process;
    a test that runs it in this one gives the tests after it the collector it found."""
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def other_region_copy(tmp_path: Path, runner: CliRunner) -> Path:
    """A canonical copy of tests/data/other_region.toml, for commands that write."""
    path = tmp_path / "indicators.toml"
    path.write_bytes((TESTS / "data" / "other_region.toml").read_bytes())
    assert invoke(runner, "fmt", str(path)).exit_code == 0
    return path


def invoke(
    runner: CliRunner,
    *args: str,
    input: str | bytes | None = None,
    env: dict[str, str] | None = None,
):
    """Run the app in-process; return click's Result (stdout, stderr, exit_code)."""
    return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)


def golden(name: str, actual: str) -> None:
    """Compare *actual* with tests/golden/NAME; UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with UPDATE_GOLDEN=1 and review it"
    assert actual == path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def followup_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data file with the corpus's follow-up article (half-year figures) extracted
    and imported unedited as source h1: several articles, revisions, subjects, counts."""
    folder = tmp_path_factory.mktemp("followup")
    data = folder / "gx.toml"
    data.write_bytes(DATA.read_bytes())
    draft = folder / "draft.toml"
    article = TESTS / "corpus" / "followup_ganxian_halfyear.txt"
    runner = CliRunner()
    for args in (
        ["extract", str(article), "--data", str(data), "--output", str(draft)],
        ["import", str(draft), "--data", str(data), "--source", "h1", "--source-title",
         "上半年工业经济", "--source-published", "2022-07"],
    ):  # fmt: skip
        result = runner.invoke(app, args, catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
    return data


@functools.cache
def bench_scale() -> ModuleType:
    """scripts/bench_scale.py, whose generator makes valid files of any size."""
    spec = importlib.util.spec_from_file_location(
        "bench_scale", ROOT / "scripts" / "bench_scale.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def about_region(text: str, n: int, en: str = "") -> str:
    """*text* (the shipped file or a generated one) about a region of its own."""
    for old in ('region = "赣县区"', 'region = "示例县"'):
        text = text.replace(old, f'region = "测试区{n}"', 1)
    en = en or f"Test District {n}"
    return text.replace('region_en = "Example County"', f'region_en = "{en}"', 1)


def targets_folder(root: Path, files: int, targets: int) -> Path:
    """*files* generated region files of *targets* targets each (one per group of five
    indicators), in root/t<targets>."""
    folder = root / f"t{targets}"
    folder.mkdir()
    for n in range(files):
        text = about_region(bench_scale().generate("wide", targets, 1), n)
        (folder / f"r{n:02d}.toml").write_text(text, encoding="utf-8")
    return folder
