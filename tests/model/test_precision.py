"""One quantity printed with different precision: 45.3亿元 and 452871万元 agree."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ganxian_cli.model.precision import agrees


@pytest.mark.parametrize(
    ("a", "unit_a", "b", "unit_b"),
    [
        ("45.3", "亿元", "452871", "万元"),  # the prose rounds the table
        ("452871", "万元", "45.3", "亿元"),  # either order
        ("18.6", "亿元", "186340", "万元"),
        ("45.25", "亿元", "452500", "万元"),  # half way rounds either way
        ("1286.5", "万人次", "1286.5", "万人次"),  # printed identically
        ("-2.3", "亿元", "-23000", "万元"),
        ("12", "%", "12", "%"),
        ("45", "亿元", "45.3", "亿元"),
    ],
)
def test_agree(a: str, unit_a: str, b: str, unit_b: str) -> None:
    assert agrees(Decimal(a), unit_a, Decimal(b), unit_b)


@pytest.mark.parametrize(
    ("a", "unit_a", "b", "unit_b"),
    [
        ("45.2", "亿元", "452871", "万元"),  # a slip, not a rounding
        ("45.3", "亿元", "452871", "吨"),  # another family
        ("45.3", "亿元", "-452871", "万元"),  # another sign
        ("12.3", "%", "12", "%"),  # rates agree only when equal
        ("3", "奇单位", "3.1", "奇单位"),  # an unknown unit: only when equal
        ("46", "亿元", "45.3", "亿元"),  # the coarser must be the finer rounded: 45.3 is 45
    ],
)
def test_disagree(a: str, unit_a: str, b: str, unit_b: str) -> None:
    assert not agrees(Decimal(a), unit_a, Decimal(b), unit_b)
