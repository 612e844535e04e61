"""Numbers in a data file: huge exponents are refused by the schema, small ones stay valid."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import invoke


@pytest.mark.parametrize("value", ["0e999999999", "0e15", "0.0e20"])
def test_huge_exponents_are_refused_by_the_schema(
    runner: CliRunner, other_region_copy: Path, value: str
) -> None:
    text = other_region_copy.read_text(encoding="utf-8").replace(
        "value = 40.00", f"value = {value}", 1
    )
    other_region_copy.write_text(text, encoding="utf-8")
    for args in (["validate", str(other_region_copy)], ["report", "-d", str(other_region_copy)]):
        result = invoke(runner, *args)
        assert result.exit_code == 1
        assert "error[G100]" in result.stdout + result.stderr
        assert "number too large" in result.stdout + result.stderr


def test_small_exponents_stay_valid(runner: CliRunner, other_region_copy: Path) -> None:
    text = other_region_copy.read_text(encoding="utf-8").replace("value = 40.00", "value = 0e2", 1)
    other_region_copy.write_text(
        text.replace('"全年社会消费品零售总额目标40.00亿元"', '"目标0"', 1)
    )
    assert invoke(runner, "report", "-d", str(other_region_copy)).exit_code == 0
