"""Which indicator a figure of an article goes onto: only one its name, unit and subject fit;
new indicators get readable ids, one per name, unit and subject, and a theme by their words."""

from __future__ import annotations

import tomllib
from decimal import Decimal

import pytest

from ganxian_cli.analysis.extract import extract
from ganxian_cli.analysis.extract.match import Matcher, own_name
from ganxian_cli.model.models import Dataset

FILE = """
schema_version = 1

[source]
region = "江北区"
region_en = "Jiangbei"
title = "t"
published = "2031-06"

[themes.industry]
name = "工业运行"
name_en = "Industrial performance"

[themes.investment]
name = "项目与投资"
name_en = "Projects and investment"

[indicators.company_revenue]
name = "营业收入"
name_en = "Operating revenue"
theme = "industry"
unit = "亿元"

[[indicators.company_revenue.observations]]
period = "2031-01..2031-04"
value = 10.5
subject = "星河科技有限公司"
"""


def _dataset() -> Dataset:
    return Dataset.model_validate(tomllib.loads(FILE, parse_float=Decimal))


def test_the_districts_revenue_is_never_a_companys() -> None:
    text = "1至5月,全区实现营业收入120亿元,同比增长5.1%。"
    (figure,) = extract(text, _dataset(), "2031-06").figures
    assert figure.indicator != "company_revenue" and figure.new_indicator
    assert figure.subject is None  # the company is not filled in: the sentence names none


def test_the_companys_revenue_goes_onto_its_indicator() -> None:
    text = "1至5月,星河科技有限公司实现营业收入12亿元。"
    (figure,) = extract(text, _dataset(), "2031-06").figures
    assert (figure.indicator, figure.subject) == ("company_revenue", "星河科技有限公司")


def test_the_same_value_is_no_reason_to_match_another_name() -> None:
    matcher = Matcher(_dataset())
    found = matcher.match("签约项目总投资", Decimal("10.5"), "亿元", "星河科技有限公司")
    assert found.new  # 10.5亿元 is the company's revenue, but this is not revenue


def test_new_ids_are_readable_and_scopes_never_share_one() -> None:
    matcher = Matcher(_dataset())
    every = matcher.match("项目", Decimal(30), "个")
    signed = matcher.match("签约项目", Decimal(12), "个")
    county = matcher.match("项目", Decimal(9), "个", "东山县")
    assert (every.indicator, signed.indicator) == ("projects", "signed_projects")
    assert county.new and county.indicator not in (every.indicator, signed.indicator)
    assert matcher.match("项目", Decimal(31), "个").indicator == "projects"  # the same one
    assert matcher.match("固定资产投资", Decimal(5), "亿元").indicator == "fixed_asset_investment"
    assert not any(m.indicator.startswith("new_") for m in (every, signed, county))


def test_themes_follow_the_words() -> None:
    matcher = Matcher(_dataset())
    assert matcher.match("签约项目", Decimal(12), "个").theme == "investment"
    assert matcher.match("固定资产投资", Decimal(5), "亿元").theme == "investment"
    assert matcher.match("规模以上工业增加值", Decimal(5), "亿元").theme == "industry"
    # no theme of the file speaks of tourism: a tourism theme is proposed, not "industry"
    assert matcher.match("接待游客", Decimal(5), "万人次").theme == "tourism"


def test_a_second_figure_of_one_name_and_period_gets_an_id_of_its_own() -> None:
    text = "1至5月,全区营业收入120亿元;4月,全区营业收入30亿元。1至5月,全区营业收入121亿元。"
    ids = [f.indicator for f in extract(text, _dataset(), "2031-06").figures]
    assert len(set(ids)) == 2 and all(i.startswith("operating_revenue") for i in ids), ids


def test_own_name_drops_the_subject() -> None:
    assert own_name("星河科技有限公司实现营业收入", "星河科技有限公司") == "实现营业收入"
    assert own_name("营业收入", None) == "营业收入"
    assert own_name("星河科技有限公司", "星河科技有限公司") == "星河科技有限公司"


class _Counting(set[str]):
    """A set that counts the lookups made in it."""

    looked = 0

    def __contains__(self, item: object) -> bool:
        type(self).looked += 1
        return super().__contains__(item)


@pytest.mark.parametrize("name", ["营业收入", "星辰园区落地项目"])
def test_many_ids_of_one_name_cost_linear_work(name: str) -> None:
    matcher = Matcher(_dataset())
    matcher._taken = _Counting(matcher._taken)
    _Counting.looked = 0
    n = 2000
    ids = [matcher.match(name, Decimal(k), "亿元", "某某有限公司") for k in range(1)]
    ids = [m.indicator for m in ids]
    ids += [matcher.fresh() for _ in range(n)]
    assert len(set(ids)) == n + 1
    assert _Counting.looked <= 2 * (n + 1)  # each id is looked up about once, not n times
    assert ids[1] in ("operating_revenue_2", "indicator_02")


def test_a_second_figure_of_a_company_keeps_its_subject_when_it_needs_a_new_id() -> None:
    text = "1至5月,星河科技有限公司实现营业收入12亿元。1至5月,星河科技有限公司实现营业收入13亿元。"
    first, second = extract(text, _dataset(), "2031-06").figures
    assert (first.indicator, first.subject) == ("company_revenue", "星河科技有限公司")
    assert second.new_indicator and second.subject == "星河科技有限公司"
    assert second.indicator.startswith("operating_revenue")  # named without the company
