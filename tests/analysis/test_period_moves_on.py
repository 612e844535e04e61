"""A span of months is in force until the text moves on to a later month: figures after
预计6月份… without a phrase of their own are of the month under way, not of 1月至5月."""

from __future__ import annotations

from ganxian_cli.analysis.extract import extract

TEXT = "1月至5月,该区共签约项目20个。预计6月份签约项目13个。收集工业招商项目信息60个。"


def test_after_a_later_month_the_span_is_no_longer_in_force() -> None:
    periods = [(f.value, f.period, f.status) for f in extract(TEXT, None, "2022-06").figures]
    assert [p[1] for p in periods] == ["2022-01..2022-05", "2022-06", "2022-06"]
    assert periods[1][2] == "forecast" and periods[2][2] == "actual"


def test_a_month_inside_the_span_does_not_end_it() -> None:
    text = "1月至5月,全区签约项目20个。其中5月份签约项目6个。收集工业招商项目信息60个。"
    periods = [f.period for f in extract(text, None, "2022-06").figures]
    assert periods == ["2022-01..2022-05", "2022-05", "2022-01..2022-05"]
