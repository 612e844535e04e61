"""What `export` and `report` say about the files they read."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import DATA, invoke


def test_export_counts_one_file_as_one_file(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "export", "--data", str(DATA), "-o", str(tmp_path / "g.db"))
    assert result.exit_code == 0, result.stderr
    assert "figures from 1 file to" in result.stderr and "file(s)" not in result.stderr


def test_a_file_without_figures_says_so(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "new.toml"
    made = invoke(runner, "init", str(data), "--region", "青山县", "--region-en", "Qingshan County",
                  "--title", "t", "--published", "2031-07")  # fmt: skip
    assert made.exit_code == 0, made.stderr
    result = invoke(runner, "report", "--data", str(data), "--format", "json")
    assert "the data file holds no figure yet" in result.stderr
    assert "no figure matches \n" not in result.stderr
