"""Period and status conventions a statistics officer states for prose: 累计/今年 totals run
from January to the reference month, 超序进度 is a lead achieved. Short made-up texts, several
regions, years and months per rule."""

from __future__ import annotations

import pytest

from ganxian_cli.analysis.extract import extract


def _found(text: str, published: str) -> dict[str, tuple[str, str]]:
    """Each figure as printed (value and unit) -> (period, status)."""
    return {
        f"{p.value}{p.unit}": (p.period, p.status) for p in extract(text, None, published).figures
    }


@pytest.mark.parametrize(
    ("text", "published", "period"),
    [
        ("今年,该县累计为126户企业办理退税1.5亿元。", "2031-06", "2031-H1"),
        ("今年,全市新增减税降费2.4亿元,惠及企业315家。", "2027-09", "2027-01..2027-09"),
        ("西岭镇累计发放补贴86万元。", "2040-04", "2040-01..2040-04"),
    ],
)
def test_a_total_so_far_runs_from_january(text: str, published: str, period: str) -> None:
    """累计 or 今年 with no months of their own: January to the month reported on."""
    found = _found(text, published)
    assert {p for p, _ in found.values()} == {period}


@pytest.mark.parametrize(
    ("text", "published", "value", "period"),
    [
        (
            '村支书说:"今年村里计划带动增收,全村流转土地达到1300亩。"',
            "2031-04",
            "1300亩",
            "2031-04",
        ),
        ("全省今年计划实施项目1520个,目前已开工1368个。", "2033-07", "1368个", "2033-07"),
    ],
)
def test_a_level_now_is_no_total_so_far(text: str, published: str, value: str, period: str) -> None:
    """A plan's 今年 or 目前 does not make a level a total from January."""
    assert _found(text, published)[value][0] == period


@pytest.mark.parametrize(
    "text",
    [
        "1月至5月完成年度计划投资58.33亿元,超序进度28.44个百分点。",
        "1-8月完成年度计划投资的71.2%,超序时进度4.5个百分点。",
    ],
)
def test_a_lead_over_schedule_is_achieved(text: str) -> None:
    """超序进度 / 超序时进度: how far ahead of schedule the work is, an actual."""
    found = _found(text, "2030-09")
    assert all(status == "actual" for _, status in found.values())


@pytest.mark.parametrize(
    ("text", "published", "value", "period"),
    [
        (
            "1月至5月,全县签约项目20个。收集招商项目信息60个,重点跟踪在谈项目43个。",
            "2022-06",
            "60个",
            "2022-05",
        ),
        (
            "全县经济平稳。1月至5月,全县签约项目20个。收集招商项目信息60个,重点跟踪在谈项目43个。",
            "2022-06",
            "60个",
            "2022-06",
        ),
        (
            "1—8月,全市新签约项目31个。重点跟踪在谈项目27个,投资总额96.5亿元。",
            "2035-09",
            "96.5亿元",
            "2035-08",
        ),
        (
            "1至5月,全县保费收入1860万元。县里储备防汛物资价值约1200万元。",
            "2031-06",
            "1200万元",
            "2031-05",
        ),
        ("1至5月,参保面积31.2万亩。全县共有服务网点两百个。", "2031-06", "200个", "2031-05"),
    ],
)
def test_a_pipeline_stands_at_the_reference_month(
    text: str, published: str, value: str, period: str
) -> None:
    """What is in a state now (在谈, 跟踪, 储备, 共有) is counted as the article stands, not over
    the span of months an earlier sentence named: at the last month of the span the body opens
    with (the months it reports on), else at the publication month."""
    assert _found(text, published)[value][0] == period


def test_a_planted_area_is_the_season_even_now() -> None:
    """眼下 dates a level to the month, but a planted area is the season's (the year)."""
    found = _found("眼下,正是采摘期,梅岭村全村茶叶种植面积近千亩。", "2036-05")
    assert found["1000亩"][0] == "2036"


@pytest.mark.parametrize(
    ("text", "published", "year"),
    [
        ("全区列入市级重点调度项目23个,总投资达299.92亿元。", "2022-06", "2022"),
        ("1—4月,全县开工项目9个。全县列入省级重点项目17个,总投资86.3亿元。", "2037-05", "2037"),
    ],
)
def test_a_programme_and_its_total_investment_are_of_the_year(
    text: str, published: str, year: str
) -> None:
    """A programme's count (列入…项目) and its 总投资 are the size of the year's programme."""
    found = _found(text, published)
    assert {p for value, (p, _) in found.items() if value != "9个"} == {year}


@pytest.mark.parametrize(
    ("text", "published", "period"),
    [
        ("华能二期2台100万千瓦的机组将于10月、12月分别投入试运行。", "2022-06", "2022"),
        ("东港三期4个新泊位将于9月建成投用。", "2041-05", "2041-09"),
    ],
)
def test_a_forecast_is_of_the_months_it_names_after_its_figures(
    text: str, published: str, period: str
) -> None:
    """将于10月、12月…: a forecast of when it is to happen; several months make the year."""
    found = _found(text, published)
    assert {(p, s) for p, s in found.values()} == {(period, "forecast")}


@pytest.mark.parametrize(
    ("text", "published", "value", "period"),
    [
        (
            "1—9月,全县完成投资67.3亿元。9月29日,县里举行集中开工仪式,集中开工项目19个。",
            "2029-10",
            "19个",
            "2029-09",
        ),
        (
            "1至4月,全区签约项目12个。4月18日上午,区里举行签约活动,现场签约项目8个。",
            "2044-05",
            "8个",
            "2044-04",
        ),
    ],
)
def test_a_one_day_event_is_of_its_month(
    text: str, published: str, value: str, period: str
) -> None:
    """A sentence opening with the day of an event dates the event's figures to its month."""
    assert _found(text, published)[value][0] == period


def test_a_dateline_is_no_event() -> None:
    """本报…11月14日电: the day the report was filed, not an event of the figures."""
    found = _found("本报宁丰11月14日电 今年以来,全市新增企业326家。", "2024-11")
    assert found["326家"][0] == "2024-01..2024-11"


def test_a_harvest_forecast_is_the_season() -> None:
    """预计总产量: the harvest of the season under way, the year (not the month)."""
    found = _found("今年全镇水稻种植面积6.2万亩,预计总产量约3.1万吨。", "2045-07")
    assert found["3.1万吨"] == ("2045", "forecast")


@pytest.mark.parametrize(
    ("text", "published", "value", "period", "stock"),
    [
        ("截至5月末,全县市场主体总量达4.12万户。", "2031-06", "4.12万户", "2031-05", True),
        ("截至9月底,全区市场主体总量达2.6万户。", "2034-10", "2.6万户", "2034-09", True),
        (
            "截至7月底,全县在建项目102个,其中新开工项目38个、续建项目64个;竣工投产项目9个。",
            "2036-08",
            "64个",
            "2036-07",
            True,
        ),
        (
            "截至7月底,全县在建项目102个,其中新开工项目38个、续建项目64个;竣工投产项目9个。",
            "2036-08",
            "9个",
            "2036-01..2036-07",
            False,
        ),
        ("截至4月末,全市在建项目85个;投产项目12个。", "2029-05", "12个", "2029-01..2029-04", False),
        ("截至6月底,已建成投产项目41个。", "2033-07", "41个", "2033-06", False),
    ],
)
def test_a_register_and_its_parts_stand_at_the_month_a_flow_runs_to_it(
    text: str, published: str, value: str, period: str, stock: bool
) -> None:
    """市场主体总量 is a level; 续建 after 在建…其中 a part of the level; what was completed or
    started production (竣工投产) by a month's end, a flow from January to it."""
    found = {f"{p.value}{p.unit}": p for p in extract(text, None, published).figures}
    assert (found[value].period, found[value].stock) == (period, stock)
