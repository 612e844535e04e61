"""A development zone's notes on named projects: a capacity in a project's name is no figure, a
project's size is of the month the note is published and of its builder, and items planned
after their count (N个项目计划于四季度投产) are a target of that quarter."""

from __future__ import annotations

from ganxian_cli.analysis.extract import extract
from ganxian_cli.analysis.extract.types import Proposal

NOTE = (
    "鹭江高新区2031年上半年项目建设情况\n\n"
    "上半年，园区新开工项目15个。"
    "总投资18亿元的华铂光电年产12万吨光学薄膜项目于5月建成投产，达产后可实现年产值30亿元。"
    "城北物流园等3个项目计划于三季度开工。\n"
)


def _by_value(text: str = NOTE, published: str = "2031-07") -> dict[str, Proposal]:
    return {str(p.value): p for p in extract(text, published=published).figures}


def test_a_capacity_in_a_projects_name_is_no_figure() -> None:
    assert "12" not in _by_value()


def test_a_projects_size_is_of_the_publication_month_and_its_builder() -> None:
    size = _by_value()["18"]
    assert (size.period, size.status, size.subject) == ("2031-07", "actual", "华铂光电")
    assert size.name == "项目总投资"
    assert "5月" not in size.quote  # the month of the project's start-up dates not its size


def test_the_builder_is_the_subject_of_the_projects_forecasts() -> None:
    assert _by_value()["30"].subject == "华铂光电"


def test_items_planned_after_their_count_are_a_target_of_that_quarter() -> None:
    planned = _by_value()["3"]
    assert (planned.period, planned.status, planned.name) == ("2031-Q3", "target", "开工项目")


def test_a_count_of_planned_items_not_started_is_what_happened() -> None:
    text = "一季度，全市有7个计划开工项目未能按期开工。"
    assert _by_value(text, "2034-04")["7"].status == "actual"


ZONE = (
    "青溪高新区2032年上半年经济运行情况\n\n"
    "上半年，园区完成固定资产投资40.2亿元（上年同期为35.1亿元），同比增长14.5%，"
    "完成年度计划投资90亿元的44.7%。园区将力争全年完成工业投资60亿元以上。\n\n"
    "总投资9亿元的德川科技年产3万吨电子化学品项目于5月投产，达产后可实现年产值12亿元、年税收0.8亿元。\n"
)


def test_the_years_planned_investment_before_its_share_is_a_target_of_the_measure() -> None:
    plan = _by_value(ZONE, "2032-07")["90"]
    assert (plan.period, plan.status, plan.name) == ("2032", "target", "固定资产投资")
    assert _by_value(ZONE, "2032-07")["44.7"].name == "固定资产投资年度计划完成率"


def test_a_zones_note_names_its_figures_without_its_word_for_itself() -> None:
    assert _by_value(ZONE, "2032-07")["40.2"].name == "固定资产投资"
    assert _by_value(ZONE, "2032-07")["60"].name == "工业投资"


def test_each_item_after_full_capacity_is_at_full_capacity() -> None:
    assert _by_value(ZONE, "2032-07")["0.8"].name == "达产后年税收"


def test_a_part_of_the_projects_signed_is_named_as_signed() -> None:
    text = "1-6月，全县新签约项目26个，签约总额88.4亿元，其中5亿元以上项目7个。"
    assert _by_value(text, "2033-07")["7"].name == "签约5亿元以上项目"
