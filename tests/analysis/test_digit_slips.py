"""Property: one digit changed in a value or growth rate of the shipped file (quote kept) is
caught at that figure, for every figure whose quote shows the number."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ganxian_cli.analysis.checks.validation import validate_file
from ganxian_cli.datafile.loader import parse_text
from ganxian_cli.model.numerals import growth_occurrences, occurrences
from tests.conftest import DATA

TEXT = DATA.read_text(encoding="utf-8")
LINES = TEXT.split("\n")
_HEADER = re.compile(r"^\[")


def _blocks() -> list[tuple[int, int, int]]:
    """(line of the number, first and last line of its figure's table), 1-based."""
    loaded = parse_text(TEXT, str(DATA))
    headers = [n for n, line in enumerate(LINES, start=1) if _HEADER.match(line)]
    out = []
    for ident, indicator, i, figure in loaded.dataset.figures():
        if figure.quote is None:
            continue
        fields = []
        if occurrences(figure.quote, figure.value, indicator.unit_of(figure)):
            fields.append("value")
        if figure.yoy is not None and growth_occurrences(figure.quote, figure.yoy):
            fields.append("yoy")
        for field in fields:
            line = loaded.line_of(("indicators", ident, "observations", i, field))
            assert line is not None
            start = max(h for h in headers if h <= line)
            end = min((h for h in headers if h > line), default=len(LINES) + 1) - 1
            out.append((line, start, end))
    return out


NUMBERS = _blocks()


def test_every_quoted_number_is_covered() -> None:
    assert len(NUMBERS) >= 68  # every shipped figure shows its value, and some a growth
    assert validate_file(str(DATA)).problems == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(target=st.sampled_from(NUMBERS), position=st.integers(0, 20), digit=st.integers(1, 9))
def test_one_changed_digit_is_caught_at_its_figure(
    tmp_path_factory: pytest.TempPathFactory,
    target: tuple[int, int, int],
    position: int,
    digit: int,
) -> None:
    line, start, end = target
    key, _, number = LINES[line - 1].partition(" = ")
    digits = [k for k, ch in enumerate(number) if ch.isdigit()]
    at = digits[position % len(digits)]
    new = str((int(number[at]) + digit) % 10)
    lines = list(LINES)
    lines[line - 1] = f"{key} = {number[:at]}{new}{number[at + 1 :]}"
    path = Path(tmp_path_factory.mktemp("digit")) / "indicators.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = validate_file(str(path))
    assert result.failed, lines[line - 1]
    assert any(
        p.severity == "error" and p.line is not None and start <= p.line <= end
        for p in result.problems
    ), (lines[line - 1], result.problems)
