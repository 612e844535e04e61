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
