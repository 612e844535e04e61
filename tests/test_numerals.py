from decimal import Decimal

import pytest

from ganxian_cli.model.numerals import chinese, shows, shows_growth
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
    assert shows(quote, Decimal(value), get_unit(unit)) is shown


def test_growth_in_quote() -> None:
    assert shows_growth("同比增长35.8%", Decimal("35.8"))
    assert shows_growth("同比下降3.2%", Decimal("-3.2"))
    assert not shows_growth("同比增长35.8%", Decimal("35.9"))


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
