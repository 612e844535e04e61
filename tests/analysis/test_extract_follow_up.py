"""A later article of a region whose data file exists: its figures go onto the file's
indicators, whatever count or scope their names keep, and each says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from ganxian_cli.analysis.extract import extract
from ganxian_cli.datafile.loader import load
from ganxian_cli.model.models import Dataset

SHIPPED = Path(__file__).resolve().parent.parent.parent / "data" / "indicators.toml"


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return load(str(SHIPPED)).dataset


def _one(text: str, dataset: Dataset, value: str, published: str = "2022-07") -> object:
    found = [p for p in extract(text, dataset, published).figures if str(p.value) == value]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "indicator"),
    [
        ("今年以来,累计为400余户企业办理留抵退税3.9亿元。", "3.9", "vat_refund"),
        ("今年以来,累计为400余户企业办理留抵退税3.9亿元。", "400", "vat_refund_enterprises"),
        ("上半年,全区实现利润总额9.02亿元。", "9.02", "industrial_profit"),
        ("截至6月末,规上企业达150家。", "150", "enterprises_above_size"),
        ("减免失业保险费300万元,惠及近500家企业。", "500", "unemployment_insurance_enterprises"),
        ("减免工伤保险费80万元,惠及企业600家。", "600", "injury_insurance_enterprises"),
        ("上半年签约工业项目25个,金额380亿元。", "380", "signed_industrial_amount"),
        ("上半年完成年度计划投资额71亿元,完成率85.35%。", "85.35", "key_project_completion_rate"),
    ],
)
def test_a_name_keeping_a_count_or_scope_goes_onto_the_files_indicator(
    shipped: Dataset, text: str, value: str, indicator: str
) -> None:
    figure = _one(text, shipped, value)
    assert (figure.indicator, figure.new_indicator) == (indicator, False)  # type: ignore[attr-defined]
    assert figure.reason and not figure.reason.startswith("new")  # type: ignore[attr-defined]


def test_the_whole_districts_figure_is_never_a_companys(shipped: Dataset) -> None:
    # 40亿元 is recorded for the cobalt firm's 2022 revenue: a sentence of 全区 is not the firm's
    figure = _one("全区全年营业收入预计40亿元。", shipped, "40")
    assert figure.indicator != "tengyuan_revenue"  # type: ignore[attr-defined]
    assert figure.subject is None  # type: ignore[attr-defined]


@pytest.mark.parametrize("done", ["开工", "建成", "签约", "投产"])
def test_all_of_a_count_done_is_the_count_done(done: str) -> None:
    text = f"上半年,全区23个重点项目已全部{done}。"
    figures = extract(text, None, "2022-07").figures
    assert [(str(p.value), p.period) for p in figures] == [("23", "2022"), ("23", "2022-H1")]
    assert figures[1].name == f"已{done}重点项目"


def test_a_plan_to_finish_all_is_no_count_done() -> None:
    figures = extract("全县新建项目12个,计划10月底前全部完工。", None, "2022-07").figures
    assert len(figures) == 1


def test_the_shipped_count_all_started_is_the_started_target(shipped: Dataset) -> None:
    text = "上半年工业经济稳中有进\n\n全区23个市级工业倍增升级重点调度项目已全部开工,开工率100%。"
    figures = extract(text, shipped, "2022-07").figures  # of the half year the headline names
    got = [(p.indicator, p.period, str(p.value), p.relates_to, p.links) for p in figures]
    assert got == [
        ("key_projects", "2022", "23", None, False),
        ("key_projects_started", "2022-H1", "23", None, False),
        ("key_project_start_rate", "2022-H1", "100", "key_projects_started", True),
    ]


def test_a_rate_of_no_target_is_not_linked() -> None:
    figures = extract("上半年签约项目20个,开工率60%。", None, "2022-07").figures
    rate = figures[-1]
    assert rate.relation == "rate" and rate.relates_to and not rate.links


@pytest.mark.parametrize(
    ("text", "period", "status"),
    [
        ("预计7月份签约项目8个左右。", "2022-07", "forecast"),
        ("今年以来,累计为415户企业办理留抵退税4.06亿元。", "2022-H1", "actual"),
    ],
)
def test_periods_of_a_half_year_report(text: str, period: str, status: str) -> None:
    headed = "赣县区上半年工业经济运行情况\n\n" + text
    figure = extract(headed, None, "2022-07").figures[-1]
    assert (figure.period, figure.status) == (period, status)


def test_new_ids_follow_the_rows(shipped: Dataset) -> None:
    # a figure that goes onto an indicator of the file takes no number from the new ones
    text = "6月,甲乙丙丁12个,“兜底办”专窗共受理11件业务,戊己庚辛13个。"
    ids = [p.indicator for p in extract(text, shipped, "2022-07").figures]
    assert ids == ["indicator_01", "backstop_cases", "indicator_02"]


def test_numbered_new_ids_follow_the_rows_after_a_count_all_done() -> None:
    # the count all started is proposed after the other rows: renumbered in row order
    text = "上半年,全区甲乙丙丁项目5个已全部开工,戊己庚辛13个。"
    ids = [p.indicator for p in extract(text, None, "2022-07").figures]
    assert ids == ["indicator_01", "indicator_02", "indicator_03"]


def test_the_draft_numbers_its_figures_and_says_why(shipped: Dataset) -> None:
    from ganxian_cli.output.extract import draft

    text = "6月,“兜底办”专窗共受理11件业务。该村种植的120余亩甜瓜陆续进入成熟采摘期。"
    written = draft(extract(text, shipped, "2022-06"), "a.txt")
    assert "# #1, article line 1\n# why: " in written
    assert "# #2, article line 1\n# why: " in written
    assert "# warning: the quote does not name 茅店镇东田村: check the subject" in written


def test_periods_of_a_nine_month_report_and_a_new_rates_theme() -> None:
    text = (
        "某县前三季度经济运行情况\n\n今年以来,累计为120户企业办理留抵退税1.2亿元。"
        "预计10月份签约项目5个左右。全县签约项目12个,完成率75%。"
    )
    got = [(str(p.value), p.period, p.status) for p in extract(text, None, "2031-10").figures]
    assert got[:3] == [
        ("120", "2031-01..2031-09", "actual"),
        ("1.2", "2031-01..2031-09", "actual"),
        ("5", "2031-10", "forecast"),
    ]
    count, rate = extract(text, None, "2031-10").figures[-2:]
    assert rate.relates_to == count.indicator and rate.theme == count.theme == "investment"


def test_a_count_all_done_is_named_by_its_items() -> None:
    text = "某县前三季度经济运行情况\n\n全县12个重点项目已全部建成,完成率100%。"
    count, done, rate = extract(text, None, "2031-10").figures
    assert (count.name, done.name) == ("重点项目", "已建成重点项目")
    assert rate.relates_to == count.indicator


def test_a_targets_words_are_not_its_name() -> None:
    # 确保…突破: the target's words, not the name; the target shares the actual's indicator
    text = "上半年,全区工业营业收入196亿元。确保全年工业营业收入突破500亿元。"
    actual, target = extract(text, None, "2031-07").figures
    assert (target.name, target.status) == ("工业营业收入", "target")
    assert target.indicator == actual.indicator


_THEMED = """schema_version = 1

[source]
region = "青山县"
region_en = "Qingshan County"
title = "t"
published = "2031-07"

[themes.industry]
name = "工业运行"
name_en = "Industry"

[themes.relief]
name = "惠企纾困"
name_en = "Relief"
"""


def test_a_new_indicator_takes_a_theme_of_the_file() -> None:
    import tomllib
    from decimal import Decimal

    dataset = Dataset.model_validate(tomllib.loads(_THEMED, parse_float=Decimal))
    text = "上半年,全县规上工业营业收入100亿元,实现利润总额9亿元。"
    themes = [p.theme for p in extract(text, dataset, "2031-07").figures]
    assert themes == ["industry", "industry"]


@pytest.mark.parametrize("size", ["23", "25", "40"])
@pytest.mark.parametrize(
    "sentence",
    ["上半年,全区{n}个重点调度项目已全部开工。", "上半年,列入重点调度的{n}个项目已全部开工。"],
)
def test_a_list_all_started_goes_onto_the_list_whatever_its_size(
    shipped: Dataset, size: str, sentence: str
) -> None:
    # the file records a list of 23: a list of 25 is still the list, never the count started
    figures = extract(sentence.format(n=size), shipped, "2022-07").figures
    assert [(p.indicator, p.target_kind) for p in figures] == [
        ("key_projects", "list"),
        ("key_projects_started", None),
    ]
    assert figures[0].tracks == "key_projects_started"


def test_a_value_the_file_holds_never_outranks_an_indicator_named_so(shipped: Dataset) -> None:
    # 15 is a count of projects in negotiation in the file; these 15 are the scheduled list
    text = "前三季度,全县列入省市重点调度的15个项目已全部开工。"
    figures = extract(text, shipped, "2031-10").figures
    assert [p.indicator for p in figures] == ["key_projects", "key_projects_started"]


@pytest.mark.parametrize("published", ["2022-06", "2022-07"])
def test_the_lists_investment_against_the_plan_is_the_key_project_investment(
    shipped: Dataset, published: str
) -> None:
    text = (
        "赣县区1-6月重点项目推进情况\n\n工业平稳。\n\n"
        "项目方面,全区26个重点调度项目已全部开工,完成投资68.3亿元,占年度计划的77.4%。"
    )
    figures = {str(p.value): p for p in extract(text, shipped, published).figures}
    assert (figures["68.3"].indicator, figures["68.3"].period) == (
        "key_project_investment",
        "2022-H1",
    )
    assert (figures["77.4"].indicator, figures["77.4"].period) == (
        "key_project_completion_rate",
        "2022-H1",
    )


def test_an_article_of_another_region_is_warned_of(shipped: Dataset) -> None:
    other = extract("兴宁县前三季度项目建设\n\n前三季度,全县签约项目28个。", shipped, "2022-10")
    assert [w for w in other.warnings if "兴宁县" in w and "赣县区" in w]
    own = extract("赣县区前三季度项目建设\n\n前三季度,全区签约项目28个。", shipped, "2022-10")
    assert own.warnings == []
    assert extract("兴宁县前三季度项目建设\n\n签约项目28个。", None, "2022-10").warnings == []


@pytest.mark.parametrize(
    ("text", "name", "indicator"),
    [
        ("截至6月底,全区在建项目58个。", "在建项目", "projects_under_construction"),
        ("截至6月底,全区在谈项目41个。", "在谈项目", "negotiating_projects"),
    ],
)
def test_a_registers_name_keeps_its_在_and_goes_onto_all_of_it(
    shipped: Dataset, text: str, name: str, indicator: str
) -> None:
    # never onto 已投产的在建项目: those are the projects under construction already producing
    (figure,) = extract(text, shipped, "2022-07").figures
    assert (figure.name, figure.indicator) == (name, indicator)


def test_a_company_named_without_its_place_goes_onto_its_indicator(shipped: Dataset) -> None:
    # the file spells the firm 赣州腾远钴业; the article drops the city
    figure = _one("腾远钴业上半年营收19.6亿元。", shipped, "19.6")
    assert (figure.indicator, figure.subject) == ("tengyuan_revenue", "赣州腾远钴业")  # type: ignore[attr-defined]


def test_the_count_done_of_the_years_programme_is_of_the_months_reported_on() -> None:
    text = "清河县前三季度项目建设\n\n全县列入省重点调度的18个项目已全部开工。"
    figures = extract(text, None, "2029-10").figures
    assert [(str(p.value), p.period, p.done_items) for p in figures] == [
        ("18", "2029", False),  # the year's list
        ("18", "2029-01..2029-09", True),  # started by September, not by December
    ]
