"""Text tables: layouts, units, columns and periods, the cell quote form, the corpus, linearity."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ganxian_cli.analysis.extract import tables
from ganxian_cli.analysis.extract.page import cell_shown_in_page, read_page
from ganxian_cli.analysis.extract.tables import (
    Cell,
    PeriodKind,
    Table,
    cell_quote,
    cell_shown,
    find_tables,
    parse_quote,
    table_from_rows,
)

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
TABLE_ARTICLES = [
    "monthly_heyang_pipe_table.txt",
    "monthly_yuanbei_aligned_table.txt",
    "monthly_huaian_flat_table.txt",
    "gov_page_qingfeng_jan_aug.html",
    "tourism_zhexi_2027_twice.txt",
    "heldout3_bureau_meichuan_jan_aug.txt",
    "heldout4_finance_sangpu_jan_may.txt",
    "heldout4_quarterly_yuanzhou_q1.txt",
]


def cells_of(found: list[Table] | tuple[Table, ...]) -> dict[tuple[str, str], Cell]:
    return {(c.row, c.column): c for t in found for c in t.cells}


def one(text: str, **kw: Any) -> Table:
    found = find_tables(text, **kw)
    assert len(found) == 1, found
    return found[0]


# --- layouts ---------------------------------------------------------------------------------


def test_pipe_table_with_outer_pipes_and_a_rule() -> None:
    text = (
        "青川县2026年4月经济简报\n\n"
        "| 指标 | 当月 | 累计 | 同比% |\n"
        "| --- | :---: | ---: | --- |\n"
        "| 规上工业产值(亿元) | 8.1 | 30.6 | 5.5 |\n"
        "| 税收收入(万元) | 812 | 3120 | -1.2 |\n"
        "\n全县经济平稳。\n"
    )
    t = one(text)
    assert t.layout == "pipe"
    assert t.header == ("指标", "当月", "累计", "同比%")
    got = cells_of([t])
    c = got[("规上工业产值(亿元)", "累计")]
    assert (c.value, c.unit, c.yoy, c.period()) == (
        Decimal("30.6"),
        "亿元",
        Decimal("5.5"),
        "2026-01..2026-04",
    )
    c = got[("税收收入(万元)", "当月")]
    assert (c.value, c.unit, c.yoy, c.period()) == (Decimal("812"), "万元", None, "2026-04")
    assert got[("税收收入(万元)", "累计")].yoy == Decimal("-1.2")
    assert len(got) == 4  # the 同比 column is no figure of its own
    assert text[t.start : t.end].startswith("| 指标") and text[t.start : t.end].endswith("-1.2 |")


def test_pipe_table_without_outer_pipes_and_with_full_width_bars() -> None:
    text = "单位：亿元\n项目｜1—9月｜增长(%)\n地区生产总值｜412.7｜5.3\n"
    c = cells_of(find_tables(text, year=2029))[("地区生产总值", "1—9月")]
    assert (c.value, c.unit, c.yoy, c.kind, c.month) == (
        Decimal("412.7"),
        "亿元",
        Decimal("5.3"),
        PeriodKind.YEAR_TO_DATE,
        9,
    )
    assert c.period() == "2029-01..2029-09"


def test_whitespace_aligned_table_with_tabs_and_full_width_spaces() -> None:
    tabs = "指标\t6月\t1-6月\t同比增长(%)\n出口总额(亿元)\t3.2\t17.9\t12.5\n"
    c = cells_of(find_tables(tabs, year=2022))[("出口总额(亿元)", "1-6月")]
    assert (c.value, c.unit, c.yoy, c.period()) == (
        Decimal("17.9"),
        "亿元",
        Decimal("12.5"),
        "2022-H1",
    )
    wide = "指标　本月　累计\n用电量(万千瓦时)　１２.５　８８\n"
    got = cells_of(find_tables(wide, year=2030, month=2))
    c = got[("用电量(万千瓦时)", "本月")]
    assert (c.value, c.printed, c.unit, c.period()) == (
        Decimal("12.5"),
        "１２.５",
        "万千瓦时",
        "2030-02",
    )
    assert got[("用电量(万千瓦时)", "累计")].period() == "2030-01..2030-02"


def test_aligned_row_with_a_missing_cell_goes_under_the_nearest_header() -> None:
    text = (
        "指标            3月      1-3月     增长(%)\n"
        "出口(亿元)      1.2      3.6       8.8\n"
        "进口(亿元)               2.9       -3.1\n"
    )
    got = cells_of(find_tables(text, year=2025))
    c = got[("进口(亿元)", "1-3月")]
    assert (c.value, c.yoy, c.period()) == (Decimal("2.9"), Decimal("-3.1"), "2025-Q1")
    assert ("进口(亿元)", "3月") not in got


def test_a_spaced_out_label_header_is_one_cell() -> None:
    text = (
        "指    标          单位      2033年    比上年增长(%)\n"
        "粮食总产量        万吨      41.2      2.6\n"
        "生猪出栏          万头      18.9      -4.1\n"
    )
    t = one(text)
    assert t.header[0] == "指标"
    got = cells_of([t])
    c = got[("生猪出栏", "2033年")]
    assert (c.value, c.unit, c.yoy, c.period()) == (
        Decimal("18.9"),
        "万头",
        Decimal("-4.1"),
        "2033",
    )


def test_flat_table_is_cut_back_into_rows_by_the_header() -> None:
    text = (
        "前言一句。\n"
        "指标 | 本月 | 累计 | 增速(%) | 工业投资(亿元) | 3.3 | 9.9 | 4.4 | "
        "技改投资(亿元) | 1.1 | — | — |\n"
        "后记一句。\n"
    )
    t = one(text, year=2024, month=3)
    assert t.layout == "flat"
    assert t.rows == (("工业投资(亿元)", "3.3", "9.9", "4.4"), ("技改投资(亿元)", "1.1", "—", "—"))
    got = cells_of([t])
    assert got[("工业投资(亿元)", "累计")].period() == "2024-Q1"
    assert got[("工业投资(亿元)", "累计")].yoy == Decimal("4.4")
    assert ("技改投资(亿元)", "累计") not in got
    assert text[t.start : t.end].startswith("指标 |") and "后记" not in text[t.start : t.end]


def test_prose_with_bars_or_double_spaces_is_no_table() -> None:
    text = (
        "无障碍 | 长者模式 | 2025年9月12日\n"
        "发布时间:2031-04-12  来源:区统计局  字体:[大 中 小]\n"
        "全县实现生产总值  56.8亿元,增长6.1%。\n"
        "| 一 | 二 |\n"
    )
    assert find_tables(text) == []


# --- units -----------------------------------------------------------------------------------


def test_unit_line_before_and_after_and_several_units() -> None:
    before = "单位:亿元\n指标 | 累计\n财政收入 | 12.5\n"
    assert cells_of(find_tables(before, year=2020, month=5))[("财政收入", "累计")].unit == "亿元"
    after = "指标 | 累计\n财政收入 | 12.5\n（单位：万元）\n\n下文。\n"
    t = one(after, year=2020, month=5)
    assert t.unit == "万元" and after[t.start : t.end].endswith("（单位：万元）")
    several = "单位：个、万元\n指标 | 累计\n新增企业 | 37\n"
    assert cells_of(find_tables(several, year=2020, month=5))[("新增企业", "累计")].unit == ""


# --- a unit line naming the values' unit and the growth columns' % ----------------------------

_MIXED = (
    "溪口县2031年5月份主要经济指标\n\n"
    "单位：{units}\n\n"
    "| 指标 | 本月 | 累计 | 同比 |\n"
    "|---|---|---|---|\n"
    "| 规模以上工业增加值 | 6.82 | 31.47 | 8.6 |\n"
    "| 一般公共预算收入 | 1.27 | 8.94 | -3.5 |\n"
    "| 工业投资占比 | — | 42.6 | 1.2 |\n"
)


@pytest.mark.parametrize("units", ["亿元、%", "亿元，%", "亿元,%", "亿元 %", "亿元；%", "%、亿元"])
def test_a_unit_line_may_name_the_growth_columns_percent_too(units: str) -> None:
    got = cells_of(find_tables(_MIXED.format(units=units), year=2031, month=6))
    assert len(got) == 5
    assert got[("规模以上工业增加值", "本月")].unit == "亿元"
    value = got[("一般公共预算收入", "累计")]
    assert (value.unit, value.yoy) == ("亿元", Decimal("-3.5"))
    assert got[("工业投资占比", "累计")].unit == "%"  # a share's row is in the line's %


def test_a_unit_line_of_several_units_and_no_percent_still_gives_none() -> None:
    text = _MIXED.format(units="亿元、万吨")
    assert {c.unit for c in cells_of(find_tables(text, year=2031, month=6)).values()} == {""}


def test_a_unit_with_a_slash_is_one_unit() -> None:
    text = "单位:元/人\n指标 | 累计\n人均可支配收入 | 21034\n"
    got = cells_of(find_tables(text, year=2031, month=6))
    assert got[("人均可支配收入", "累计")].unit == "元/人"


def test_what_no_table_reading_gives_is_said() -> None:
    several = _MIXED.format(units="亿元、万吨")
    said = tables.unread(several, find_tables(several, year=2031, month=6))
    assert len(said) == 1 and "line 3" in said[0] and "5 figures" in said[0]
    assert "亿元、万吨" in said[0]
    bare = "指标 | 累计\n财政收入 | 12.5\n税收收入 | 8.1\n"
    said = tables.unread(bare, find_tables(bare, year=2031, month=6))
    assert len(said) == 1 and "line 1" in said[0] and "2 figures" in said[0]
    # a pipe table no row of which reads (a number in the label column)
    broken = "前文。\n\n| 2031 | 本月 | 累计 |\n| 12 | 6.8 | 31.4 |\n| 13 | 1.2 | 8.9 |\n\n后文。\n"
    assert find_tables(broken, year=2031, month=6) == []
    said = tables.unread(broken, [])
    assert len(said) == 1 and "line 3" in said[0] and "not read" in said[0]
    # a row of a table read that gives no cell (its label is a number)
    row = "单位:亿元\n指标 | 本月 | 累计\n财政收入 | 1.2 | 8.9\n2030 | 5.1 | 3.2\n"
    said = tables.unread(row, find_tables(row, year=2031, month=6))
    assert len(said) == 1 and "line 4" in said[0] and "2 numbers" in said[0]
    aligned = "指标    本月    累计\n12    6.8    31.4\n13    1.2    8.9\n"
    assert find_tables(aligned, year=2031, month=6) == []
    assert len(tables.unread(aligned, [])) == 1


def test_a_readable_table_and_prose_say_nothing() -> None:
    text = _MIXED.format(units="亿元、%") + "\n全县经济平稳，工业增长8.6%。两句  之间有空格。\n"
    assert tables.unread(text, find_tables(text, year=2031, month=6)) == []
    assert tables.unread("| 说明 | 无数字 |\n| 甲 | 乙 |\n", []) == []


def test_unit_column_row_label_and_column_header_units() -> None:
    text = (
        "单位:亿元\n"
        "指标 | 单位 | 本月 | 累计(万元)\n"
        "粮食产量 | 万吨 | 1.5 | 9.0\n"
        "用电量(亿千瓦时) | | 2.5 | 8.0\n"
        "利润 | — | 3.5 | 7.0\n"
    )
    got = cells_of(find_tables(text, year=2021, month=6))
    assert got[("粮食产量", "本月")].unit == "万吨"  # the 单位 column beats the unit line
    assert got[("用电量(亿千瓦时)", "累计(万元)")].unit == "亿千瓦时"  # the label beats all
    assert got[("利润", "累计(万元)")].unit == "万元"  # the column header beats the line
    assert got[("利润", "本月")].unit == "亿元"
    assert got[("粮食产量", "本月")].name == "粮食产量"
    assert got[("用电量(亿千瓦时)", "本月")].name == "用电量"


def test_a_caption_with_its_unit_and_footnote_marks() -> None:
    text = (
        "表2 2034年1-8月主要经济指标(单位：亿元)\n指标 | 本月 | 累计\n地方财政收入 | 1.2① | 9.6*\n"
    )
    t = one(text)
    assert (t.unit, t.caption) == ("亿元", "表2 2034年1-8月主要经济指标(单位：亿元)")
    got = cells_of([t])
    c = got[("地方财政收入", "本月")]
    assert (c.value, c.printed, c.unit, c.period()) == (Decimal("1.2"), "1.2①", "亿元", "2034-08")
    assert got[("地方财政收入", "累计")].value == Decimal("9.6")
    assert cell_shown("地方财政收入 | 本月 | 1.2①", text)


def test_a_percent_value_has_the_unit_percent() -> None:
    text = "指标 | 本月\n城镇调查失业率 | 5.1%\n"
    c = cells_of(find_tables(text, year=2027, month=5))[("城镇调查失业率", "本月")]
    assert (c.value, c.unit) == (Decimal("5.1"), "%")


# --- columns and periods --------------------------------------------------------------------


def test_month_words_in_headers() -> None:
    text = "指标 | 5月 | 5月累计 | 1至5月 | 5月末 | 5月份\n存款(亿元) | 1 | 2 | 3 | 4 | 5\n"
    got = cells_of(find_tables(text, year=2018))
    assert [
        got[("存款(亿元)", h)].period() for h in ("5月", "5月累计", "1至5月", "5月末", "5月份")
    ] == [
        "2018-05",
        "2018-01..2018-05",
        "2018-01..2018-05",
        "2018-05",
        "2018-05",
    ]


def test_quarters_halves_years_and_the_year_before() -> None:
    text = (
        "指标 | 一季度 | 上半年 | 前三季度 | 二季度 | 2023年 | 2024 | 上年同期\n"
        "产值(亿元) | 1 | 2 | 3 | 4 | 5 | 6 | 7\n"
    )
    got = cells_of(find_tables(text, year=2024))
    periods = [got[("产值(亿元)", h)].period() for h in text.split("\n")[0].split(" | ")[1:]]
    assert periods == [
        "2024-Q1",
        "2024-H1",
        "2024-01..2024-09",
        "2024-Q2",
        "2023",
        "2024",
        "2023",  # 上年同期 of the 2024 column on its left
    ]
    assert got[("产值(亿元)", "上年同期")].year == 2023
    assert got[("产值(亿元)", "一季度")].kind is PeriodKind.YEAR_TO_DATE
    assert got[("产值(亿元)", "二季度")].kind is PeriodKind.EXPLICIT


def test_the_same_period_a_year_before() -> None:
    text = "指标 | 1-5月 | 上年同期 | 增长(%)\n出口(亿元) | 11.0 | 10.0 | 10.0\n"
    got = cells_of(find_tables(text, month=5))
    prior = got[("出口(亿元)", "上年同期")]
    assert (prior.year, prior.back, prior.period(), prior.period(2026)) == (
        None,
        1,
        None,
        "2025-01..2025-05",
    )
    assert prior.yoy is None  # the growth is of 1-5月, not of the year before
    assert got[("出口(亿元)", "1-5月")].yoy == Decimal("10.0")
    assert got[("出口(亿元)", "1-5月")].period(2026) == "2026-01..2026-05"
    assert cells_of(find_tables(text, year=2026, month=5))[("出口(亿元)", "上年同期")].year == 2025


def test_rows_split_by_blank_lines_stay_one_table() -> None:
    pipe = "指标 | 本月 | 累计\n\n产值(亿元) | 1.0 | 4.0\n\n税收(亿元) | 2.0 | 5.0\n\n结语。\n"
    t = one(pipe, year=2023, month=4)
    assert len(t.cells) == 4 and pipe[t.start : t.end].endswith("5.0")
    aligned = "指标      本月    累计\n\n产值(亿元)  1.0    4.0\n\n税收(亿元)  2.0    5.0\n"
    assert len(one(aligned, year=2023, month=4).cells) == 4


def test_yoy_belongs_to_the_value_column_on_its_left_only() -> None:
    text = "指标 | 2026年 | 2027年 | 增长(%)\n游客(万人次) | 10.0 | 12.0 | 20.0\n"
    got = cells_of(find_tables(text))
    assert got[("游客(万人次)", "2027年")].yoy == Decimal("20.0")
    assert got[("游客(万人次)", "2026年")].yoy is None
    assert ("游客(万人次)", "增长(%)") not in got


def test_growth_columns_are_yoy_and_shares_are_figures() -> None:
    text = (
        "指标 | 本月 | 本月同比 | 累计(1-10月) | 1-10月增长(%) | 占比(%) | 比上年增减\n"
        "外贸进出口(亿元) | 3.0 | 1.5 | 30.0 | 6.5 | 12.5 | 2.2\n"
    )
    got = cells_of(find_tables(text, year=2024, month=10))
    row = "外贸进出口(亿元)"
    assert got[(row, "本月")].yoy == Decimal("1.5")
    assert (row, "本月同比") not in got and (row, "1-10月增长(%)") not in got
    share = got[(row, "占比(%)")]  # a share of something, a figure with the unit %
    assert (share.value, share.unit, share.yoy) == (Decimal("12.5"), "%", None)
    assert got[(row, "累计(1-10月)")].period() == "2024-01..2024-10"
    assert got[(row, "累计(1-10月)")].yoy == Decimal("6.5")
    assert got[(row, "累计(1-10月)")].unit == "亿元"  # a period in brackets is no unit
    assert got[(row, "比上年增减")].value == Decimal("2.2")  # an absolute change


def test_a_note_in_the_label_brackets_is_no_unit() -> None:
    text = "单位:亿元\n指标 | 1-11月\n固定资产投资(不含农户) | 88.0\n"
    c = cells_of(find_tables(text, year=2032))[("固定资产投资(不含农户)", "1-11月")]
    assert (c.unit, c.name, c.period()) == ("亿元", "固定资产投资", "2032-01..2032-11")


def test_empty_cells_are_no_figure() -> None:
    text = "指标 | 本月 | 累计 | 上月\n投资(亿元) | — | - |  | \n收入(亿元) | -- | 1.0 | …\n"
    got = cells_of(find_tables(text, year=2020, month=3))
    assert list(got) == [("收入(亿元)", "累计")]


def test_month_from_the_header_then_the_title_line_then_the_caller() -> None:
    caption = "2027年1-5月主要经济指标\n指标 | 本月 | 累计\n产值(亿元) | 1.0 | 4.0\n"
    got = cells_of(find_tables("正文。\n" + caption, year=2031, month=9))
    assert got[("产值(亿元)", "本月")].period() == "2027-05"
    assert got[("产值(亿元)", "累计")].period() == "2027-01..2027-05"
    plain = "正文。\n\n指标 | 本月 | 累计\n产值(亿元) | 1.0 | 4.0\n"
    got = cells_of(find_tables(plain, year=2031, month=9))
    assert got[("产值(亿元)", "累计")].period() == "2031-01..2031-09"
    got = cells_of(find_tables("正文。\n" + plain))
    assert got[("产值(亿元)", "累计")].period() is None  # nobody says which month
    header = "表1 2027年1-5月主要指标\n指标 | 4月 | 1-4月\n产值(亿元) | 1.0 | 4.0\n"
    assert cells_of(find_tables(header, month=9))[("产值(亿元)", "1-4月")].month == 4


def test_the_article_title_line_gives_the_month_when_the_caller_does_not() -> None:
    text = (
        "河阳市2027年5月主要经济指标简析\n\n正文。\n\n指标 | 本月 | 累计\n产值(亿元) | 1.0 | 4.0\n"
    )
    assert cells_of(find_tables(text))[("产值(亿元)", "累计")].period() == "2027-01..2027-05"


def test_balances_stand_at_the_month_and_changes_since_january_are_flows() -> None:
    text = (
        "指标 | 1-7月 | 比年初增减\n"
        "储蓄存款余额(亿元) | 148.6 | 12.1\n"
        "贷款发放额(亿元) | 30.2 | 1.0\n"
    )
    got = cells_of(find_tables(text, year=2019))
    assert got[("储蓄存款余额(亿元)", "1-7月")].period() == "2019-07"
    assert got[("储蓄存款余额(亿元)", "比年初增减")].period() == "2019-01..2019-07"
    assert got[("贷款发放额(亿元)", "1-7月")].period() == "2019-01..2019-07"


def test_two_tables_each_keep_their_own_unit_line() -> None:
    text = "单位:亿元\n指标 | 累计\n产值 | 1.0\n\n单位:万人\n指标 | 累计\n就业 | 2.0\n"
    found = find_tables(text, year=2020, month=2)
    assert [t.unit for t in found] == ["亿元", "万人"]
    assert found[0].end < found[1].start


def test_table_from_rows_reads_cells_read_elsewhere() -> None:
    t = table_from_rows(
        ["指标", "单位", "1-8月", "同比增长(%)"],
        [["规上工业总产值", "亿元", "118.6", "11.2"], ["贷款余额", "亿元", "265.4", "9.8"]],
        year=2025,
    )
    got = cells_of([t])
    assert got[("规上工业总产值", "1-8月")].period() == "2025-01..2025-08"
    assert got[("贷款余额", "1-8月")].period() == "2025-08"
    assert t.layout == "html"


# --- quotes ---------------------------------------------------------------------------------

HEYANG_LIKE = (
    "单位:亿元\n"
    "指标 | 本月 | 累计 | 同比增长(%)\n"
    "规模以上工业总产值 | 186.3 | 872.5 | 7.1\n"
    "\n"
    "指标 | 本月\n"
    "社会消费品零售总额 | 72.4\n"
)


def test_quote_form_round_trips() -> None:
    cell = cells_of(find_tables(HEYANG_LIKE, year=2027, month=5))[("规模以上工业总产值", "累计")]
    quote = cell_quote(cell)
    assert quote == "规模以上工业总产值 | 累计 | 872.5 | 单位:亿元 | 同比增长(%):7.1"
    assert parse_quote(quote) == ("规模以上工业总产值", "累计", "872.5", "亿元")
    assert parse_quote("规模以上工业总产值 | 累计 | 872.5") == (
        "规模以上工业总产值",
        "累计",
        "872.5",
        "",
    )
    assert cell_shown(quote, HEYANG_LIKE)
    assert cell_shown("规模以上工业总产值 | 累计 | 872.5", HEYANG_LIKE)
    assert cell_shown("规模以上工业总产值｜累计｜872.5", HEYANG_LIKE)


@pytest.mark.parametrize(
    "quote",
    [
        "规模以上工业总产值 | 累计 | 872.6",  # another value
        "规模以上工业总产值 | 本月 | 872.5",  # another column
        "规模以上工业总产值 | 累计 | 872.5 | 单位:万元",  # another unit
        "规模以上工业总产值 | 累计 | 7.1",  # the yoy is no cell of its own
        "规模以上工业总产值 | 累计 | 872.5 | 单位:亿元 | 同比增长(%):7.2",  # another growth
        "规模以上工业总产值 | 累计 | 872.5 | 同比增长:7.1",  # another growth column
        "规模以上工业总产值 | 本月 | 186.3 | 同比增长(%):7.1",  # 本月 has no growth column
        "规模以上工业总产值 | 累计 | 872.5 | 单位:亿元 | 同比增长(%):7.1 | 单位:亿元",
        "社会消费品零售总额 | 累计 | 872.5",  # a row of another table
        "规模以上工业总产值 | 872.5",  # not the quote form
        "规模以上工业总产值 | 累计 | 八百",
        "",
    ],
)
def test_quote_not_shown(quote: str) -> None:
    assert not cell_shown(quote, HEYANG_LIKE)


# --- the corpus -----------------------------------------------------------------------------


def _reference(published: str) -> tuple[int, int]:
    """The month an article published in *published* reports on: the month before."""
    year, month = (int(x) for x in published.split("-"))
    return (year, month - 1) if month > 1 else (year - 1, 12)


def _corpus_tables(name: str) -> tuple[str, list[Table] | tuple[Table, ...], dict[str, Any]]:
    expected = tomllib.loads((CORPUS / name).with_suffix(".expected.toml").read_text("utf-8"))
    year, month = _reference(expected["published"])
    raw = (CORPUS / name).read_text("utf-8")
    if name.endswith(".html"):
        page = read_page(raw, year=year, month=month)
        return page.text, page.tables, expected
    return raw, find_tables(raw, year=year, month=month), expected


@pytest.mark.parametrize("name", TABLE_ARTICLES)
def test_corpus_cells_are_read_right(name: str) -> None:
    text, found, expected = _corpus_tables(name)
    wanted = [f for f in expected["figures"] if "cell" in f]
    got = {f"{c.row} / {c.column}": c for t in found for c in t.cells}
    assert sorted(got) == sorted(f["cell"] for f in wanted)  # every cell, and nothing else
    year, _ = _reference(expected["published"])
    for f in wanted:
        c = got[f["cell"]]
        assert c.value == Decimal(str(f["value"])), f["cell"]
        assert c.unit == f["unit"], f["cell"]
        yoy = f.get("yoy")
        assert c.yoy == (None if yoy is None else Decimal(str(yoy))), f["cell"]
        assert c.period(year) == f["period"], f["cell"]
        assert text[c.start : c.end] == c.printed
        assert cell_shown(cell_quote(c), text), f["cell"]
        for t in found:  # the prose reader can skip the table by its span
            if c in t.cells:
                assert t.start <= c.start < c.end <= t.end


def test_corpus_cell_count() -> None:
    total = sum(len(t.cells) for name in TABLE_ARTICLES for t in _corpus_tables(name)[1])
    assert total == 88


def test_corpus_prose_articles_have_no_tables() -> None:
    others = sorted(
        p for p in CORPUS.glob("*.txt") if p.name not in TABLE_ARTICLES and p.name != "README.md"
    )
    assert others
    for path in others:
        assert find_tables(path.read_text("utf-8")) == [], path.name


def test_corpus_html_quotes_are_checked_on_the_raw_page() -> None:
    raw = (CORPUS / "gov_page_qingfeng_jan_aug.html").read_text("utf-8")
    assert cell_shown_in_page("规上工业总产值 | 1-8月 | 118.6 | 单位:亿元", raw)
    assert not cell_shown_in_page("规上工业总产值 | 1-8月 | 118.7", raw)


# --- linear work ----------------------------------------------------------------------------

_COUNTED = (
    *("_number", "_is_value", "_width", "_period_of", "_pipe_cells", "_aligned_cells"),
    "_part_name",
)


def _work(monkeypatch: pytest.MonkeyPatch, text: str) -> int:
    calls = [0]

    def counting(fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            calls[0] += 1 + sum(len(a) for a in args if isinstance(a, str))
            return fn(*args, **kwargs)

        return wrapped

    with monkeypatch.context() as m:
        for name in _COUNTED:
            m.setattr(tables, name, counting(getattr(tables, name)))
        found = find_tables(text, year=2020, month=5)
        tables.unread(text, found)  # what gives no figure is found in linear time too
    assert found or not text.strip() or "|" in text or "  " in text
    return calls[0]


def _pipe_doc(n: int) -> str:
    block = "单位:亿元\n指标 | 本月 | 累计 | 同比增长(%)\n产值 | 1.5 | 7.5 | 3.3\n\n正文一段。\n\n"
    return block * n


def _flat_doc(n: int) -> str:
    return "指标 | 本月 | 累计 | 同比增长(%) | " + "产值(亿元) | 1.5 | 7.5 | 3.3 | " * n + "\n"


def _aligned_doc(n: int) -> str:
    head = "指标            3月      1-3月     增长(%)\n"
    return head + "进口(亿元)               2.9       -3.1\n" * n


def _spaces_doc(n: int) -> str:
    return ("甲" + " " * 50 + "|" + "\u3000" * 30 + "1" + "-" * 20 + "\n") * n


def _unread_doc(n: int) -> str:
    return ("| 2030 | 5.1 | 3.2 |\n" + "正文一段。\n\n") * n + _pipe_doc(n)


def _shares_doc(n: int) -> str:
    head = "指标 | 1-5月(亿元) | 上年同期(亿元) | 增长(%) | 比重(%)\n"
    return head + "用电量 | 9.0 | 8.0 | 12.5 | 100\n其中：城镇 | 6.0 | 5.0 | 20.0 | 66.7\n" * n


@pytest.mark.parametrize(
    "make", [_pipe_doc, _flat_doc, _aligned_doc, _spaces_doc, _unread_doc, _shares_doc]
)
def test_reading_is_linear(monkeypatch: pytest.MonkeyPatch, make: Callable[[int], str]) -> None:
    small, large = _work(monkeypatch, make(400)), _work(monkeypatch, make(800))
    assert large <= 2.2 * small, (small, large)


def test_headers_are_read_by_the_period_words_of_the_prose() -> None:
    # the months a column header names are read as prose reads them (`model.period_words`)
    text = "指标 | 前5个月 | 一季度末 | 二季度 | 下半年 | 全年\n存款(亿元) | 1 | 2 | 3 | 4 | 5\n"
    got = cells_of(find_tables(text, year=2018))
    assert [
        got[("存款(亿元)", h)].period() for h in ("前5个月", "一季度末", "二季度", "下半年", "全年")
    ] == ["2018-01..2018-05", "2018-03", "2018-Q2", "2018-H2", "2018"]
