"""validate's sign check (G212) reads change words as extract does (`model.change_words`): a
narrowing decline is a rise, a widening one a fall, a 分别-list's head word signs every item."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ganxian_cli.analysis.checks import quotes as quote_checks
from ganxian_cli.model import wording
from ganxian_cli.model.numerals import normalize, occurrences, unit_pattern
from ganxian_cli.model.units import get_unit


def _fits(quote: str, value: str, unit: str) -> bool:
    """Whether the sign check accepts *value* for some occurrence of it in *quote*."""
    u = get_unit(unit)
    found = occurrences(quote, Decimal(value), u)
    assert found, quote
    return any(quote_checks._sign_fits(o, Decimal(value), u) for o in found)


@pytest.mark.parametrize(
    ("quote", "value", "unit"),
    [
        ("降幅较上月收窄1.2个百分点", "1.2", "个百分点"),
        ("利润降幅比一季度收窄5.2个百分点", "5.2", "个百分点"),
        ("投资降幅比1-2月扩大1.9个百分点", "-1.9", "个百分点"),
        ("增幅较1—5月回落1.3个百分点", "-1.3", "个百分点"),
        ("增速比上年同期分别回落3.05和0.87个百分点", "-0.87", "个百分点"),
        ("增速比上年同期分别回落3.05和0.87个百分点", "-3.05", "个百分点"),
        ("全县工业用电量负增长3.4%", "-3.4", "%"),
        ("降幅较上半年(-8.1%)收窄4.5个百分点", "-8.1", "%"),
        ("增速放缓0.6个百分点", "-0.6", "个百分点"),
        ("失业率低于3.5%", "3.5", "%"),
        ("比上年减少2.1万亩", "2.1", "万亩"),
    ],
)
def test_the_sign_the_words_give_is_accepted(quote: str, value: str, unit: str) -> None:
    assert _fits(quote, value, unit)


@pytest.mark.parametrize(
    ("quote", "value", "unit"),
    [
        ("降幅较上月收窄1.2个百分点", "-1.2", "个百分点"),  # once demanded: a narrowing decline
        ("投资降幅比1-2月扩大1.9个百分点", "1.9", "个百分点"),
        ("增速比上年同期分别回落3.05和0.87个百分点", "0.87", "个百分点"),
        ("全县工业用电量负增长3.4%", "3.4", "%"),
        ("增速放缓0.6个百分点", "0.6", "个百分点"),
    ],
)
def test_the_opposite_sign_is_refused(quote: str, value: str, unit: str) -> None:
    assert not _fits(quote, value, unit)


_WORDS = ["增速", "降幅", "放缓", "收窄", "扩大", "加快", "回升", "走低", "较上月", "，", "全市"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=5).map("".join), st.sampled_from(["1.5", "-1.5"]))
def test_the_shortcut_never_passes_what_the_reading_refuses(lead: str, value: str) -> None:
    quote = f"{lead}1.5个百分点"
    unit = get_unit("个百分点")
    if wording.plainly_shown(normalize(quote), Decimal(value), unit_pattern(unit)):
        assert _fits(quote, value, "个百分点")


@pytest.mark.parametrize(
    ("quote", "value", "unit"),
    [
        ("三次产业结构比为12.3:40.5:47.2", "12.3", "%"),
        ("三次产业结构比为12.3:40.5:47.2", "40.5", "%"),
        ("三次产业结构比为12.3：40.5：47.2", "47.2", "%"),
        ("增速分别回落3.05和0.87个百分点", "3.05", "个百分点"),
        ("产量分别增长4.9%和7.1%", "4.9", "%"),
        ("分别为12、15和18个", "15", "个"),
    ],
)
def test_list_items_and_ratio_parts_are_shown(quote: str, value: str, unit: str) -> None:
    assert occurrences(quote, Decimal(value), get_unit(unit))


@pytest.mark.parametrize(
    ("quote", "value", "unit"),
    [
        ("三次产业结构比为12.3:40.5:47.2", "40", "%"),
        ("三次产业结构比为12.3:40.5:47.2", "12.3", "个"),
        ("时间为8:30", "5", "%"),
        ("增长3.05和0.87", "3.05", "个百分点"),
    ],
)
def test_no_unit_is_lent_where_none_is_printed(quote: str, value: str, unit: str) -> None:
    assert not occurrences(quote, Decimal(value), get_unit(unit))
