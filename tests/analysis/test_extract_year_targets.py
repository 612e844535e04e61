"""`extract` links a target of a whole year to the actual of the same measure in the same
article (`tracks`), so `import` makes the `[[targets]]` entry `progress` judges; a year's plan
printed after a figure (完成全年目标390亿元的47.8%) is that figure's target and the rate its
completion; a cap (控制在5.5%以内) is a target."""

from __future__ import annotations

import json
import tomllib
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from ganxian_cli.analysis.extract import Proposal, extract
from ganxian_cli.datafile.loader import load
from tests.conftest import invoke

ARTICLE = """青山县2031年上半年经济运行情况

上半年，全县地区生产总值完成186.5亿元，同比增长6.1%，完成全年目标390亿元的47.8%。社会消费品零售总额52.8亿元，同比增长5.6%。城镇新增就业3160人，完成年度目标的63.2%。城镇调查失业率控制在5.2%左右。

下半年，力争全年地区生产总值增长6.5%左右；力争社会消费品零售总额突破110亿元；确保全年城镇新增就业5000人以上，城镇调查失业率控制在5.5%以内。
"""


def _figures(text: str = ARTICLE) -> dict[Decimal, Proposal]:
    return {p.value: p for p in extract(text, None, "2031-07").figures}


def test_a_year_target_tracks_the_actual_of_its_measure_to_date() -> None:
    found = _figures()
    retail, jobs = found[Decimal(110)], found[Decimal(5000)]
    assert (retail.status, retail.period) == ("target", "2031")
    assert retail.indicator == found[Decimal("52.8")].indicator == retail.tracks
    assert jobs.indicator == found[Decimal(3160)].indicator == jobs.tracks
    assert "2031-H1" in retail.reason and "[[targets]]" in retail.reason


def test_a_growth_target_is_no_amount_to_be_half_done() -> None:
    growth = _figures()[Decimal("6.5")]
    assert (growth.status, growth.unit, growth.tracks) == ("target", "%", None)


def test_a_level_does_not_accrue_towards_a_year_target() -> None:
    found = _figures(
        "截至6月末，全县金融机构各项存款余额286.3亿元。力争全年金融机构各项存款余额突破300亿元。"
    )
    level, target = found[Decimal("286.3")], found[Decimal(300)]
    assert level.stock and target.indicator == level.indicator
    assert target.tracks is None


def test_the_plan_after_a_figure_is_its_target_and_the_rate_its_completion() -> None:
    found = _figures()
    grp, plan, rate = found[Decimal("186.5")], found[Decimal(390)], found[Decimal("47.8")]
    assert (plan.indicator, plan.status, plan.period) == (grp.indicator, "target", "2031")
    assert plan.name == grp.name == "地区生产总值" and plan.tracks == grp.indicator
    assert (rate.status, rate.relation, rate.relates_to, rate.links) == (
        "actual", "rate", grp.indicator, True,
    )  # fmt: skip
    assert rate.name == "地区生产总值全年目标完成率"


def test_a_completion_rate_named_by_the_plan_alone_is_named_by_its_measure() -> None:
    found = _figures()
    jobs, rate = found[Decimal(3160)], found[Decimal("63.2")]
    assert rate.indicator != "target" and rate.name == "城镇新增就业年度目标完成率"
    assert (rate.status, rate.relates_to, rate.links) == ("actual", jobs.indicator, True)


def test_a_cap_to_keep_under_is_a_target_of_the_year() -> None:
    found = _figures()
    cap, done = found[Decimal("5.5")], found[Decimal("5.2")]
    assert (cap.status, cap.period, cap.name) == ("target", "2031", "城镇调查失业率")
    assert (cap.relation, cap.tracks) == (None, None)
    assert (done.status, done.period, done.indicator) == ("actual", "2031-H1", cap.indicator)


def test_the_draft_makes_the_targets_progress_judges(tmp_path: Path, runner: CliRunner) -> None:
    article, data, draft = tmp_path / "h1.txt", tmp_path / "mine.toml", tmp_path / "h1.toml"
    article.write_text(ARTICLE, encoding="utf-8")
    invoke(runner, "init", str(data), "--region", "青山", "--title", "t", "--published", "2031-07")
    out = invoke(runner, "extract", str(article), "--data", str(data), "--output", str(draft))
    assert out.exit_code == 0, out.output
    assert "tracks = " in draft.read_text(encoding="utf-8")
    assert invoke(runner, "import", str(draft), "--data", str(data)).exit_code == 0
    assert invoke(runner, "validate", "--strict", str(data)).exit_code == 0
    targets = tomllib.loads(data.read_text(encoding="utf-8"))["targets"]
    assert len(targets) == 3 and sum("rate" in t for t in targets) == 2
    shown = invoke(runner, "progress", "--data", str(data), "--format", "json")
    judged = json.loads(shown.stdout)["targets"]
    assert len(judged) == 3 and all(t["verdict"] for t in judged)
    # read again onto the file that has the targets: nothing new to link
    again = extract(ARTICLE, load(str(data)).dataset, "2031-07").figures
    assert not any(p.tracks for p in again)


def test_a_budget_is_a_plan_its_revenue_is_completed_against() -> None:
    found = _figures(
        "1-5月，全县一般公共预算收入8.94亿元，完成年度预算的46.8%。"
        "力争全年一般公共预算收入突破19.1亿元。"
    )
    revenue, rate, target = found[Decimal("8.94")], found[Decimal("46.8")], found[Decimal("19.1")]
    assert target.tracks == revenue.indicator == target.indicator
    assert rate.name == "一般公共预算收入年度预算完成率"
    assert (rate.status, rate.relates_to, rate.links) == ("actual", revenue.indicator, True)


def test_a_rate_named_with_its_measure_and_the_budget_alone_is_a_completion_rate() -> None:
    rate = _figures("1-5月，全县一般公共预算收入完成年度预算的46.8%。")[Decimal("46.8")]
    assert (rate.status, rate.name) == ("actual", "一般公共预算收入年度预算完成率")


def test_a_target_links_one_rate_and_one_gap() -> None:
    figures = extract(
        "1-7月，全县社会消费品零售总额84.3亿元，完成年度目标的64.3%，超序时进度6个百分点，"
        "占全年目标的64.3%。力争全年社会消费品零售总额突破131亿元。",
        None,
        "2031-08",
    ).figures
    retail = figures[0].indicator
    assert figures[-1].tracks == retail
    quoted = [(p.relation, p.relates_to, p.links) for p in figures if p.relation]
    assert quoted == [("rate", retail, True), ("gap", retail, True), ("rate", retail, False)]


def test_an_actual_the_data_file_has_is_tracked_too(tmp_path: Path, runner: CliRunner) -> None:
    article, data, draft = tmp_path / "h1.txt", tmp_path / "mine.toml", tmp_path / "h1.toml"
    article.write_text("上半年，全县社会消费品零售总额52.8亿元。\n", encoding="utf-8")
    invoke(runner, "init", str(data), "--region", "青山", "--title", "t", "--published", "2031-07")
    invoke(runner, "extract", str(article), "--data", str(data), "--output", str(draft))
    assert invoke(runner, "import", str(draft), "--data", str(data)).exit_code == 0
    dataset = load(str(data)).dataset
    (target,) = extract("力争全年社会消费品零售总额突破110亿元。", dataset, "2031-07").figures
    assert target.tracks == target.indicator and not target.new_indicator
    assert "2031-H1 in the data file" in target.reason


def test_a_list_named_by_the_plan_it_is_in_is_no_target() -> None:
    """列入年度计划的12个…项目已全部开工: the year's list of 12 (what the items are), all 12
    started by July; 确保 before it still makes a list to complete."""
    done = {
        (p.value, p.period, p.status, p.target_kind)
        for p in extract(
            "平川县项目建设\n\n今年1-7月,列入年度计划的12个省级重点新开工项目已全部开工。\n",
            None,
            "2036-08",
        ).figures
    }
    assert done == {
        (Decimal(12), "2036", "actual", "list"),
        (Decimal(12), "2036-01..2036-07", "actual", None),
    }
    [target] = extract("确保列入年度计划的20个项目年内全部开工。", None, "2029-03").figures
    assert (target.status, target.target_kind) == ("target", "list")


def test_a_target_named_without_the_actuals_scope_and_verb_tracks_it() -> None:
    """确保全年完成重点项目投资110亿元 and 41个省市重点项目累计完成投资72.5亿元: one quantity,
    named with and without the programme's level, 累计 and 完成."""
    found = _figures(
        "今年1-7月，全市41个省市重点项目累计完成投资72.5亿元。确保全年完成重点项目投资110亿元以上。"
    )
    actual, target = found[Decimal("72.5")], found[Decimal(110)]
    assert (target.status, target.period) == ("target", "2031")
    assert target.indicator == actual.indicator == target.tracks
    assert "省市县, 累计, 完成" in target.reason


def test_a_target_of_another_level_or_of_several_actuals_is_not_linked() -> None:
    other = _figures(
        "今年1-7月，全市市级重点项目累计完成投资72.5亿元。确保全年完成省级重点项目投资110亿元以上。"
    )
    assert other[Decimal(110)].tracks is None
    assert other[Decimal(110)].indicator != other[Decimal("72.5")].indicator
    several = _figures(
        "今年1-7月，全市重点项目累计完成投资72.5亿元，"
        "市级重点项目累计完成投资30.2亿元。确保全年完成重点项目投资110亿元以上。"
    )
    assert several[Decimal(110)].tracks is None


def test_a_years_list_all_started_and_its_target_pass_validate(
    tmp_path: Path, runner: CliRunner
) -> None:
    """The count started of a list in the year's plan is quoted from its number on (the plan's
    年度 does not date it as the year), and a target tracks the list's investment to date."""
    article = tmp_path / "a.txt"
    article.write_text(
        "平川县项目建设\n\n今年1-7月，全县41个省市重点项目累计完成投资72.5亿元。"
        "列入年度计划的9个省级重点新开工项目已全部开工。\n\n确保全年完成重点项目投资110亿元以上。\n",
        encoding="utf-8",
    )
    data, draft = tmp_path / "d.toml", tmp_path / "draft.toml"
    init = ("init", str(data), "--region", "平川县", "--title", "t", "--published", "2031-08")
    assert invoke(runner, *init).exit_code == 0
    made = invoke(runner, "extract", str(article), "--data", str(data), "--output", str(draft))
    assert made.exit_code == 0, made.output
    assert 'quote = "9个省级重点新开工项目已全部开工"' in draft.read_text(encoding="utf-8")
    assert invoke(runner, "import", str(draft), "--data", str(data)).exit_code == 0
    checked = invoke(runner, "validate", "--strict", str(data))
    assert checked.exit_code == 0, checked.output
    shown = invoke(runner, "progress", "--data", str(data), "--format", "json")
    judged = json.loads(shown.stdout)["targets"]
    kinds = {t["target_kind"]: t for t in judged}
    assert set(kinds) == {"list", "annual"} and kinds["annual"]["verdict"]
    assert kinds["annual"]["target"].endswith("@2031#target")
