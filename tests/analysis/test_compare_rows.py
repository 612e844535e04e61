"""The comparison rows hold only machine fields (and the entries they came from): every record
and every cell a table shows is pinned on generated files and on several files at once, in both
languages, and each change and percent is the `Num` arithmetic."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ganxian_cli.analysis.compare import compare, percent, period_change
from ganxian_cli.analysis.derived import AMOUNT_PLACES, Num
from ganxian_cli.analysis.results import Section
from ganxian_cli.datafile.loader import load
from ganxian_cli.model.intervals import Interval
from ganxian_cli.model.models import Dataset
from ganxian_cli.output.regions import merged, region_of, tagged
from ganxian_cli.output.sections import row_cells, to_csv
from tests.conftest import DATA, TESTS, bench_scale, golden

FILES = [DATA, *sorted((TESTS / "data").glob("*.toml"))]


def _generated(shape: str) -> Dataset:
    return Dataset.model_validate(_toml(bench_scale().generate(shape, 1, 2)))


def _toml(text: str) -> dict[str, object]:
    import tomllib

    return tomllib.loads(text, parse_float=Decimal)


def _pinned(sections: list[Section]) -> str:
    """Every record and every cell a table shows, in both languages, as one text."""
    lines: list[str] = []
    for section in sections:
        lines.append(f"## {section.key}: {section.zh} / {section.en}")
        lines.append(f"notes: {section.note_zh} / {section.note_en}; fields: {section.fields}")
        for lang in ("zh", "en"):
            shown = section.shown(lang)
            lines.append("\t".join(f"{c.key}={c.label(lang)}" for c in shown.columns))
            lines.extend("\t".join(row_cells(shown, row, lang)) for row in section.rows)
            lines.extend(
                json.dumps(r, ensure_ascii=False, default=str) for r in section.records(lang)
            )
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("shape", ["deep", "wide"])
def test_generated_files_compare_as_pinned(shape: str) -> None:
    sections = compare(_generated(shape))
    assert sum(len(s.rows) for s in sections) > 50
    golden(f"generated/compare_{shape}.txt", _pinned(sections))


def test_several_files_compare_as_pinned() -> None:
    datasets = [load(str(p)).dataset for p in (DATA, TESTS / "data" / "october_city.toml")]
    sections = merged([tagged(compare(d), region_of(d)) for d in datasets if d])
    golden("generated/compare_two_regions.txt", _pinned(sections))
    for lang in ("zh", "en"):
        golden(f"generated/compare_two_regions_{lang}.csv", to_csv(sections, lang))


_VALUES = st.decimals(min_value=-(10**6), max_value=10**6, places=3, allow_nan=False)
_SPAN = st.sampled_from(["printed", "exact", "about", "nearly", "more_than", "none"])
_STATUS = st.sampled_from(["actual", "forecast", "target"])


def _num(value: Decimal, span: str, status: str, derived: bool) -> Num:
    qualifier = span if span in ("about", "nearly", "more_than") else "exact"
    step = Decimal("0.1")
    spans = {
        "printed": Interval.printed(value),
        "exact": Interval.exact(value),
        "about": Interval(value - step, value + step),
        "nearly": Interval(value - step, value),
        "more_than": Interval(value, value + step),
        "none": None,
    }
    return Num(value, spans[span], qualifier, status, derived, AMOUNT_PLACES, False)


@settings(max_examples=300, deadline=None)
@given(_VALUES, _VALUES, _SPAN, _SPAN, _STATUS, st.booleans(), st.booleans())
def test_period_change_is_the_num_arithmetic(
    x: Decimal, y: Decimal, sa: str, sb: str, status: str, derived: bool, rate: bool
) -> None:
    a, b = _num(x, sa, status, derived), _num(y, sb, status, not derived)
    change = b - a
    pct = None
    if not rate and a.value > 0:
        ratio = change.divide(a)
        pct = ratio.scale(Decimal(100)) if ratio else None
    expected = (change.shown(), change.qualifier, pct.shown() if pct else None)
    got = period_change(a, b, rate)
    assert str(got) == str(expected)


@settings(max_examples=300, deadline=None)
@given(_VALUES, _VALUES, _SPAN, _SPAN, _STATUS, _STATUS)
def test_percent_is_the_num_arithmetic(
    x: Decimal, y: Decimal, sx: str, sy: str, status_x: str, status_y: str
) -> None:
    part, whole = _num(x, sx, status_x, False), _num(y, sy, status_y, True)
    if not whole.value:
        return
    ratio = part.divide(whole)
    assert ratio is not None
    span = part.span
    lo, hi = (span.lo, span.hi) if span is not None else (None, None)
    shown = percent(part.value, lo, hi, whole, part.qualifier)
    assert str(shown) == str(ratio.scale(Decimal(100)).shown())


SUBJECTS = """schema_version = 1

[source]
region = "测试县"
region_en = "Test County"
title = "测试"
published = "2031-07"

[themes.t]
name = "主题"
name_en = "Theme"

[indicators.output]
name = "产值"
name_en = "Output"
theme = "t"
unit = "亿元"

[[indicators.output.observations]]
period = "2031-01..2031-05"
value = 10.5
subject = "甲公司"
subject_en = "Jia Co."

[[indicators.output.observations]]
period = "2031-H1"
value = 12.5
subject = "甲公司"

[[indicators.output.observations]]
period = "2031-01..2031-05"
value = 20
subject = "乙公司"

[[indicators.output.observations]]
period = "2031-H1"
value = 24
subject = "乙公司"

[[indicators.output.observations]]
period = "2031-05"
value = 2.1
subject = "甲公司"

[[indicators.output.observations]]
period = "2031-05"
value = 3.9
subject = "乙公司"
"""


@pytest.mark.parametrize("key", ["derived_periods", "period_on_period"])
def test_a_subject_s_english_name_is_its_own_field_and_in_the_english_name(key: str) -> None:
    (section,) = [s for s in compare(Dataset.model_validate(_toml(SUBJECTS))) if s.key == key]
    by_subject = {r["subject"]: r for r in section.records("en")}
    assert by_subject["甲公司"]["subject_en"] == "Jia Co."  # given on one of its figures
    assert by_subject["甲公司"]["name"] == "Output (Jia Co.)"
    assert by_subject["乙公司"]["subject_en"] is None  # none given: the name keeps the Chinese
    assert by_subject["乙公司"]["name"] == "Output (乙公司)"
    assert {r["name"] for r in section.records("zh")} == {"产值(甲公司)", "产值(乙公司)"}
