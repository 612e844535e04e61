"""`name_en_status`: an English name no person wrote is kept so, shown so in English output,
and is no validation problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import invoke

FILE = """schema_version = 1

[source]
region = "江北区"
region_en = "Jiangbei"
title = "t"
published = "2031-06"

[themes.investment]
name = "项目与投资"
name_en = "Projects and investment"

[indicators.indicator_01]
name = "星辰园区落地项目"
name_en = "Projects landed of 星辰园区"
name_en_status = "untranslated"
theme = "investment"
unit = "个"

[[indicators.indicator_01.observations]]
period = "2031-01..2031-05"
value = 3
quote = "星辰园区落地项目3个"

[indicators.signed_projects]
name = "签约项目"
name_en = "Projects signed"
name_en_status = "composed"
theme = "investment"
unit = "个"

[[indicators.signed_projects.observations]]
period = "2031-01..2031-05"
value = 12
quote = "签约项目12个"
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "data.toml"
    path.write_text(FILE, encoding="utf-8")
    return path


def test_machine_made_names_validate_strictly(runner: CliRunner, data: Path) -> None:
    result = invoke(runner, "validate", "--strict", str(data))
    assert result.exit_code == 0, result.stdout
    assert "0 warnings" in result.stdout


def test_the_mark_round_trips_through_fmt(runner: CliRunner, data: Path) -> None:
    result = invoke(runner, "fmt", str(data))
    assert result.exit_code == 0, result.stderr
    assert data.read_text(encoding="utf-8") == FILE
    assert invoke(runner, "fmt", "--check", str(data)).exit_code == 0


def test_english_output_marks_an_untranslated_name(runner: CliRunner, data: Path) -> None:
    history = invoke(runner, "history", "indicator_01", "--data", str(data), "--lang", "en")
    assert history.exit_code == 0, history.stderr
    assert "Projects landed of 星辰园区 [untranslated]" in history.stdout
    report = invoke(runner, "report", "--data", str(data), "--lang", "en")
    assert "[untranslated]" in report.stdout
    assert "Projects signed [" not in report.stdout  # a composed name reads as it is
    chinese = invoke(runner, "report", "--data", str(data), "--lang", "zh")
    assert "[untranslated]" not in chinese.stdout


def test_the_schema_describes_the_mark(runner: CliRunner) -> None:
    schema = json.loads(invoke(runner, "schema", "data").stdout)
    text = json.dumps(schema, ensure_ascii=False)
    assert '"name_en_status"' in text and "untranslated" in text and "composed" in text


def test_a_wrong_mark_is_a_data_error(runner: CliRunner, data: Path) -> None:
    data.write_text(FILE.replace('"composed"', '"guessed"'), encoding="utf-8")
    result = invoke(runner, "validate", str(data))
    assert result.exit_code == 1 and "name_en_status" in result.stdout + result.stderr
