"""`progress --fail-on behind|missed`: a CI gate on 双过半, the failing targets named on stderr."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from ganxian_cli.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "data" / "indicators.toml"
DECEMBER = ROOT / "tests" / "data" / "december_city.toml"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_without_the_option_a_target_behind_still_exits_0() -> None:
    assert _run("progress", "-q", "--data", str(SHIPPED))[0] == 0


def test_behind_fails_and_names_only_the_target_behind() -> None:
    code, out, err = _run("progress", "-q", "--data", str(SHIPPED), "--fail-on", "behind")
    assert code == 1
    assert out  # the table is still printed
    named = [line for line in err.splitlines() if "behind:" in line]
    assert len(named) == 1
    assert "industrial_revenue" in named[0]
    why = "31.51% done against 41.67% time elapsed at 2022-01..2022-05 (10.15 percentage points"
    assert f"{why} behind)" in named[0]
    assert "fixed_asset" not in err and "key_projects" not in err  # ahead: not named


def test_missed_does_not_fail_before_year_end() -> None:
    code, _out, err = _run("progress", "-q", "--data", str(SHIPPED), "--fail-on", "missed")
    assert code == 0
    assert "missed" not in err


def test_missed_at_year_end_fails_both_gates() -> None:
    for gate in ("missed", "behind"):
        code, _out, err = _run("progress", "-q", "--data", str(DECEMBER), "--fail-on", gate)
        assert code == 1
        assert "target missed" in err and "of the year's target done in " in err


def test_json_output_stays_a_document_when_failing() -> None:
    import json

    code, out, _err = _run(
        "progress", "--format", "json", "--data", str(SHIPPED), "--fail-on", "behind"
    )
    assert code == 1
    assert json.loads(out)["kind"] == "progress"


def test_an_unknown_gate_is_a_usage_error() -> None:
    assert _run("progress", "--fail-on", "late")[0] == 2
