"""A stock is a level at its period's end: one article gives one level per month end (G202),
so `progress`, `compare` and the SQLite `progress` view never have to choose between two."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from ganxian_cli.analysis.checks.registry import all_problems, essential_problems
from ganxian_cli.datafile.loader import parse_text
from tests.conftest import invoke

_FILE = """schema_version = 1

[sources.jun]
title = "测试县上半年项目建设"
published = "2031-07"
region = "测试县"
region_en = "Test County"

[sources.aug]
title = "测试县1-8月项目建设"
published = "2031-09"
region = "测试县"
region_en = "Test County"

[themes.projects]
name = "项目"
name_en = "Projects"

[indicators.building]
name = "在建项目"
name_en = "Projects under construction"
theme = "projects"
unit = "个"
stock = true

[[indicators.building.observations]]
period = "2031-03"
value = 4
quote = "在建项目4个"
source = "jun"

[[indicators.building.observations]]
period = "2031-06"
value = 5
quote = "在建项目5个"
source = "jun"

[[indicators.building.observations]]
period = "{second}"
value = {level}
quote = "在建项目{level}个"
source = "{article}"

[[indicators.building.observations]]
period = "2031"
value = 12
status = "target"
quote = "全年在建项目12个"
source = "jun"

[[targets]]
target = "building@2031#target"
actual = "building"
"""


def _text(second: str, level: int, article: str = "jun") -> str:
    return _FILE.format(second=second, level=level, article=article)


def _codes(text: str) -> list[str]:
    problems = all_problems(parse_text(text, "stock.toml"))
    return [p.code for p in problems if p.code != "W005"]  # a stock against a plan for the year


def test_two_levels_at_one_month_end_of_one_article_are_an_error() -> None:
    problems = essential_problems(parse_text(_text("2031-H1", 9), "stock.toml"))
    assert [p.code for p in problems] == ["G202"]
    assert "2031-H1 gives 9个 and 2031-06 gives 5个" in problems[0].message
    assert _codes(_text("2031-H1", 5)) == []  # the same level twice says nothing new
    assert _codes(_text("2031-Q2", 9)) == ["G202"]
    assert _codes(_text("2031-01..2031-06", 9)) == ["G202"]
    assert _codes(_text("2031-H1", 9).replace("stock = true\n", "")) == []  # flows differ


def test_commands_refuse_such_a_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "stock.toml"
    path.write_text(_text("2031-H1", 9), encoding="utf-8")
    result = invoke(runner, "validate", str(path))
    assert result.exit_code != 0 and "G202" in result.stdout + result.stderr
    for command in ("progress", "compare"):
        result = invoke(runner, command, "--data", str(path))
        assert result.exit_code != 0 and "G202" in result.stdout + result.stderr, command


def _view_and_progress(runner: CliRunner, tmp_path: Path, text: str) -> tuple[object, object]:
    path = tmp_path / "stock.toml"
    path.write_text(text, encoding="utf-8")
    assert invoke(runner, "validate", str(path)).exit_code == 0
    result = invoke(runner, "progress", "--data", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    (shown,) = json.loads(result.stdout)["targets"]
    out = tmp_path / "stock.db"
    assert invoke(runner, "export", "--data", str(path), "--output", str(out)).exit_code == 0
    db = sqlite3.connect(out)
    (row,) = db.execute("SELECT actual_period, actual_text, completion_pct FROM progress")
    db.close()
    return (shown["actual_period"], str(shown["actual_value"]), shown["completion_pct"]), row


def test_the_view_and_progress_take_the_same_level(runner: CliRunner, tmp_path: Path) -> None:
    # levels at three month ends in one article: the latest, 2031-Q3
    shown, row = _view_and_progress(runner, tmp_path, _text("2031-Q3", 7))
    assert shown[:2] == ("2031-Q3", "7") == row[:2]
    assert float(shown[2]) == row[2]
    # a later article gives the level at the same month end as an earlier one
    shown, row = _view_and_progress(runner, tmp_path, _text("2031-H1", 9, "aug"))
    assert shown[:2] == row[:2]
    assert float(shown[2]) == row[2]
