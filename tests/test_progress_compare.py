"""双过半 progress and comparison tables: the article's arithmetic, verdicts over the year."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from ganxian_cli.analysis.compare import compare
from ganxian_cli.analysis.progress import evaluate, round2
from ganxian_cli.analysis.schedule import time_progress
from ganxian_cli.datafile.loader import load
from ganxian_cli.model.periods import Period

from .conftest import DATA, ROOT, TESTS, golden, invoke

YEAR = TESTS / "data" / "progress_region.toml"
OTHER = TESTS / "data" / "other_region.toml"


@pytest.fixture(scope="module")
def article():  # the shipped data set
    return load(str(DATA)).dataset


def _by_target(results):
    return {r.target_ref.split("@")[0]: r for r in results}


def test_article_progress_months_basis(article) -> None:
    results = _by_target(evaluate(article))
    invest = results["key_project_investment"]
    assert round2(invest.completion) == Decimal("70.12")
    assert round2(invest.time_progress) == Decimal("41.67")
    assert round2(invest.gap) == Decimal("28.45")
    assert invest.quoted_rate.quoted == Decimal("70.11") and invest.quoted_rate.consistent
    assert invest.quoted_gap.quoted == Decimal("28.44") and invest.quoted_gap.consistent
    assert invest.verdict == "ahead"
    started = results["key_projects"]
    assert round2(started.completion) == Decimal("95.65") and started.quoted_rate.consistent
    revenue = results["industrial_revenue"]
    assert round2(revenue.completion) == Decimal("31.51")
    assert round2(revenue.gap) == Decimal("-10.15")
    assert revenue.to_half == Decimal("92.44")
    assert revenue.verdict == "behind"
    assert revenue.pace_to_half == Decimal("92.44")  # one month left until 30 June
    assert round2(revenue.projection_june) == Decimal("189.07")


def test_article_progress_days_basis(article) -> None:
    revenue = _by_target(evaluate(article, basis="days"))["industrial_revenue"]
    assert round2(revenue.time_progress) == Decimal("41.37")  # 151 of 365 days
    assert round2(revenue.gap) == Decimal("-9.86")


def test_leap_year_days() -> None:
    jan_feb = Period(2024, 1, 2)
    assert round2(time_progress(jan_feb, "days")) == Decimal("16.39")  # 60 of 366
    assert round2(time_progress(Period(2023, 1, 2), "days")) == Decimal("16.16")  # 59 of 365
    assert round2(time_progress(jan_feb, "months")) == Decimal("16.67")


def test_a_quoted_rate_off_by_more_than_rounding_is_flagged(tmp_path: Path) -> None:
    text = DATA.read_text(encoding="utf-8").replace("value = 70.11", "value = 70.21")
    path = tmp_path / "x.toml"
    path.write_text(text, encoding="utf-8")
    invest = _by_target(evaluate(load(str(path)).dataset))["key_project_investment"]
    assert not invest.quoted_rate.consistent
    assert invest.quoted_rate.computed == Decimal("70.12")


@pytest.mark.parametrize(
    ("as_of", "verdict", "completion", "period"),
    [
        ("2031-03", "ahead", "30.00", "2031-Q1"),
        ("2031-04", "on_pace", "34.17", "2031-01..2031-04"),
        ("2031-05", "behind", "37.50", "2031-01..2031-05"),
        ("2031-06", "half_reached", "50.83", "2031-H1"),
        ("2031-08", "half_reached", "50.83", "2031-H1"),  # the latest actual before the month
        ("2031-12", "missed", "98.33", "2031"),
    ],
)
def test_verdicts_through_the_year(
    runner: CliRunner, as_of: str, verdict: str, completion: str, period: str
) -> None:
    result = invoke(runner, "progress", "--data", str(YEAR), "--as-of", as_of, "--json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout, parse_float=Decimal)
    output, parks = doc["targets"]
    assert (output["verdict"], output["completion_pct"], output["actual_period"]) == (
        verdict,
        Decimal(completion),
        period,
    )
    assert (
        parks["completion_pct"] is None and parks["verdict"] is None
    )  # zero target: no %, no error


def test_no_targets_for_another_year(runner: CliRunner) -> None:
    result = invoke(runner, "progress", "--data", str(YEAR), "--as-of", "2030-06", "--json")
    assert json.loads(result.stdout)["targets"] == []
    bad = invoke(runner, "progress", "--data", str(YEAR), "--as-of", "2031-13")
    assert bad.exit_code == 2 and "--as-of: no month 13 in '2031-13'" in bad.stderr
    worse = invoke(runner, "progress", "--data", str(YEAR), "--as-of", "June")
    assert worse.exit_code == 2 and "--as-of: expected YYYY-MM, not 'June'" in worse.stderr


@given(
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1e9"), places=2),
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1e9"), places=2),
    st.integers(1, 12),
)
def test_completion_and_gap_agree(done: Decimal, goal: Decimal, month: int) -> None:
    from ganxian_cli.model.models import Dataset

    data = {
        "schema_version": 1,
        "source": {"region": "r", "region_en": "r", "title": "t"},
        "themes": {"t": {"name": "t", "name_en": "t"}},
        "indicators": {
            "x": {
                "name": "x", "name_en": "x", "theme": "t", "unit": "亿元",
                "observations": [
                    {"period": "2040", "value": goal, "status": "target"},
                    {"period": f"2040-01..2040-{month:02d}", "value": done},
                ],
            }
        },
        "targets": [{"target": "x@2040#target", "actual": "x"}],
    }  # fmt: skip
    (result,) = evaluate(Dataset.model_validate(data))
    assert result.completion == 100 * done / goal
    assert result.gap == result.completion - result.time_progress
    assert result.to_half == max(Decimal(0), goal / 2 - done)
    assert (result.gap >= 0) == (result.completion >= result.time_progress)


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["progress", "--json"], "progress.json"),
        (["progress", "--color", "never", "--lang", "en"], "progress_en.txt"),
        (["compare", "--json"], "compare.json"),
        (["compare", "--format", "markdown"], "compare.md"),
    ],
)
def test_golden_outputs(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, args: list[str], name: str
) -> None:
    monkeypatch.chdir(ROOT)
    result = invoke(runner, *args, "--data", "data/indicators.toml")
    assert result.exit_code == 0, result.stderr
    golden(name, result.stdout)


def test_outputs_match_their_schemas(runner: CliRunner) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    for kind, data in (
        ("progress", DATA),
        ("progress", YEAR),
        ("compare", DATA),
        ("compare", OTHER),
    ):
        schema = json.loads(invoke(runner, "schema", kind).stdout)
        jsonschema.validate(
            json.loads(invoke(runner, kind, "--data", str(data), "--json").stdout), schema
        )


def test_compare_article_figures(article) -> None:
    sections = {s.key: s for s in compare(article)}
    (vat,) = [r for r in sections["per_unit"].rows if r["amount_value"] == "3.28亿元"]
    assert (vat["per_unit"], vat["unit"]) == (Decimal("95.9"), "万元")
    shares = {
        (r["part_value"], r["whole_value"]): r["share_pct"] for r in sections["part_of_whole"].rows
    }
    assert shares[("18个", "20个")] == Decimal("90.00")
    assert shares[("231.5亿元", "237亿元")] == Decimal("97.68")
    assert shares[("22个", "23个")] == Decimal("95.65")
    side = sections["side_by_side"].rows
    assert [str(r["in_unit"]) for r in side] == ["3.28", "1.2", "0.027482", "0.007855", "4.515337"]
    (output,) = [r for r in sections["year_on_year"].rows if r["indicator"] == "industrial_output"]
    assert (output["previous_implied"], output["change_implied"]) == (
        Decimal("98.58"),
        Decimal("35.29"),
    )
    forecasts = {r["forecast"]["en"]: r["ratio_pct"] for r in sections["forecast_vs_actual"].rows}
    assert forecasts["Jun 2022: 13个"] == Decimal("65.00")


def test_compare_periods_and_units_on_another_region() -> None:
    sections = {s.key: s for s in compare(load(str(OTHER)).dataset)}
    (row,) = sections["period_on_period"].rows
    # Q1 9.6亿元 against Jan-Apr 128000万元: converted to 亿元 before comparing
    assert (row["from"], row["to"], row["from_value"], row["to_value"]) == (
        "2031-Q1", "2031-01..2031-04", Decimal("9.6"), Decimal("12.8"),
    )  # fmt: skip
    assert row["change"] == Decimal("3.2") and row["monthly_pace"] == Decimal("3.200")
    (total_row,) = [r for r in sections["side_by_side"].rows if r["item"]["en"] == "Total"]
    assert total_row["value"] == "12个" and total_row["in_unit"] == Decimal(12)
