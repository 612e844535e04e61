"""A run builds Typer's click command only for the command it names, and behaves as the whole
app does: same help, same usage errors, same output."""

from __future__ import annotations

import pytest
import typer.main
from typer.testing import CliRunner

from ganxian_cli.cli.entry import LISTED, app, app_for, command_name

HELP_CASES = [[name, "--help"] for name in LISTED]
ERROR_CASES = [
    ["report", "--bogus"],
    ["record", "--search", "x"],  # which other commands take the option
    ["--json", "list"],
    ["report", "-format", "json"],
    ["report", "--format", "yaml"],
    ["record", "gdp"],
    ["validate", "/nonexistent/indicators.toml"],
    ["--traceback", "list", "--kind", "nothing"],
]


def names(one: typer.Typer) -> list[str]:
    return [command_name(info) for info in one.registered_commands]


@pytest.mark.parametrize("args", HELP_CASES + ERROR_CASES, ids=" ".join)
def test_the_one_command_app_answers_as_the_whole_app(args: list[str]) -> None:
    one = app_for(args)
    assert names(one) == [next(a for a in args if not a.startswith("-"))]
    runner = CliRunner()
    whole = runner.invoke(app, args, prog_name="ganxian")
    alone = runner.invoke(one, args, prog_name="ganxian")
    assert (alone.exit_code, alone.stdout, alone.stderr) == (
        whole.exit_code,
        whole.stdout,
        whole.stderr,
    )


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        ["--version"],
        ["reprot"],
        ["Report"],
        ["--traceback"],
        ["--help", "report"],
        ["-h", "report"],
        ["--traceback", "--help", "report"],
    ],
    ids=lambda a: " ".join(a) or "nothing",
)
def test_a_command_line_naming_no_command_runs_the_whole_app(args: list[str]) -> None:
    assert app_for(args) is app


def test_the_first_word_that_is_not_an_option_names_the_command() -> None:
    assert names(app_for(["--traceback", "validate", "report"])) == ["validate"]


def test_shell_completion_runs_the_whole_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_GANXIAN_COMPLETE", "bash_complete")
    assert app_for(["report"]) is app


def test_the_whole_app_keeps_every_command() -> None:
    app_for(["report"])
    assert names(app) == list(LISTED)


def test_only_the_named_command_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []
    real = typer.main.get_command_from_info

    def counting(command_info: typer.models.CommandInfo, **kwargs: object) -> object:
        built.append(command_name(command_info))
        return real(command_info=command_info, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(typer.main, "get_command_from_info", counting)
    typer.main.get_command(app_for(["report", "--format", "json"]))
    assert built == ["report"]
    built.clear()
    typer.main.get_command(app)
    assert sorted(built) == sorted(LISTED)


def test_no_option_before_the_command_takes_a_value() -> None:
    """What makes the first word that is not an option the command's name."""
    group = typer.main.get_command(app)
    assert all(p.is_flag or p.count for p in group.params if hasattr(p, "is_flag"))
    assert [p.name for p in group.params if not hasattr(p, "is_flag")] == []


@pytest.mark.parametrize(
    "args", [["record", "--search", "x"], ["--json", "list"], ["report", "--bogus"]], ids=" ".join
)
def test_the_console_script_answers_as_the_whole_app(args: list[str]) -> None:
    """Through `main`, which picks the app, as the console script runs it."""
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-m", "ganxian_cli", *args], capture_output=True, text=True, timeout=120
    )
    whole = CliRunner().invoke(app, args, prog_name="ganxian")
    assert (run.returncode, run.stdout, run.stderr) == (
        whole.exit_code,
        whole.stdout,
        whole.stderr,
    )
