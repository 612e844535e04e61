"""A table's year-before column, its share column and its sub-rows: whose growth rate, which
period, what is no figure, and what the rows are called."""

from __future__ import annotations

from decimal import Decimal

from ganxian_cli.analysis.extract import extract
from ganxian_cli.analysis.extract.tables import Cell, Table, find_tables


def cells_of(found: list[Table]) -> dict[tuple[str, str], Cell]:
    return {(c.row, c.column): c for t in found for c in t.cells}


# --- a column of the same months a year before ----------------------------------------------

PRIOR = (
    "蓟川县2033年1-8月主要指标\n"
    "指标｜1-8月（亿元）｜去年同期（亿元）｜增长（%）\n"
    "工业投资｜52.4｜48.0｜9.2\n"
    "出口总额｜16.3｜17.1｜-4.7\n"
)


def test_the_growth_column_is_of_the_current_column_not_the_year_before() -> None:
    got = cells_of(find_tables(PRIOR))
    now, before = got[("工业投资", "1-8月（亿元）")], got[("工业投资", "去年同期（亿元）")]
    assert (now.yoy, now.growth_column) == (Decimal("9.2"), "增长（%）")
    assert (before.yoy, before.growth_column) == (None, "")
    assert got[("出口总额", "1-8月（亿元）")].yoy == Decimal("-4.7")


def test_the_year_before_column_is_the_same_months_a_year_earlier() -> None:
    got = cells_of(find_tables(PRIOR))
    assert got[("工业投资", "1-8月（亿元）")].period() == "2033-01..2033-08"
    before = got[("工业投资", "去年同期（亿元）")]
    assert (before.period(), before.unit, before.name) == ("2032-01..2032-08", "亿元", "工业投资")


def test_a_year_before_column_beside_a_year_column_is_the_year_before_it() -> None:
    text = "指标 | 2035年 | 上年 | 增长(%)\n接待游客(万人次) | 640.5 | 588.0 | 8.9\n"
    got = cells_of(find_tables(text, year=2036))  # the caller's year is not the table's
    assert got[("接待游客(万人次)", "上年")].period() == "2034"
    assert got[("接待游客(万人次)", "上年")].yoy is None
    assert got[("接待游客(万人次)", "2035年")].yoy == Decimal("8.9")


def test_a_growth_column_after_each_pair_goes_to_its_own_current_column() -> None:
    text = (
        "指标 | 本月 | 上年同月 | 同比(%) | 累计 | 上年同期 | 累计增长(%)\n"
        "用电量(亿千瓦时) | 3.1 | 2.9 | 6.9 | 14.2 | 13.5 | 5.2\n"
    )
    got = cells_of(find_tables(text, year=2029, month=4))
    row = "用电量(亿千瓦时)"
    assert got[(row, "本月")].yoy == Decimal("6.9")
    assert got[(row, "累计")].yoy == Decimal("5.2")
    assert got[(row, "上年同月")].yoy is None and got[(row, "上年同期")].yoy is None
    assert got[(row, "上年同月")].period() == "2028-04"
    assert got[(row, "上年同期")].period() == "2028-01..2028-04"


def test_the_year_before_cell_is_the_same_indicator_as_its_row() -> None:
    text = (
        "蓟川县2033年1-8月经济运行简况\n\n"
        "1-8月，全县规上工业实现产值52.4亿元，增长9.2%。\n\n"
        "指标｜1-8月（亿元）｜去年同期（亿元）｜增长（%）\n"
        "规模以上工业总产值｜52.4｜48.0｜9.2\n"
    )
    figures = extract(text, None, "2033-09").figures
    prose = next(f for f in figures if f.quote.startswith("全县规上工业"))
    now = next(f for f in figures if f.quote.startswith("规模以上工业总产值 | 1-8月"))
    before = next(f for f in figures if f.quote.startswith("规模以上工业总产值 | 去年同期"))
    assert (before.period, before.yoy, before.status) == ("2032-01..2032-08", None, "actual")
    assert now.indicator == prose.indicator  # the quantity the prose prints too
    assert before.indicator == now.indicator  # named a little apart from the prose's


# --- a column of shares of the whole -----------------------------------------------------------

SHARES = (
    "表2　2027年上半年全社会用电量分类情况\n"
    "类别｜上半年（亿千瓦时）｜增长（%）｜占比（%）\n"
    "全社会用电量｜88.6｜4.4｜100\n"
    "第一产业｜1.2｜9.1｜1.4\n"
    "工业用电量｜52.3｜3.2｜59.0\n"
    "城乡居民生活｜15.7｜6.3｜17.7\n"
)


def test_the_whole_s_share_of_itself_is_no_figure() -> None:
    got = cells_of(find_tables(SHARES))
    assert ("全社会用电量", "占比（%）") not in got
    assert got[("全社会用电量", "上半年（亿千瓦时）")].value == Decimal("88.6")


def test_a_part_s_share_is_named_as_its_share_of_the_whole() -> None:
    got = cells_of(find_tables(SHARES))
    share = got[("工业用电量", "占比（%）")]
    assert (share.name, share.value, share.unit, share.yoy) == (
        "工业用电量占全社会用电量比重",
        Decimal("59.0"),
        "%",
        None,
    )
    assert share.period() == "2027-H1"


def test_shares_with_no_whole_in_the_table_keep_the_column_s_word() -> None:
    text = "指标 | 1-9月 | 占比(%)\n民间投资(亿元) | 31.0 | 46.5\n工业投资(亿元) | 20.2 | 30.3\n"
    got = cells_of(find_tables(text, year=2030))
    assert got[("民间投资(亿元)", "占比(%)")].name == "民间投资占比"
    assert len(got) == 4


# --- rows that are parts of the row above ---------------------------------------------------


def test_a_part_s_label_takes_the_quantity_of_the_whole() -> None:
    got = cells_of(find_tables(SHARES))
    names = {row: c.name for (row, column), c in got.items() if column.startswith("上半年")}
    assert names == {
        "全社会用电量": "全社会用电量",
        "第一产业": "第一产业用电量",  # 全社会 names the whole, not the part
        "工业用电量": "工业用电量",  # a quantity of its own
        "城乡居民生活": "城乡居民生活用电量",
    }
    share = got[("城乡居民生活", "占比（%）")]
    assert share.name == "城乡居民生活用电量占全社会用电量比重"


def test_a_part_that_ends_as_the_whole_s_quantity_begins_is_completed() -> None:
    text = (
        "单位：亿元\n"
        "指标 | 1-10月 | 比重(%)\n"
        "进出口总额 | 240.0 | 100.0\n"
        "出口 | 150.0 | 62.5\n"
        "进口 | 90.0 | 37.5\n"
    )
    got = cells_of(find_tables(text, year=2034))
    assert got[("出口", "1-10月")].name == "出口额"
    assert got[("进口", "比重(%)")].name == "进口额占进出口总额比重"


def test_rows_marked_as_parts_name_the_row_above() -> None:
    text = (
        "指标 | 1-4月(亿元) | 增长(%)\n"
        "固定资产投资 | 64.0 | 5.5\n"
        "其中：民间 | 30.2 | 3.1\n"
        "地区生产总值 | 120.0 | 5.0\n"
        "其中：第三产业 | 66.0 | 5.8\n"
        "税收收入 | 9.1 | 2.0\n"
        "其中：增值税 | 4.2 | 1.1\n"
    )
    got = cells_of(find_tables(text, year=2031, month=4))
    names = [c.name for c in got.values()]
    assert names == [
        "固定资产投资",
        "民间固定资产投资",
        "地区生产总值",
        "第三产业增加值",  # a part of the product is a value added
        "税收收入",
        "增值税",  # named in full already
    ]


def test_rows_of_a_list_are_not_parts_of_one_another() -> None:
    text = "指标 | 1-4月(亿元) | 增长(%)\n规上工业增加值 | 64.0 | 5.5\n高新技术产业 | 30.2 | 3.1\n"
    got = cells_of(find_tables(text, year=2031, month=4))
    assert [c.name for c in got.values()] == ["规上工业增加值", "高新技术产业"]


def test_a_part_does_not_take_the_word_total_of_the_whole() -> None:
    text = (
        "指标 | 2029年 | 增长(%)\n"
        "接待游客总人次(万人次) | 512.0 | 9.0\n"
        "其中:过夜游客(万人次) | 98.4 | 11.2\n"
    )
    got = cells_of(find_tables(text))
    assert got[("其中:过夜游客(万人次)", "2029年")].name == "过夜游客人次"


def test_a_total_row_at_the_foot_is_the_whole_of_the_shares_above() -> None:
    text = (
        "单位：万吨\n"
        "品种 | 2030年 | 比重(%)\n"
        "稻谷 | 42.0 | 60.0\n"
        "小麦 | 28.0 | 40.0\n"
        "粮食产量 | 70.0 | 100.0\n"
    )
    got = cells_of(find_tables(text))
    assert got[("稻谷", "比重(%)")].name == "稻谷占粮食产量比重"
    assert ("粮食产量", "比重(%)") not in got
    assert got[("稻谷", "2030年")].name == "稻谷"  # a part only below its whole takes its name


def test_a_budget_column_is_the_share_of_the_year_s_budget_collected() -> None:
    text = (
        "单位：万元、%\n"
        "项目 | 1-7月 | 增长 | 完成预算\n"
        "土地出让收入 | 8420 | -12.6 | 51.3\n"
        "专项债券资金 | 6100 | 8.0 | 60.2\n"
    )
    got = cells_of(find_tables(text, year=2037))
    done = got[("土地出让收入", "完成预算")]
    assert (done.name, done.unit, done.yoy) == ("土地出让收入年度预算完成率", "%", None)
    assert got[("土地出让收入", "1-7月")].yoy == Decimal("-12.6")


def test_a_share_column_is_in_percent_whatever_the_row_s_unit() -> None:
    text = "指标 | 1-9月 | 比重\n民间投资(亿元) | 31.0 | 46.5\n"
    got = cells_of(find_tables(text, year=2030))
    assert got[("民间投资(亿元)", "比重")].unit == "%"
    assert got[("民间投资(亿元)", "1-9月")].unit == "亿元"


def test_rows_of_qualifying_words_only_are_parts_of_the_row_above() -> None:
    text = (
        "指标 | 1-6月(亿元) | 增长(%)\n"
        "社会消费品零售总额 | 80.0 | 5.0\n"
        "城镇 | 60.0 | 4.8\n"
        "乡村 | 20.0 | 5.6\n"
        "旅游收入 | 12.0 | 9.9\n"
        "国有控股 | 3.0 | 1.0\n"
        "其他 | 1.0 | 0.5\n"
    )
    got = cells_of(find_tables(text, year=2032, month=6))
    assert [c.name for c in got.values()] == [
        "社会消费品零售总额",
        "城镇消费品零售额",
        "乡村消费品零售额",
        "旅游收入",
        "国有控股",  # a word the glossary does not know: left as printed
        "其他",  # the rest beside the rows above, not a part of one
    ]
