"""A count of the projects whose investment so far is reported (48个省市重点项目累计完成投资…),
or of the projects arranged for the year (全年安排市级重点项目75个), is the year's list: an
actual of the whole year, named by its items (no 累计), whatever months its sentence reports."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ganxian_cli.analysis.extract import extract


def _counts(sentence: str) -> list[tuple[object, ...]]:
    return [
        (p.value, p.period, p.status, p.name)
        for p in extract(sentence, None, "2031-07").figures
        if p.unit == "个"
    ]


def test_the_projects_whose_investment_is_reported_are_the_years_list() -> None:
    found = extract(
        "今年1-6月，全市48个省市重点项目累计完成投资66.3亿元，占年度计划的52.1%。",
        None,
        "2031-07",
    ).figures
    listed, invested = found[0], found[1]
    assert (listed.value, listed.period, listed.status, listed.name) == (
        Decimal(48), "2031", "actual", "省市重点项目",
    )  # fmt: skip
    assert (invested.period, invested.name) == ("2031-H1", "省市重点项目完成投资")


@pytest.mark.parametrize(
    "sentence",
    [
        "今年1-6月，全年安排市级重点项目75个，累计完成投资66.3亿元。",
        "今年全市共安排市级重点项目75个。",
    ],
)
def test_the_projects_arranged_for_the_year_are_its_list(sentence: str) -> None:
    [(value, period, status, _)] = _counts(sentence)
    assert (value, period, status) == (Decimal(75), "2031", "actual")


def test_a_plan_to_arrange_is_a_target_and_new_projects_a_flow() -> None:
    assert _counts("计划全年安排项目80个。")[0][1:3] == ("2031", "target")
    [funds] = extract("全年安排专项资金5000万元。", None, "2031-07").figures
    assert (funds.period, funds.status) == ("2031", "target")  # a sum arranged: a plan still
    assert _counts("1-6月，全县38个新开工项目完成投资64.3亿元。")[0][1:3] == (
        "2031-H1", "actual",
    )  # fmt: skip
