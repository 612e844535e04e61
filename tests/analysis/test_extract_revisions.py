"""A figure revised in a later article (营业收入修正为127.1亿元(此前公布为126.4亿元),同比增长
10.2%): the revised value keeps its growth rate across the bracketed aside, its name is the
measure (no 修正为), and the earlier value in the bracket is no figure of its own (the earlier
article holds it)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ganxian_cli.analysis.extract import Proposal, extract

CASES = [
    (
        "1-6月，全县规模以上工业企业实现营业收入153.8亿元，同比增长10.5%。需要说明的是，经数据"
        "核实，1-5月全县规模以上工业企业营业收入修正为127.1亿元（此前公布为126.4亿元），同比增长"
        "10.2%；截至5月末全县规模以上工业企业数修正为215家。",
        "2031-07",
        ("127.1", "10.2", "2031-01..2031-05", "规模以上工业企业营业收入"),
        "126.4",
        ("215", "规模以上工业企业数"),
    ),
    (
        "前三季度，全区社会消费品零售总额86.2亿元。经核实，上半年全区社会消费品零售总额调整为"
        "55.40亿元(原公布数为54.90亿元)，增长6.3%；全区高新技术企业数调整为88家。",
        "2029-10",
        ("55.40", "6.3", "2029-H1", "社会消费品零售总额"),
        "54.90",
        ("88", "高新技术企业数"),
    ),
]


def _figures(text: str, published: str) -> dict[Decimal, Proposal]:
    return {p.value: p for p in extract(text, None, published).figures}


@pytest.mark.parametrize(("text", "published", "revised", "earlier", "count"), CASES)
def test_a_revised_figure_keeps_its_growth_and_the_earlier_value_is_no_figure(
    text: str,
    published: str,
    revised: tuple[str, str, str, str],
    earlier: str,
    count: tuple[str, str],
) -> None:
    found = _figures(text, published)
    value, yoy, period, name = revised
    figure = found[Decimal(value)]
    assert (figure.yoy, figure.period, figure.name) == (Decimal(yoy), period, name)
    assert Decimal(earlier) not in found
    assert found[Decimal(count[0])].name == count[1]
