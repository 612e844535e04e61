"""Figures sharing a 、-list quote: each value is the one printed next to its own label."""

from __future__ import annotations

from ganxian_cli.analysis.checks.registry import all_problems
from ganxian_cli.datafile.loader import parse_text

HEAD = """schema_version = 1

[source]
region = "青山县"
region_en = "Qingshan County"
title = "青山县项目"
published = "2031-07"

[themes.industry]
name = "工业"
name_en = "Industry"
"""


def _indicator(ident: str, name: str, value: str, quote: str) -> str:
    return (
        f'\n[indicators.{ident}]\nname = "{name}"\nname_en = "{ident}"\ntheme = "industry"\n'
        f'unit = "亿元"\n\n[[indicators.{ident}.observations]]\nperiod = "undated"\n'
        f'status = "forecast"\nvalue = {value}\nquote = "{quote}"\n'
    )


QUOTE = "年可实现产值127亿元、税收2亿元"


def _problems(output: str, tax: str, quote: str = QUOTE) -> list[tuple[str, str]]:
    text = HEAD + _indicator("project_output", "项目年产值", output, quote)
    text += _indicator("project_tax", "项目年税收", tax, quote)
    return [(p.code, p.path) for p in all_problems(parse_text(text, "s.toml"))]


def test_swapped_values_in_a_list_are_errors() -> None:
    assert _problems("2", "127") == [
        ("G215", "indicators.project_output.observations[0].value"),
        ("G215", "indicators.project_tax.observations[0].value"),
    ]


def test_values_next_to_their_labels_pass() -> None:
    assert _problems("127", "2") == []
    assert _problems("127", "2", "年可实现产值127亿元,税收2亿元") == []


def test_a_list_without_the_labels_is_not_judged() -> None:
    # neither name's distinctive part (产值, 税收) is in the quote: nothing to pair
    assert _problems("2", "127", "年可实现127亿元、2亿元") == []
