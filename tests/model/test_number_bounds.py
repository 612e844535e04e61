"""Numbers in a data file: huge exponents are refused by the schema, small ones stay valid."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import TESTS, invoke

OTHER = TESTS / "data" / "other_region.toml"


@pytest.fixture
def data_file(tmp_path: Path, runner: CliRunner) -> Path:
    path = tmp_path / "indicators.toml"
    path.write_bytes(OTHER.read_bytes())
    assert invoke(runner, "fmt", str(path)).exit_code == 0
    return path


@pytest.mark.parametrize("value", ["0e999999999", "0e15", "0.0e20"])
def test_huge_exponents_are_refused_by_the_schema(
    runner: CliRunner, data_file: Path, value: str
) -> None:
    text = data_file.read_text(encoding="utf-8").replace("value = 40.00", f"value = {value}", 1)
    data_file.write_text(text, encoding="utf-8")
    for args in (["validate", str(data_file)], ["report", "-d", str(data_file)]):
        result = invoke(runner, *args)
        assert result.exit_code == 1
        assert "error[G100]" in result.stdout + result.stderr
        assert "number too large" in result.stdout + result.stderr


def test_small_exponents_stay_valid(runner: CliRunner, data_file: Path) -> None:
    text = data_file.read_text(encoding="utf-8").replace("value = 40.00", "value = 0e2", 1)
    data_file.write_text(text.replace('"全年社会消费品零售总额目标40.00亿元"', '"目标0"', 1))
    assert invoke(runner, "report", "-d", str(data_file)).exit_code == 0
