"""Properties of every derived number in `progress` and `compare`, over the accepted value range:
no input crashes them, approximate inputs give marked outputs, a list is never projected past
its end, and period on period pairs only periods of one length."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ganxian_cli.analysis.compare import compare
from ganxian_cli.analysis.progress import evaluate
from ganxian_cli.analysis.progress_view import sections
from ganxian_cli.model.models import Dataset
from ganxian_cli.model.periods import parse_period
from ganxian_cli.output.jsonout import dumps

EDGES = [Decimal(0), Decimal("0.0000000001"), Decimal("99999999999999"), Decimal(1)]
values = st.one_of(
    st.sampled_from(EDGES),
    st.decimals(min_value=0, max_value=Decimal("999999999999999"), places=2),
    st.decimals(min_value=0, max_value=Decimal(1000), places=10),
)
counts = st.integers(0, 10**14).map(Decimal)
growth = st.one_of(
    st.sampled_from([Decimal(-100), Decimal("-99.99"), Decimal(0), None]),
    st.decimals(min_value=-1000, max_value=1000, places=2),
)
qualifiers = st.sampled_from(["exact", "about", "nearly", "more_than"])
money = st.sampled_from(["元", "万元", "亿元"])
months = st.integers(1, 11)  # 2040-01..2040-12 is the year itself


def _figure(period: str, value: Decimal, **extra: Any) -> dict[str, Any]:
    return {"period": period, "value": value, **{k: v for k, v in extra.items() if v is not None}}


def _dataset(indicators: dict[str, Any], **rest: Any) -> Dataset:
    return Dataset.model_validate(
        {
            "schema_version": 1,
            "source": {"region": "r", "region_en": "r", "title": "t"},
            "themes": {"t": {"name": "t", "name_en": "t"}},
            "indicators": {
                k: {"name": k, "name_en": k, "theme": "t", **v} for k, v in indicators.items()
            },
            **rest,
        }
    )


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    """Amounts in any money unit, counts, growth rates and qualifiers of every kind, cumulative
    and single-month periods, forecasts and targets, with targets and all three relations."""
    m1 = draw(months)
    m2 = draw(st.integers(m1, 11))
    q = draw(qualifiers)
    amount = [
        _figure("2040", draw(values), status="target", qualifier=draw(qualifiers)),
        _figure(f"2040-01..2040-{m1:02d}", draw(values), yoy=draw(growth), qualifier=q,
                unit=draw(money)),
        _figure(f"2040-01..2040-{m2:02d}", draw(values), yoy=draw(growth),
                qualifier=draw(qualifiers)) if m2 > m1 else None,
        _figure(f"2040-{m2:02d}", draw(values), status="forecast", qualifier=draw(qualifiers)),
    ]  # fmt: skip
    count = [
        _figure("2040", draw(counts)),
        _figure(f"2040-01..2040-{m1:02d}", draw(counts), qualifier=draw(qualifiers)),
        _figure(f"2040-01..2040-{m2:02d}", draw(counts)) if m2 > m1 else None,
    ]
    return _dataset(
        {
            "amount": {"unit": "亿元", "observations": [f for f in amount if f]},
            "firms": {"unit": "户", "observations": [f for f in count if f]},
        },
        targets=[
            {"target": "amount@2040#target", "actual": "amount"},
            {"target": "firms@2040#actual", "actual": "firms"},
        ],
        relations=[
            {"kind": "share", "part": f"amount@2040-01..2040-{m1:02d}", "whole": "amount@2040"},
            {"kind": "per", "amount": f"amount@2040-01..2040-{m1:02d}",
             "count": f"firms@2040-01..2040-{m1:02d}"},
            {"kind": "sum", "parts": [f"amount@2040-01..2040-{m1:02d}", "amount@2040"]},
            {"kind": "share", "part": f"firms@2040-01..2040-{m1:02d}", "whole": "firms@2040"},
        ],
    )  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(datasets())
def test_every_derived_computation_is_total(dataset: Dataset) -> None:
    """No value the data file accepts makes progress or compare raise (yoy -100, 0, 1e-10…)."""
    results = evaluate(dataset)
    for section in sections(results):
        dumps(section.records("zh"))
    for section in compare(dataset):
        dumps(section.records("en"))


@settings(max_examples=40, deadline=None)
@given(datasets())
def test_a_fixed_list_is_never_projected_past_its_end(dataset: Dataset) -> None:
    for result in evaluate(dataset):
        if result.unit.symbol != "户":
            continue
        cap = max(result.goal.value, result.done.value)
        for run in (result.projection_june, result.projection_year):
            assert run is None or run.value <= cap


@settings(max_examples=40, deadline=None)
@given(datasets())
def test_derived_from_approximate_inputs_is_marked(dataset: Dataset) -> None:
    for section in compare(dataset):
        for row in section.records("en"):
            inputs = [v for k, v in row.items() if k.endswith("_qualifier") and k[:-10] in (
                "part", "whole", "amount", "count")]  # fmt: skip
            derived = row.get("share_qualifier") or (
                row.get("qualifier") if section.key == "per_unit" else None
            )
            if derived is not None and any(q != "exact" for q in inputs):
                assert derived != "exact", row
    for result in evaluate(dataset):
        approximate = result.done.qualifier != "exact" or result.goal.qualifier != "exact"
        if approximate and result.completion is not None:
            assert result.completion.qualifier != "exact"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 12), st.integers(0, 11)), min_size=1, max_size=8))
def test_period_on_period_pairs_periods_of_one_length(spans: list[tuple[int, int]]) -> None:
    periods = {(s, min(12, s + n)) for s, n in spans}
    dataset = _dataset(
        {
            "x": {
                "unit": "万元",
                "observations": [
                    _figure(f"2040-{s:02d}..2040-{e:02d}", Decimal(s * 10 + e))
                    for s, e in sorted(periods)
                ],
            }
        }
    )
    by_key = {s.key: s for s in compare(dataset)}
    for row in by_key["period_on_period"].records("en"):
        a, b = parse_period(row["from_period"]), parse_period(row["to_period"])
        assert a.end - a.start == b.end - b.start
        assert b.start == a.end + 1


EXTREMES = """schema_version = 1
[source]
region = "极值县"
region_en = "Extreme County"
title = "t"
[themes.t]
name = "t"
name_en = "t"
[indicators.big]
name = "大"
name_en = "big"
theme = "t"
unit = "亿元"
[[indicators.big.observations]]
period = "2040-01..2040-03"
value = 99999999999999
yoy = -100
[[indicators.big.observations]]
period = "2040"
value = 0
status = "target"
[indicators.tiny]
name = "小"
name_en = "tiny"
theme = "t"
unit = "万元"
[[indicators.tiny.observations]]
period = "2040-01..2040-03"
value = 0.0000000001
yoy = -99.99
[[indicators.tiny.observations]]
period = "2040"
value = 999999999999999
status = "target"
[[targets]]
target = "big@2040#target"
actual = "big"
[[targets]]
target = "tiny@2040#target"
actual = "tiny"
[[relations]]
kind = "share"
part = "big@2040-01..2040-03"
whole = "tiny@2040-01..2040-03"
[[relations]]
kind = "per"
amount = "big@2040-01..2040-03"
count = "tiny@2040-01..2040-03"
"""


def test_extreme_values_give_numbers_not_crashes(tmp_path, runner) -> None:
    """yoy -100, a share of 99999999999999亿元 over 0.0000000001万元, targets of 0 and 10^15."""
    import json

    from tests.conftest import invoke

    path = tmp_path / "x.toml"
    path.write_text(EXTREMES, encoding="utf-8")
    for command in ("progress", "compare"):
        for fmt in ("json", "csv", "markdown", "table"):
            result = invoke(runner, command, "--data", str(path), "--format", fmt)
            assert result.exit_code == 0, result.stderr
    doc = json.loads(invoke(runner, "compare", "--data", str(path), "--json").stdout)
    (share,) = doc["part_of_whole"]
    assert 9.99e29 < share["share_pct"] <= 1e30  # about 10^22 yuan over 10^-6 yuan, in percent
    assert doc["year_on_year"][0]["previous_implied"] is None  # no base after a -100 % fall
    progress = json.loads(invoke(runner, "progress", "--data", str(path), "--json").stdout)
    zero, huge = progress["targets"]
    assert zero["completion_pct"] is None and huge["completion_pct"] == 0


def _many(n: int) -> Dataset:
    indicators = {
        f"i{k}": {
            "unit": "万元",
            "observations": [
                *(_figure(f"2040-{m:02d}", Decimal(m + k)) for m in range(1, 7)),
                *(_figure(f"2040-01..2040-{m:02d}", Decimal(m * k + 1)) for m in range(2, 6)),
                _figure("2040", Decimal(10**6), status="target"),
            ],
        }
        for k in range(n)
    }
    return _dataset(
        indicators,
        targets=[{"target": f"i{k}@2040#target", "actual": f"i{k}"} for k in range(n)],
        relations=[{"kind": "share", "part": f"i{k}", "whole": f"i{k + 1}"} for k in range(n - 1)],
    )


def test_compare_and_progress_stay_near_linear() -> None:
    """Four times the figures and relations take about four times the work, not sixteen: the
    Python function calls made are counted (a count, unlike a time, is the same on any machine
    under any load)."""
    import sys

    def cost(n: int) -> int:
        dataset = _many(n)
        calls = 0

        def count(frame: object, event: str, arg: object) -> None:
            nonlocal calls
            calls += event == "call"

        sys.setprofile(count)
        try:
            sections(evaluate(dataset))
            compare(dataset)
        finally:
            sys.setprofile(None)
        return calls

    cost(5)  # warm up (caches filled once are no work of the size)
    small, large = cost(12), cost(48)
    assert large / small < 8, (small, large)
