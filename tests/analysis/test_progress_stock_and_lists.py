"""A level (a stock) never accrues toward an annual target; a fixed list takes its latest level
whatever months it covers; what is still needed is counted from the month asked about; a met
target says so; notes of every kind reach every format of progress."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import ROOT, invoke

STOCK = ROOT / "tests" / "data" / "stock_targets.toml"
DECEMBER = ROOT / "tests" / "data" / "december_city.toml"
OTHER = ROOT / "tests" / "data" / "other_region.toml"


def _run(runner: CliRunner, data: Path, *args: str) -> str:
    result = invoke(runner, "progress", "-q", "--data", str(data), *args)
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


def _targets(runner: CliRunner, data: Path, *args: str) -> dict[str, dict[str, object]]:
    doc = json.loads(_run(runner, data, "--format", "json", *args))
    return {t["indicator"]: t for t in doc["targets"]}


def _variant(tmp_path: Path, old: str, new: str, base: Path = STOCK) -> Path:
    text = base.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "variant.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_a_stock_is_not_judged_against_time_toward_an_annual_target(runner: CliRunner) -> None:
    zh = _run(runner, STOCK, "--as-of", "2031-05")
    building = next(line for line in zh.splitlines() if "在建项目" in line and "38/50" in line)
    assert "存量指标,不比序时进度" in building and "截至2031年5月" in building
    assert "超序时进度 34.33" not in zh and "7.60个/月" not in zh
    assert zh.splitlines()[0].startswith("双过半: 1 项目标中 1 项进度达标")
    assert "另 1 项存量指标只列完成率" in zh.splitlines()[0]
    en = _run(runner, STOCK, "--as-of", "2031-05", "--lang", "en")
    assert "1 level (stock) shown by completion only" in en.splitlines()[0]
    building_json = _targets(runner, STOCK, "--as-of", "2031-05")["building"]
    assert building_json["actual_stock"] is True and building_json["verdict"] is None
    assert building_json["time_progress_pct"] is None and building_json["on_track"] is None
    assert building_json["pace_per_month"] is None and building_json["completion_pct"] == 76


def test_validate_warns_of_a_stock_toward_an_annual_target(runner: CliRunner) -> None:
    result = invoke(runner, "validate", str(STOCK))
    assert result.exit_code == 0
    assert "warning[W005]: targets[2].actual: building is a stock" in result.stdout
    assert f"{STOCK}:" in result.stdout


def test_a_list_takes_a_stock_level_at_a_single_month(runner: CliRunner, tmp_path: Path) -> None:
    data = _variant(
        tmp_path,
        'target = "planned@2031#actual"\nactual = "started"',
        'target = "planned@2031#actual"\nactual = "building"',
    )
    result = invoke(runner, "validate", str(data))
    assert "W002" not in result.stdout
    doc = json.loads(_run(runner, data, "--format", "json", "--as-of", "2031-06"))
    listed = next(t for t in doc["targets"] if t["target_kind"] == "list")
    assert (listed["actual_period"], listed["actual_value"]) == ("2031-06", 40)
    assert listed["time_progress_pct"] is None


def test_a_list_of_amounts_is_warned_of_and_the_headline_reads(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = _variant(
        tmp_path,
        'target = "invest@2031#target"\nactual = "invest"\n',
        'target = "invest@2031#target"\nactual = "invest"\nkind = "list"\n',
    )
    data.write_text(
        data.read_text(encoding="utf-8").rsplit("[[targets]]", 1)[0], encoding="utf-8"
    )  # lists only
    result = invoke(runner, "validate", str(data))
    assert 'warning[W006]: targets[0].kind: kind = "list" is a fixed list of items' in (
        result.stdout
    )
    zh = _run(runner, data, "--as-of", "2031-05").splitlines()[0]
    assert zh.startswith("双过半: 没有比序时进度的目标") and "0 项" not in zh
    en = _run(runner, data, "--as-of", "2031-05", "--lang", "en").splitlines()[0]
    assert "no target judged against time elapsed" in en and "0 of 0" not in en


def test_what_is_needed_is_counted_from_the_month_asked_about(runner: CliRunner) -> None:
    zh = _run(runner, DECEMBER)
    exports = next(line for line in zh.splitlines() if "出口额" in line and "70亿元" in line)
    assert "7.8亿元/月" not in exports and "10月达目标" not in zh  # October is past
    assert "过半需月均" not in zh
    doc = _targets(runner, DECEMBER)
    assert doc["exports"]["pace_needed_for_full"] is None
    assert doc["exports"]["plan_reached_month"] is None


def test_a_count_run_rate_capped_at_the_list_still_says_when_it_is_reached(
    runner: CliRunner,
) -> None:
    targets = _targets(runner, OTHER)
    assert targets["projects_started"]["plan_reached_month"] == 10  # 12/40 at Q1: 4 a month


def test_a_target_met_already_says_met(runner: CliRunner, tmp_path: Path) -> None:
    data = _variant(
        tmp_path, 'value = 110\nquote = "完成110亿元"', 'value = 125\nquote = "完成125亿元"'
    )
    zh = _run(runner, data, "--as-of", "2031-11")
    invest = next(line for line in zh.splitlines() if "固定资产投资" in line and "/月" in line)
    assert "已完成" in invest and "0.00亿元/月" not in invest and "136" not in invest
    en = _run(runner, data, "--as-of", "2031-11", "--lang", "en")
    invest_en = next(line for line in en.splitlines() if "investment" in line and "/month" in line)
    assert " met " in invest_en and "13.6" not in invest_en


def test_notes_of_actual_and_pairing_reach_every_format(runner: CliRunner) -> None:
    doc = _targets(runner, STOCK, "--as-of", "2031-05")
    assert doc["invest"]["actual_note"] == "含省重点项目"
    assert doc["started"]["plan_note"] == "清单见附件"
    en = _targets(runner, STOCK, "--as-of", "2031-05", "--lang", "en")
    assert en["invest"]["actual_note"] == "Includes provincial key projects"
    text = _run(runner, STOCK, "--as-of", "2031-05")
    assert "† 已开工重点项目: 清单见附件" in text
    rows = list(csv.DictReader(io.StringIO(_run(runner, STOCK, "--as-of", "2031-05",
                                                 "--format", "csv"))))  # fmt: skip
    assert {r["indicator"]: r["actual_note"] for r in rows}["invest"] == "含省重点项目"


def test_list_targets_shows_kind_and_note_and_no_basis_for_a_list(runner: CliRunner) -> None:
    result = invoke(runner, "list", "targets", "-q", "--data", str(STOCK), "--json")
    assert result.exit_code == 0, result.stderr
    items = {t["actual"]: t for t in json.loads(result.stdout)["items"]}
    assert (items["started"]["kind"], items["started"]["basis"]) == ("list", None)
    assert items["started"]["note"] == {"zh": "清单见附件", "en": "清单见附件"}
    assert (items["invest"]["kind"], items["invest"]["basis"]) == ("annual", "months")
    text = invoke(runner, "list", "targets", "-q", "--data", str(STOCK)).stdout
    started = next(line for line in text.splitlines() if "started" in line)
    assert "list" in started and "months" not in started and "清单见附件" in started


def test_report_csv_carries_stock_and_the_english_note(runner: CliRunner) -> None:
    result = invoke(runner, "report", "-q", "--data", str(STOCK), "--format", "csv", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    rows = [r for r in csv.DictReader(io.StringIO(result.stdout)) if r["section"] == "figure"]
    noted = next(r for r in rows if r["note"] == "含省重点项目")
    assert noted["note_en"] == "Includes provincial key projects"
    assert {r["indicator"]: r["stock"] for r in rows}["building"] == "true"
    assert {r["indicator"]: r["stock"] for r in rows}["invest"] == "false"


def test_from_june_the_pace_for_the_year_replaces_the_pace_to_half(runner: CliRunner) -> None:
    zh = _run(runner, STOCK, "--as-of", "2031-06")
    assert "全年需月均" in zh and "过半需月均" not in zh
    invest = next(line for line in zh.splitlines() if "固定资产投资" in line and "/月" in line)
    assert "8.3亿元/月" in invest  # (120 - 70) / the 6 months after June (7.1: after May)
    may = _run(runner, STOCK, "--as-of", "2031-05")
    assert "过半需月均" in may and "全年需月均" not in may


def test_no_run_rate_footnote_when_nothing_is_run_forward(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = _variant(tmp_path, '[[targets]]\ntarget = "invest@2031#target"\nactual = "invest"\n', "")
    data.write_text(
        data.read_text(encoding="utf-8").rsplit("[[targets]]", 1)[0], encoding="utf-8"
    )  # the fixed list alone
    zh = _run(runner, data, "--as-of", "2031-05")
    assert "推算值按1月以来的月均速度外推" not in zh and "清单目标" in zh
