"""A news item's wording: a span of months (前8个月, 连续三个月) is no count, events are counted
in 场, and the verb of holding them (组织开展各类) is no part of their name."""

from __future__ import annotations

from ganxian_cli.analysis.extract import extract


def _values(text: str, published: str) -> dict[str, str]:
    return {f"{p.value}{p.unit}": p.name for p in extract(text, published=published).figures}


def test_a_span_of_months_is_no_count() -> None:
    text = "岚州市前8个月工业稳中有进\n\n1-8月，全市出口98.2亿元，增长3.1%，连续三个月实现正增长。"
    found = _values(text, "2035-09")
    assert "8个" not in found and "3个" not in found
    assert "98.2亿元" in found


def test_events_held_are_counted_and_named_without_the_verb() -> None:
    found = _values("今年以来，全区组织开展各类招商推介活动36场。", "2033-06")
    assert found["36场"] == "招商推介活动"


def test_trade_with_a_partner_keeps_its_preposition() -> None:
    found = _values("1-6月，全省对非洲进出口38.5亿元，增长9.2%。", "2034-07")
    assert found["38.5亿元"] == "对非洲进出口"


def test_an_article_that_names_trade_totals_by_value_names_its_parts_so() -> None:
    text = "1-9月，全县外贸进出口总值52.4亿元，增长3.3%。其中，出口31.2亿元，进口21.2亿元。"
    found = _values(text, "2036-10")
    assert (found["52.4亿元"], found["31.2亿元"], found["21.2亿元"]) == (
        "进出口总值", "出口总值", "进口总值",
    )  # fmt: skip


def test_trade_named_by_total_amount_keeps_its_words() -> None:
    found = _values("1-9月，全县出口31.2亿元，增长2.1%。", "2036-10")
    assert found["31.2亿元"] == "出口总额"
