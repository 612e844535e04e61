"""`-q` on import (only the summary, as record) and export (no "wrote" line); `list -o`."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import invoke

DRAFT = """schema_version = 1
kind = "extract-draft"

[[figures]]
indicator = "retail_sales"
value = 3.5
unit = "亿元"
period = "2031-06"
"""


def test_import_q_says_only_the_summary(
    runner: CliRunner, other_region_copy: Path, tmp_path: Path
) -> None:
    draft = tmp_path / "draft.toml"
    draft.write_text(DRAFT, encoding="utf-8")
    result = invoke(runner, "import", str(draft), "-d", str(other_region_copy), "-q")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "ganxian: 1 added, 0 replaced, 0 already present (skipped); written"
    ]
    assert 'period = "2031-06"' in other_region_copy.read_text(encoding="utf-8")


def test_export_q_says_nothing(runner: CliRunner, other_region_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    result = invoke(runner, "export", "-o", str(db), "-d", str(other_region_copy), "--quiet")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "" and db.stat().st_size > 0


def test_list_writes_its_text_to_output(
    runner: CliRunner, other_region_copy: Path, tmp_path: Path
) -> None:
    path = tmp_path / "ids.csv"
    result = invoke(runner, "list", "-f", "csv", "-o", str(path), "-d", str(other_region_copy))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and "retail_sales" in path.read_text(encoding="utf-8")
    assert result.stderr.endswith(f"ganxian: wrote {path}\n")
