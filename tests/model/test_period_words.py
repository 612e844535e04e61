"""The period words of a quote or a clause: what they name, which are comparison bases, and
whether a figure's period agrees with them."""

from __future__ import annotations

import sys
import tomllib
from itertools import pairwise
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ganxian_cli.model.period_words import (
    agrees,
    bracket_period,
    implied_period,
    own_phrases,
    period_phrases,
    reference,
)
from ganxian_cli.model.periods import Period, parse_period

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _own(text: str, year: int | None = 2031, month: int | None = 6) -> list[str | None]:
    return [None if p.period is None else str(p.period) for p in own_phrases(text, year, month)]


@pytest.mark.parametrize(
    ("text", "year", "month", "expected"),
    [
        # quarters, halves, the first three quarters
        ("一季度,桐平县地区生产总值增长5.1%", 2026, 4, "2026-Q1"),
        ("第一季度全区实现税收3.2亿元", 2026, 4, "2026-Q1"),
        ("1季度全镇完成投资8000万元", 2019, 4, "2019-Q1"),
        ("二季度全市进出口额明显回升", 2033, 7, "2033-Q2"),
        ("第四季度新签约项目12个", 2030, 12, "2030-Q4"),
        ("上半年临澄市地区生产总值1215.6亿元", 2033, 7, "2033-H1"),
        ("下半年全县新增就业2100人", 2028, 12, "2028-H2"),
        ("半年累计完成固定资产投资45.2亿元", 2031, 7, "2031-H1"),
        ("前三季度和川县规上工业增加值增长6.1%", 2029, 10, "2029-01..2029-09"),
        # the year
        ("全年全市地区生产总值1846.37亿元", 2017, 12, "2017"),
        ("年度完成造林面积3.2万亩", 2024, 12, "2024"),
        ("2030年全市粮食总产量56.2万吨", None, None, "2030"),
        ("2030年全年接待游客1286.5万人次", None, None, "2030"),
        ("二〇三〇年全县城镇居民人均可支配收入41236元", None, None, "2030"),
        ("去年全区完成工业投资18.7亿元", 2027, 3, "2026"),
        ("上年全市实现外贸进出口总额98亿元", 2025, 2, "2024"),
        # runs of months
        ("1—5月,凤岭镇完成工业总产值2.86亿元", 2012, 6, "2012-01..2012-05"),
        ("1-5月全市规上工业增加值增长5.9%", 2027, 6, "2027-01..2027-05"),
        ("1至5月全镇实现农业产值6200万元", 2012, 6, "2012-01..2012-05"),
        ("1~5月累计增长3.2%", 2031, 6, "2031-01..2031-05"),
        ("前5个月全县完成税收3.1亿元", 2031, 6, "2031-01..2031-05"),
        ("今年前两个月全市外贸进出口增长12%", 2031, 3, "2031-01..2031-02"),
        ("一至五月全县完成招商引资12亿元", 2031, 6, "2031-01..2031-05"),
        ("1—5月份全区社会消费品零售总额增长6.4%", 2031, 6, "2031-01..2031-05"),
        ("1至11月份全市完成固定资产投资", 2024, 12, "2024-01..2024-11"),
        ("2031年1—10月宁丰市财政收入增长4.2%", None, None, "2031-01..2031-10"),
        ("今年1-7月全县规上工业增加值增长8.2%", 2019, 8, "2019-01..2019-07"),
        # one month
        ("6月份全市规上工业增加值增长9.5%", 2033, 7, "2033-06"),
        ("5月全市社会消费品零售总额增长6.7%", 2027, 6, "2027-05"),
        ("十二月份全县发电量2.1亿千瓦时", 2022, 12, "2022-12"),
        ("本月全区新增市场主体356户", 2031, 4, "2031-04"),
        ("3月份全区用电量增长,当月全区规上工业用电量1.86亿千瓦时", 2031, 4, "2031-03"),
        # stocks at a month's end
        ("截至6月末,全市在库亿元以上项目917个", 2033, 7, "2033-06"),
        ("3月底全县金融机构存款余额1025亿元", 2026, 4, "2026-03"),
        ("截至目前,全市累计签约项目45个", 2024, 11, "2024-11"),
        ("截止3月31日,全县贷款余额812亿元", 2026, 4, "2026-03"),
        ("年末全市常住人口353.2万人", 2017, 12, "2017-12"),
        ("年底全县实有市场主体4.2万户", 2030, 12, "2030-12"),
        ("2030年末全市户籍人口221万人", None, None, "2030-12"),
        # January to the reference month
        ("今年以来,宁丰市累计新增减税降费8.6亿元", 2024, 11, "2024-01..2024-11"),
        ("年初以来全县新开工项目62个", 2022, 4, "2022-01..2022-04"),
        # a year before the month phrase dates it
        ("2030年,全市上半年实现税收21亿元", 2031, 3, "2030-H1"),
    ],
)
def test_implied_period(text: str, year: int | None, month: int | None, expected: str) -> None:
    assert implied_period(text, year, month) == parse_period(expected)


def test_a_decimal_is_not_a_month() -> None:
    assert [p.text for p in period_phrases("增长12.5-6月", 2031, 6)] == ["6月"]  # not 5-6月


def test_stock_words_are_marked() -> None:
    stocks = {p.text: p.stock for p in period_phrases("截至6月末余额,6月份当月,年末人口", 2031, 7)}
    assert stocks == {"截至6月末": True, "6月份": False, "当月": False, "年末": True}


def test_dates_are_not_periods() -> None:
    assert period_phrases("7月21日,临澄市政府新闻办召开新闻发布会", 2033, 7) == []
    # the year of a date is a dateline's, not a year the text is about
    assert period_phrases("2031年5月12日,项目集中签约", 2031, 5) == []
    dated = period_phrases("岚川市2017年统计公报\n2018年3月20日\n年末人口353万人", 2017, 12)
    assert [(p.text, str(p.period)) for p in dated] == [("2017年", "2017"), ("年末", "2017-12")]


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("增幅比5月提高0.3个百分点", "5月"),
        ("增速较上月加快1.1个百分点", "上月"),
        ("降幅较上半年收窄2.1个百分点", "上半年"),
        ("增速比一季度加快0.8个百分点", "一季度"),
        ("增幅较1—5月回落1.3个百分点", "1—5月"),
        ("比上年同期增加64个", "上年同期"),
        ("比去年同期减少2.1万亩", "去年同期"),
        ("同比增长5.9%", "同比"),
        ("环比增长2.2%", "环比"),
        ("与去年相比,全县粮食产量增加1.2万吨", "去年"),
        ("全年居民消费价格比上年上涨1.6%", "上年"),
        ("完成全年任务的92%", "全年"),
        ("占年度计划的25.8%", "年度"),
        ("完成年度目标任务的31.5%", "年度"),
        ("同比增长5.4%,低于全年目标0.6个百分点", "全年"),
        ("高于年度计划1.2个百分点", "年度"),
        ("快于全年目标2个百分点", "全年"),
    ],
)
def test_comparison_bases_are_not_the_period(text: str, base: str) -> None:
    found = {p.text: p.kind for p in period_phrases(text, 2031, 6)}
    assert found[base] == "base"
    assert all(p.text != base for p in own_phrases(text, 2031, 6))


def test_a_plan_of_the_year_is_still_its_period() -> None:
    assert implied_period("全年目标为地区生产总值增长6%", 2031, 3) == Period(2031, 1, 12)


def test_bracketed_period_belongs_to_the_bracketed_figure() -> None:
    text = "利润总额同比下降2.9%,降幅较上半年(-8.1%)收窄5.2个百分点"
    phrases = period_phrases(text, 2033, 9)
    assert [(p.text, p.kind) for p in phrases] == [("同比", "base"), ("上半年", "bracketed")]
    assert implied_period(text, 2033, 9) is None  # the clause's own period is not H1
    assert bracket_period(text, text.index("-8.1"), 2033, 9) == Period(2033, 1, 6)
    inside = "全县规上工业增加值增长7.1%(1—5月为6.2%)"
    assert [p.kind for p in period_phrases(inside, 2029, 6)] == ["bracketed"]
    assert bracket_period(inside, inside.index("6.2"), 2029, 6) == Period(2029, 1, 5)
    assert bracket_period(inside, inside.index("7.1"), 2029, 6) is None


def test_relative_words_need_their_reference() -> None:
    assert _own("上半年全市", None, None) == [None]
    assert implied_period("上半年全市", None, None) is None
    assert implied_period("今年以来新增", 2031, None) is None
    assert implied_period("2031年上半年", None, None) == Period(2031, 1, 6)


def test_several_periods_are_ambiguous_but_a_bare_year_only_dates() -> None:
    assert implied_period("上半年全市增长5.9%,其中6月份增长9.5%", 2033, 7) is None
    assert implied_period("2031年,一季度全县", None, None) == Period(2031, 1, 3)


@pytest.mark.parametrize(
    ("quote", "period", "fits"),
    [
        ("一季度全县地区生产总值增长5.1%", "2031-01", False),
        ("一季度全县地区生产总值增长5.1%", "2031-Q1", True),
        ("1—5月全市规上工业增加值增长5.9%", "2031-H1", False),
        ("1—6月全市规上工业增加值增长5.9%", "2031-H1", True),
        ("上半年全市规上工业增加值增长7.2%", "2031-06", False),
        ("上半年全市规上工业增加值增长7.2%", "2031-01..2031-06", True),
        ("2030年全市地区生产总值5230亿元", "2031", False),
        ("2030年全市地区生产总值5230亿元", "2030", True),
        ("半年累计完成投资45.2亿元", "2031-H1", True),
        ("全年粮食播种面积186.4万亩", "2017", True),
        ("全年粮食播种面积186.4万亩", "2017-H1", False),
        ("截至6月末,存款余额1025亿元", "2031-06", True),
        ("截至6月末,累计完成投资45亿元", "2031-01..2031-06", True),
        ("截至6月末,存款余额1025亿元", "2031-05", False),
        ("年末全市常住人口353.2万人", "2017-12", True),
        ("年末全市常住人口353.2万人", "2017", True),
        ("今年以来全县新开工项目62个", "2022-01..2022-04", True),
        ("今年以来全县新开工项目62个", "2022-04", False),
        ("前三季度全市财政收入增长3.2%", "2029-01..2029-09", True),
        ("前三季度全市财政收入增长3.2%", "2029-Q3", False),
        ("二〇三〇年全县粮食总产量", "2030", True),
        ("增幅较1—5月回落1.3个百分点", "2031-H1", True),  # 1—5月 is the base
        ("比上年同期增加64个", "2031-06", True),
        ("去年全区完成工业投资18.7亿元", "2030", True),  # unknown article year: not judged
        ("全市规上工业增加值增长7.2%", "2031-06", True),  # no period words: not judged
        ("一季度全县地区生产总值增长5.1%", "undated", True),
    ],
)
def test_agrees(quote: str, period: str, fits: bool) -> None:
    assert agrees(quote, parse_period(period)) is fits


def test_agrees_with_the_article_reference() -> None:
    assert agrees("去年全区完成工业投资18.7亿元", Period(2030, 1, 12), 2031, 3)
    assert not agrees("去年全区完成工业投资18.7亿元", Period(2031, 1, 12), 2031, 3)
    assert not agrees("今年以来新开工项目62个", Period(2022, 1, 3), 2022, 4)


def test_reference_of_a_review_published_early_next_year() -> None:
    assert reference("全年全市地区生产总值1846.37亿元。", 2018, 3) == (2017, 12)
    assert reference("一季度全县地区生产总值增长5.1%。", 2026, 4) == (2026, 4)
    assert reference("1—2月全市完成投资。", 2026, 3) == (2026, 3)
    # a monthly report with the year's goal is of its months, not a review of the year before
    assert reference("1月份,全市工业增长5.2%,全年目标增长6%。", 2031, 2) == (2031, 2)
    assert reference("1—2月投资增长8%,完成全年计划的15%。年末余额…", 2029, 3) == (2029, 3)
    assert reference("全年粮食产量68万吨;12月份用电量3亿千瓦时", 2041, 1) == (2040, 12)


def test_no_year_zero() -> None:
    assert implied_period("0000年1-5月", 2031, 6) is None


def test_full_width_digits() -> None:
    assert implied_period("１—５月全镇工业总产值", 2012, 6) == Period(2012, 1, 5)
    assert implied_period("２０３０年全市", None, None) == Period(2030, 1, 12)


# No character of a period word: 月, 年, 季, 期, 比 (同比/环比) and the like are left out.
_NEUTRAL = "全市县工业增加值亿元万吨规模以上投资消费零售总额0123456789.%,，、和增长下降实现完成"


@given(st.text(alphabet=_NEUTRAL, max_size=60))
def test_no_period_words_no_judgement(quote: str) -> None:
    assert period_phrases(quote, 2031, 6) == []
    assert implied_period(quote, 2031, 6) is None
    assert agrees(quote, Period(2031, 3, 3))


_PIECES = [
    "上半年",
    "1—5月",
    "比一季度",
    "同比",
    "(-8.1%)",
    "截至6月末",
    "全市",
    "增长",
    "5.9%",
    ",",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_phrases_are_in_order_and_their_spans_hold_their_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    phrases = period_phrases(text, 2031, 7)
    for p in phrases:
        assert text[p.start : p.end] == p.text
    assert all(a.end <= b.start for a, b in pairwise(phrases))


def _lines_run(text: str) -> int:
    """How many lines of `model.period_words` run while *text* is read (counted work)."""
    module = period_phrases.__code__.co_filename
    count = 0

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if frame.f_code.co_filename != module:
            return None
        if event == "line":
            count += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        period_phrases(text, 2031, 6)
    finally:
        sys.settrace(previous)
    return count


def test_reading_is_linear() -> None:
    clause = (
        "1—5月全市规上工业增加值增长5.9%,增幅较一季度(-8.1%)回落1.3个百分点,截至5月末余额12亿元;"
    )
    small, large = clause * 100, clause * 400
    assert len(period_phrases(large, 2031, 6)) == 4 * len(period_phrases(small, 2031, 6))
    work = _lines_run(small)
    assert work > 100  # the count sees the module's lines
    assert _lines_run(large) < 5 * work  # 4 times the text: linear ~4, quadratic 16


def _corpus_pairs() -> list[tuple[str, str, Period, tuple[int, int]]]:
    pairs = []
    for expected in sorted(CORPUS.glob("*.expected.toml")):
        data = tomllib.loads(expected.read_text(encoding="utf-8"))
        year, month = (int(x) for x in data["published"].split("-"))
        name = expected.name.removesuffix(".expected.toml")
        source = next(p for p in CORPUS.glob(name + ".*") if p.suffix in (".txt", ".html"))
        article = reference(source.read_text(encoding="utf-8"), year, month)
        for figure in data["figures"]:
            if "quote" not in figure or "period" not in figure:
                continue
            # a plan is read against the publication date, an actual against what it reports on
            ref = (year, month) if figure.get("status") in ("target", "forecast") else article
            pairs.append((name, figure["quote"], parse_period(figure["period"]), ref))
    return pairs


def test_corpus_periods() -> None:
    """Agree 42, disagree 0, not judged 293 (quotes without period words) when measured."""
    agree = disagree = 0
    wrong = []
    for name, quote, period, (year, month) in _corpus_pairs():
        implied = implied_period(quote, year, month)
        if implied == period:
            agree += 1
        elif implied is not None:
            disagree += 1
            wrong.append((name, quote, str(period), str(implied)))
        if not agrees(quote, period, year, month):
            wrong.append((name, quote, str(period), "agrees"))
    assert wrong == []
    assert agree >= 40


_ANY = "0123456789年月日季度上下半前个全截至末底今去本当同比较环(（)）-—至~.,，"
_ANY += "〇一二三四五六七八九十两号以来期"


@given(st.text(alphabet=_ANY, max_size=40))
def test_any_text_reads_to_valid_periods(text: str) -> None:
    for phrase in period_phrases(text, 2031, 6):
        period = phrase.period
        assert period is None or (period.year >= 1 and 1 <= period.start <= period.end <= 12)
    implied_period(text, 2031, 6)
    agrees(text, Period(2031, 1, 6))


_PHRASE_ALPHABET = list(
    "0123456789-至—亿元万个%增长全区同比环月季年前在期比上下半今去截止目当现本度底末第份以来累计一二三四五六七八九十两〇"
)


@given(st.text(alphabet=st.sampled_from(_PHRASE_ALPHABET), max_size=40))
def test_every_period_phrase_holds_one_of_the_characters_the_reader_looks_for(text: str) -> None:
    """The reader skips a text holding none of 月季年前在期比: no phrase can be lost that way."""
    from ganxian_cli.model import period_words

    for m in period_words._PHRASES.finditer(text):
        assert period_words._ANY_PHRASE.search(m.group()), m.group()
