"""Table cells as proposed figures: one per value cell, prose read on the rest, and a quantity
printed twice (prose and table) proposed as one."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ganxian_cli.analysis.extract import cells, extract
from ganxian_cli.analysis.extract.tables import cell_shown, parse_cell_quote
from ganxian_cli.analysis.extract.types import Proposal

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

ARTICLE = """河阳市2027年5月主要经济指标简析

5月份,全市经济运行总体平稳。全市城镇调查失业率为5.1%。

单位:亿元
指标 | 本月 | 累计 | 同比增长(%)
规模以上工业总产值 | 186.3 | 872.5 | 7.1
固定资产投资 | — | 415.6 | -2.3
全社会用电量(亿千瓦时) | 9.6 | 45.8 | 5.2

注:固定资产投资无当月数据。
"""


def _by_quote(figures: list[Proposal]) -> dict[str, Proposal]:
    return {p.quote: p for p in figures}


def test_each_value_cell_is_a_figure_with_period_yoy_and_a_checkable_quote() -> None:
    figures = extract(ARTICLE, None, "2027-06").figures
    table = [p for p in figures if parse_cell_quote(p.quote) is not None]
    got = {(p.name, p.period, str(p.value), p.unit, p.yoy) for p in table}
    assert got == {
        ("规模以上工业总产值", "2027-05", "186.3", "亿元", None),
        ("规模以上工业总产值", "2027-01..2027-05", "872.5", "亿元", Decimal("7.1")),
        ("固定资产投资", "2027-01..2027-05", "415.6", "亿元", Decimal("-2.3")),
        ("全社会用电量", "2027-05", "9.6", "亿千瓦时", None),
        ("全社会用电量", "2027-01..2027-05", "45.8", "亿千瓦时", Decimal("5.2")),
    }
    for p in table:
        assert cell_shown(p.quote, ARTICLE), p.quote
    quotes = _by_quote(figures)
    assert "规模以上工业总产值 | 累计 | 872.5 | 单位:亿元 | 同比增长(%):7.1" in quotes
    assert quotes["规模以上工业总产值 | 本月 | 186.3 | 单位:亿元"].line == 7


def test_table_numbers_are_not_read_again_as_prose_and_growth_is_no_figure() -> None:
    figures = extract(ARTICLE, None, "2027-06").figures
    values = [str(p.value) for p in figures]
    assert values.count("872.5") == 1 and values.count("186.3") == 1
    assert "7.1" not in values and "-2.3" not in values  # the 同比 column is yoy only
    assert [p.quote for p in figures if parse_cell_quote(p.quote) is None] == [
        "全市城镇调查失业率为5.1%"
    ]


def test_a_flattened_table_reads_as_the_same_table() -> None:
    lines = ARTICLE.splitlines()
    rows = [ln for ln in lines if "|" in ln]
    flat = ARTICLE.replace("\n".join(rows), " | ".join(rows) + " |")
    assert flat != ARTICLE

    def cells_of(text: str) -> set[tuple[str, str, str, str]]:
        return {
            (p.quote, p.period, str(p.value), str(p.yoy))
            for p in extract(text, None, "2027-06").figures
            if parse_cell_quote(p.quote) is not None
        }

    assert cells_of(flat) == cells_of(ARTICLE) and len(cells_of(ARTICLE)) == 5


def test_a_quantity_printed_twice_is_one_figure() -> None:
    text = (CORPUS / "tourism_zhexi_2027_twice.txt").read_text(encoding="utf-8")
    figures = extract(text, None, "2028-02").figures
    quotes = _by_quote(figures)
    prose = next(p for p in figures if p.quote == "实现旅游总收入45.3亿元,增长22.4%")
    cell = quotes["旅游总收入(万元) | 2027年 | 452871 | 单位:万元 | 增长(%):22.4"]
    assert prose.restates == figures.index(cell) and cell.restates is None
    assert prose.indicator == cell.indicator and prose.period == cell.period == "2027"
    invest = next(p for p in figures if p.quote.startswith("全年完成旅游项目投资18.6亿元"))
    assert figures[invest.restates or 0].value == Decimal("186340")
    twice = [p for p in figures if p.value == Decimal("312.4")]  # printed identically
    assert len(twice) == 2 and all(p.restates is None for p in twice)
    assert twice[0].indicator == twice[1].indicator  # import records it once
    assert sum(p.restates is not None for p in figures) == 2


def test_a_different_quantity_in_the_same_period_restates_nothing() -> None:
    text = "2027年全区旅游总收入45.1亿元。\n\n指标 | 2027年\n旅游总收入(万元) | 452871\n"
    figures = extract(text, None, "2028-02").figures
    assert len(figures) == 2 and all(p.restates is None for p in figures)


def test_an_article_without_tables_is_read_as_before() -> None:
    text = "今年1至5月,全县新增规模以上企业19家,工业税收30478万元。"
    found = cells.read(text, 2031, 5)
    assert found.tables == () and found.rest == text


def _count(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls = [0]
    real: Callable[..., Any] = cells._same_quantity

    def counting(*args: Any) -> Any:
        calls[0] += 1
        return real(*args)

    monkeypatch.setattr(cells, "_same_quantity", counting)
    return calls


def _many(n: int) -> str:
    prose = "".join(f"2027年全区指标{k}收入{100 + k}.5亿元。" for k in range(n))
    rows = "\n".join(f"指标{k}收入(亿元) | {200 + k}.1" for k in range(n))
    return f"{prose}\n\n指标 | 2027年\n{rows}\n"


def test_pairing_prose_and_cells_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every prose figure and cell shares period, unit family and magnitude: still, each cell
    is compared with a bounded number of prose figures."""
    calls = _count(monkeypatch)
    extract(_many(100), None, "2028-02")
    small = calls[0]
    calls[0] = 0
    extract(_many(400), None, "2028-02")
    assert small > 0 and calls[0] <= 4 * small + 10
    assert calls[0] <= 3 * cells.MAX_TRIES * 400


_PIECES = st.sampled_from(
    [*"0123456789.-—%|｜ \t\u3000\n万亿元个家指标本月累计同比增长单位:()（）", "单位:亿元",
     "1-5月", "本月", "累计", "同比增长(%)", " | ", "\n\n", "2027年"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=80).map("".join))
def test_any_text_with_bars_and_columns_gives_figures_or_nothing(text: str) -> None:
    found = extract(text, None, "2027-06")
    for p in found.figures:
        assert p.quote and p.period and p.unit
        if parse_cell_quote(p.quote) is not None:
            assert cell_shown(p.quote, text), p.quote
        if p.restates is not None:
            assert found.figures[p.restates].restates is None


def test_a_table_whose_figures_cannot_be_proposed_is_a_warning() -> None:
    several = ARTICLE.replace("单位:亿元", "单位:亿元、万吨")
    found = extract(several, None, "2027-06")
    table = [p for p in found.figures if parse_cell_quote(p.quote) is not None]
    assert {p.name for p in table} == {"全社会用电量"}  # its label names its unit
    said = [w for w in found.warnings if "not proposed" in w]
    assert len(said) == 1 and "3 figures" in said[0] and "亿元、万吨" in said[0], found.warnings
    mixed = extract(ARTICLE.replace("单位:亿元", "单位：亿元、%"), None, "2027-06")
    assert len([p for p in mixed.figures if parse_cell_quote(p.quote) is not None]) == 5
    assert not [w for w in mixed.warnings if "table" in w]
