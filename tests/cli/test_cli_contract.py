"""Cross-cutting promises of the command line: terminals, internal errors, escaping."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ganxian_cli.analysis.checks.validation import validate_file
from ganxian_cli.cli.app import app
from ganxian_cli.output.problems import text_lines
from tests.conftest import DATA, ROOT, invoke


def _run_on_pty(args: list[str]) -> bytes:
    """stdout of the CLI when it is a terminal."""
    leader, follower = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FORCE_COLOR": "1", "COLUMNS": "100"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "ganxian_cli", *args],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).replace(b"\r\n", b"\n")


def test_json_is_the_same_on_a_terminal_and_in_a_pipe() -> None:
    args = ["report", "--data", str(DATA), "--format", "json"]
    piped = subprocess.run(
        [sys.executable, "-m", "ganxian_cli", *args],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    ).stdout
    on_tty = _run_on_pty(args)
    assert on_tty == piped
    assert b"\x1b" not in on_tty


def test_table_on_a_terminal_is_coloured() -> None:
    assert b"\x1b[" in _run_on_pty(["report", "--data", str(DATA)])


def test_internal_error_is_one_line_and_status_3(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ganxian_cli.output import report

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(report, "select", broken)
    result = invoke(runner, "report", "--data", str(DATA), "--json")
    assert result.exit_code == 3
    assert result.stderr == "ganxian: internal error: RuntimeError: boom (run with --traceback)\n"
    from ganxian_cli.cli.run import STATE

    monkeypatch.setattr(STATE, "traceback", False)
    shown = invoke(runner, "--traceback", "report", "--data", str(DATA), "--json")
    assert shown.exit_code == 3  # the traceback is shown, the status stays
    assert "Traceback (most recent call last)" in shown.stderr and "boom" in shown.stderr


def test_interrupt_inside_a_command_is_status_130(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ganxian_cli.output import report

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(report, "select", interrupted)
    result = invoke(runner, "report", "--data", str(DATA), "--json")
    assert result.exit_code == 130
    assert result.stderr == "ganxian: interrupted\n"


def test_messages_escape_control_characters(tmp_path: Path) -> None:
    text = DATA.read_text(encoding="utf-8").replace(
        'quote = "工业税收30478万元"', 'quote = "\\u001b[2J\\u001b]0;owned\\u0007工业税收3478万元"'
    )
    path = tmp_path / "x.toml"
    path.write_text(text, encoding="utf-8")
    result = validate_file(str(path))
    lines = text_lines(result, excerpt=True)
    assert any("\\x1b[2J\\x1b]0;owned\\x07" in line for line in lines)
    assert not any("\x1b" in line or "\x07" in line for line in lines)


def test_excerpt_marks_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_text("schema_version = 1\nsource = 3 3\n", encoding="utf-8")
    lines = text_lines(validate_file(str(path)), excerpt=True)
    assert lines == [
        f"{path}:2:12: error[G020]: TOML syntax: "
        "Expected newline or end of document after a statement",
        "    2 | source = 3 3",
        "      |            ^",
    ]


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_report_on_arbitrary_bytes(data: bytes) -> None:
    result = CliRunner().invoke(
        app, ["report", "--data", "-", "--json"], input=data, catch_exceptions=False
    )
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.stdout + result.stderr


def test_record_on_a_missing_file_leaves_nothing_behind(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "none.toml"
    result = invoke(runner, "record", "x", "-p", "2022", "-v", "1", "-d", str(path))
    assert result.exit_code == 2 and "no such file" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_every_command_has_help_and_is_in_the_readme(runner: CliRunner) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("report", "progress", "compare", "validate", "record", "fmt", "schema"):
        result = invoke(runner, command, "--help")
        assert result.exit_code == 0 and "Usage:" in result.stdout
        assert f"ganxian {command}" in readme


def test_error_codes_are_documented() -> None:
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| ([GW]\d{3}) \|", readme, flags=re.MULTILINE))
    source = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "ganxian_cli").rglob("*.py"))
    used = set(re.findall(r'"([GW]\d{3})"', source))
    assert documented == used


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--format", "json"],
        ["report", "--format", "csv"],
        ["validate"],
        ["progress", "--format", "json"],
    ],
)
def test_machine_output_does_not_import_rich(args: list[str]) -> None:
    """Start-up cost: Rich (and the table code) only load where a table is drawn."""
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "ganxian_cli",
            *args,
            "--data" if args[0] != "validate" else str(DATA),
        ]
        + ([str(DATA)] if args[0] != "validate" else []),
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    imported = {
        line.split("|")[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert not {m for m in imported if m == "rich" or m.startswith("rich.")}
    assert "ganxian_cli.output.table" not in imported


def test_readme_data_example_is_a_valid_file(tmp_path: Path) -> None:
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", readme, flags=re.DOTALL)
    assert example is not None
    path = tmp_path / "example.toml"
    path.write_text(example.group(1), encoding="utf-8")
    result = validate_file(str(path))
    assert result.problems == [], [p.format() for p in result.problems]


def test_help_lists_the_commands_by_use(runner: CliRunner) -> None:
    """Reading first, then checking and writing: not in the order of the modules."""
    result = invoke(runner, "--help")
    listed = [line.split()[0] for line in result.stdout.split("Commands:")[1].splitlines()[1:]]
    names = [n for n in listed if n.isalpha()]
    assert names == [
        "report", "progress", "compare", "validate", "fmt", "record", "schema",
        "init", "list", "history", "export", "extract", "import",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "kind", "version"),
    [
        (["list"], "list", 2),
        (["history", "industrial_revenue"], "history", 3),
        (["report"], "report", 6),
        (["progress"], "progress", 6),
        (["compare"], "compare", 6),
    ],
)
def test_an_output_s_version_is_not_the_data_file_s(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, args: list[str], kind: str, version: int
) -> None:
    """A new version of the data file's schema leaves every JSON output's version as it is."""
    import json

    from ganxian_cli.model import models

    monkeypatch.setattr(models, "SCHEMA_VERSION", 99)
    result = invoke(runner, *args, "--data", str(DATA), "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert (document["schema_version"], document["kind"]) == (version, kind)


def test_every_field_of_a_new_figure_is_an_option_of_record() -> None:
    """`record` builds its `NewFigure` from its options by name: none may be missing."""
    from dataclasses import fields

    import typer.main

    from ganxian_cli.datafile.record import NewFigure

    command = typer.main.get_command(app).commands["record"]  # type: ignore[attr-defined]
    options = {p.name for p in command.params}
    assert {f.name for f in fields(NewFigure)} <= options


def test_record_passes_its_choices_as_plain_text(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "mine.toml"
    data.write_bytes(DATA.read_bytes())
    result = invoke(
        runner, "record", "industrial_revenue", "--period", "2022-07", "--value", "200",
        "--status", "forecast", "--qualifier", "about", "--data", str(data), "--dry-run",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert 'status = "forecast"' in result.stdout and 'qualifier = "about"' in result.stdout
