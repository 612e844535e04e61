"""The period of a target: a count of projects to finish within the year (力争年内竣工投产项目
达到20个) is a flow of the year, not a level at its end; a target in a paragraph on the second
half (下半年,…计划新开工重点项目25个) is of July to December, unless it names the whole year
(力争全年…)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ganxian_cli.analysis.extract import Proposal, extract


def _figures(text: str, published: str) -> dict[Decimal, Proposal]:
    return {p.value: p for p in extract(text, None, published).figures}


@pytest.mark.parametrize(
    ("text", "published", "value", "period"),
    [
        (
            "今年1-7月，全县新开工项目38个。下一步，确保全年完成重点项目投资130亿元以上，"
            "力争年内竣工投产项目达到20个。",
            "2036-08",
            "20",
            "2036",
        ),
        ("1-5月，全区新开工项目12个。力争年内建成投产项目达到15个。", "2031-06", "15", "2031"),
        ("1-9月，全市竣工投产项目达到26个。", "2030-10", "26", "2030-01..2030-09"),
    ],
)
def test_a_count_of_projects_finished_is_a_flow_not_a_level(
    text: str, published: str, value: str, period: str
) -> None:
    figure = _figures(text, published)[Decimal(value)]
    assert (figure.period, figure.stock) == (period, False)


SECOND_HALF = """上半年，全市新开工重点项目31个。

下半年，全市将紧盯年度目标不放松：力争全年地区生产总值增长6.5%左右；确保固定资产投资增长10%以上；计划新开工重点项目25个；力争社会消费品零售总额突破1100亿元；确保全年城镇新增就业5万人以上。
"""


def test_a_target_in_a_second_half_paragraph_is_of_july_to_december() -> None:
    found = _figures(SECOND_HALF, "2033-07")
    assert found[Decimal(25)].status == "target"
    assert found[Decimal(25)].period == "2033-H2"
    # a growth rate, a total to reach and what names the whole year are the year's
    for value in ("6.5", "10", "1100", "5"):
        assert found[Decimal(value)].period == "2033"
    assert found[Decimal(31)].period == "2033-H1"


@pytest.mark.parametrize(
    ("text", "published", "value", "period"),
    [
        (
            "四季度，全区将开展项目攻坚。力争新签约项目12个。确保全年新开工项目40个。",
            "2029-10",
            "12",
            "2029-Q4",
        ),
        (
            "四季度，全区将开展项目攻坚。力争新签约项目12个。确保全年新开工项目40个。",
            "2029-10",
            "40",
            "2029",
        ),
        ("下半年，全县将紧盯年度目标：计划竣工项目18个。", "2036-07", "18", "2036-H2"),
        # a paragraph opening with months that are over dates no target
        ("上半年，全县新开工项目20个。计划新开工项目50个。", "2036-07", "50", "2036"),
    ],
)
def test_a_target_naming_no_period_is_of_the_part_of_the_year_its_paragraph_opens_with(
    text: str, published: str, value: str, period: str
) -> None:
    figure = _figures(text, published)[Decimal(value)]
    assert (figure.status, figure.period) == ("target", period)
