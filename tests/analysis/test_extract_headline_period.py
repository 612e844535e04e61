"""A headline that names a span of months (上半年, 一季度, 前三季度, 1—5月) sets the period the
article reports on: its 今年以来 / 截至目前 / 累计 totals are of that span, not of the months
up to publication."""

from __future__ import annotations

import pytest

from ganxian_cli.analysis.extract import extract

BODY = (
    "{place}召开新闻发布会,通报全区经济运行情况。\n\n"
    "今年以来,全区实现地区生产总值{gdp}亿元,同比增长5.1%。\n\n"
    "全区累计签约项目{signed}个。截至目前,全区在建项目{building}个。\n"
)


@pytest.mark.parametrize(
    ("headline", "published", "span", "month"),
    [
        ("赣县区上半年经济运行情况", "2022-07", "2022-H1", "2022-06"),
        ("桐溪县一季度经济运行简况", "2031-04", "2031-Q1", "2031-03"),
        ("梅岭市前三季度经济运行情况", "2027-10", "2027-01..2027-09", "2027-09"),
        ("岩前镇1—5月经济社会发展情况", "2019-06", "2019-01..2019-05", "2019-05"),
    ],
)
def test_a_span_in_the_headline_is_the_reference(
    headline: str, published: str, span: str, month: str
) -> None:
    text = headline + "\n" + BODY.format(place="区政府", gdp="88.6", signed="41", building="17")
    periods = {str(f.value): f.period for f in extract(text, published=published).figures}
    assert periods["88.6"] == span
    assert periods["41"] == span
    assert periods["17"] == month


def test_a_headline_without_a_span_keeps_the_publication_month() -> None:
    text = "今年以来赣县区经济运行稳中有进\n" + BODY.format(
        place="区政府", gdp="88.6", signed="41", building="17"
    )
    periods = {str(f.value): f.period for f in extract(text, published="2022-07").figures}
    assert periods["88.6"] == "2022-01..2022-07"
    assert periods["17"] == "2022-07"


@pytest.mark.parametrize(
    ("lead", "published", "span", "month"),
    [
        ("今年1-7月,某县共签约项目36个。", "2036-08", "2036-01..2036-07", "2036-07"),
        ("本报讯 记者从市发改委获悉,上半年,全市新签约项目52个。", "2029-08", "2029-H1", "2029-06"),
        ("一季度,石溪镇招商引资到位资金3.6亿元。", "2041-05", "2041-Q1", "2041-03"),
    ],
)
def test_a_span_the_body_opens_with_is_the_articles_span(
    lead: str, published: str, span: str, month: str
) -> None:
    """The body's first sentence names the months the article reports on as a headline would:
    a later paragraph's 累计 total, its share of the plan and a flow are of that span, a level
    of its last month — as they are when the span is in the same paragraph."""
    later = "全县56个重点项目累计完成投资83.42亿元,占年度计划的64.3%。截至目前,在建项目102个。"
    apart = {str(f.value): f.period for f in extract(f"{lead}\n\n{later}", None, published).figures}
    assert (apart["83.42"], apart["64.3"], apart["102"]) == (span, span, month)
    together = {str(f.value): f.period for f in extract(lead + later, None, published).figures}
    assert (together["83.42"], together["64.3"]) == (span, span)


def test_a_span_stated_after_the_first_sentence_is_no_articles_span() -> None:
    text = "全县经济平稳。今年1-7月,某县共签约项目36个。\n\n重点项目累计完成投资83.42亿元。"
    periods = {str(f.value): f.period for f in extract(text, None, "2036-08").figures}
    assert periods["83.42"] == "2036-01..2036-08"
