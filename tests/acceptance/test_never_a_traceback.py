"""Any input ends in a message and exit status 1 (or 0), never a traceback or a hang."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ganxian_cli.analysis.checks.validation import validate_file
from ganxian_cli.cli.app import app
from tests.conftest import DATA, SHARED, needs_shared

TOML_TEST = SHARED / "toml-test"
CASES_LIST = TOML_TEST / "files-toml-1.0.0"


def _cases() -> list[str]:
    if not CASES_LIST.is_file():
        return []
    return [line for line in CASES_LIST.read_text().splitlines() if line.endswith(".toml")]


CASES = _cases()


@needs_shared(CASES_LIST, "toml-test corpus")
def test_every_toml_test_case_gives_a_clean_result() -> None:
    """All TOML 1.0 cases, valid and invalid: each ends with problems that name a line."""
    invalid = [c for c in CASES if c.startswith("invalid/")]
    assert len(invalid) > 300
    for case in CASES:
        result = validate_file(str(TOML_TEST / case))
        assert result.failed, case  # valid TOML, but none of it is our schema
        assert all(p.line is not None for p in result.problems if p.code != "G013"), case
        if case.startswith("invalid/"):
            assert result.problems[0].code.startswith("G0"), case


@needs_shared(CASES_LIST, "toml-test corpus")
@pytest.mark.parametrize("command", ["report", "validate"])
def test_toml_test_cases_through_every_command(command: str) -> None:
    runner = CliRunner()
    for case in CASES[::7]:
        path = str(TOML_TEST / case)
        args = [command, "--data", path] if command == "report" else [command, path]
        result = runner.invoke(app, args, catch_exceptions=False)
        assert result.exit_code == 1, (case, result.stdout, result.stderr)
        assert "Traceback" not in result.stdout + result.stderr


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data: bytes) -> None:
    result = CliRunner().invoke(app, ["validate", "-"], input=data, catch_exceptions=False)
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.stdout + result.stderr
    if result.exit_code == 1:
        assert result.stdout.startswith("<stdin>:")
        assert result.stdout.split(":")[1].isdigit()  # names a line


_shipped = DATA.read_text(encoding="utf-8")


@settings(max_examples=150, deadline=None)
@given(st.integers(0, len(_shipped) - 1), st.text(max_size=5))
def test_arbitrary_edits_of_the_shipped_file(position: int, inserted: str) -> None:
    text = _shipped[:position] + inserted + _shipped[position + 1 :]
    result = CliRunner().invoke(
        app, ["validate", "-"], input=text.encode("utf-8", "surrogatepass"), catch_exceptions=False
    )
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.stdout + result.stderr


def test_report_reads_broken_files_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_bytes(b"[indicators.a]\nname = 1\n")
    result = CliRunner().invoke(app, ["report", "--data", str(path)], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}:1: error[G100]: schema_version: missing field")
