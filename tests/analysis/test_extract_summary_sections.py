"""A half-year work summary: gaps to the year's goal and to the time-elapsed schedule are what
was done in the span, a plan paragraph's bare items are targets, and a registered rate is a
level at the span's end."""

from __future__ import annotations

from ganxian_cli.analysis.extract import extract
from ganxian_cli.analysis.extract.types import Proposal

SUMMARY = (
    "青川区2033年上半年工作总结\n\n"
    "一、主要指标\n\n"
    "上半年，全区地区生产总值52.3亿元，增长4.9%，高于全年目标0.4个百分点。"
    "\n\n（二）项目建设。全区重点项目累计完成投资18.6亿元，完成年度计划的44.1%，"
    "落后序时进度5.9个百分点。\n\n"
    "（三）民生保障。城镇登记失业率为3.1%。\n\n"
    "二、下半年打算\n\n"
    "全区将围绕全年目标任务发力。一是抓投资，力争完成投资42亿元；二是抓就业，城镇新增就业1500人。\n"
)


def _by_value() -> dict[str, Proposal]:
    return {str(p.value): p for p in extract(SUMMARY, published="2033-07").figures}


def test_a_gap_to_the_years_goal_is_what_was_done() -> None:
    gap = _by_value()["0.4"]
    assert (gap.period, gap.status) == ("2033-H1", "actual")


def test_a_gap_to_the_schedule_is_of_the_span() -> None:
    gap = _by_value()["-5.9"]
    assert (gap.period, gap.status) == ("2033-H1", "actual")


def test_a_plan_paragraphs_bare_item_is_a_target_of_the_year() -> None:
    jobs = _by_value()["1500"]
    assert (jobs.period, jobs.status) == ("2033", "target")


def test_a_registered_unemployment_rate_is_a_level_at_the_spans_end() -> None:
    rate = _by_value()["3.1"]
    assert (rate.period, rate.stock) == ("2033-06", True)


GAPS = (
    "梧溪县2034年上半年工作总结\n\n"
    "（一）经济总量。全县实现地区生产总值61.2亿元，同比增长4.6%，低于全年目标1.4个百分点。\n\n"
    "（二）项目建设。全县重点项目累计完成投资13.5亿元，完成年度计划的47.2%，"
    "落后序时进度2.8个百分点。\n\n"
    "（三）就业。城镇新增就业980人，完成全年目标任务的61%。\n"
)


def _names() -> dict[str, str]:
    return {str(p.value): p.name for p in extract(GAPS, published="2034-07").figures}


def test_a_gap_to_the_goal_is_named_by_the_growth_it_measures() -> None:
    assert _names()["-1.4"] == "地区生产总值增速低于全年目标"


def test_a_gap_to_the_schedule_is_named_by_the_plan_it_measures() -> None:
    names = _names()
    assert names["47.2"] == "重点项目年度计划完成率"
    assert names["-2.8"] == "重点项目落后序时进度"


def test_a_share_of_the_years_task_is_a_completion_rate_of_its_measure() -> None:
    assert _names()["61"] == "城镇新增就业年度目标完成率"
