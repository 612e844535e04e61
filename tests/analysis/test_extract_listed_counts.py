"""An amount after a list of counts of the sentence's subject (全区新签约项目5个,新开工项目4个,
完成投资9.8亿元) is the subject's, not of the items the last count names; a month's own figures
(8月份当月) are of that month."""

from __future__ import annotations

from decimal import Decimal

from ganxian_cli.analysis.extract import extract


def test_an_investment_after_listed_counts_is_the_subjects() -> None:
    found = {
        p.value: (p.name, p.period)
        for p in extract(
            "8月份当月，全区新签约项目5个，新开工项目4个，完成投资9.8亿元。", None, "2030-09"
        ).figures
    }
    assert found == {
        Decimal(5): ("新签约项目", "2030-08"),
        Decimal(4): ("新开工项目", "2030-08"),
        Decimal("9.8"): ("完成投资", "2030-08"),
    }


def test_an_investment_after_the_one_count_is_of_its_items() -> None:
    *_, invested = extract(
        "今年以来，全区实施产业项目214个，完成投资88亿元。", None, "2030-09"
    ).figures
    assert invested.name == "产业项目完成投资额"
