"""Figures are written by a fast writer of flat tables: its text is tomli-w's, value for
value, and anything it does not write itself goes to tomli-w."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from ganxian_cli.datafile import writer
from ganxian_cli.datafile.loader import load
from ganxian_cli.datafile.writer import canonical_data, canonical_text

DATA = Path(__file__).resolve().parents[2] / "data" / "indicators.toml"

CASES: list[dict[str, Any]] = [
    {"period": "2022-01..2022-05", "value": Decimal("133.87"), "quote": "增长12.5%，较上月"},
    {"value": Decimal("1E+3"), "v2": Decimal("-0.000"), "n": 30478, "flag": True, "f": False},
    {"value": Decimal("5"), "note": "tab\there"},
    {"quote": 'a "quoted" word'},
    {"quote": "back\\slash"},
    {"quote": "line\nbreak"},
    {"quote": "bell\x07 and del\x7f"},
    {"quote": "\u200b zero width and \u202e override"},
    {"value": Decimal("NaN")},
    {"value": Decimal("-Infinity")},
    {"parts": ["a", "b"]},
    {"万标箱": "quoted key"},
    {"": "empty key"},
    {},
]


@pytest.mark.parametrize("table", CASES)
def test_flat_table_is_tomli_w_text_or_left_to_it(table: dict[str, Any]) -> None:
    fast = writer._flat_table(table)
    assert fast == "" or fast == tomli_w.dumps(table)
    assert (fast or tomli_w.dumps(table)) == tomli_w.dumps(table)


def test_plain_figures_take_the_fast_writer() -> None:
    assert writer._flat_table(CASES[0]) != ""
    assert writer._flat_table(CASES[1]) != ""


def test_shipped_file_text_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    dataset = load(str(DATA)).dataset
    figures = [
        f for ind in canonical_data(dataset)["indicators"].values() for f in ind["observations"]
    ]
    assert sum(writer._flat_table(f) != "" for f in figures) > len(figures) // 2
    fast = canonical_text(dataset)
    monkeypatch.setattr(writer, "_flat_table", lambda table: "")
    assert fast == canonical_text(dataset)
    assert fast == DATA.read_text(encoding="utf-8")
