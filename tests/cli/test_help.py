"""Help: short and long help explain the terms; every command shows examples and path metavars."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tests.conftest import invoke

COMMANDS = ["report", "progress", "compare", "validate", "fmt", "record", "schema", "list",
            "history"]  # fmt: skip


def test_short_and_long_help_explain_the_terms(runner: CliRunner) -> None:
    short = invoke(runner, "-h", env={"COLUMNS": "80"})
    assert short.exit_code == 0
    assert short.stdout == invoke(runner, "--help", env={"COLUMNS": "80"}).stdout
    for term in ("双过半", "序时进度", "余/多", "近", "约/左右", "--install-completion"):
        assert term in short.stdout
    listed = short.stdout.split("Commands:")[1]
    assert "..." not in listed  # no summary cut off
    assert all(f"  {c} " in listed for c in COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_examples_and_path_metavars(runner: CliRunner, command: str) -> None:
    result = invoke(runner, command, "-h", env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert "Examples:" in result.stdout and f"ganxian {command}" in result.stdout
    if "-d, --data" in result.stdout:
        assert "--data PATH" in result.stdout
