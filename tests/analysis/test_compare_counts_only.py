"""compare takes only the figures that count: a growth rate printed with a figure a later
article revised is not shown as that period's year-on-year change."""

from __future__ import annotations

from decimal import Decimal

from ganxian_cli.analysis.compare import yoy_section
from ganxian_cli.datafile.loader import parse_text

TEXT = """schema_version = 1

[source]
region = "雁岭县"
region_en = "Yanling County"
title = "雁岭县1-5月工业经济"
published = "2031-06"

[sources.h1]
title = "雁岭县上半年工业经济"
published = "2031-07"

[themes.industry]
name = "工业"
name_en = "Industry"

[indicators.revenue]
name = "规模以上工业企业营业收入"
name_en = "Operating revenue of industrial enterprises above designated size"
theme = "industry"
unit = "亿元"

[[indicators.revenue.observations]]
period = "2031-01..2031-05"
value = 126.4
yoy = 9.8
quote = "规模以上工业企业实现营业收入126.4亿元,同比增长9.8%"

[[indicators.revenue.observations]]
period = "2031-01..2031-05"
value = 127.1
quote = "1-5月规模以上工业企业营业收入修正为127.1亿元"
source = "h1"

[[indicators.revenue.observations]]
period = "2031-H1"
value = 153.8
yoy = 10.5
quote = "规模以上工业企业实现营业收入153.8亿元,同比增长10.5%"
source = "h1"
"""


def test_a_revised_figures_growth_is_not_the_periods() -> None:
    dataset = parse_text(TEXT, "t.toml").dataset
    assert dataset is not None
    rows = yoy_section(dataset).rows
    assert [(r["period"], r["value"]) for r in rows] == [("2031-H1", Decimal("153.8"))]
