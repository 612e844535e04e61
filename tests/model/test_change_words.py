"""The sign that change words give a number: growth and decline, rate changes in 个百分点,
分别-lists, brackets, and the lead words of `model.direction`."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ganxian_cli.model.change_words import reading, sign_of
from ganxian_cli.model.direction import lead_word

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _signs(text: str) -> list[int | None]:
    """The sign of every number in *text* but the months of a period (1—5月)."""
    return [
        sign_of(text, m.start(), m.end())
        for m in _NUMBER.finditer(text)
        if not text.startswith(("月", "—", "-", "季"), m.end())
    ]


@pytest.mark.parametrize(
    ("text", "signs"),
    [
        # growth and decline words
        ("全县地区生产总值同比增长5.1%", [1]),
        ("全区新增市场主体增加356户", [1]),
        ("城镇居民人均可支配收入提高4.2%", [1]),
        ("居民消费价格上升1.6%", [1]),
        ("猪肉价格上涨12.3%", [1]),
        ("进出口总额下降4.5%", [-1]),
        ("耕地面积减少2.1万亩", [-1]),
        ("增速回落3.4%", [-1]),
        ("工业用电量下滑2.2%", [-1]),
        ("单位能耗降低3.1%", [-1]),
        ("房价下跌0.8%", [-1]),
        ("利润负增长3.4%", [-1]),
        ("规上工业增加值增长-3.2%", [-1]),
        ("(-8.1%)", [-1]),
        ("固定资产投资(亿元) | 21.9 | 48.3 | -6.5", [None, None, -1]),
        ("地区生产总值142.37亿元", [None]),
        # rate changes in 个百分点
        ("降幅收窄5.2个百分点", [1]),
        ("降幅较上月收窄1.2个百分点", [1]),
        ("降幅比1-2月扩大1.9个百分点", [-1]),
        ("增幅回落1.3个百分点", [-1]),
        ("增速回落0.4个百分点", [-1]),
        ("增幅收窄0.6个百分点", [-1]),
        ("增幅提高0.3个百分点", [1]),
        ("增速加快2.6个百分点", [1]),
        ("增速较一季度扩大0.5个百分点", [1]),
        ("增速较上月放缓0.3个百分点", [-1]),
        ("同比下降2.9%,降幅较一季度(-8.1%)收窄5.2个百分点", [-1, -1, 1]),
        # 分别-lists
        ("分别回落3.05和0.87个百分点", [-1, -1]),
        ("分别下降2.1%、3.4%和0.5%", [-1, -1, -1]),
        ("城镇、农村居民人均可支配收入分别增长4.9%和7.1%", [1, 1]),
        ("一、二产业增加值分别增长3.7%、6.4%,第三产业下降1.2%", [1, 1, -1]),
        # lead words (model.direction)
        ("增速快于全省0.6个百分点", [1]),
        ("序时进度领先1.5个百分点", [1]),
        ("超序时进度3.2个百分点", [1]),
        ("慢于全市1.1个百分点", [-1]),
        ("落后序时进度2.4个百分点", [-1]),
        ("滞后时序进度0.9个百分点", [-1]),
        ("低于全省平均水平1.2个百分点", [-1]),
        ("比全市低1.2个百分点", [-1]),
        ("增长5.2%,高于全省1.2个百分点", [1, 1]),
        ("增长5.2%高于全省1.2个百分点", [1, 1]),
        ("增速比一季度加快0.8个百分点", [1]),
        # the clause ends at a break, not at 、
        ("出口增长1.2%;进口57.6亿元", [1, None]),
        ("增长面为70.7%", [None]),
        # the size of a rate changed, but which rate? a quote cut before its subject
        ("收窄5.2个百分点", [None]),
        ("扩大1.9个百分点", [None]),
    ],
)
def test_sign_of(text: str, signs: list[int | None]) -> None:
    assert _signs(text) == signs


def test_reading_tells_which_word_decided() -> None:
    text = "比上年减少2.1万亩,降幅收窄1.2个百分点,慢于全省0.3个百分点,为-3.1%"
    found = [reading(text, m.start(), m.end()) for m in _NUMBER.finditer(text)]
    assert [(r.word, r.how, r.sign) for r in found if r is not None] == [
        ("减少", "change", -1),  # an amount: the caller keeps 2.1万亩 positive
        ("收窄", "rate", 1),
        ("慢于", "lead", -1),
        ("-", "minus", -1),
    ]
    assert all(text.startswith(r.word, r.at) for r in found if r is not None)


def test_a_range_is_not_a_minus() -> None:
    text = "1-5月增长3%"
    assert sign_of(text, 2, 3) is None
    assert sign_of(text, text.index("3%"), text.index("3%") + 1) == 1


def test_full_width_minus_and_brackets() -> None:
    text = "利润增速（－8.1%）"
    at = text.index("8.1")
    assert sign_of(text, at, at + 3) == -1


_NEUTRAL = "全市县工业亿元万吨规模以上投资消费零售总额实现完成其中、和"


@given(
    st.text(alphabet=_NEUTRAL, max_size=30),
    st.sampled_from(["增长", "下降", "增幅回落", "降幅收窄"]),
)
def test_the_nearest_word_decides(filler: str, word: str) -> None:
    text = f"{word}{filler}12.5%"
    at = text.index("12.5")
    expected = {"增长": 1, "下降": -1, "增幅回落": -1, "降幅收窄": 1}[word]
    assert sign_of(text, at, at + 4) == expected


@given(st.text(alphabet=_NEUTRAL, max_size=30))
def test_no_word_no_sign(filler: str) -> None:
    text = f"{filler}12.5%"
    at = text.index("12.5")
    assert sign_of(text, at, at + 4) is None


@given(st.sampled_from(["收窄", "扩大", "回落", "加快", "提高", "放缓"]))
def test_a_decline_turns_a_rate_change_over(word: str) -> None:
    growth = f"增幅{word}1.5个百分点"
    decline = f"降幅{word}1.5个百分点"
    assert sign_of(growth, 4, 7) == -(sign_of(decline, 4, 7) or 0) != 0


def _lines_run(text: str, spans: list[tuple[int, int]]) -> int:
    """How many lines of `model.change_words` (and `model.direction`, which it calls) run while
    every number of *text* is read (counted work)."""
    modules = {sign_of.__code__.co_filename, lead_word.__code__.co_filename}
    count = 0

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if frame.f_code.co_filename not in modules:
            return None
        if event == "line":
            count += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        for start, end in spans:
            sign_of(text, start, end)
    finally:
        sys.settrace(previous)
    return count


def test_reading_is_linear() -> None:
    clause = (
        "全市规上工业增加值增长5.9%,降幅较一季度(-8.1%)收窄5.2个百分点,分别下降2.1%、3.4%和0.5%;"
    )
    small, large = clause * 75, clause * 300
    small_spans = [m.span() for m in _NUMBER.finditer(small)]
    large_spans = [m.span() for m in _NUMBER.finditer(large)]
    work = _lines_run(small, small_spans)
    assert work > 100  # the count sees the modules' lines
    assert _lines_run(large, large_spans) < 5 * work  # 4 times the text: linear ~4


def _corpus_rates() -> list[tuple[str, str, int, int, float]]:
    """Every expected rate (a % or 个百分点 value in prose, a yoy) of the corpus: the article
    (white space removed), where its number stands there, and its value."""
    found = []
    for expected in sorted(CORPUS.glob("*.expected.toml")):
        name = expected.name.removesuffix(".expected.toml")
        source = next(p for p in CORPUS.glob(name + ".*") if p.suffix in (".txt", ".html"))
        article = re.sub(r"\s+", "", source.read_text(encoding="utf-8"))
        for figure in tomllib.loads(expected.read_text(encoding="utf-8"))["figures"]:
            if "quote" not in figure or "cell" in figure or "ratio" in figure:
                continue
            quote = re.sub(r"\s+", "", figure["quote"])
            at = article.find(quote)
            values = [figure["yoy"]] if "yoy" in figure else []
            if figure["unit"] in ("%", "个百分点"):
                values.append(figure["value"])
            for value in values:
                m = re.search(rf"(?<![\d.]){re.escape(str(abs(value)))}(?!\d)", quote)
                if at >= 0 and m is not None:
                    found.append((name, article, at + m.start(), at + m.end(), value))
    return found


def test_corpus_rates() -> None:
    """Read in its article, every rate of the corpus gets the sign expected: 67 by a word, 20
    positive ones without any (when measured), none wrong."""
    rates = _corpus_rates()
    wrong = [
        (name, article[start - 20 : end], value)
        for name, article, start, end, value in rates
        if sign_of(article, start, end) not in ((-1,) if value < 0 else (1, None))
    ]
    assert wrong == []
    signed = sum(sign_of(article, start, end) is not None for _, article, start, end, _ in rates)
    assert signed >= 60
