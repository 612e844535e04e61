"""extract dates prose as a statistics officer does: the article's own time first, periods
carried across heading lines, brackets for their own figure, stocks at their month, targets for
the period they name, 达产后 forecasts without one. Short made-up texts, several regions, years
and layouts per rule."""

from __future__ import annotations

import pytest

from ganxian_cli.analysis.extract import extract


def _found(text: str, published: str) -> dict[str, tuple[str, str]]:
    """Each figure as printed (value and unit) -> (period, status)."""
    return {
        f"{p.value}{p.unit}": (p.period, p.status) for p in extract(text, None, published).figures
    }


@pytest.mark.parametrize(
    ("text", "published", "year"),
    [
        ("2017年,全市经济平稳。全年粮食产量68.35万吨,比上年下降1.2%。", "2018-03", "2017"),
        ("二〇二九年统计公报\n\n全年全县地区生产总值236.8亿元,增长6.1%。", "2030-02", "2029"),
        ("西河县2040年国民经济和社会发展统计公报\n\n全年粮食播种面积86.4万亩。", "2041-01", "2040"),
    ],
)
def test_a_review_after_the_year_is_of_that_year(text: str, published: str, year: str) -> None:
    """Published after the year ends, 全年 is what was done: an actual of the year (never the
    publication month, never a target)."""
    found = _found(text, published)
    assert set(found.values()) == {(year, "actual")}


@pytest.mark.parametrize(
    ("text", "published", "period", "value"),
    [
        (
            "桐县一季度经济开局良好\n\n一季度,全县生产总值58.7亿元。\n\n工业经济稳中有进\n"
            "规模以上工业增加值同比增长8.4%。",
            "2026-04",
            "2026-Q1",
            "8.4%",
        ),
        (
            "1—9月,河县经济平稳。\n\n项目建设提速增效\n社会消费品零售总额38.94亿元,增长6.9%。",
            "2029-10",
            "2029-01..2029-09",
            "38.94亿元",
        ),
        (
            "上半年,临市经济回升。\n\n消费市场回暖向好。社会消费品零售总额487.2亿元,增长7.8%。",
            "2033-07",
            "2033-H1",
            "487.2亿元",
        ),
    ],
)
def test_periods_carry_across_headings(text: str, published: str, period: str, value: str) -> None:
    assert _found(text, published)[value][0] == period


def test_a_plain_paragraph_does_not_inherit_a_later_sentences_period() -> None:
    """Without a heading between them, a new paragraph is of the article's month again; a span
    the body opens with is the article's (its last month is the month reported on)."""
    text = "全市经济平稳。1至9月,全市投资增长5.6%。\n\n一、产业项目加快推进。园区入驻企业22家。"
    assert _found(text, "2031-10")["22家"][0] == "2031-10"
    opening = "1至9月,全市投资增长5.6%。\n\n一、产业项目加快推进。园区入驻企业22家。"
    assert _found(opening, "2031-10")["22家"][0] == "2031-09"


@pytest.mark.parametrize(
    ("text", "published", "bracketed", "own"),
    [
        ("上半年利润降幅较一季度(-8.1%)收窄5.2个百分点。", "2033-07", "2033-Q1", "2033-H1"),
        (
            "1-10月出口降幅较上半年(-6.4%)收窄2.1个百分点。",
            "2024-11",
            "2024-H1",
            "2024-01..2024-10",
        ),
        (
            "前三季度投资降幅比1-8月（-3.5%）收窄0.4个百分点。",
            "2030-10",
            "2030-01..2030-08",
            "2030-01..2030-09",
        ),
    ],
)
def test_a_bracketed_period_is_its_figures_only(
    text: str, published: str, bracketed: str, own: str
) -> None:
    figures = extract(text, None, published).figures
    rates = {p.unit: p for p in figures}
    assert rates["%"].value < 0 and rates["%"].period == bracketed
    assert rates["个百分点"].value > 0 and rates["个百分点"].period == own


@pytest.mark.parametrize(
    ("text", "published", "value", "period"),
    [
        ("一季度,全县规上企业达163家。", "2026-04", "163家", "2026-03"),
        ("前三季度,全县在建项目148个。", "2029-10", "148个", "2029-09"),
        (
            "1至5月,截至5月末,存款余额312.6亿元,比年初增加18.4亿元。",
            "2031-06",
            "18.4亿元",
            "2031-01..2031-05",
        ),
    ],
)
def test_stocks_stand_at_their_month(text: str, published: str, value: str, period: str) -> None:
    assert _found(text, published)[value][0] == period


@pytest.mark.parametrize(
    ("text", "published", "value", "expected"),
    [
        ("二季度计划新开工项目12个,竣工项目15个。", "2022-04", "15个", ("2022-Q2", "target")),
        ("下半年力争完成投资176亿元。", "2027-07", "176亿元", ("2027-H2", "target")),
        ("全年力争新签约项目120个。", "2035-05", "120个", ("2035", "target")),
    ],
)
def test_targets_are_of_the_period_they_name(
    text: str, published: str, value: str, expected: tuple[str, str]
) -> None:
    assert _found(text, published)[value] == expected


@pytest.mark.parametrize(
    "text",
    [
        "项目达产后年可实现产值127亿元。",
        "该项目建成后预计年产值15亿元。",
        "新厂投产后年可实现销售收入8.6亿元。",
    ],
)
def test_output_once_built_is_an_undated_forecast(text: str) -> None:
    assert set(_found(text, "2030-05").values()) == {("undated", "forecast")}


def test_a_period_not_yet_over_dates_no_actual() -> None:
    """2030年二季度重大项目集中签约活动 in May names the event; its figures are of May."""
    text = "5月16日,2030年二季度重大项目集中签约活动举行,共签约项目23个。"
    assert _found(text, "2030-05")["23个"] == ("2030-05", "actual")


@pytest.mark.parametrize(
    ("text", "published", "value", "period"),
    [
        (
            "1-10月,全市零售额903.47亿元。\n\n分城乡看,城镇消费品零售额748.12亿元。",
            "2024-11",
            "748.12亿元",
            "2024-01..2024-10",
        ),
        (
            "前三季度,全县工业增加值增长9.1%。\n\n从行业看,装备制造业增加值增长11.3%。",
            "2029-10",
            "11.3%",
            "2029-01..2029-09",
        ),
        (
            "上半年,全省出口增长3.2%。\n\n其中,机电产品出口286.4亿元。",
            "2033-07",
            "286.4亿元",
            "2033-H1",
        ),
    ],
)
def test_a_breakdown_paragraph_goes_on_with_the_period(
    text: str, published: str, value: str, period: str
) -> None:
    assert _found(text, published)[value][0] == period


@pytest.mark.parametrize(
    ("text", "published", "value", "year"),
    [
        (
            "二、2035年工作思路\n\n重点抓好三项工作。\n\n计划实施重点项目200项。",
            "2035-01",
            "200项",
            "2035",
        ),
        ("下一步,2029年全县将着力扩大投资。\n\n力争新增规上企业30家。", "2028-12", "30家", "2029"),
    ],
)
def test_a_plan_is_of_the_year_it_names(text: str, published: str, value: str, year: str) -> None:
    assert _found(text, published)[value] == (year, "target")


@pytest.mark.parametrize(
    ("text", "published", "period"),
    [
        ("溪口县经济\n\n1-9月,全县完成投资87.5亿元。", "2031-07", "2031-01..2031-09"),
        ("前三季度,全县签约项目31个,签约资金96.4亿元。", "2028-05", "2028-01..2028-09"),
        (
            "1至11月,全镇规上工业产值增长6.2%。\n\n其中,建材产值12.3亿元。",
            "2026-06",
            "2026-01..2026-11",
        ),
    ],
)
def test_a_span_printed_as_done_after_the_publication_month_is_kept_with_a_warning(
    text: str, published: str, period: str
) -> None:
    result = extract(text, None, published)
    assert {p.period for p in result.figures} == {period}
    assert len(result.warnings) == 1
    assert published in result.warnings[0] and "check the publication month" in result.warnings[0]


def test_a_span_within_the_publication_month_gives_no_warning() -> None:
    result = extract("1-6月,全县完成投资57.1亿元。", None, "2031-07")
    assert [p.period for p in result.figures] == ["2031-H1"]
    assert result.warnings == []


@pytest.mark.parametrize(
    ("text", "published", "value", "period"),
    [
        ("截至6月底,全县在建项目完成投资48.7亿元。", "2031-07", "48.7亿元", "2031-H1"),
        ("截至9月末,全市规上企业新增11家,总数达236家。", "2027-10", "11家", "2027-01..2027-09"),
        ("截至9月末,全市规上企业新增11家,总数达236家。", "2027-10", "236家", "2027-09"),
        ("截至5月底,全区在建项目64个。", "2029-06", "64个", "2029-05"),
        # 截至目前: a programme's total since it began, as it stands
        ("截至目前,已为企业减免租金1800万元。", "2029-06", "1800万元", "2029-06"),
    ],
)
def test_a_flow_under_a_months_end_runs_from_january(
    text: str, published: str, value: str, period: str
) -> None:
    assert _found(text, published)[value][0] == period


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "今年以来,全县旅游持续升温,7月、8月分别接待游客35万人次和41万人次。",
            "2031-09",
            {"35万人次": "2031-07", "41万人次": "2031-08"},
        ),
        (
            "七月、八月和九月份分别实现旅游收入3.1亿元、3.6亿元和2.2亿元。",
            "2028-10",
            {"3.1亿元": "2028-07", "3.6亿元": "2028-08", "2.2亿元": "2028-09"},
        ),
        (  # a list of places, not months: the period in force
            "1-8月,城区、乡镇分别实现销售额12.3亿元和4.1亿元。",
            "2030-09",
            {"12.3亿元": "2030-01..2030-08", "4.1亿元": "2030-01..2030-08"},
        ),
    ],
)
def test_a_list_over_months_gives_each_value_its_month(
    text: str, published: str, expected: dict[str, str]
) -> None:
    result = extract(text, None, published)
    assert {f"{p.value}{p.unit}": p.period for p in result.figures} == expected
    assert not any("月" in p.name for p in result.figures)
