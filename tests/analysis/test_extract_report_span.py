"""The months an article reports on, as its headline names them (关于2030年1-5月…的说明,
2031年上半年工作总结), date what its words leave undated: flows are of that span, levels
(存栏, 余额, 实有, 企业数) of its last month, and an article without dates is published the month
after, never in a December made up from a bare year."""

from __future__ import annotations

import pytest

from ganxian_cli.analysis.extract import extract
from ganxian_cli.analysis.extract.when import published_from
from ganxian_cli.errors import UsageError


def _by_value(text: str, published: str | None = None) -> dict[str, tuple[str, bool]]:
    return {str(f.value): (f.period, f.stock) for f in extract(text, None, published).figures}


@pytest.mark.parametrize(
    ("headline", "month"),
    [
        ("关于2030年1-5月全区市场主体发展情况的说明", (2030, 6)),
        ("岭南县2031年上半年工作总结", (2031, 7)),
        ("桐溪镇2032年一季度工作总结", (2032, 4)),
        ("2029年1-12月全县工业运行情况", (2030, 1)),
        ("河阳市2027年5月主要经济指标简析", (2027, 6)),
    ],
)
def test_a_headline_year_and_months_date_an_undated_article(
    headline: str, month: tuple[int, int]
) -> None:
    assert published_from("正文。", headline) == month


def test_a_bare_year_names_no_month() -> None:
    assert published_from("2030年全区实有市场主体3.21万户。", "2030年工作总结") is None
    with pytest.raises(UsageError, match="--published"):
        extract("2030年工作总结\n\n全区实有市场主体3.21万户。")


NOTE = (
    "关于2030年1-5月桂山区市场主体发展情况的说明\n\n"
    "截至5月末，全区实有市场主体3.21万户，比年初增加1860户。\n\n"
    "| 类别 | 新登记（户） | 实有（户） |\n"
    "| 企业 | 620 | 8150 |\n"
    "| 个体工商户 | 1760 | 23400 |\n"
)


def test_a_bureau_note_without_dates_reads_its_headline() -> None:
    result = extract(NOTE)
    assert result.published == "2030-06"
    got = _by_value(NOTE)
    assert got["3.21"] == ("2030-05", True)  # 万户 is a unit; the level at May's end
    assert got["1860"] == ("2030-01..2030-05", False)
    assert got["620"] == ("2030-01..2030-05", False)  # 新登记: a flow over the months
    assert got["8150"] == ("2030-05", True)  # 实有: a level at the last month
    assert got["23400"] == ("2030-05", True)


def test_the_columns_of_one_row_are_two_indicators() -> None:
    figures = {str(f.value): f for f in extract(NOTE).figures}
    assert figures["620"].indicator != figures["8150"].indicator
    assert figures["620"].name == "企业新登记"
    assert figures["8150"].name == "企业实有"


def test_a_level_column_under_a_caption_of_months() -> None:
    text = (
        "2028年1-8月全县规模以上服务业运行简况\n\n"
        "表1  2028年1-8月分行业主要指标\n\n"
        "| 行业 | 企业数（家） | 营业收入（亿元） | 增长（%） |\n"
        "| 租赁和商务服务业 | 41 | 9.26 | 3.8 |\n"
        "| 科学研究和技术服务业 | 30 | 5.02 | -2.7 |\n\n"
        "8月末，全县规模以上服务业企业187家。期末从业人员2.14万人，同比增长1.9%。\n"
    )
    got = _by_value(text, "2028-09")
    assert got["41"] == ("2028-08", True)
    assert got["9.26"] == ("2028-01..2028-08", False)
    assert got["187"] == ("2028-08", True)  # 服务业企业: an industry's register, no service done
    assert got["2.14"] == ("2028-08", True)


SUMMARY = (
    "岭南县2031年上半年工作总结\n\n"
    "一、主要指标。上半年，全县地区生产总值完成126.8亿元，增长6.5%。\n\n"
    "二、工作亮点。生猪存栏45.6万头，出栏38.2万头。全县完成造林面积2.3万亩。"
    "累计为企业减税降费3.1亿元，惠及企业1200余户。社会消费品零售总额47.86亿元，增长6.2%。"
    "全县规上工业企业达到31家。\n"
)


@pytest.mark.parametrize("published", [None, "2031-07"])
def test_flows_without_period_words_are_of_the_headline_span(published: str | None) -> None:
    got = _by_value(SUMMARY, published)
    for flow in ("38.2", "2.3", "3.1", "1200", "47.86"):
        assert got[flow][0] == "2031-H1", flow
    assert got["45.6"] == ("2031-06", True)  # 存栏: a level at June's end
    assert got["31"] == ("2031-06", True)


@pytest.mark.parametrize("published", ["2022-06", "2022-07"])
def test_a_count_all_started_is_a_total_from_january(published: str) -> None:
    text = (
        "兴桥区1-6月工业和项目建设情况\n\n"
        "1-6月，全区规模以上工业增加值增长8.4%。\n\n"
        "项目方面，全区23个重点调度项目已全部开工，完成投资74.5亿元。\n"
    )
    done = [f for f in extract(text, None, published).figures if f.value == 23]
    assert sorted(f.period for f in done) == ["2022", "2022-H1"]  # the list, the started


def test_a_count_all_started_by_a_month_end_runs_from_january() -> None:
    text = "截至9月底，全县列入调度的15个项目已全部开工，开工率100%。"
    got = {(str(f.value), f.period) for f in extract(text, None, "2031-10").figures}
    assert ("15", "2031-01..2031-09") in got


def test_a_holiday_of_a_fixed_month_dates_its_figures() -> None:
    text = (
        "柘川区2027年文化旅游发展情况通报\n\n"
        "2027年，全年接待游客1286.5万人次。\n\n"
        "节假日市场火爆。国庆8天假期，全区接待游客96.2万人次，实现旅游收入3.17亿元。\n"
    )
    got = _by_value(text, "2028-02")
    assert got["1286.5"][0] == "2027"
    assert got["96.2"][0] == "2027-10"
    assert got["3.17"][0] == "2027-10"


def test_a_month_headline_is_the_month_reported_on_and_sections_start_from_it() -> None:
    text = (
        "河川市2027年5月主要经济指标简析\n\n"
        "5月份，全市经济运行总体平稳。\n\n"
        "工业生产保持增长。1-5月累计增长5.9%，较1-4月提高0.3个百分点。\n\n"
        "物价总体稳定。居民消费价格同比上涨1.3%。今年以来，全市新增市场主体2360户。\n"
    )
    got = _by_value(text, "2027-06")
    assert got["5.9"][0] == "2027-01..2027-05"
    assert got["1.3"][0] == "2027-05"  # not the 1-5月 of the section before, nor June
    assert got["2360"][0] == "2027-01..2027-05"


def test_a_span_stated_in_a_section_carries_on_when_the_headline_names_it() -> None:
    text = (
        "兴桥区上半年工业经济交出答卷\n\n"
        "主要指标稳步回升。1—6月，全区规模以上工业增加值增长9.1%。\n\n"
        "项目建设提速增效。累计完成年度计划投资额71.26亿元，超序时进度35.66个百分点。\n"
    )
    got = _by_value(text, "2022-07")
    assert got["35.66"][0] == "2022-H1"


def test_a_register_counted_before_its_name_and_a_rate_held_stand_at_the_month() -> None:
    text = (
        "青岭镇1至5月经济社会发展情况汇报\n\n"
        "1至5月，全镇完成固定资产投资3.26亿元。全镇完成植树造林2600亩，森林覆盖率稳定在68.2%。"
        "全镇15家规模以上工业企业完成产值5.12亿元，占全镇规上工业产值的比重为31.4%。\n"
    )
    got = _by_value(text, "2012-06")
    assert got["68.2"][0] == "2012-05"
    assert got["15"] == ("2012-05", True)
    assert got["5.12"][0] == "2012-01..2012-05"
    assert got["31.4"][0] == "2012-01..2012-05"  # a share of the months' output


def test_firms_of_a_register_something_was_done_for_are_a_flow() -> None:
    text = "1至5月，全镇新培育5家规上工业企业，为12家规模以上企业办理退税320万元。"
    got = _by_value(text, "2012-06")
    assert got["5"] == ("2012-01..2012-05", False)
    assert got["12"] == ("2012-01..2012-05", False)


def test_a_count_in_words_of_whose_thing_a_sentence_speaks_is_no_figure() -> None:
    text = "一季度，全区新签约项目12个。三是两个工业园区的水电气配套仍不完善，全区建成两个园区。"
    got = {(str(f.value), f.unit) for f in extract(text, None, "2022-04").figures}
    assert ("12", "个") in got
    assert sorted(got) == [("12", "个"), ("2", "个")]  # 建成两个园区 is one; 两个…的配套 not


def test_a_header_of_no_quantity_leaves_the_row_s_name() -> None:
    text = (
        "2028年1-8月全县主要指标\n\n"
        "| 指标 | 绝对额（亿元） | 增长（%） |\n"
        "| 社会消费品零售总额 | 341.9 | 4.6 |\n"
    )
    (figure,) = extract(text, None, "2028-09").figures
    assert (figure.name, figure.period) == ("社会消费品零售总额", "2028-01..2028-08")


def test_a_change_since_the_year_s_start_in_a_later_paragraph_is_of_the_span() -> None:
    text = NOTE + "\n全区规上工业企业达96家，较上年末净增7家。\n"
    got = _by_value(text)
    assert got["96"][0] == "2030-05"
    assert got["7"][0] == "2030-01..2030-05"
