"""The 双过半 headline says "数据截至" when every target's data end before --as-of."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from ganxian_cli.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = str(ROOT / "data" / "indicators.toml")


def _headline(*args: str) -> str:
    result = CliRunner().invoke(app, ["progress", "-q", "--data", SHIPPED, *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout.splitlines()[0]


def test_all_data_ending_early_is_not_called_some() -> None:
    zh = _headline("--as-of", "2022-06")
    assert ";数据截至 2022-05" in zh and "部分" not in zh
    en = _headline("--as-of", "2022-06", "--lang", "en")
    assert "; all data end 2022-05" in en


def test_no_note_when_the_data_reach_the_month_asked() -> None:
    assert "数据截至" not in _headline("--as-of", "2022-05")
