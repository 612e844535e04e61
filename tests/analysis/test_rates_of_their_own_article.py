"""A quoted rate is checked against the figures of its own article: a later article that revises
the whole (a list of 23 projects grown to 25) does not make an earlier article's rate wrong."""

from __future__ import annotations

from ganxian_cli.analysis.checks.registry import all_problems
from ganxian_cli.datafile.loader import parse_text

_HEAD = """schema_version = 1

[sources.jun]
title = "测试县上半年重点项目"
published = "2031-07"
region = "测试县"

[sources.sep]
title = "测试县前三季度重点项目"
published = "2031-10"
region = "测试县"

[themes.projects]
name = "项目"
name_en = "Projects"

[indicators.key_projects]
name = "重点项目"
name_en = "Key projects"
theme = "projects"
unit = "个"

[[indicators.key_projects.observations]]
period = "2031"
value = 23
quote = "23个重点项目"
source = "jun"

[[indicators.key_projects.observations]]
period = "2031"
value = {later_list}
quote = "{later_list}个重点项目"
source = "sep"

[indicators.started]
name = "已开工重点项目"
name_en = "Key projects started"
theme = "projects"
unit = "个"

[[indicators.started.observations]]
period = "2031-H1"
value = 22
quote = "已开工22个"
source = "jun"

[indicators.start_rate]
name = "开工率"
name_en = "Start rate"
theme = "projects"
unit = "%"

[[indicators.start_rate.observations]]
period = "2031-H1"
value = 95.65
quote = "开工率95.65%"
source = "jun"
"""

_LATER_STARTED = """
[[indicators.started.observations]]
period = "2031-01..2031-09"
value = 24
quote = "已开工24个"
source = "sep"
"""

_LATER_RATE = """
[[indicators.start_rate.observations]]
period = "2031-01..2031-09"
value = {later_rate}
quote = "开工率{later_rate}%"
source = "sep"
"""

_TARGET = """
[[targets]]
target = "key_projects@2031#actual"
actual = "started"
rate = "start_rate"
kind = "list"
"""

_SHARE = """
[[relations]]
kind = "share"
part = "started@{months}"
whole = "key_projects@2031"
rate = "start_rate{rate_months}"
"""


def _codes(
    later_list: int, later_rate: str | None = None, started: bool = True, how: str = _TARGET
) -> list[str]:
    text = _HEAD.format(later_list=later_list)
    if started and later_rate is not None:
        text += _LATER_STARTED
    if later_rate is not None:
        text += _LATER_RATE.format(later_rate=later_rate)
    loaded = parse_text(text + how, "two.toml")
    return [p.code for p in all_problems(loaded)]


def test_an_earlier_rate_is_checked_against_its_own_article_s_list() -> None:
    assert _codes(23) == []  # the same list in both: nothing to say
    assert _codes(25) == []  # 22/23 = 95.65% in June's article, whatever September's list


def test_a_later_rate_is_checked_against_the_later_list() -> None:
    assert _codes(25, "96") == []  # 24/25
    assert _codes(25, "104.35") == ["G301"]  # 24/23: September's rate against June's list


def _share(months: str, rate_months: str = "") -> str:
    return _SHARE.format(months=months, rate_months=rate_months)


def test_a_share_s_rate_is_checked_against_its_own_article() -> None:
    june = _share("2031-H1", "@2031-H1")
    assert _codes(25, how=june) == []  # 22 of June's 23, not of September's 25
    september = _share("2031-01..2031-09", "@2031-01..2031-09")
    assert _codes(25, "96", how=september + june) == []  # 24 of September's 25
    assert _codes(25, "104.35", how=september) == ["G301"]


def test_a_rate_is_not_checked_against_another_article_s_part() -> None:
    # September gives 24 started of 25 but no rate: June's one rate is not September's
    text = _HEAD.format(later_list=25) + _LATER_STARTED + _share("2031-01..2031-09")
    assert [p.code for p in all_problems(parse_text(text, "two.toml"))] == []


def test_a_part_is_not_held_to_another_article_s_whole() -> None:
    # June's list of 23 and September's 24 started: the list may have grown since June
    head = _HEAD.format(later_list=23)
    june_list = head.index('source = "jun"', head.index("[indicators.key_projects]"))
    september_list = head.index("[[indicators.key_projects.observations]]", june_list)
    text = head[:september_list] + head[head.index("[indicators.started]") :]
    share = _share("2031-01..2031-09").replace('rate = "start_rate"\n', "")
    assert _codes_of(text + _LATER_STARTED + share) == []
    one_article = _LATER_STARTED.replace('source = "sep"', 'source = "jun"')
    assert _codes_of(text + one_article + share) == ["G302"]  # 24 of June's own 23


def _codes_of(text: str) -> list[str]:
    return [p.code for p in all_problems(parse_text(text, "two.toml"))]


_GAP = """
[indicators.start_lead]
name = "开工率超序时进度"
name_en = "Start rate ahead of schedule"
theme = "projects"
unit = "个百分点"

[[indicators.start_lead.observations]]
period = "2031-H1"
value = 45.65
quote = "超序时进度45.65个百分点"
source = "jun"

[[targets]]
target = "key_projects@2031#actual"
actual = "started"
gap = "start_lead"
"""


def test_a_lead_without_a_rate_is_worked_out_from_its_own_article() -> None:
    # 22 of June's 23 is 95.65%, 45.65 points over half the year; of September's 25, 38 points
    head = _HEAD.format(later_list=25)
    assert _codes_of(head + _GAP) == []
    wrong = _GAP.replace("45.65", "38")
    assert _codes_of(head + wrong) == ["G305"]


_PLAN_OF_ANOTHER = """schema_version = 1

[sources.may]
title = "测试县1-5月财政收支"
published = "2031-06"
region = "测试县"

[sources.jul]
title = "测试县上半年工作总结"
published = "2031-07"
region = "测试县"

[themes.fiscal]
name = "财政"
name_en = "Public finance"

[indicators.revenue]
name = "一般公共预算收入"
name_en = "General public budget revenue"
theme = "fiscal"
unit = "亿元"

[[indicators.revenue.observations]]
period = "2031-01..2031-05"
value = 8.94
quote = "一般公共预算收入8.94亿元"
source = "may"

[[indicators.revenue.observations]]
period = "2031"
value = 19.66
status = "target"
quote = "确保一般公共预算收入完成19.66亿元"
source = "jul"

[indicators.revenue_rate]
name = "一般公共预算收入年度预算完成率"
name_en = "General public budget revenue, share of the year's budget done"
theme = "fiscal"
unit = "%"

[[indicators.revenue_rate.observations]]
period = "2031-01..2031-05"
value = 46.8
quote = "完成年度预算的46.8%"
source = "may"

[[targets]]
target = "revenue@2031#target"
actual = "revenue"
rate = "revenue_rate"
"""


def test_a_rate_against_another_articles_plan_is_a_note() -> None:
    """May's 46.8% of a budget May does not print, against July's 19.66 (45.5%): the budget may
    have been revised, so a note, not an error that refuses the file."""
    loaded = parse_text(_PLAN_OF_ANOTHER, "t.toml")
    [(severity, message)] = [
        (p.severity, p.message) for p in all_problems(loaded) if p.code == "G301"
    ]
    assert severity == "note"
    assert "computed 45.5 % from 8.94 / 19.66, the whole as jul gives it" in message
    same = _PLAN_OF_ANOTHER.replace('source = "jul"', 'source = "may"')
    [error] = [p for p in all_problems(parse_text(same, "t.toml")) if p.code == "G301"]
    assert error.severity == "error"  # one article's rate and plan disagree: an error


def test_a_lead_against_another_articles_plan_is_a_note() -> None:
    """May's 超序时进度5个百分点 with no rate, against July's budget (45.47% − 41.67% = 3.8): a
    note; the same lead against May's own budget is an error."""
    text = (
        _PLAN_OF_ANOTHER.replace('rate = "revenue_rate"', 'gap = "revenue_gap"')
        .replace("[indicators.revenue_rate]", "[indicators.revenue_gap]")
        .replace(
            "[[indicators.revenue_rate.observations]]", "[[indicators.revenue_gap.observations]]"
        )
        .replace('name = "一般公共预算收入年度预算完成率"', 'name = "一般公共预算收入超序时进度"')
        .replace(
            'name_en = "General public budget revenue, share of the year\'s budget done"',
            'name_en = "General public budget revenue, lead over time elapsed"',
        )
        .replace('unit = "%"', 'unit = "个百分点"')
        .replace(
            'value = 46.8\nquote = "完成年度预算的46.8%"',
            'value = 5\nquote = "超序时进度5个百分点"',
        )
    )
    [(code, severity, message)] = [
        (p.code, p.severity, p.message)
        for p in all_problems(parse_text(text, "t.toml"))
        if p.code in ("G304", "G305")
    ]
    assert (code, severity) == ("G305", "note")
    assert "the target as jul gives it" in message
    same = text.replace('source = "jul"', 'source = "may"')
    [error] = [p for p in all_problems(parse_text(same, "t.toml")) if p.code == "G305"]
    assert error.severity == "error"
