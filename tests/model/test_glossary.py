"""English names, ids and themes composed from the glossary of statistical terms."""

from __future__ import annotations

import re
import tomllib
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ganxian_cli.datafile.starter import STARTER_THEMES
from ganxian_cli.model.glossary import (
    GLOSSARY,
    EnglishName,
    english_name,
    indicator_id,
    subject_of,
    theme_for,
)

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

# the standard terms of the National Bureau of Statistics' English releases
STANDARD = {
    "规模以上工业增加值": "value added of industrial enterprises above designated size",
    "社会消费品零售总额": "total retail sales of consumer goods",
    "固定资产投资": "fixed-asset investment",
    "地区生产总值": "gross regional product",
    "一般公共预算收入": "general public budget revenue",
    "城镇居民人均可支配收入": "per capita disposable income of urban residents",
    "农村居民人均可支配收入": "per capita disposable income of rural residents",
    "进出口总额": "total value of imports and exports",
    "粮食产量": "grain output",
    "签约项目": "projects signed",
    "开工项目": "projects started",
    "竣工项目": "projects completed",
    "投产项目": "projects put into operation",
    "重点项目": "key projects",
    "计划投资": "planned investment",
    "年度计划投资": "annual planned investment",
    "完成投资": "investment completed",
    "营业收入": "operating revenue",
    "利润总额": "total profits",
    "税收收入": "tax revenue",
    "留抵退税": "VAT credit refunds",
    "减税降费": "tax and fee cuts",
    "新增就业": "new urban jobs",
    "城镇新增就业": "new urban jobs",
    "接待游客": "tourist arrivals",
    "旅游总收入": "total tourism revenue",
    "用电量": "electricity consumption",
    "全社会用电量": "total electricity consumption",
    "金融机构存贷款余额": "balance of deposits and loans of financial institutions",
    "招商引资": "investment attracted",
    "实际利用外资": "foreign capital actually used",
    "规上企业数": "number of enterprises above designated size",
    "高新技术企业": "high and new technology enterprises",
    "商品房销售面积": "floor space of commercial buildings sold",
}

# term by term, and terms put together
MORE = {
    "规模以上工业企业营业收入": "operating revenue of industrial enterprises above designated size",
    "规上工业企业营业收入": "operating revenue of industrial enterprises above designated size",
    "规模以上工业企业利润总额": "total profits of industrial enterprises above designated size",
    "规模以上工业总产值": "gross output value of industrial enterprises above designated size",
    "规模以上工业用电量": "electricity consumption of industrial enterprises above designated size",
    "规模以上工业增加值增速": (
        "growth of value added of industrial enterprises above designated size"
    ),
    "规模以上工业企业数": "number of industrial enterprises above designated size",
    "新增规模以上工业企业": "new industrial enterprises above designated size",
    "新入规工业企业": "industrial enterprises newly above designated size",
    "规模以上文化企业营业收入": "operating revenue of cultural enterprises above designated size",
    "第一产业增加值": "value added of the primary industry",
    "第二产业增加值": "value added of the secondary industry",
    "第三产业增加值": "value added of the tertiary industry",
    "第二产业投资": "investment in the secondary industry",
    "工业投资": "industrial investment",
    "民间投资": "private investment",
    "基础设施投资": "infrastructure investment",
    "房地产开发投资": "investment in real estate development",
    "房地产开发投资增速": "growth of investment in real estate development",
    "高技术制造业增加值": "value added of high-tech manufacturing",
    "装备制造业增加值": "value added of equipment manufacturing",
    "建筑业增加值": "value added of construction",
    "人均地区生产总值": "per capita gross regional product",
    "全体居民人均可支配收入": "per capita disposable income of all residents",
    "网上零售额": "online retail sales",
    "限额以上单位网上零售额": "online retail sales of units above designated size",
    "实物商品网上零售额": "online retail sales of physical goods",
    "出口总额": "total value of exports",
    "进口总额": "total value of imports",
    "进出口总额增速": "growth of total value of imports and exports",
    "粮食播种面积": "sown area of grain",
    "夏粮产量": "output of summer grain",
    "生猪出栏": "hogs slaughtered",
    "生猪存栏": "hogs in stock",
    "有效灌溉面积": "effective irrigated area",
    "新签约项目": "projects signed",
    "新开工项目": "projects newly started",
    "在建项目": "projects under construction",
    "新引进工业项目": "industrial projects attracted",
    "实施重点项目": "key projects under way",
    "重点项目完成投资": "investment completed in key projects",
    "重点项目年度计划投资": "annual planned investment of key projects",
    "签约项目总投资": "total investment of projects signed",
    "新开工亿元以上项目": "projects newly started with investment of 100 million yuan or more",
    "新签约10亿元以上项目": "projects signed with investment of 1 billion yuan or more",
    "在建5000万元以上项目": (
        "projects under construction with investment of 50 million yuan or more"
    ),
    "签约先进制造业项目": "advanced manufacturing projects signed",
    "工业项目": "industrial projects",
    "旅游项目投资": "investment in tourism projects",
    "接待国内游客": "domestic tourist arrivals",
    "过夜游客人次": "overnight tourist arrivals",
    "全年接待游客": "annual tourist arrivals",
    "4A级及以上旅游景区数": "number of 4A-grade or higher tourist attractions",
    "金融机构人民币各项存款余额": "balance of RMB deposits of financial institutions",
    "存款比年初增加额": "increase in deposits since the start of the year",
    "年末常住人口": "permanent residents at year-end",
    "城镇调查失业率": "surveyed urban unemployment rate",
    "城镇调查失业率变动": "change in surveyed urban unemployment rate",
    "固定资产投资增速目标": "growth target for fixed-asset investment",
    "利润总额增速变动": "change in growth of total profits",
    "居民消费价格涨幅": "year-on-year rise in consumer prices",
    "税收收入占一般公共预算收入比重": "share of tax revenue in general public budget revenue",
    "第三产业增加值占地区生产总值比重": (
        "share of value added of the tertiary industry in gross regional product"
    ),
    "节假日旅游收入比2019年增长": "growth of holiday tourism revenue over 2019",
    "地区生产总值增速高于全市": "lead of growth of gross regional product over the city",
    "达产后年产值": "annual output value at full capacity",
    "森林覆盖率": "forest coverage rate",
    "单位工业增加值能耗": "energy consumption per unit of industrial value added",
    "住宿和餐饮业营业收入": "operating revenue of accommodation and catering",
    '新增"四上"企业': "new enterprises above designated size in the four major sectors",
    "规模以上服务业营业收入增速": (
        "growth of operating revenue of service enterprises above designated size"
    ),
    "纠纷调处成功率": "settlement rate of disputes",
    "减免社会保险费": "social insurance contributions reduced or waived",
    "在谈项目投资总额": "total investment of projects in negotiation",
    "计划开工项目": "projects planned to start",
    "已开工工业项目": "industrial projects started",
    "开工率": "share of projects started",
    "工业投资快于全市进度": "lead of industrial investment over the city's progress",
    "港口集装箱吞吐量": "container throughput of port",
    "新兴产业产值": "output value of emerging industries",
    "市场主体净增加": "net increase in market entities",
    "供应建设用地": "land for construction supplied",
    "在谈超10亿元项目": "projects in negotiation with investment of more than 1 billion yuan",
    "固定资产投资（不含农户）": "fixed-asset investment (excluding rural households)",
    "亿元以上工业项目": "industrial projects with investment of 100 million yuan or more",
}


@pytest.mark.parametrize(("zh", "en"), [*STANDARD.items(), *MORE.items()])
def test_english_of_standard_terms_and_their_combinations(zh: str, en: str) -> None:
    assert english_name(zh) == EnglishName(en, True, [])


def test_the_glossary_is_large_enough() -> None:
    kinds = [t.kind for t in GLOSSARY.values()]
    assert kinds.count("noun") >= 250
    assert len(kinds) - kinds.count("noun") - kinds.count("filler") >= 60


def test_every_term_has_english_words() -> None:
    for zh, term in GLOSSARY.items():
        if term.kind != "filler":
            assert re.fullmatch(r"[A-Za-z0-9(][A-Za-z0-9 ,.'()&-]*", term.en), zh
            assert term.en == term.en.strip() and "  " not in term.en, zh


@pytest.mark.parametrize(
    ("zh", "unknown", "text"),
    [
        ("某某指标增速", ["某某指标"], "growth of 某某指标"),
        ("两大行业拉动产值增长", ["拉动"], "growth of output value of 拉动 of the two industries"),
        ("鳕鱼", ["鳕鱼"], "鳕鱼"),
    ],
)
def test_what_cannot_be_translated_is_said_and_kept(zh: str, unknown: list[str], text: str) -> None:
    result = english_name(zh)
    assert not result.complete
    assert result.untranslated == unknown
    assert result.text == text


def test_an_empty_name_is_not_complete() -> None:
    assert english_name("  ") == EnglishName("", False, [])


def test_spaces_and_quotes_do_not_matter() -> None:
    assert english_name(" 固定资产 投资 ") == english_name("固定资产投资")
    assert english_name("“四上”企业数") == english_name("四上企业数")


@pytest.mark.parametrize(
    ("zh", "expected"),
    [
        ("固定资产投资", "fixed_asset_investment"),
        ("签约项目", "signed_projects"),
        ("规模以上工业增加值", "value_added_industry_above_size"),
        ("规上工业增加值", "value_added_industry_above_size"),
        ("固定资产投资增速", "fixed_asset_investment_growth"),
        ("社会消费品零售总额", "retail_sales"),
        ("地区生产总值", "grp"),
        ("城镇新增就业", "new_urban_jobs"),
        ("新开工亿元以上项目", "new_started_projects_over_100m"),
        ("新签约10亿元以上项目", "signed_projects_over_1bn"),
        ("存款比年初增加额", "deposits_increase_ytd"),
        ("规模以上文化企业营业收入", "operating_revenue_cultural_enterprises"),
        ("税收收入占一般公共预算收入比重", "tax_share_budget_revenue"),
        ("城镇居民人均可支配收入", "disposable_income_urban_residents"),
    ],
)
def test_readable_ids(zh: str, expected: str) -> None:
    assert indicator_id(zh, set()) == expected


def test_ids_are_unique_against_those_taken() -> None:
    taken = {"signed_projects"}
    assert indicator_id("签约项目", taken) == "signed_projects_2"
    taken.add("signed_projects_2")
    assert indicator_id("新签约项目", taken) == "signed_projects_3"


def test_names_without_english_get_numbered_ids_never_new() -> None:
    taken: set[str] = set()
    for expected in ("indicator_01", "indicator_02"):
        ident = indicator_id("某某指标", taken)
        assert ident == expected
        taken.add(ident)
    assert indicator_id("某某指标增速", {"indicator_01"}) == "indicator_02"
    assert indicator_id("", set()) == "indicator_01"


def test_ids_keep_the_measure_when_shortened() -> None:
    ident = indicator_id("规模以上工业增加值增速提高", set())
    assert len(ident) <= 40
    assert ident.endswith("growth_rise")
    assert ident.startswith("value_added")


def _corpus_names() -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for path in sorted(CORPUS.glob("*.expected.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for figure in data.get("figures", []):
            if "indicator" in figure:
                names.setdefault(figure["indicator"], set()).add(figure.get("name_en", ""))
    return names


def test_corpus_names_get_readable_unique_ascii_ids() -> None:
    taken: set[str] = set()
    for zh in _corpus_names():
        ident = indicator_id(zh, taken)
        assert re.fullmatch(r"[a-z][a-z0-9_]{0,39}", ident), (zh, ident)
        assert ident not in taken
        assert not ident.startswith("new_0")
        taken.add(ident)


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9.]+", " ", text.lower().replace("the ", "")).split())


def test_nine_in_ten_corpus_names_get_a_complete_english_name() -> None:
    """The hand-checked corpus measures the glossary: its names were not copied into it."""
    names = _corpus_names()
    assert len(names) >= 200
    complete = [zh for zh in names if english_name(zh).complete]
    assert len(complete) >= 0.9 * len(names)
    close = [
        zh
        for zh in complete
        for text in [_words(english_name(zh).text)]
        if max(SequenceMatcher(None, text, _words(en)).ratio() for en in names[zh]) >= 0.8
    ]
    assert len(close) >= 0.6 * len(complete)


@pytest.mark.parametrize(
    ("zh", "theme"),
    [
        ("签约项目", "investment"),
        ("新开工亿元以上项目", "investment"),
        ("工业项目", "investment"),
        ("工业投资增速", "investment"),
        ("招商引资", "investment"),
        ("实际利用外资", "investment"),
        ("重点项目新增产值", "investment"),
        ("规上工业企业营业收入", "industry"),
        ("规模以上工业增加值", "industry"),
        ("全社会用电量", "industry"),
        ("留抵退税", "relief"),
        ("减税降费", "relief"),
        ("纾困资金", "relief"),
        ("普惠小微贷款支持", "relief"),
        ("粮食产量", "agriculture"),
        ("乡村振兴", "agriculture"),
        ("农业增加值", "agriculture"),
        ("政务服务事项", "services"),
        ("办件量", "services"),
        ("审批时限", "services"),
        ("城镇新增就业", "society"),
        ("教育支出", "society"),
        ("民生支出", "society"),
        ("农村居民人均可支配收入", "society"),
        ("新增省级非物质文化遗产代表性项目", "society"),
        ("社会消费品零售总额", None),
        ("接待游客", None),
        ("进出口总额", None),
        ("金融机构各项存款余额", None),
        ("港口集装箱吞吐量", None),
        ("新登记市场主体", None),
        ("某某指标", None),
    ],
)
def test_themes_among_the_starter_themes(zh: str, theme: str | None) -> None:
    assert theme_for(zh, STARTER_THEMES) == theme


OTHER_THEMES = {
    "economy": ("经济运行", "Economic performance"),
    "consumption": ("消费市场", "Consumer market"),
    "culture": ("文化旅游", "Culture and tourism"),
    "open": ("对外开放", "Opening up and foreign trade"),
    "money": ("金融运行", "Finance"),
    "projects": ("重大项目", "Major projects"),
}


@pytest.mark.parametrize(
    ("zh", "theme"),
    [
        ("社会消费品零售总额", "consumption"),
        ("限额以上单位网上零售额", "consumption"),
        ("接待游客人次", "culture"),
        ("旅游总收入", "culture"),
        ("进出口总额", "open"),
        ("金融机构各项贷款余额", "money"),
        ("地区生产总值", "economy"),
        ("签约项目", "projects"),
        ("留抵退税", None),
    ],
)
def test_themes_of_a_file_that_defines_its_own(zh: str, theme: str | None) -> None:
    assert theme_for(zh, OTHER_THEMES) == theme


def test_no_themes_no_theme() -> None:
    assert theme_for("签约项目", {}) is None


def test_subjects() -> None:
    assert subject_of("规上工业企业营业收入") == "industry"
    assert subject_of("旅游项目投资") == "investment"
    assert subject_of("乡村消费品零售额") == "consumption"
    assert subject_of("某某") is None


_SOME_TERMS = sorted(GLOSSARY)[::7]


@given(
    st.lists(
        st.one_of(st.sampled_from(_SOME_TERMS), st.text("的年月某亿元以上比占", max_size=3)),
        max_size=6,
    ),
    st.sets(st.sampled_from(["indicator_01", "growth", "projects", "signed_projects"])),
)
def test_any_name_gives_an_english_result_and_a_free_ascii_id(
    parts: list[str], taken: set[str]
) -> None:
    name = "".join(parts)
    result = english_name(name)
    assert result.complete == (bool(result.text) and not result.untranslated)
    assert all(run in name for run in result.untranslated)
    ident = indicator_id(name, set(taken))
    assert re.fullmatch(r"[a-z][a-z0-9_]*", ident)
    assert len(ident) <= 44
    assert ident not in taken
    if not result.complete:
        assert ident.startswith("indicator_")
