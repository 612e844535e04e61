"""extract reads the figures of prose as a statistics officer does: signs, lists, ratios, number
words that name, units the catalogue lacks, asides between a value and its growth; and validate
accepts what it proposes. Short made-up texts, several regions, years and layouts per rule."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import tomli_w

from ganxian_cli.analysis.checks.validation import validate_file
from ganxian_cli.analysis.extract import extract
from ganxian_cli.output.extract import draft


def _figures(text: str, published: str = "2031-07") -> list[tuple[str, str]]:
    return [(str(p.value), p.unit) for p in extract(text, None, published).figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全县工业用电量负增长3.4%。", [("-3.4", "%")]),
        ("河市出口降幅较上半年(-8.1%)收窄4.5个百分点。", [("-8.1", "%"), ("4.5", "个百分点")]),
        ("一季度投资降幅比1-2月扩大1.9个百分点。", [("-1.9", "个百分点")]),
        ("工业投资增幅较1—5月回落1.3个百分点。", [("-1.3", "个百分点")]),
        ("粮食、油料产量分别下降2.1%、3.4%和0.5%。", [("-2.1", "%"), ("-3.4", "%"), ("-0.5", "%")]),
    ],
)
def test_signs_are_read_as_validate_reads_them(text: str, expected: list[tuple[str, str]]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "增幅比上年同期分别回落3.05和0.87个百分点。",
            [("-3.05", "个百分点"), ("-0.87", "个百分点")],
        ),
        ("城镇、农村居民人均可支配收入分别增长4.9%和7.1%。", [("4.9", "%"), ("7.1", "%")]),
        (
            "两镇增速分别加快1.2、0.4和2.5个百分点。",
            [("1.2", "个百分点"), ("0.4", "个百分点"), ("2.5", "个百分点")],
        ),
    ],
)
def test_every_item_of_a_list_is_a_figure(text: str, expected: list[tuple[str, str]]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("三次产业结构比为12.3:40.5:47.2。", ["12.3", "40.5", "47.2"]),
        ("全县三次产业结构比例为8.6：45.1：46.3。", ["8.6", "45.1", "46.3"]),
        ("二三产业比为38.5:61.5。", ["38.5", "61.5"]),
    ],
)
def test_ratio_parts_are_shares(text: str, parts: list[str]) -> None:
    assert _figures(text, "2018-03") == [(p, "%") for p in parts]


@pytest.mark.parametrize(
    "text",
    [
        "推动三次产业协调发展。",
        '紧扣"两个市场"联动。',
        "人大四次会议确定的目标。",
        "重点抓好三个方面工作。",
    ],
)
def test_number_words_that_name_are_no_counts(text: str) -> None:
    assert _figures(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "全县在建5000万元以上项目96个。",
        "实施5000万元以上工业项目63个。",
        "新开工亿元以上项目14个。",
    ],
)
def test_a_class_boundary_is_no_figure(text: str) -> None:
    assert [u for _, u in _figures(text)] == ["个"]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("全年全市用水总量9.82亿立方米。", "亿立方米"),
        ("规模以上工业综合能源消费量412.6万吨标准煤。", "万吨标准煤"),
        ("商品房销售面积402.3万平方米。", "万平方米"),
        ("新建改造农村公路156公里。", "公里"),
        ("实际利用外资2350万美元,增长8.2%。", "万美元"),
    ],
)
def test_a_unit_the_catalogue_lacks_is_proposed_with_its_declaration(text: str, unit: str) -> None:
    result = extract(text, None, "2018-03")
    assert [p.unit for p in result.figures] == [unit]
    assert list(result.units) == [unit]
    assert f'[units."{unit}"]' in draft(result, "a.txt")


def test_a_catalogue_unit_inside_a_longer_one_is_not_taken() -> None:
    """万吨标准煤 is energy, not 万吨 with a word after it."""
    assert _figures("综合能源消费量412.6万吨标准煤。") == [("412.6", "万吨标准煤")]


@pytest.mark.parametrize(
    "text",
    [
        "上半年全市实现地区生产总值1215.6亿元,按不变价格计算,同比增长5.9%。",
        "前三季度全县生产总值236.8亿元,按可比价格计算,增长5.9%。",
        "全市社会消费品零售总额98.6亿元,扣除价格因素,增长5.9%。",
    ],
)
def test_an_aside_does_not_part_a_value_from_its_growth(text: str) -> None:
    (figure,) = extract(text, None, "2033-10").figures
    assert figure.yoy == Decimal("5.9")


def _validate(tmp_path: Path, text: str, published: str) -> list[str]:
    """The problem codes of a data file made of every figure extract proposes from *text*."""
    result = extract(text, None, published)
    indicators = {}
    for n, p in enumerate(result.figures):
        figure = {"period": p.period, "value": p.value, "quote": p.quote}
        if p.yoy is not None:
            figure["yoy"] = p.yoy
        indicators[f"f{n}"] = {
            "name": p.name,
            "name_en": "figure",
            "theme": "economy",
            "unit": p.unit,
            "observations": [figure],
        }
    data = {
        "schema_version": 1,
        "source": {
            "region": "示例市",
            "region_en": "Example",
            "title": "t",
            "published": published,
        },
        "themes": {"economy": {"name": "经济", "name_en": "Economy"}},
        "indicators": indicators,
    }
    path = tmp_path / "d.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return [p.code for p in validate_file(str(path)).problems if p.code.startswith("G21")]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("三次产业结构比为12.3:40.5:47.2。", "2018-03"),
        ("增幅比上年同期分别回落3.05和0.87个百分点。", "2024-11"),
        ("利润降幅较上月收窄1.2个百分点。", "2031-07"),
        ("出口降幅较上半年(-8.1%)收窄4.5个百分点。", "2024-11"),
        ("全县工业用电量负增长3.4%。", "2029-10"),
    ],
)
def test_validate_accepts_what_extract_proposes(tmp_path: Path, text: str, published: str) -> None:
    assert _validate(tmp_path, text, published) == []


def test_a_list_item_or_ratio_part_too_long_for_a_data_file_is_no_figure() -> None:
    text = "结构比为" + "9" * 5000 + ":1。增速分别回落" + "7" * 3000 + "和0.87个百分点。"
    values = [p.value for p in extract(text, None, "2031-07").figures]
    assert values and all(len(str(abs(v))) < 40 for v in values)
