"""G232 reads a table cell's column header as its period words (a balance stands at the
column's last month; 本月 is the table's month, which the quote does not carry), and a goal
in a review published early in the year may be of that year."""

from __future__ import annotations

from ganxian_cli.analysis.checks.registry import all_problems
from ganxian_cli.datafile.loader import parse_text


def _file(published: str, figures: str) -> str:
    return f"""schema_version = 1

[source]
region = "青山县"
region_en = "Qingshan County"
title = "青山县经济运行"
published = "{published}"

[themes.finance]
name = "金融"
name_en = "Finance"

[indicators.loans]
name = "贷款余额"
name_en = "Loans outstanding"
theme = "finance"
unit = "亿元"
{figures}"""


def _figure(period: str, value: str, quote: str, status: str = "actual") -> str:
    return (
        f'\n[[indicators.loans.observations]]\nperiod = "{period}"\nvalue = {value}\n'
        f'status = "{status}"\nquote = "{quote}"\n'
    )


def _g232(published: str, *figures: str) -> list[str]:
    loaded = parse_text(_file(published, "".join(figures)), "t.toml")
    return [p.message for p in all_problems(loaded) if p.code == "G232"]


def test_a_balance_in_a_year_to_date_column_stands_at_its_last_month() -> None:
    cell = "金融机构各项贷款余额 | 1-8月 | 265.4 | 单位:亿元"
    assert _g232("2031-09", _figure("2031-08", "265.4", cell)) == []
    assert _g232("2031-09", _figure("2031-07", "265.4", cell)) != []


def test_a_flow_in_a_year_to_date_column_runs_from_january() -> None:
    cell = "工业总产值 | 1-8月 | 118.6 | 单位:亿元"
    assert _g232("2031-09", _figure("2031-01..2031-08", "118.6", cell)) == []
    assert _g232("2031-09", _figure("2031-08", "118.6", cell)) != []


def test_this_months_column_is_the_tables_month_not_the_publication_month() -> None:
    cell = "工业总产值 | 本月 | 26.1 | 单位:亿元"
    assert _g232("2031-06", _figure("2031-05", "26.1", cell)) == []
    assert _g232("2031-06", _figure("2031-01..2031-05", "26.1", cell)) != []


def test_only_the_column_header_of_a_cell_is_read() -> None:
    cell = "一季度新增贷款 | 1-8月 | 20 | 单位:亿元"  # the row's words are not the period's
    assert _g232("2031-09", _figure("2031-01..2031-08", "20", cell)) == []


def test_a_goal_in_an_early_year_review_may_be_of_that_year() -> None:
    goal = _figure("2032", "300", "力争全年贷款余额达到300亿元", "target")
    assert _g232("2032-02", goal) == []
    actual = _figure("2032", "280", "全年贷款余额达到280亿元")  # a review's actual: last year
    assert _g232("2032-02", actual) != []
