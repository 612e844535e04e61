"""An article read again: a figure whose value the file already records goes onto that
indicator (its subject as the file spells it), but a district's figure never onto a company's."""

from __future__ import annotations

import tomllib
from decimal import Decimal

from ganxian_cli.analysis.extract import extract
from ganxian_cli.analysis.extract.match import Matcher
from ganxian_cli.datafile.loader import load
from ganxian_cli.model.models import Dataset
from tests.conftest import DATA

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

[indicators.company_revenue]
name = "星河营业收入"
name_en = "Operating revenue"
theme = "industry"
unit = "亿元"

[[indicators.company_revenue.observations]]
period = "2031-01..2031-05"
value = 10.5
subject = "星河科技"

[indicators.exchange_staff]
name = "首批政企双向交流人才"
name_en = "Exchange staff"
theme = "industry"
unit = "名"

[[indicators.exchange_staff.observations]]
period = "2031-06"
value = 29
"""


def _dataset() -> Dataset:
    return Dataset.model_validate(tomllib.loads(FILE, parse_float=Decimal))


def test_a_company_spelt_longer_is_the_same_company() -> None:
    text = "1至5月,星河科技公司实现营业收入12亿元。"
    (figure,) = extract(text, _dataset(), "2031-06").figures
    assert (figure.indicator, figure.subject) == ("company_revenue", "星河科技")


def test_a_recorded_figure_read_again_keeps_the_recorded_subject() -> None:
    text = "1至5月,实现营业收入10.5亿元。"
    (figure,) = extract(text, _dataset(), "2031-06").figures
    assert (figure.indicator, figure.subject) == ("company_revenue", "星河科技")


def test_a_districts_figure_of_another_value_or_period_is_never_a_companys() -> None:
    for text in ("1至5月,全区实现营业收入12亿元。", "1至4月,全区实现营业收入10.5亿元。"):
        (figure,) = extract(text, _dataset(), "2031-06").figures
        assert figure.new_indicator and figure.subject is None, text


def test_a_recorded_value_goes_on_by_shared_words_of_its_quote() -> None:
    text = "组织首批29名政企双向交流人才到部分企业。"
    (figure,) = extract(text, _dataset(), "2031-06").figures
    assert (figure.indicator, figure.new_indicator) == ("exchange_staff", False)


def test_a_recorded_value_with_no_word_in_common_is_a_new_indicator() -> None:
    matcher = Matcher(_dataset())
    found = matcher.match("签约项目", Decimal(29), "名", None, "2031-06", "签约项目29名")
    assert found.new
    found = matcher.match("签约项目", Decimal(29), "名", None, "2031-06", "交流人才29名")
    assert not found.new and found.indicator == "exchange_staff"


def test_the_districts_half_year_revenue_is_not_the_cobalt_firms() -> None:
    """The shipped file: 营业收入 of the district is never 腾远钴业's revenue."""
    dataset = load(str(DATA)).dataset
    text = "上半年,全区规模以上工业企业实现营业收入191.08亿元。"
    (figure,) = extract(text, dataset, "2022-07").figures
    assert figure.indicator != "tengyuan_revenue" and figure.subject is None
