"""A long option typed with one dash (-format, read as -f ormat) or with a dash a keyboard or
word processor made (—format) is answered with the option meant, on one line, status 2."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tests.conftest import invoke


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["report", "-format", "json"], "-format is read as -f ormat; did you mean --format?"),
        (["progress", "-output", "x.csv"], "-output is read as -o utput; did you mean --output?"),
        (["record", "x", "-theme", "y"], "-theme has one dash; did you mean --theme?"),
        (["report", "—format", "json"], "'—format' is not an option; did you mean --format?"),
        (["report", "–lang", "en"], "'–lang' is not an option; did you mean --lang?"),
    ],
)
def test_a_long_option_mistyped_gets_the_option_meant(
    runner: CliRunner, args: list[str], expected: str
) -> None:
    result = invoke(runner, *args)
    assert result.exit_code == 2
    assert result.stderr == f"ganxian: error: {expected}\n"
    assert result.stdout == ""


def test_a_short_option_with_its_value_attached_is_still_read(runner: CliRunner) -> None:
    result = invoke(runner, "report", "-fjson")
    assert result.exit_code == 0, result.stderr
