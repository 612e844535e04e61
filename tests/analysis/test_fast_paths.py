"""The fast paths of the checks agree with the slow readings they stand in for.

Each shortcut is compared with the full reading on generated inputs, and what whole checks
report on slightly broken variants of every data file in the repository is pinned by golden
files, so a speed-up cannot change what `validate` reports.
"""

from __future__ import annotations

import copy
import random
import tomllib
from collections.abc import Callable, Iterator
from decimal import Decimal, localcontext
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from ganxian_cli.analysis.checks import quotes as quote_checks
from ganxian_cli.analysis.checks import series as series_checks
from ganxian_cli.analysis.checks import sources as source_checks
from ganxian_cli.analysis.checks import values as value_checks
from ganxian_cli.analysis.checks.collector import Collector
from ganxian_cli.datafile.loader import Loaded
from ganxian_cli.errors import Problem
from ganxian_cli.model import numerals, refs, wording
from ganxian_cli.model.intervals import Interval, places
from ganxian_cli.model.models import Dataset
from ganxian_cli.model.numerals import normalize, occurrences, plain, unit_pattern
from ganxian_cli.model.refs import Resolved
from ganxian_cli.model.units import get_unit
from tests.conftest import ROOT, golden

FILES = [*sorted((ROOT / "tests" / "data").rglob("*.toml")), ROOT / "data" / "indicators.toml"]
UNITS = ["亿元", "万元", "元", "%", "个百分点", "个", "亩", "万亩", "人", "家", "位"]
FRAGMENTS = [
    *("12", "3", "0", "5", "1000", "1,000", "12.5", "3.40", ".", ",", "-", "１２", "，", " "),
    *("亿元", "万元", "亿", "万", "元", "%", "％", "个", "个百分点", "百分点", "亩", "人", "家"),
    *("增长", "下降", "同比", "负增长", "减少", "约", "近", "余", "多", "以上", "左右", "超过"),
    *("累计", "完成", "实现", "一", "十二", "千", "两", "三", "分别", "、", "和", "达", "签"),
]
quotes = st.lists(st.sampled_from(FRAGMENTS), max_size=9).map("".join)
values = st.sampled_from(["12", "3", "0", "-0", "5", "1000", "12.5", "3.40", "-12", "-3"]).map(
    Decimal
)


# --- the quote readings -----------------------------------------------------------------------


@st.composite
def figures_in_quotes(draw: st.DrawFn) -> tuple[str, Decimal, str]:
    """A quote built around the figure (as most are), with words and slips around it."""
    value, unit = draw(values), draw(st.sampled_from(UNITS))
    size = plain(abs(value))
    number = draw(st.sampled_from([size, plain(value), f"-{size}", f"1{size}", f"{size}0"]))
    unit_text = draw(st.sampled_from([unit, unit[:1], f"{unit}余", f"多{unit}", "%", "个"]))
    words = st.lists(st.sampled_from(FRAGMENTS), max_size=4).map("".join)
    return draw(words) + number + unit_text + draw(words), value, unit


def _full_reading_ok(quote: str, value: Decimal, unit_symbol: str) -> bool:
    """What `_check_value` decides without its shortcut: no G210, G212 or G214."""
    unit = get_unit(unit_symbol)
    found = occurrences(quote, value, unit)
    signed = [o for o in found if quote_checks._sign_fits(o, value, unit)]
    return any(not wording.qualifiers_at(o) for o in signed)


@settings(max_examples=500, deadline=None)
@given(st.one_of(figures_in_quotes(), st.tuples(quotes, values, st.sampled_from(UNITS))))
def test_a_plainly_shown_figure_passes_the_full_reading(case: tuple[str, Decimal, str]) -> None:
    quote, value, unit = case
    text = normalize(quote)
    if wording.plainly_shown(text, value, unit_pattern(get_unit(unit))):
        assert _full_reading_ok(quote, value, unit)


@pytest.mark.parametrize(
    ("quote", "value", "unit"),
    [
        ("累计完成12亿元", "12", "亿元"),
        ("下降-3.2%", "-3.2", "%"),
        ("-3.2%", "-3.2", "%"),
        ("完成 1000 个", "1000", "个"),
        ("实现12亿元，同比增长5%", "12", "亿元"),
    ],
)
def test_the_common_quotes_take_the_shortcut(quote: str, value: str, unit: str) -> None:
    """The shortcut is not vacuous: these quotes are settled by it."""
    units = unit_pattern(get_unit(unit))
    assert wording.plainly_shown(normalize(quote), Decimal(value), units)
    assert _full_reading_ok(quote, Decimal(value), unit)


_FULL_WIDTH_TEXT = st.text(alphabet="ab 1２，．％\u3000\t\n增长－（）:", max_size=12)


@settings(max_examples=300, deadline=None)
@given(_FULL_WIDTH_TEXT)
def test_normalize_equals_the_full_translation(text: str) -> None:
    assert normalize(text) == numerals.compact(text).translate(numerals._FULL_WIDTH)


@settings(max_examples=300, deadline=None)
@given(quotes, values, st.sampled_from(UNITS))
def test_spellings_that_cannot_stand_in_a_text_are_not_looked_for(
    quote: str, value: Decimal, unit: str
) -> None:
    text, units, size = normalize(quote), unit_pattern(get_unit(unit)), abs(value)
    every = numerals._find(text, numerals.spellings(size), units)
    assert numerals._find(text, numerals._spellings_in(text, size), units) == every


# --- numbers and intervals ------------------------------------------------------------------

decimals = st.decimals(allow_nan=False, allow_infinity=False, places=None).filter(
    lambda d: d.is_finite() and abs(d.adjusted()) < 20
)


@settings(max_examples=150, deadline=None)
@given(decimals)
def test_places_and_printed_spans_as_before(value: Decimal) -> None:
    exponent = value.as_tuple().exponent
    assert places(value) == exponent
    half = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0) / 2
    printed = Interval.printed(value)
    assert (printed.lo, printed.hi) == (value - half, value + half)
    assert str(printed.lo) == str(value - half) and str(printed.hi) == str(value + half)


@settings(max_examples=100, deadline=None)
@given(decimals, decimals, decimals, decimals)
def test_division_as_before(a: Decimal, b: Decimal, c: Decimal, d: Decimal) -> None:
    left, right = Interval(min(a, b), max(a, b)), Interval(min(c, d), max(c, d))
    found = left.divide(right)
    if right.lo <= 0 <= right.hi:
        assert found is None
        return
    with localcontext() as ctx:
        ctx.prec = 34
        quotients = [x / y for x in (left.lo, left.hi) for y in (right.lo, right.hi)]
    assert found is not None
    assert (str(found.lo), str(found.hi)) == (str(min(quotients)), str(max(quotients)))


# --- references -------------------------------------------------------------------------------


def _datasets() -> Iterator[Dataset]:
    for path in FILES:
        yield Dataset.model_validate(tomllib.loads(path.read_text("utf-8"), parse_float=Decimal))


def test_partners_are_the_pairs_of_one_figure() -> None:
    rng = random.Random(5)
    for dataset in _datasets():
        indexed = [refs.resolve_all(dataset, ident) for ident in dataset.indicators]
        everything = [r for found in indexed for r in found]
        for _ in range(100):
            figure = rng.choice(everything)
            some = rng.sample(everything, min(len(everything), rng.randint(0, 4)))
            left = rng.choice([rng.choice(indexed), some])
            expected = [a for a, _b in refs.pairs(left, [figure])]
            assert refs.partners(left, figure) == expected


def test_actuals_by_key_are_what_a_scan_finds() -> None:
    """`actual_for` (now a look-up by key) finds the first counting actual of the period."""
    for dataset in _datasets():
        for ident, indicator in dataset.indicators.items():
            for figure in indicator.observations:
                scanned = next(
                    (
                        Resolved(ident, indicator, i, f)
                        for i, f in enumerate(indicator.observations)
                        if f.period == figure.period
                        and f.status == "actual"
                        and not dataset.superseded(ident, i)
                    ),
                    None,
                )
                assert refs.actual_for(dataset, ident, figure.period) == scanned


# --- whole checks on broken variants of every data file -------------------------------------


def _check_ranks_figures(c: Collector) -> None:
    value_checks.check_ranks(c)
    c.problems[:] = [p for p in c.problems if p.code == "G204"]


def _check_cumulative_codes(c: Collector) -> None:
    series_checks.check_cumulative(c)
    c.problems[:] = [
        Problem(p.code, "", p.file, p.line, p.column, p.path, p.severity) for p in c.problems
    ]


CHECKS: list[Callable[[Collector], None]] = [
    value_checks.check_values,
    value_checks.check_duplicates,
    source_checks.check_figure_sources,
    _check_ranks_figures,
    _check_cumulative_codes,
    quote_checks.check_provenance,
]


def _mutate(figure: dict[str, Any], rng: random.Random, sources: list[str]) -> None:
    """One slip a person could make in a figure's table."""
    what = rng.randrange(9)
    value = Decimal(str(figure.get("value", 1)))
    if what == 0:
        figure["quote"] = "".join(rng.choices(FRAGMENTS, k=rng.randint(0, 7)))
    elif what == 1:
        quote = figure.get("quote", "")
        cut = rng.randint(0, len(quote))
        figure["quote"] = quote[:cut] + rng.choice(FRAGMENTS) + quote[cut:]
    elif what == 2:
        figure["value"] = rng.choice([-value, value * 10, value / 10, Decimal(0), value + 1])
    elif what == 3:
        figure["qualifier"] = rng.choice(["exact", "more_than", "nearly", "about"])
    elif what == 4:
        figure["unit"] = rng.choice(UNITS)
    elif what == 5:
        figure["source"] = rng.choice([*sources, "nowhere"])
    elif what == 6:
        figure["period"] = rng.choice(["2022", "2022-06", "2022-H1", "2022-01..2022-05"])
    elif what == 7:
        figure["yoy"] = rng.choice([Decimal("5.2"), Decimal("-3"), Decimal("-120")])
    else:
        figure["subject"] = rng.choice(["甲", "乙"])


def _variants(path: Path, count: int, rng: random.Random) -> Iterator[Dataset]:
    data = tomllib.loads(path.read_text("utf-8"), parse_float=Decimal)
    sources = list(data.get("sources", {}))
    made = 0
    while made < count:
        variant = copy.deepcopy(data)
        indicators = list(variant.get("indicators", {}).values())
        for _ in range(rng.randint(1, 6)):
            indicator = rng.choice(indicators)
            observations = indicator.setdefault("observations", [])
            if not observations:
                continue
            figure = rng.choice(observations)
            if rng.random() < 0.15:
                observations.append(copy.deepcopy(figure))  # a figure entered twice
            elif rng.random() < 0.1:
                indicator["signed"] = not indicator.get("signed", False)
            elif rng.random() < 0.1:
                indicator["unit"] = rng.choice(UNITS)
            else:
                _mutate(figure, rng, sources)
        try:
            yield Dataset.model_validate(variant)
        except ValidationError:
            continue
        made += 1


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_checks_on_broken_variants_report_as_pinned(path: Path) -> None:
    rng = random.Random(path.name)
    lines: list[str] = []
    for n, dataset in enumerate(_variants(path, 25, rng)):
        loaded = Loaded(dataset, "x.toml", "")
        for check in CHECKS:
            c = Collector(loaded)
            check(c)
            lines += [f"{n} {check.__name__} {p.code} {p.path} {p.message}" for p in c.problems]
    assert lines  # the variants are broken enough to test something
    golden(f"generated/checks_{path.stem}.txt", "\n".join(lines) + "\n")


def test_a_minus_after_a_point_is_no_sign_for_the_shortcut_either() -> None:
    """.-12亿元: the dash follows a point, so neither reading takes it as the figure's minus."""
    quote, value = ".-12亿元", Decimal("-12")
    assert not wording.plainly_shown(normalize(quote), value, unit_pattern(get_unit("亿元")))
    assert not _full_reading_ok(quote, value, "亿元")
