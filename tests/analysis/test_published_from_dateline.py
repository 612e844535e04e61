"""An article's own date line says when it was published, whatever year its title reviews."""

from __future__ import annotations

from ganxian_cli.analysis.extract.when import published_from


def test_a_review_dated_the_next_spring_is_of_that_spring() -> None:
    text = (
        "某市2017年国民经济和社会发展统计公报\n某市统计局\n2018年3月20日\n"
        "全年地区生产总值100亿元。2017年…"
    )
    assert published_from(text) == (2018, 3)


def test_without_a_full_date_the_commonest_year_and_latest_month() -> None:
    text = "2025年1-8月,全县…。8月15日召开会议。2025年目标…"
    assert published_from(text) == (2025, 8)
