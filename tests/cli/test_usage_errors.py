"""Usage errors of the command line end like ganxian's own: `ganxian: error: …` on one line,
with the value most likely meant (or one line naming the help), status 2; no `Usage: … Try …
Error: …` box, in a pipe or on a terminal."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from ganxian_cli.cli.typos import closest, month_reading, percent_number, period_reading
from tests.conftest import DATA, ROOT, invoke

CASES = [
    (
        ["report", "--format", "xls"],
        "ganxian: error: --format: 'xls' is not one of table, json, csv, markdown, xlsx, html; "
        "did you mean xlsx?\n",
    ),
    (
        ["report", "--lang", "cn"],
        "ganxian: error: --lang: 'cn' is not one of zh, en; did you mean zh?\n",
    ),
    (
        ["progress", "--basis", "day"],
        "ganxian: error: --basis: 'day' is not one of months, days; did you mean days?\n",
    ),
    (
        ["report", "--fromat", "csv"],
        "ganxian: error: report has no option --fromat; did you mean --format?\n",
    ),
    (["reprot"], "ganxian: error: no command 'reprot'; did you mean report?\n"),
    (
        ["report", "data/indicators.toml"],
        "ganxian: error: unexpected argument 'data/indicators.toml' for report; "
        "did you mean --data data/indicators.toml?\n",
    ),
    (
        ["list", "indicators", "extra"],
        "ganxian: error: unexpected argument 'extra' for list\ntry 'ganxian list --help'\n",
    ),
    (["xyzzy"], "ganxian: error: no command 'xyzzy'\ntry 'ganxian --help'\n"),
    (["history"], "ganxian: error: missing argument INDICATOR\ntry 'ganxian history --help'\n"),
    (
        ["record", "industrial_revenue", "-v", "1"],
        "ganxian: error: missing option --period\ntry 'ganxian record --help'\n",
    ),
    (
        ["report", "--format"],
        "ganxian: error: --format needs a value\ntry 'ganxian report --help'\n",
    ),
    (
        ["report", "--as-of", "2022-05"],
        "ganxian: error: report has no option --as-of (progress has it)\n"
        "try 'ganxian report --help'\n",
    ),
    (
        ["list", "indicator"],
        "ganxian: error: KIND: 'indicator' is not one of indicators, themes, periods, targets, "
        "sources; did you mean indicators?\n",
    ),
    (
        ["report", "--period", "2022.6"],
        "ganxian: error: --period: not a period: '2022.6'; did you mean 2022-06?\n",
    ),
    (
        ["report", "--period", "2022年6月"],
        "ganxian: error: --period: not a period: '2022年6月'; did you mean 2022-06?\n",
    ),
    (
        ["progress", "--as-of", "2022-6"],
        "ganxian: error: --as-of: expected YYYY-MM, not '2022-6'; did you mean 2022-06?\n",
    ),
    (
        ["init", "x.toml", "--region", "县", "--title", "t", "--published", "2022.7"],
        "ganxian: error: --published: expected YYYY-MM, not '2022.7'; did you mean 2022-07?\n",
    ),
]


@pytest.mark.parametrize(("args", "expected"), CASES, ids=[" ".join(a) for a, _e in CASES])
def test_usage_error_is_ganxian_style(runner: CliRunner, args: list[str], expected: str) -> None:
    result = invoke(runner, *args)
    assert result.exit_code == 2
    assert result.stderr == expected
    assert result.stdout == ""


def test_an_environment_variable_is_named(runner: CliRunner) -> None:
    result = invoke(runner, "report", env={"GANXIAN_LANG": "cn"})
    assert result.exit_code == 2
    assert result.stderr == (
        "ganxian: error: $GANXIAN_LANG (for --lang): 'cn' is not one of zh, en; did you mean zh?\n"
    )


def test_an_unreadable_value_keeps_the_commands_own_message(runner: CliRunner) -> None:
    """No proposal where the reading is not certain: the command's own message stands."""
    for args, said in (
        (["report", "--period", "2022-13"], "--period: no month 13 in '2022-13' (01 to 12)"),
        (["progress", "--as-of", "22-6"], "--as-of: expected YYYY-MM, not '22-6'"),
    ):
        result = invoke(runner, *args, "--data", str(DATA))
        assert result.exit_code == 2
        assert result.stderr == f"ganxian: error: {said}\n"


def test_help_stays_typers(runner: CliRunner) -> None:
    result = invoke(runner, "report", "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: ganxian report [OPTIONS]")


def test_no_arguments_show_the_help(runner: CliRunner) -> None:
    result = invoke(runner)
    assert result.exit_code == 2
    assert "Usage: ganxian [OPTIONS] COMMAND" in result.stdout + result.stderr


def test_a_percent_sign_is_read_on_yoy(runner: CliRunner, tmp_path: object) -> None:
    result = invoke(
        runner, "record", "industrial_revenue", "-p", "2031-06", "-v", "1", "--yoy", "13.1%",
        "--data", str(DATA), "--dry-run",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "+yoy = 13.1\n" in result.stdout


ENV = {**os.environ, "PYTHONPATH": str(ROOT), "GANXIAN_DATA": str(DATA), "TERM": "xterm"}


def test_one_line_in_a_pipe() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ganxian_cli", "report", "--format", "xls"],
        capture_output=True,
        env=ENV,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        "ganxian: error: --format: 'xls' is not one of table, json, csv, markdown, xlsx, html; "
        "did you mean xlsx?"
    ]


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_one_line_on_a_terminal() -> None:
    """On a terminal Typer draws its errors in a Rich panel; ganxian's are one line still."""
    main, secondary = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "ganxian_cli", "report", "--fromat", "csv"],
            stdin=secondary,
            stdout=secondary,
            stderr=secondary,
            env={**ENV, "FORCE_COLOR": "1", "COLUMNS": "80"},
            timeout=60,
        )
        os.close(secondary)
        text = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:
                break
            if not chunk:
                break
            text += chunk
    finally:
        os.close(main)
    assert done.returncode == 2
    assert text.decode().splitlines() == [
        "ganxian: error: report has no option --fromat; did you mean --format?"
    ]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2022.6", "2022-06"),
        ("2022年6月", "2022-06"),
        ("2022-6", "2022-06"),
        ("2022/06", "2022-06"),
        ("6/2022", "2022-06"),
        ("2022.10", "2022-10"),
        ("2022年1-5月", "2022-01..2022-05"),
        ("2022年1月至5月", "2022-01..2022-05"),
        ("2022-01-2022-05", "2022-01..2022-05"),
        ("2022q1", "2022-Q1"),
        ("2022-h1", "2022-H1"),
        ("2022年上半年", "2022-H1"),
        ("2022年第一季度", "2022-Q1"),
        ("2022年", "2022"),
        # no proposal where the reading is not certain
        ("2022-6-7", None),  # a day, or June to July?
        ("2022-06-30", None),  # a day is no period
        ("22-6", None),  # which year?
        ("2022-13", None),
        ("2022-5-2022-3", None),
        ("2021-11..2022-02", None),
        ("2022-h3", None),
        ("6月", None),
    ],
)
def test_period_reading(text: str, period: str | None) -> None:
    assert period_reading(text) == period


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("2022-6", "2022-06"),
        ("2022.6", "2022-06"),
        ("2022年6月", "2022-06"),
        ("202206", "2022-06"),
        ("2022-06-30", "2022-06"),  # as of a day: its month
        ("22-6", None),
        ("2022-13", None),
        ("2022-Q2", None),
    ],
)
def test_month_reading(text: str, month: str | None) -> None:
    assert month_reading(text) == month


def test_closest() -> None:
    formats = ["table", "json", "csv", "markdown", "xlsx", "html"]
    assert closest("xls", formats) == "xlsx"
    assert closest("JSON", formats) == "json"
    assert closest("yaml", formats) is None
    assert closest("cn", ["zh", "en"]) == "zh"
    assert closest("english", ["zh", "en"]) == "en"
    assert closest("fr", ["zh", "en"]) is None


def test_percent_number() -> None:
    assert percent_number("13.1%") == "13.1"
    assert percent_number("-3.2％") == "-3.2"
    assert percent_number("13.1") == "13.1"
    assert percent_number("%") == "%"


def test_a_percent_sign_is_read_on_a_percentage_value_only(runner: CliRunner) -> None:
    base = ["record", "-p", "2031-06", "--data", str(DATA), "--dry-run"]
    result = invoke(runner, *base, "industrial_value_added_growth", "-v", "8.5%")
    assert result.exit_code == 0, result.stderr
    assert "+value = 8.5\n" in result.stdout
    result = invoke(runner, *base, "industrial_revenue", "-v", "8.5%")  # 亿元: not a percentage
    assert result.exit_code == 2
    assert "--value: '8.5%' is a percentage, but industrial_revenue is in 亿元" in result.stderr
