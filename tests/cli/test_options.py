"""Options the read commands share: GANXIAN_LANG, --quiet, --bom, themes by name, an
empty --data."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tests.conftest import DATA, invoke

RECORD = ["record", "retail_sales", "--period", "2031-01..2031-05", "--value", "16.20"]


def test_ganxian_lang_sets_the_default_language(runner: CliRunner) -> None:
    args = ("report", "--data", str(DATA), "--theme", "relief", "--color", "never")
    english = invoke(runner, *args, env={"GANXIAN_LANG": "en"}).stdout
    assert "Enterprise relief" in english and "342 firms" in english
    assert "纾困减负" in invoke(runner, *args).stdout
    assert "纾困减负" in invoke(runner, *args, "--lang", "zh", env={"GANXIAN_LANG": "en"}).stdout


def test_quiet_drops_the_data_from_line(runner: CliRunner) -> None:
    for command in ("report", "progress", "compare", "list"):
        loud = invoke(runner, command, "--data", str(DATA), "--json")
        quiet = invoke(runner, command, "--data", str(DATA), "--json", "--quiet")
        assert "data from" in loud.stderr
        assert quiet.stderr == "" and quiet.stdout == loud.stdout


def test_bom_csv(runner: CliRunner) -> None:
    plain = invoke(runner, "report", "--data", str(DATA), "--format", "csv").stdout
    bom = invoke(runner, "report", "--data", str(DATA), "--format", "csv", "--bom").stdout
    assert bom == "\ufeff" + plain
    assert ",2022-01..2022-05," in plain  # periods as written, never a date
    progress = invoke(runner, "progress", "--data", str(DATA), "--format", "csv", "--bom")
    assert progress.stdout.startswith("\ufeffsection,")


def test_theme_by_chinese_or_english_name(runner: CliRunner) -> None:
    by_id = invoke(runner, "report", "--data", str(DATA), "--json", "--theme", "relief").stdout
    for name in ("纾困减负", "Enterprise relief", "enterprise relief"):
        assert invoke(runner, "report", "--data", str(DATA), "--json", "-t", name).stdout == by_id
    bad = invoke(runner, "report", "--data", str(DATA), "--theme", "纾困")
    assert bad.exit_code == 2 and "unknown theme '纾困'" in bad.stderr


@pytest.mark.parametrize("command", [["report"], ["record", *RECORD[1:]]])
def test_empty_data_option_is_a_usage_error(runner: CliRunner, command: list[str]) -> None:
    result = invoke(runner, *command, "--data", "")
    assert result.exit_code == 2
    assert "--data: empty file name" in result.stderr
