"""A value with the same months of the year before in brackets (营业收入64.2亿元(上年同期为
58.7亿元),同比增长9.4%) keeps its growth rate; the bracketed value is a figure of its
indicator a year earlier, as a table's 上年同期 column is."""

from __future__ import annotations

from decimal import Decimal

from ganxian_cli.analysis.extract import extract


def _read(sentence: str, published: str = "2030-09") -> list[tuple[object, ...]]:
    return [
        (p.value, p.period, p.status, p.yoy, p.indicator)
        for p in extract(sentence, None, published).figures
    ]


def test_the_growth_after_a_bracket_of_the_year_before_is_the_values() -> None:
    found = _read("1-8月，规上工业企业实现营业收入64.2亿元（上年同期为58.7亿元），同比增长9.4%。")
    (_, _, _, _, revenue), _ = found
    assert found == [
        (Decimal("64.2"), "2030-01..2030-08", "actual", Decimal("9.4"), revenue),
        (Decimal("58.7"), "2029-01..2029-08", "actual", None, revenue),
    ]


def test_the_year_before_of_a_target_is_what_was_done() -> None:
    found = _read("力争全年税收收入21.3亿元(去年同期18.2亿元)，增长4.2%。")
    assert [(v, p, s, y) for v, p, s, y, _ in found] == [
        (Decimal("21.3"), "2030", "target", Decimal("4.2")),
        (Decimal("18.2"), "2029", "actual", None),
    ]


def test_a_fall_after_the_bracket_is_negative() -> None:
    found = _read("上半年，出口总额12.5亿元(去年同期为13.1亿元)，同比下降4.6%。", "2031-07")
    assert found[0][3] == Decimal("-4.6") and found[1][:4] == (
        Decimal("13.1"), "2030-H1", "actual", None,
    )  # fmt: skip


def test_a_growth_of_the_year_before_is_on_the_growth_indicator() -> None:
    found = extract("1-8月，营业收入86.5亿元（上年同期增长5.2%），同比增长6.1%。", None, "2030-09")
    revenue, earlier = found.figures
    assert (revenue.value, revenue.yoy) == (Decimal("86.5"), Decimal("6.1"))
    assert (earlier.value, earlier.unit, earlier.period, earlier.name) == (
        Decimal("5.2"), "%", "2029-01..2029-08", "营业收入增速",
    )  # fmt: skip
    assert earlier.indicator != revenue.indicator
