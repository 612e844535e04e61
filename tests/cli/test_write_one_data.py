"""A write command takes one data file: a second --data is refused, not silently preferred."""

from __future__ import annotations

from pathlib import Path

import pytest
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


@pytest.mark.parametrize("command", ["record", "import"])
def test_a_second_data_file_is_refused_and_neither_changes(
    command: str, runner: CliRunner, other_region_copy: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.toml"
    other.write_bytes(other_region_copy.read_bytes())
    draft = tmp_path / "draft.toml"
    draft.write_text(DRAFT, encoding="utf-8")
    before = other_region_copy.read_bytes()
    args = (
        ["record", "retail_sales", "-p", "2031-06", "-v", "3.5"]
        if command == "record"
        else ["import", str(draft)]
    )
    result = invoke(runner, *args, "--data", str(other_region_copy), "-d", str(other))
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "--data" in lines[0] and "one data file" in lines[0]
    assert other_region_copy.read_bytes() == before and other.read_bytes() == before


def test_one_data_file_is_still_written(runner: CliRunner, other_region_copy: Path) -> None:
    result = invoke(
        runner,
        "record",
        "retail_sales",
        "-p",
        "2031-06",
        "-v",
        "3.5",
        "--data",
        str(other_region_copy),
    )
    assert result.exit_code == 0, result.stderr
