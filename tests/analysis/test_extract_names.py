"""The names `extract` proposes: cut from the words that say what a figure measures, spelt as a
statistician names an indicator, and put onto the data file's indicator only when about it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ganxian_cli.analysis.extract import extract
from ganxian_cli.analysis.extract.clauses import formal
from ganxian_cli.analysis.extract.types import Proposal
from ganxian_cli.datafile.loader import load
from ganxian_cli.model.models import Dataset

SHIPPED = Path(__file__).resolve().parent.parent.parent / "data" / "indicators.toml"


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return load(str(SHIPPED)).dataset


def _figure(text: str, value: str, dataset: Dataset | None = None) -> Proposal:
    """The figure of *value*: the first (a list all done is followed by its count done)."""
    found = [p for p in extract(text, dataset, "2030-07").figures if str(p.value) == value]
    assert found and not any(p.done_items for p in found[:1]), found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "name"),
    [
        # the items counted, not who promises them when
        ("镇里确保年内8个民生实事项目全部完工。", "8", "民生实事项目"),
        ("全区17个市级工业倍增升级重点调度项目已全部开工。", "17", "市级工业倍增升级重点调度项目"),
        # a total, a change against a date: of what the clause before counts
        ("截至5月末，全镇规上企业新增3家，总数达60家。", "60", "规模以上企业数"),
        ("新增规上工业企业6家,总数达到88家。", "88", "规模以上工业企业数"),
        ("全县规上工业企业达80家，较上年末净增5家。", "5", "规模以上工业企业净增"),
        ("截至4月末，全镇实有市场主体5600户，比年初增加320户。", "320", "实有市场主体增加"),
        ("年末常住人口41.2万人，比上年末增加0.3万人。", "0.3", "常住人口增加"),
        # livestock: the measure named last, or the animal of the clause before
        ("存栏生猪出栏5万头。", "5", "生猪出栏"),
        ("生猪存栏12万头，出栏9万头。", "9", "生猪出栏"),
        # a register of firms by its scope is their number
        ("全县规上工业企业达80家。", "80", "规模以上工业企业数"),
        # no verb before the measure; a growth rate is a 增速
        ("全县规上工业企业实现营业收入12.3亿元。", "12.3", "规模以上工业企业营业收入"),
        ("全县规上工业增加值同比增长5.1%。", "5.1", "规模以上工业增加值增速"),
        ("固定资产投资（不含农户）比上年下降2.4%。", "-2.4", "固定资产投资不含农户增速"),
        ("居民消费价格同比上涨1.3%。", "1.3", "居民消费价格涨幅"),
        ("地区生产总值（GDP）386.2亿元。", "386.2", "地区生产总值"),
        # a rate named by its change against another period: the measure's growth, changed
        (
            "上半年全县地区生产总值58.1亿元,按可比价格计算,同比增长5.9%,比一季度加快0.8个百分点。",
            "0.8",
            "地区生产总值增速变动",
        ),
        ("全县规上工业增加值增速比1-7月回落0.6个百分点。", "-0.6", "规模以上工业增加值增速变动"),
        (
            "出口总额41.9亿元,同比下降3.6%,降幅较上半年(-8.1%)收窄4.5个百分点。",
            "-8.1",
            "出口总额增速",
        ),
        ("5月当月,规上工业增加值同比增长6.7%;1-5月累计增长5.9%。", "5.9", "规模以上工业增加值增速"),
        ("城镇调查失业率5.1%,比上月下降0.2个百分点。", "-0.2", "城镇调查失业率变动"),
        # a share named by its whole: of what the clause before measures, or a plan's completion
        ("民生支出41.2亿元,占一般公共预算支出的80.6%。", "80.6", "民生支出占一般公共预算支出比重"),
        ("完成投资142.7亿元,占年度计划的108.3%。", "108.3", "投资年度计划完成率"),
        # no company, builder or level word in a name
        ("该公司目前在全国已建成生产基地6个。", "6", "建成生产基地"),
        (
            "由鼎新医疗投资建设的医疗器械产业化项目总投资8.6亿元。",
            "8.6",
            "医疗器械产业化项目总投资",
        ),
        ("森林覆盖率稳定在71.5%。", "71.5", "森林覆盖率"),
        ("建成后预计年产值15亿元。", "15", "建成后年产值"),
        # the word of what the unit measures: visits, an area, a trade total
        ("全年接待游客1286.5万人次。", "1286.5", "接待游客人次"),
        ("全镇完成植树造林2600亩。", "2600", "植树造林面积"),
        ("出口98.7亿元,增长1.2%。", "98.7", "出口总额"),
        ("全区A级旅游景区达到14家。", "14", "A级旅游景区数"),
        # a list's items share the measure of the last one
        ("城镇、农村居民人均可支配收入分别增长4.9%和7.1%。", "4.9", "城镇居民人均可支配收入增速"),
        ("城镇、农村居民人均可支配收入分别增长4.9%和7.1%。", "7.1", "农村居民人均可支配收入增速"),
        # a 分别 list of rates: the k-th of the measures named before, a base year kept
        (
            "城镇零售额74.8亿元,乡村零售额15.5亿元,分别增长3.9%和5.2%,增幅比上年同期分别回落3.05和0.87个百分点。",
            "-3.05",
            "城镇零售额增速变动",
        ),
        (
            "城镇零售额74.8亿元,乡村零售额15.5亿元,分别增长3.9%和5.2%,增幅比上年同期分别回落3.05和0.87个百分点。",
            "-0.87",
            "乡村零售额增速变动",
        ),
        (
            "全区接待游客96.2万人次,实现旅游收入3.17亿元,分别比2019年同期增长12.3%和8.6%。",
            "8.6",
            "旅游收入比2019年增长",
        ),
        ("城乡居民人均可支配收入分别达到46218元和24375元。", "24375", "城乡居民人均可支配收入"),
        # a lead over a wider region, of the measure named before
        (
            "地区生产总值完成58.76亿元,同比增长6.2%,增速高于全市0.5个百分点。",
            "0.5",
            "地区生产总值增速高于全市",
        ),
        (
            "零售总额125.3亿元,增长8.2%,增速比一季度回落0.5个百分点,低于全省平均水平1.2个百分点。",
            "-1.2",
            "零售总额增速高于全省",
        ),
        ("粮食总产量28.6万吨，比上年增产1.2万吨。", "1.2", "粮食总产量增加"),
        (
            "全市社会消费品零售总额1286.4亿元,同比增长6.3%,增速比上半年加快0.7个百分点,高于全省平均水平1.1个百分点。",
            "1.1",
            "社会消费品零售总额增速高于全省",
        ),
        (
            "民间投资210亿元,占全部投资的比重为52.6%,比上半年提高0.8个百分点。",
            "0.8",
            "民间投资占全部投资比重变动",
        ),
        ("全县6个项目竣工投产。", "6", "竣工投产项目"),
        ("全镇12家规模以上工业企业完成产值4.67亿元。", "12", "规模以上工业企业数"),
        # the beneficiary of what is named is no part of its name
        ("累计为企业减税降费3.1亿元，惠及企业1200余户。", "3.1", "减税降费"),
        ("累计为企业减税降费3.1亿元，惠及企业1200余户。", "1200", "减税降费惠及企业"),
        # a heading's number and the figures listed before are no part of a name
        ("二、农业\n全年粮食播种面积86.4万亩,比上年减少2.1万亩。", "2.1", "粮食播种面积减少"),
        ("新增四上企业7家,其中规上工业企业4家、限上商贸企业3家。", "3", "限额以上商贸企业"),
        # 达产, 有效: words, not a verb before the name
        ("达产后年可实现产值12亿元。", "12", "达产后年产值"),
        ("年末有效灌溉面积21.6万亩。", "21.6", "有效灌溉面积"),
    ],
)
def test_a_name_is_cut_from_the_words_that_say_what_is_measured(
    text: str, value: str, name: str
) -> None:
    assert _figure(text, value).name == name


def test_a_completed_name_keeps_what_is_done_and_what_is_planned() -> None:
    assert formal("在建项目完成投资") == "在建项目完成投资"
    assert formal("完成年度计划投资额") == "完成年度计划投资额"
    assert formal("限上单位零售额") == "限额以上单位零售额"
    assert formal("社会消费品零售总额增长") == "社会消费品零售总额增长"  # not a rate


def test_another_count_of_the_same_value_is_not_that_indicator(shipped: Dataset) -> None:
    # the file holds 18 for the signed industrial projects: these 18 are projects started
    figure = _figure("全县在建项目新开工18个。", "18", shipped)
    assert figure.indicator != "signed_industrial_projects"


def test_the_regions_investment_is_not_its_industrial_investment(shipped: Dataset) -> None:
    figure = _figure("上半年，全区固定资产投资增长9.3%。", "9.3", shipped)
    assert (figure.indicator, figure.new_indicator) == ("fixed_asset_investment_growth", True)
    industrial = _figure("上半年，全区工业固定资产投资增长9.3%。", "9.3", shipped)
    assert industrial.indicator == "industrial_investment_growth"


def test_the_amount_done_of_a_plan_goes_onto_the_plans_indicator(shipped: Dataset) -> None:
    text = "全年计划实施重点项目120个，年度计划投资150亿元，上半年完成投资80.5亿元。"
    plan, done = _figure(text, "150", shipped), _figure(text, "80.5", shipped)
    assert plan.indicator == done.indicator == "key_project_investment"
    assert (plan.status, done.status) == ("target", "actual")
    assert done.reason.startswith("done of the plan on")


def test_a_net_increase_is_not_the_new_entries(shipped: Dataset) -> None:
    figure = _figure("全区规上工业企业达96家，较上年末净增7家。", "7", shipped)
    assert figure.indicator != "new_enterprises_above_size" and figure.new_indicator
    register = _figure("全区规上工业企业达96家，较上年末净增7家。", "96", shipped)
    assert register.indicator == "enterprises_above_size"


@pytest.mark.parametrize(
    ("text", "value", "indicator"),
    [
        ("1-5月注销市场主体120户。", "120", "deregistered_market_entities"),
        (
            "截至5月末，全镇实有市场主体5600户，比年初增加320户。",
            "320",
            "existing_market_entities_increase",
        ),
        ("全县新开工项目40个，完成投资60.5亿元。", "60.5", "investment_completed_new_started"),
    ],
)
def test_a_new_indicator_has_english_and_an_id_made_from_it(
    text: str, value: str, indicator: str
) -> None:
    assert _figure(text, value).indicator == indicator
