"""The comparison rows hold only machine fields (and the entries they came from); every record
and every cell a table shows must read as the reference code (`reference_compare`, which kept
a display object per cell and computed with `Num`) gave it, in both languages."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ganxian_cli.analysis.compare import compare, percent, period_change
from ganxian_cli.analysis.derived import AMOUNT_PLACES, Num, _step
from ganxian_cli.analysis.results import Section
from ganxian_cli.datafile.loader import load
from ganxian_cli.model.intervals import Interval
from ganxian_cli.model.models import Dataset
from ganxian_cli.model.refs import Resolved
from ganxian_cli.model.units import UNITS, Kind
from ganxian_cli.output.jsonout import dumps
from ganxian_cli.output.regions import merged, region_of, tagged
from ganxian_cli.output.sections import row_cells, to_csv

from . import reference_compare
from .conftest import DATA, ROOT, TESTS


def _bench_scale() -> ModuleType:
    """scripts/bench_scale.py, whose generator makes valid files of any size."""
    path = ROOT / "scripts" / "bench_scale.py"
    spec = importlib.util.spec_from_file_location("bench_scale", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FILES = [DATA, *sorted((TESTS / "data").glob("*.toml"))]


def _same(new: list[Section], old: list[Section]) -> None:
    assert [s.key for s in new] == [s.key for s in old]
    for a, b in zip(new, old, strict=True):
        assert (a.zh, a.en, a.note_zh, a.note_en, a.fields) == (b.zh, b.en, b.note_zh, b.note_en,
                                                                b.fields)  # fmt: skip
        assert len(a.rows) == len(b.rows), a.key
        for lang in ("zh", "en"):
            assert dumps(a.records(lang)) == dumps(b.records(lang)), (a.key, lang)
            assert a.records(lang) == b.records(lang)
            shown_a, shown_b = a.shown(lang), b.shown(lang)
            assert [c.label(lang) for c in shown_a.columns] == [
                c.label(lang) for c in shown_b.columns
            ]
            assert [(c.key, c.numeric, c.only) for c in shown_a.columns] == [
                (c.key, c.numeric, c.only) for c in shown_b.columns
            ]
            for row_a, row_b in zip(a.rows, b.rows, strict=True):
                assert row_cells(shown_a, row_a, lang) == row_cells(shown_b, row_b, lang), a.key


def _generated(shape: str) -> Dataset:
    return Dataset.model_validate(_toml(_bench_scale().generate(shape, 2, 3)))


def _toml(text: str) -> dict[str, object]:
    import tomllib

    return tomllib.loads(text, parse_float=Decimal)


@pytest.mark.parametrize("path", FILES, ids=lambda p: Path(p).name)
def test_rows_read_as_the_reference_gave_them(path: Path) -> None:
    loaded = load(str(path))
    if loaded.dataset is None:
        pytest.skip("not a loadable data file")
    dataset = loaded.dataset
    _same(compare(dataset), reference_compare.compare(dataset))


@pytest.mark.parametrize("shape", ["deep", "wide"])
def test_generated_files_read_as_the_reference_gave_them(shape: str) -> None:
    dataset = _generated(shape)
    new, old = compare(dataset), reference_compare.compare(dataset)
    assert sum(len(s.rows) for s in new) > 50
    _same(new, old)


def test_several_files_read_as_the_reference_gave_them() -> None:
    datasets = [load(str(p)).dataset for p in (DATA, TESTS / "data" / "october_city.toml")]
    new = merged([tagged(compare(d), region_of(d)) for d in datasets if d])
    old = merged([tagged(reference_compare.compare(d), region_of(d)) for d in datasets if d])
    _same(new, old)
    for lang in ("zh", "en"):
        assert to_csv(new, lang) == to_csv(old, lang)


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
    assert str(percent(part.value, lo, hi, whole)) == str(ratio.scale(Decimal(100)).shown())


def _old_num_of(found: Any, unit: Any = None) -> Num:
    """`Num.of` as it was written before its branches were reordered (the reference)."""
    figure, printed = found.figure, found.unit
    value = figure.value
    qualifier = figure.qualifier
    if qualifier == "about":
        step = _step(value)
        span = Interval(value - step, value + step)
    elif qualifier == "nearly":
        span = Interval(value - _step(value), value)
    elif qualifier == "more_than":
        span = Interval(value, value + _step(value))
    else:
        exact = printed.kind is Kind.COUNT or figure.status == "target"
        span = Interval.exact(value) if exact else Interval.printed(value)
    target = unit or printed
    if target.symbol != printed.symbol:
        factor = printed.scale / target.scale
        value, span = value * factor, span.scale(factor)
    return Num(value, span, figure.qualifier, figure.status, False, AMOUNT_PLACES, False)


@pytest.mark.parametrize("path", FILES, ids=lambda p: Path(p).name)
def test_num_of_every_figure_is_as_it_was(path: Path) -> None:
    dataset = load(str(path)).dataset
    assert dataset is not None
    checked = 0
    for ident, indicator in dataset.indicators.items():
        for found in Resolved.each_of(ident, indicator):
            family = [u for u in UNITS.values() if u.family == found.unit.family]
            for unit in [None, found.unit, *family]:
                assert repr(Num.of(found, unit)) == repr(_old_num_of(found, unit))
                checked += 1
    assert checked
