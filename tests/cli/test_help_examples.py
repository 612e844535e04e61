"""The examples in `--help` of list, history and progress run on the shipped data."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = str(ROOT / "data" / "indicators.toml")


def _examples(command: str) -> list[list[str]]:
    result = CliRunner().invoke(app, [command, "--help"], terminal_width=200)
    lines = result.stdout.split("Examples:")[1].split("\n\n")[0].splitlines()
    return [shlex.split(line.split(">")[0])[1:] for line in lines if line.strip()]


@pytest.mark.parametrize("command", ["list", "history", "progress"])
def test_every_help_example_runs(command: str, tmp_path: Path) -> None:
    examples = _examples(command)
    assert examples
    for words in examples:
        words = [str(tmp_path / w) if w.endswith((".xlsx", ".html")) else w for w in words]
        result = CliRunner().invoke(app, [*words, "--data", SHIPPED], catch_exceptions=False)
        allowed = (0, 1) if "--fail-on" in words else (0,)
        assert result.exit_code in allowed, (words, result.stderr)


def test_format_help_lists_only_what_the_command_draws() -> None:
    shown = {
        command: CliRunner().invoke(app, [command, "--help"], terminal_width=200).stdout
        for command in ("list", "history", "compare", "report")
    }
    assert "<table|json|csv|markdown>" in shown["list"]
    assert "<table|json|csv|markdown|xlsx>" in shown["history"]
    assert "<table|json|csv|markdown|xlsx>" in shown["compare"]
    assert "<table|json|csv|markdown|xlsx|html>" in shown["report"]
    refused = CliRunner().invoke(app, ["compare", "--format", "html", "--data", SHIPPED])
    assert refused.exit_code == 2 and "'html' is not one of table, json, csv, markdown, xlsx" in (
        refused.stderr
    )


def test_a_shortened_name_suggests_the_indicator_it_shortens_first() -> None:
    result = CliRunner().invoke(app, ["history", "工业营业收入", "--data", SHIPPED])
    assert result.exit_code == 2
    assert "did you mean industrial_revenue (规模以上工业企业营业收入) or" in result.stderr
