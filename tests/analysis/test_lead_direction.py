"""A lead's direction words (慢于/落后/滞后/低于 behind, 快于/领先/高于/超 ahead): `validate` warns
where the sign disagrees (W004) and `extract` gives a lead behind its minus."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ganxian_cli.analysis.checks.validation import validate_file
from ganxian_cli.analysis.extract import extract
from ganxian_cli.model.direction import lead_word
from tests.conftest import TESTS

SLIPS = (TESTS / "data" / "slips_region.toml").read_text(encoding="utf-8")
LEAD = "快于全市整体进度3.2个百分点"


@pytest.mark.parametrize(
    ("quote", "value", "warned"),
    [
        ("慢于全市整体进度3.2个百分点", "3.2", True),
        ("慢于全市整体进度3.2个百分点", "-3.2", False),
        ("滞后序时进度3.2个百分点", "3.2", True),
        ("落后于全市平均3.2个百分点", "3.2", True),
        ("快于全市整体进度3.2个百分点", "-3.2", True),
        ("领先全市3.2个百分点", "-3.2", True),
        ("增速回落3.2个百分点", "-3.2", False),  # a growth word: the sign check's (G212)
        ("增速不低于全市3.2个百分点", "3.2", False),  # 不低于 sets a bound, no direction
        ("慢于全省,快于全市3.2个百分点", "3.2", False),  # the word of its own clause
        ("比全市高3.2个百分点", "-3.2", True),  # 高 right after 比全市: ahead
        ("全市高新区增长3.2个百分点", "-3.2", False),  # no 比: 高 is no direction
    ],
)
def test_a_lead_against_its_direction_word(
    tmp_path: Path, quote: str, value: str, warned: bool
) -> None:
    text = SLIPS.replace(f'value = 3.2\nquote = "{LEAD}"', f'value = {value}\nquote = "{quote}"')
    assert text != SLIPS
    path = tmp_path / "lead.toml"
    path.write_text(text, encoding="utf-8")
    w004 = [p for p in validate_file(str(path)).problems if p.code == "W004"]
    assert [p.severity for p in w004] == (["warning"] if warned else [])
    if warned:
        assert f"write value = {Decimal(value) * -1}" in w004[0].message


def test_the_direction_word_is_the_nearest_in_the_clause() -> None:
    text = "增速慢于全省1.2个百分点,快于全市0.8个百分点"
    assert lead_word(text, 0, text.index("1.2")) == "慢于"
    assert lead_word(text, 0, text.index("0.8")) == "快于"
    assert lead_word("不低于5个百分点", 0, 3) is None


def test_extract_gives_a_lead_behind_its_minus() -> None:
    article = (
        "1至5月,全区固定资产投资滞后序时进度3.2个百分点,"
        "工业增加值增速快于全市平均1.5个百分点,消费增速慢于全市平均0.8个百分点。\n"
    )
    found = {(f.value, f.unit) for f in extract(article, published="2031-06").figures}
    assert {(Decimal("-3.2"), "个百分点"), (Decimal("1.5"), "个百分点")} <= found
    assert (Decimal("-0.8"), "个百分点") in found
