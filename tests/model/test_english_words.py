"""English an economist would write: what a count counts, percentage points, one scale word."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.cli.app import app
from ganxian_cli.model.english import counted, quantity, unit_words
from ganxian_cli.model.units import get_unit

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = str(ROOT / "data" / "indicators.toml")


@pytest.mark.parametrize(
    ("unit", "name", "value", "expected"),
    [
        ("户", "办理留抵退税的企业", "342", "342 firms"),
        ("户", "脱贫户", "12", "12 households"),
        ("个", "已开工重点调度项目", "22", "22 projects"),
        ("个", "收集工业招商项目信息", "60", "60 leads"),
        ("条", "助企纾困解难措施", "35", "35 measures"),
        ("个", "“市县同权”下放事项", "118", "118 matters"),
        ("个", "改造前小区出入口", "1", "1 entrance"),
        ("个", "新建文化广场", "3", "3 items"),
        ("个百分点", "超序时进度", "28.44", "28.44 percentage points"),
    ],
)
def test_a_count_says_what_it_counts(unit: str, name: str, value: str, expected: str) -> None:
    assert quantity(Decimal(value), counted(get_unit(unit), name)) == expected


def test_a_noun_does_not_change_what_a_unit_equals() -> None:
    unit = get_unit("个")
    assert counted(unit, "签约项目") == unit and hash(counted(unit, "签约项目")) == hash(unit)


def test_axes_use_the_scale_words_of_the_tables() -> None:
    assert unit_words(get_unit("亿元")) == "units of 0.1 billion yuan"
    assert unit_words(get_unit("万元")) == "units of 0.01 million yuan"


def _out(*args: str) -> str:
    result = CliRunner().invoke(
        app, [*args, "--data", SHIPPED, "--lang", "en", "--format", "markdown"],
        catch_exceptions=False,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_english_outputs_never_say_households_items_bare_points_or_100_million() -> None:
    text = _out("report") + _out("progress") + _out("compare")
    for wrong in ("342 households", " items", " points", "100 million", "Previous year", "(目标)"):
        assert wrong not in text.replace("percentage points", ""), wrong
    for right in ("342 firms", "22/23 projects", "percentage points", "Same period last year",
                  "双过半 (half", "past half"):  # fmt: skip
        assert right in text, right


def test_a_share_of_a_plan_is_not_marked_as_a_target() -> None:
    result = CliRunner().invoke(app, ["compare", "--data", SHIPPED, "--format", "markdown"])
    assert "27.74(按计划)" in result.stdout and "27.74(目标)" not in result.stdout
