"""Errors end in one readable message and their documented status: usage errors 2, internal errors 3
with a hint."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.cli import run
from tests.conftest import invoke


def test_traceback_keeps_status_3(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    from ganxian_cli.output import report

    def broken(*args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(report, "select", broken)
    monkeypatch.setattr(run.STATE, "traceback", False)
    for flags in ([], ["--traceback"]):
        result = invoke(runner, *flags, "report")
        assert result.exit_code == 3
        assert "internal error: RuntimeError: a bug" in result.stderr
        assert ("Traceback (most recent call last)" in result.stderr) == bool(flags)


@pytest.mark.parametrize(
    ("value", "on"), [("0", False), ("", False), ("off", False), ("1", True), ("yes", True)]
)
def test_traceback_variable(value: str, on: bool) -> None:
    assert run.env_flag(value) is on


def test_empty_period_is_a_usage_error(runner: CliRunner) -> None:
    result = invoke(runner, "report", "--period", "")
    assert result.exit_code == 2
    assert "--period: not a period: ''" in result.stderr


def test_unreadable_number_names_its_line_and_no_python(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_text("schema_version = 1\nx = " + "1" * 5000 + "\n")
    result = invoke(runner, "validate", str(path))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{path}:2:5: error[G021]: a number with more than")
    assert "sys." not in result.stdout
