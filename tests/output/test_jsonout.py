"""The JSON writer: values read back exactly, indented by two, invisible characters escaped, or
an error."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ganxian_cli.errors import INVISIBLE_RE
from ganxian_cli.output import jsonout
from ganxian_cli.output.jsonout import dumps

# text rich in what needs escaping: C0 and C1 controls, DEL, bidi, zero-width, quotes, CJK
_CHARS = st.sampled_from(
    [chr(c) for c in range(0x00, 0x20)]
    + ["\x7f", "\x85", "\x9f", "\u061c", "\u200b", "\u200f", "\u2028", "\u2029", "\u202e"]
    + ["\u2060", "\u2066", "\u2069", "\ufeff", '"', "\\", "/", "a", " ", "亿", "元", "😀"]
)
_TEXT = st.text(_CHARS, max_size=12) | st.text(max_size=8)
_DECIMALS = st.decimals(allow_nan=False, allow_infinity=False) | st.sampled_from(
    [Decimal("-0.00"), Decimal("1E+30"), Decimal("1.2E-7"), Decimal("133.87"), Decimal("0")]
)
_INTS = st.integers() | st.sampled_from([2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 2**64, 10**40])
_LEAVES = st.none() | st.booleans() | _INTS | _DECIMALS | _TEXT
_TREES = st.recursive(
    _LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(_TEXT, inner, max_size=4)
    ),
    max_leaves=20,
)


def _plain(value: Any) -> Any:
    """*value* as JSON gives it back: tuples as lists, keys as text."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


@settings(max_examples=150, deadline=None)
@given(_TREES)
def test_dumps_reads_back_as_the_value_with_nothing_invisible(value: Any) -> None:
    text = dumps(value)
    assert json.loads(text, parse_float=Decimal) == _plain(value)
    assert INVISIBLE_RE.search(text) is None
    if isinstance(value, dict | list | tuple) and value:
        assert text.splitlines()[1].startswith("  ")  # indented by two


@pytest.mark.parametrize(
    "value",
    [Decimal("NaN"), Decimal("Infinity"), [1, {"a": Decimal("-Infinity")}], {"x": Decimal("sNaN")}],
)
def test_a_non_finite_decimal_is_an_error(value: Any) -> None:
    with pytest.raises(ValueError, match="cannot write"):
        dumps(value)


@pytest.mark.parametrize("value", [object(), [1, {"a": {1, 2}}], {"a": b"bytes"}])
def test_an_unknown_type_is_an_error(value: Any) -> None:
    with pytest.raises(TypeError, match="cannot write"):
        dumps(value)


def test_what_orjson_refuses_goes_through_the_slow_writer() -> None:
    big = '{\n  "n": 1180591620717411303424,\n  "m": [\n    -18446744073709551616\n  ]\n}'
    assert dumps({"n": 2**70, "m": [-(2**64)]}) == big
    assert dumps({1: "a", None: True}) == '{\n  "1": "a",\n  "None": true\n}'
    assert dumps("\ud800x") == '"\ud800x"'  # a lone surrogate stays as the old writer had it


def test_invisible_characters_are_escaped_in_keys_and_values() -> None:
    text = dumps({"\u202eevil": ["\x85", "\u200b", "ok"]})
    assert text == '{\n  "\\u202eevil": [\n    "\\u0085",\n    "\\u200b",\n    "ok"\n  ]\n}'
    assert jsonout.INVISIBLE_RE.search(text) is None


def test_the_byte_search_finds_exactly_the_invisible_characters() -> None:
    """`dumps` searches orjson's UTF-8 for what INVISIBLE_RE finds in text: every character
    but the lone surrogates (which orjson refuses) agrees, alone and between others."""
    for code in [*range(0xD800), *range(0xE000, 0x10000), 0x1F600, 0x10FFFF]:
        char = chr(code)
        data = ("亿" + char + "a").encode()
        assert (jsonout.INVISIBLE_UTF8.search(data) is not None) == (
            INVISIBLE_RE.search(char) is not None
        ), hex(code)
