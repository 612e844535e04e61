"""A ratio of the three sectors' shares is read however its words name it (结构为, 比例调整为,
结构比为), and its parts are named as a statistician names the ratio (三次产业结构比)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ganxian_cli.analysis.extract import extract


@pytest.mark.parametrize(
    "sentence",
    [
        "2030年，全市三次产业结构为7.2:38.5:54.3。",
        "2030年，全市三次产业比例调整为7.2:38.5:54.3。",
        "2030年，全市三次产业结构比为7.2:38.5:54.3。",
        "2030年，全市三次产业结构优化为7.2：38.5：54.3。",
    ],
)
def test_the_parts_of_a_sector_ratio_are_shares(sentence: str) -> None:
    figures = extract(sentence, None, "2031-03").figures
    found = [(p.value, p.unit, p.period, p.name) for p in figures]
    assert found == [(Decimal(v), "%", "2030", "三次产业结构比") for v in ("7.2", "38.5", "54.3")]


def test_a_ratio_not_of_shares_is_no_figure() -> None:
    assert extract("全市城乡收入结构为2:1。", None, "2031-03").figures == []
