"""双过半 progress tells a fixed list from an annual plan, says when a run rate passes the plan,
and footnotes only what its tables show."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import DATA, invoke


def _progress(runner: CliRunner, *args: str, data: Path = DATA) -> str:
    result = invoke(runner, "progress", "-q", "--data", str(data), *args)
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


def test_a_fixed_list_has_a_completion_rate_and_no_lead_over_time(runner: CliRunner) -> None:
    zh = _progress(runner)
    started = next(line for line in zh.splitlines() if "已开工重点调度项目" in line)
    assert "95.65" in started and "清单目标,不比序时进度" in started
    assert "超序时进度 53.99" not in zh and "个/月" not in zh
    assert zh.splitlines()[0].startswith("双过半: 2 项目标中 1 项进度达标")
    assert "也不算在双过半达标数内" in zh
    en = _progress(runner, "--lang", "en")
    assert "+53.99" not in en and "projects/month" not in en
    assert "1 fixed list shown by completion only" in en.splitlines()[0]


def test_a_list_is_left_out_of_the_count_in_json(runner: CliRunner) -> None:
    doc = json.loads(_progress(runner, "--format", "json"))
    assert (doc["on_track"], doc["targets_total"]) == (1, 2)
    started = next(t for t in doc["targets"] if t["indicator"] == "key_projects_started")
    assert started["target_kind"] == "list" and started["completion_pct"] == 95.65
    assert started["verdict"] is None and started["gap_points"] is None
    assert started["pace_per_month"] is None and started["projection_year"] is None


def test_a_run_rate_past_the_plan_says_when_the_plan_is_reached(runner: CliRunner) -> None:
    zh = _progress(runner)
    assert "70.00亿元 / 8月达目标" in zh and "139.99" not in zh
    assert "Aug" in _progress(runner, "--lang", "en")
    doc = json.loads(_progress(runner, "--format", "json"))
    investment = doc["targets"][0]
    assert investment["plan_reached_month"] == 8  # 83.19 / (58.33 / 5) = 7.13 months
    assert doc["targets"][2]["plan_reached_month"] is None  # revenue: 378.14 < 500


def test_the_not_equal_footnote_only_with_a_not_equal_and_says_why(runner: CliRunner) -> None:
    months = _progress(runner)
    assert "≠" not in months
    days = _progress(runner, "--basis", "days")
    assert "28.44 ≠" in days
    assert "原文的超序时进度按月计算序时进度" in days
    assert "the source measures time elapsed by months" in _progress(
        runner, "--basis", "days", "--lang", "en"
    )


def test_after_june_the_table_shows_the_pace_needed_for_the_year(
    runner: CliRunner, tmp_path: Path
) -> None:
    text = DATA.read_text(encoding="utf-8").replace("2022-01..2022-05", "2022-01..2022-07")
    data = tmp_path / "later.toml"
    data.write_text(text, encoding="utf-8")
    zh = _progress(runner, "--as-of", "2022-07", data=data)
    assert "全年需月均" in zh and "过半需月均" not in zh
    revenue = next(line for line in zh.splitlines() if "规模以上工业企业营业收入" in line
                   and "亿元/月" in line)  # fmt: skip
    assert "68.49亿元/月" in revenue  # (500 - 157.56) / 5 months
