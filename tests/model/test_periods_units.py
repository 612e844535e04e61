from decimal import Decimal

import pytest

from ganxian_cli.model.periods import Period, PeriodError, parse_period
from ganxian_cli.model.units import UnknownUnitError, convert, get_unit


@pytest.mark.parametrize(
    ("text", "period", "canonical", "zh", "en"),
    [
        ("2022", Period(2022, 1, 12), "2022", "2022年", "2022"),
        ("2022-06", Period(2022, 6, 6), "2022-06", "2022年6月", "Jun 2022"),
        ("2022-Q1", Period(2022, 1, 3), "2022-Q1", "2022年一季度", "Q1 2022"),
        ("2022-H2", Period(2022, 7, 12), "2022-H2", "2022年下半年", "H2 2022"),
        ("2022-01..2022-05", Period(2022, 1, 5), "2022-01..2022-05", "2022年1—5月", "Jan–May 2022"),
        ("2022-01..2022-03", Period(2022, 1, 3), "2022-Q1", "2022年一季度", "Q1 2022"),
        (
            "2031-04..2031-11",
            Period(2031, 4, 11),
            "2031-04..2031-11",
            "2031年4—11月",
            "Apr–Nov 2031",
        ),
    ],
)
def test_period_syntax(text: str, period: Period, canonical: str, zh: str, en: str) -> None:
    parsed = parse_period(text)
    assert parsed == period
    assert str(parsed) == canonical
    assert parse_period(str(parsed)) == parsed
    assert parsed.label("zh") == zh
    assert parsed.label("en") == en


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2022-13", "no month 13"),
        ("2022-00", "no month 0"),
        ("2022-05..2022-02", "ends before it starts"),
        ("2021-11..2022-02", "crosses a year"),
        ("2022-Q5", "no quarter 5"),
        ("2022-H3", "no half 3"),
        ("June 2022", "not a period"),
        ("", "not a period"),
    ],
)
def test_bad_periods_say_why(text: str, reason: str) -> None:
    with pytest.raises(PeriodError, match=reason):
        parse_period(text)


def test_period_knows_cutoff_and_days() -> None:
    jan_may = parse_period("2022-01..2022-05")
    assert jan_may.cutoff == 5
    assert jan_may.is_year_to_date
    assert jan_may.days() == (151, 365)
    assert parse_period("2024-01..2024-02").days() == (60, 366)  # 29 February counted
    assert not parse_period("2022-Q2").is_year_to_date


def test_units_convert_within_a_family_exactly() -> None:
    assert convert(Decimal("30478"), "万元", "亿元") == Decimal("3.0478")
    assert convert(Decimal("1.2"), "万亩", "亩") == Decimal("12000")
    with pytest.raises(ValueError, match="different kinds"):
        convert(Decimal(1), "万元", "万亩")


def test_unknown_unit_lists_the_known_ones() -> None:
    with pytest.raises(UnknownUnitError) as info:
        get_unit("亿圆")
    assert 'unknown unit "亿圆"' in str(info.value)
    assert "亿元" in str(info.value) and "万千瓦" in str(info.value)
