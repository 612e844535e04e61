"""Names as a statistician gives them where the article does: a register's measure printed
bare takes the scope the figure before it names (规模以上工业企业利润总额); a count named by a
verb alone, a date's 前, a comparison with 上年末, 仍为 or a relative clause are never a name
(fragments such as 开工, 前还, 比上年末提高)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ganxian_cli.analysis.extract import extract


def _names(text: str, published: str = "2031-07") -> dict[Decimal, str]:
    return {p.value: p.name for p in extract(text, None, published).figures}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "1-5月，全县规上工业企业实现营业收入96.4亿元，同比增长9.8%；实现利润总额约4.2亿元。",
            "规模以上工业企业利润总额",
        ),
        ("1-8月，全区规模以上工业增加值增长6.1%；利润总额4.6亿元。", "规模以上工业利润总额"),
        (
            "1-8月，规模以上服务业企业营业收入31.2亿元。8月当月，实现营业利润4.2亿元。",
            "规模以上服务业营业利润",
        ),
    ],
)
def test_a_registers_measure_printed_bare_takes_the_scope_before_it(text: str, name: str) -> None:
    assert _names(text)[Decimal("4.2") if "4.2" in text else Decimal("4.6")] == name


def test_a_companys_measure_keeps_no_register_scope() -> None:
    text = "1-6月，规上工业企业营业收入96.4亿元；华远电子有限公司实现营业收入4.2亿元。"
    assert _names(text)[Decimal("4.2")].endswith("有限公司营业收入")


@pytest.mark.parametrize(
    ("text", "value", "name"),
    [
        ("计划新开工项目40个，已开工31个。", Decimal(31), "已开工项目"),
        (
            "全乡纳入市级调度的重点项目9个，已开工7个，完成投资2.6亿元。",
            Decimal(7),
            "已开工重点项目",
        ),
        (
            "全乡纳入市级调度的重点项目9个，已开工7个，完成投资2.6亿元。",
            Decimal("2.6"),
            "重点项目完成投资额",
        ),
        ("预计9月底前还将有7个项目集中开工。", Decimal(7), "集中开工项目"),
        (
            "常住人口城镇化率58.1%，比上年末提高1.2个百分点。",
            Decimal("1.2"),
            "常住人口城镇化率变动",
        ),
        ("1-5月全县固定资产投资仍为44.10亿元。", Decimal("44.10"), "固定资产投资"),
        ("1-6月，全市全年安排的75个重点项目累计完成投资66.3亿元。", Decimal(75), "重点项目"),
        (
            "今年计划实施重点项目48个，年度计划投资96.5亿元。",
            Decimal("96.5"),
            "重点项目年度计划投资",
        ),
    ],
)
def test_fragments_are_never_a_name(text: str, value: Decimal, name: str) -> None:
    assert _names(text)[value] == name


def test_a_change_of_rate_after_a_plans_share_is_of_the_measures_rate() -> None:
    names = _names("1-5月，全县一般公共预算收入完成年度预算的41.2%，降幅比1-4月收窄1.6个百分点。")
    assert names[Decimal("1.6")] == "一般公共预算收入增速变动"


def test_working_days_are_a_unit_and_a_target_reached_no_part_of_the_name() -> None:
    [limit] = extract("今年以来，平均审批时限压缩至2.5个工作日。", None, "2031-07").figures
    assert (limit.value, limit.unit, limit.name) == (Decimal("2.5"), "个工作日", "平均审批时限")


def test_the_headlines_region_is_no_part_of_a_name() -> None:
    text = "梅岭县项目建设\n\n今年1-6月，梅岭县共签约项目24个。\n"
    [signed] = extract(text, None, "2031-07").figures
    assert signed.name == "签约项目"
