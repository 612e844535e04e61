"""今年,…累计 (this year, cumulatively) is the year to date, as 今年以来 is."""

from __future__ import annotations

from ganxian_cli.analysis.extract import extract


def test_this_year_cumulatively_is_the_year_to_date() -> None:
    text = "今年,该区累计为342户企业办理留抵退税3.28亿元。"
    periods = [f.period for f in extract(text, None, "2022-06").figures]
    assert periods == ["2022-H1", "2022-H1"]


def test_this_year_without_cumulatively_is_not() -> None:
    text = "今年,该区计划办理留抵退税3.28亿元。"
    periods = [f.period for f in extract(text, None, "2022-06").figures]
    assert periods != ["2022-H1"]
