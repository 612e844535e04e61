"""Balances in city news: 截至8月末 dates the levels and the changes since the start of the year
of the sentences after it in its paragraph (and of a breakdown paragraph that goes on with it);
a growth rate after 比年初增加 is the balance's; 纳入…调度 names the year's programme."""

from __future__ import annotations

from ganxian_cli.analysis.extract import extract

CREDIT = (
    "汀溪市金融运行稳中有进\n\n"
    "截至8月末，全市各项存款余额2863.4亿元，比年初增加187.2亿元，同比增长8.1%。"
    "全市存贷比为83.5%，较年初提高2.3个百分点。\n\n"
    "从重点领域看，制造业贷款余额412.8亿元，比年初增加38.6亿元。\n\n"
    "今年以来，全市新增普惠小微贷款86.9亿元，为1.26万户市场主体办理续贷。\n"
)


def _figures(text: str, published: str) -> dict[str, tuple[str, object]]:
    return {str(f.value): (f.period, f.yoy) for f in extract(text, None, published).figures}


def test_the_growth_after_a_change_since_the_start_of_the_year_is_the_balance_s() -> None:
    got = _figures(CREDIT, "2026-09")
    assert str(got["2863.4"][1]) == "8.1"
    assert got["187.2"][1] is None


def test_a_month_end_dates_the_paragraph_s_later_levels_and_changes() -> None:
    got = _figures(CREDIT, "2026-09")
    assert got["2863.4"][0] == "2026-08"
    assert got["187.2"][0] == "2026-01..2026-08"
    assert got["83.5"][0] == "2026-08"  # a ratio of two balances
    assert got["2.3"][0] == "2026-01..2026-08"
    assert got["412.8"][0] == "2026-08"  # a breakdown goes on with the paragraph before
    assert got["38.6"][0] == "2026-01..2026-08"
    assert got["86.9"][0] == "2026-01..2026-09"  # 今年以来, a paragraph of its own
    assert got["1.26"][0] == "2026-01..2026-09"  # 万户 before the firms it counts


def test_a_flow_in_a_later_sentence_keeps_the_span_in_force() -> None:
    text = "1-8月，全市进出口总额412.9亿元。截至8月末，存款余额100亿元。出口286.4亿元。"
    got = _figures(text, "2026-09")
    assert got["100"][0] == "2026-08"
    assert got["286.4"][0] == "2026-01..2026-08"


def test_a_balance_that_grows_is_a_flow() -> None:
    text = "截至6月末，全县规上企业总数达150家。全县贷款余额新增12.3亿元。"
    got = {str(f.value): f for f in extract(text, None, "2031-07").figures}
    assert got["150"].period == "2031-06" and got["150"].stock
    assert got["12.3"].period != "2031-06" and not got["12.3"].stock


def test_a_programme_a_county_takes_in_is_of_the_year() -> None:
    text = "平川镇2032年一季度工作总结\n\n全镇纳入县级调度的重点项目14个，已开工11个。\n"
    got = {str(f.value): f.period for f in extract(text, None, "2032-04").figures}
    assert got["14"] == "2032"
    assert got["11"] == "2032-Q1"
