"""测算 (an estimate): of months that are over it is what was (据测算,全县上半年…增速高于全市平均
水平1.4个百分点: an actual, exact as printed); what is still needed or to come (据测算,四季度还需
完成投资约164亿元) is a forecast."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ganxian_cli.analysis.extract import Proposal, extract


def _figures(text: str, published: str) -> dict[Decimal, Proposal]:
    return {p.value: p for p in extract(text, None, published).figures}


@pytest.mark.parametrize(
    ("text", "published", "value", "expected"),
    [
        (
            "据测算，全县上半年规模以上工业增加值增速高于全市平均水平1.4个百分点。",
            "2031-07",
            "1.4",
            ("actual", "2031-H1", "exact"),
        ),
        (
            "据测算，1-9月全区固定资产投资增速高于全省平均水平2.3个百分点。",
            "2030-10",
            "2.3",
            ("actual", "2030-01..2030-09", "exact"),
        ),
        (
            "经初步测算，一季度全镇农业总产值约3.2亿元。",
            "2028-04",
            "3.2",
            ("actual", "2028-Q1", "about"),
        ),
        (
            "据测算，四季度全市还需完成投资约164亿元。",
            "2030-10",
            "164",
            ("forecast", "2030-Q4", "about"),
        ),
        (
            "据测算，下半年全县工业增加值增速将高于全市平均水平1.5个百分点。",
            "2031-07",
            "1.5",
            ("forecast", "2031-H2", "exact"),
        ),
    ],
)
def test_an_estimate_of_months_that_are_over_is_an_actual(
    text: str, published: str, value: str, expected: tuple[str, str, str]
) -> None:
    figure = _figures(text, published)[Decimal(value)]
    assert (figure.status, figure.period, figure.qualifier) == expected
