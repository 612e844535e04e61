"""Numbers in a data file: huge exponents are refused by the schema, small ones stay valid."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from ganxian_cli.model.models import MAX_DECIMAL_PLACES, MAX_INTEGER_DIGITS, _number
from tests.conftest import invoke


@pytest.mark.parametrize("value", ["0e999999999", "0e15", "0.0e20"])
def test_huge_exponents_are_refused_by_the_schema(
    runner: CliRunner, other_region_copy: Path, value: str
) -> None:
    text = other_region_copy.read_text(encoding="utf-8").replace(
        "value = 40.00", f"value = {value}", 1
    )
    other_region_copy.write_text(text, encoding="utf-8")
    for args in (["validate", str(other_region_copy)], ["report", "-d", str(other_region_copy)]):
        result = invoke(runner, *args)
        assert result.exit_code == 1
        assert "error[G100]" in result.stdout + result.stderr
        assert "number too large" in result.stdout + result.stderr


def test_small_exponents_stay_valid(runner: CliRunner, other_region_copy: Path) -> None:
    text = other_region_copy.read_text(encoding="utf-8").replace("value = 40.00", "value = 0e2", 1)
    other_region_copy.write_text(
        text.replace('"全年社会消费品零售总额目标40.00亿元"', '"目标0"', 1)
    )
    assert invoke(runner, "report", "-d", str(other_region_copy)).exit_code == 0


def _by_the_decimal_api(value: object) -> Decimal:
    """The bounds of a file's numbers as Decimal's own methods state them."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise ValueError("expected a number")
    if isinstance(value, int) and abs(value) >= 10**MAX_INTEGER_DIGITS:
        raise ValueError(f"number too large (at most {MAX_INTEGER_DIGITS} digits)")
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError("expected a finite number, not nan or inf")
    if number != 0 and number.adjusted() >= MAX_INTEGER_DIGITS:
        raise ValueError(f"number too large (at most {MAX_INTEGER_DIGITS} digits)")
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= MAX_INTEGER_DIGITS:
        raise ValueError(f"number too large (at most {MAX_INTEGER_DIGITS} digits)")
    if isinstance(exponent, int) and exponent < -MAX_DECIMAL_PLACES:
        raise ValueError(f"too many decimal places (at most {MAX_DECIMAL_PLACES})")
    return number


def _outcome(read: Callable[[object], Decimal], value: object) -> tuple[str, str]:
    try:
        number = read(value)
    except ValueError as exc:
        return "refused", str(exc)
    assert type(number) is Decimal
    return "read", repr(number)


NUMBERS = st.one_of(
    st.integers(min_value=-(10**17), max_value=10**17),
    st.booleans(),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.builds(
        lambda digits, exponent, sign: Decimal((sign, digits, exponent)),
        st.lists(st.integers(0, 9), min_size=1, max_size=20).map(tuple),
        st.integers(-14, 18),
        st.integers(0, 1),
    ),
    st.sampled_from(["1", 1.5, None, Decimal("-0"), Decimal("0e15"), Decimal("-0.00000000001")]),
)


@given(NUMBERS)
def test_numbers_are_read_as_the_decimal_api_bounds_them(value: object) -> None:
    assert _outcome(_number, value) == _outcome(_by_the_decimal_api, value)
