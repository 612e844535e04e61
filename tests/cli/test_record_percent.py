"""A growth typed as printed (+13.1%, 13.1％) is read; a mistyped one is refused as typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import invoke

ARGS = [
    "record",
    "retail_sales",
    "-p",
    "2031-06",
    "-v",
    "3.5",
    "--quote",
    "零售额3.5亿元,增长13.1%",
]


@pytest.mark.parametrize("typed", ["+13.1%", "+13.1", "13.1％", " 13.1 % "])
def test_a_growth_as_printed_is_read(
    runner: CliRunner, other_region_copy: Path, typed: str
) -> None:
    result = invoke(runner, *ARGS, "--yoy", typed, "-n", "-d", str(other_region_copy))
    assert result.exit_code == 0, result.stderr
    assert "+yoy = 13.1\n" in result.stdout


@pytest.mark.parametrize("typed", ["13.1%%", "13,1%", "%", "+-13.1"])
def test_a_mistyped_growth_is_refused_as_typed(
    runner: CliRunner, other_region_copy: Path, typed: str
) -> None:
    result = invoke(runner, *ARGS, "--yoy", typed, "-n", "-d", str(other_region_copy))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--yoy" in lines[0], lines
    assert repr(typed) in lines[0], lines
