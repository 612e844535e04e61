"""`validate FOLDER` checks every *.toml in it, as --data FOLDER reads them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "data" / "indicators.toml"
OTHER = ROOT / "tests" / "data" / "other_region.toml"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "regions"
    path.mkdir()
    (path / "a.toml").write_bytes(GOOD.read_bytes())
    (path / "b.toml").write_bytes(OTHER.read_bytes())
    (path / "notes.txt").write_text("not data")
    return path


def test_a_folder_of_valid_files_passes_with_a_line_per_file(folder: Path) -> None:
    code, out, _err = _run("validate", str(folder))
    assert code == 0, out
    assert f"{folder}/a.toml: ok, 68 figures, 0 warnings" in out
    assert f"{folder}/b.toml: ok," in out
    assert out.rstrip().splitlines()[-1].startswith("ok: 2 files, ")
    assert "notes.txt" not in out


def test_a_bad_file_in_the_folder_fails_and_is_named(folder: Path) -> None:
    text = (folder / "b.toml").read_text(encoding="utf-8")
    (folder / "b.toml").write_text(text.replace('unit = "', 'unit = "万圆', 1), encoding="utf-8")
    code, out, _err = _run("validate", str(folder))
    assert code == 1
    assert f"{folder}/a.toml: ok" in out
    assert f"{folder}/b.toml: failed, " in out
    assert out.rstrip().splitlines()[-1].startswith("failed: ")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_an_entry_that_is_not_read_counts_as_an_error(folder: Path) -> None:
    os.mkfifo(folder / "c.toml")
    code, out, _err = _run("validate", str(folder))
    assert code == 1
    assert f"{folder}/c.toml: error[G001]: a FIFO, not read" in out
    code, out, _err = _run("validate", "--format", "json", str(folder))
    document = json.loads(out)
    assert code == 1 and document["status"] == "fail"
    assert [f["file"] for f in document["files"]] == [
        f"{folder}/{name}.toml" for name in ("a", "b", "c")
    ]


def test_an_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    code, _out, err = _run("validate", str(tmp_path))
    assert code == 2
    assert "is a directory without *.toml files" in err
    assert "(--data)" not in err


def test_one_file_keeps_its_short_output() -> None:
    code, out, _err = _run("validate", str(GOOD))
    assert code == 0
    assert out == "ok: 1 file, 68 figures, 0 warnings\n"
