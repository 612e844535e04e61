from decimal import Decimal

import pytest

from ganxian_cli.model.numerals import chinese, growth_occurrences, occurrences
from ganxian_cli.model.units import get_unit
from ganxian_cli.output.report import display_value


@pytest.mark.parametrize(
    ("number", "forms"),
    [
        (1, ["一"]),
        (3, ["三"]),
        (2, ["二", "两"]),
        (10, ["十"]),
        (15, ["十五"]),
        (118, ["一百一十八", "百一十八"]),
        (1000, ["一千", "千"]),
        (10_000, ["一万", "万"]),
        (2005, ["二千零五"]),
        (30478, ["三万零四百七十八"]),
    ],
)
def test_chinese_numerals(number: int, forms: list[str]) -> None:
    assert chinese(Decimal(number)) == forms


def test_no_chinese_spelling_for_fractions() -> None:
    assert chinese(Decimal("1.2")) == []


@pytest.mark.parametrize(
    ("quote", "value", "unit", "shown"),
    [
        ("规模以上企业完成工业总产值133.87亿元,同比增长35.8%", "133.87", "亿元", True),
        ("规模以上企业完成工业总产值133.87亿元", "133.8", "亿元", False),
        ("预计到2022年二期投产自产一万吨金属钴", "1", "万吨", True),
        ("全村烟叶种植面积近千亩", "1000", "亩", True),
        ("该区农作物受灾面积达到1.2万多亩", "1.2", "万亩", True),
        ("经济农作物造成损失6000多万元", "6000", "万元", True),
        ("赣州高新区和区直单位300余名干部", "300", "名", True),
        ("一期达产达标年产值预计可达50亿", "50", "亿元", True),
        ("人民医院综合大楼\n\n的21层主体", "21", "层", True),
        ("工业税收30478万元", "3.0478", "亿元", False),  # as printed, not converted
        ("总投资100亿元", "100", "万元", False),
    ],
)
def test_quote_shows_figure_as_printed(quote: str, value: str, unit: str, shown: bool) -> None:
    assert bool(occurrences(quote, Decimal(value), get_unit(unit))) is shown


def test_growth_in_quote() -> None:
    assert growth_occurrences("同比增长35.8%", Decimal("35.8"))
    assert growth_occurrences("同比下降3.2%", Decimal("-3.2"))
    assert not growth_occurrences("同比增长35.8%", Decimal("35.9"))


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "zh", "en"),
    [
        ("300", "名", "more_than", "300余名", "over 300 people"),
        ("1.2", "万亩", "more_than", "1.2万多亩", "over 12,000 mu"),
        ("1000", "亩", "nearly", "近1000亩", "nearly 1,000 mu"),
        ("180.3", "亿元", "about", "约180.3亿元", "about 18.03 billion yuan"),
        ("133.87", "亿元", "exact", "133.87亿元", "13.387 billion yuan"),
        ("160.00", "家", "exact", "160.00家", "160.00 firms"),
        ("70.11", "%", "exact", "70.11%", "70.11%"),
    ],
)
def test_display_value(value: str, unit: str, qualifier: str, zh: str, en: str) -> None:
    assert display_value(Decimal(value), get_unit(unit), qualifier, "zh") == zh
    assert display_value(Decimal(value), get_unit(unit), qualifier, "en") == en


@pytest.mark.parametrize(
    ("quote", "value", "unit", "shown"),
    [
        ("社会消费品零售总额67.6亿元", "7.6", "亿元", False),
        ("社会消费品零售总额67.6亿元", "67.6", "亿元", True),
        ("人均可支配收入17252元", "252", "元", False),
        ("人均可支配收入17,252元", "252", "元", False),
        ("人均可支配收入17,252元", "17252", "元", True),
        ("收入0.6亿元", "6", "亿元", False),
        ("零售总额１５７.５６亿元", "157.56", "亿元", True),
        ("年产十一万吨", "1", "万吨", False),
        ("年产十一万吨", "11", "万吨", True),
        ("面积达1.2万亩", "2", "万亩", False),
        ("利润0.00亿元", "-0.00", "亿元", True),
        ("提高3个百分点", "3", "个", False),  # not 3个 of a longer unit
        ("提高3个百分点", "3", "个百分点", True),
        ("产量5万吨", "5", "万元", False),  # 万 stands for 万元, but not inside 万吨
        ("产量6000多万吨", "6000", "万元", False),
    ],
)
def test_a_figure_matches_only_a_whole_number(
    quote: str, value: str, unit: str, shown: bool
) -> None:
    assert bool(occurrences(quote, Decimal(value), get_unit(unit))) is shown


def test_growth_matches_only_a_whole_number() -> None:
    assert not growth_occurrences("同比增长9.2%", Decimal(2))
    assert growth_occurrences("同比增长９.２％", Decimal("9.2"))
    assert not growth_occurrences("同比增长19.2%", Decimal("9.2"))


@pytest.mark.parametrize(
    ("quote", "value", "unit", "word"),
    [
        ("同比下降13.9%", "13.9", "%", "下降"),
        ("同比负增长3.2%", "3.2", "%", "负增长"),
        ("增速-3.2%", "3.2", "%", "-"),
        ("下降2%后,同比增长5%", "5", "%", "增长"),  # the nearest word in the clause decides
        ("下降2%,增速5%", "5", "%", None),  # a word of another clause does not
        ("2031-12个", "12", "个", None),  # a hyphen after a digit is no minus
        ("净利润亏损1.2亿元", "1.2", "亿元", "亏损"),
        ("降幅收窄至3.2%", "3.2", "%", "降幅"),
    ],
)
def test_sign_word(quote: str, value: str, unit: str, word: str | None) -> None:
    from ganxian_cli.model.numerals import occurrences
    from ganxian_cli.model.wording import sign_word_at

    (occ,) = occurrences(quote, Decimal(value), get_unit(unit))
    assert sign_word_at(occ) == word


@pytest.mark.parametrize(
    ("quote", "value", "unit", "meaning"),
    [
        ("签约金额约达180.3亿元", "180.3", "亿元", {"about"}),
        ("签约金额达237亿元", "237", "亿元", set()),
        ("签约237亿元", "237", "亿元", set()),  # 签约 is not 约
        ("总投资1349亿元左右", "1349", "亿元", {"about"}),
        ("300余名干部", "300", "名", {"more_than"}),
        ("1.2万多亩", "1.2", "万亩", {"more_than"}),
        ("超10亿元以上项目15个", "10", "亿元", {"more_than"}),
        ("超10亿元以上项目15个", "15", "个", set()),  # 以上 belongs to 10亿元
        ("全村种植面积近千亩", "1000", "亩", {"nearly"}),
        ("最近3个", "3", "个", set()),
        ("建成3个多功能厅", "3", "个", set()),
        ("用时3个多月", "3", "个", {"more_than"}),
        ("贷款余额12亿元", "12", "亿元", set()),
    ],
)
def test_qualifier_words_next_to_the_figure(
    quote: str, value: str, unit: str, meaning: set[str]
) -> None:
    from ganxian_cli.model.numerals import occurrences
    from ganxian_cli.model.wording import qualifiers_at

    (occ,) = occurrences(quote, Decimal(value), get_unit(unit))
    assert set(qualifiers_at(occ).values()) == meaning
