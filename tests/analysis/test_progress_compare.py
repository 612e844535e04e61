"""双过半 progress and comparison tables: the article's arithmetic, and verdicts, projections and
comparisons that stay right for any month, period shape, status and qualifier."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.analysis.compare import compare
from ganxian_cli.analysis.progress import evaluate, round2
from ganxian_cli.analysis.schedule import time_progress
from ganxian_cli.datafile.loader import load
from ganxian_cli.model.periods import Period, parse_period
from tests.conftest import DATA, ROOT, TESTS, golden, invoke

YEAR = TESTS / "data" / "progress_region.toml"
OTHER = TESTS / "data" / "other_region.toml"
OCTOBER = TESTS / "data" / "october_city.toml"
DECEMBER = TESTS / "data" / "december_city.toml"
LEAP = TESTS / "data" / "leap_city.toml"
ALL_DATA = (DATA, YEAR, OTHER, OCTOBER, DECEMBER, LEAP)


@pytest.fixture(scope="module")
def article():  # the shipped data set
    return load(str(DATA)).dataset


def _by_target(results):
    return {r.target_ref.split("@")[0]: r for r in results}


def _json(runner: CliRunner, *args: str) -> dict:
    result = invoke(runner, *args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout, parse_float=Decimal)


def _targets(runner: CliRunner, path: Path, *args: str) -> dict[str, dict]:
    doc = _json(runner, "progress", "--data", str(path), *args)
    return {t["indicator"]: t for t in doc["targets"]}


def _sections(path: Path) -> dict:
    return {s.key: s for s in compare(load(str(path)).dataset)}


# --- the shipped article ----------------------------------------------------------------------


def test_article_progress_months_basis(article) -> None:
    results = _by_target(evaluate(article))
    invest = results["key_project_investment"]
    assert invest.completion.shown() == Decimal("70.12")  # the source prints 70.11
    assert round2(invest.time_progress) == Decimal("41.67")
    assert invest.gap.shown() == Decimal("28.45")  # the source prints 28.44
    assert invest.quoted_rate.quoted == Decimal("70.11") and invest.quoted_rate.consistent
    assert invest.quoted_gap.quoted == Decimal("28.44") and invest.quoted_gap.consistent
    assert invest.verdict == "ahead"
    started = results["key_projects"]
    assert started.completion.shown() == Decimal("95.65") and started.quoted_rate.consistent
    revenue = results["industrial_revenue"]
    assert revenue.completion.shown() == Decimal("31.51")
    assert revenue.gap.shown() == Decimal("-10.15")
    assert revenue.to_half.shown() == Decimal("92.44")  # still needed in June for half
    assert revenue.verdict == "behind"
    assert revenue.pace_to_half.shown() == Decimal("92.44")  # one month left until 30 June
    assert revenue.projection_june.shown() == Decimal("189.07")


def test_article_headline(runner: CliRunner) -> None:
    doc = _json(runner, "progress", "--data", str(DATA))
    # the 23 projects to start are a fixed list: shown, not counted
    assert (doc["on_track"], doc["targets_total"]) == (1, 2)


def test_article_progress_days_basis(article) -> None:
    revenue = _by_target(evaluate(article, basis="days"))["industrial_revenue"]
    assert round2(revenue.time_progress) == Decimal("41.37")  # 151 of 365 days
    assert revenue.gap.shown() == Decimal("-9.86")


def test_leap_year_days() -> None:
    jan_feb = Period(2024, 1, 2)
    assert round2(time_progress(jan_feb, "days")) == Decimal("16.39")  # 60 of 366
    assert round2(time_progress(Period(2023, 1, 2), "days")) == Decimal("16.16")  # 59 of 365
    assert round2(time_progress(jan_feb, "months")) == Decimal("16.67")


def test_leap_year_file_by_days(runner: CliRunner) -> None:
    signings = _targets(runner, LEAP, "--as-of", "2028-02", "--basis", "days")["signings"]
    assert signings["time_progress_pct"] == Decimal("16.39")  # 60 of 366 days
    assert signings["completion_pct"] == Decimal("10.00")  # 6 of 60 signings
    assert signings["verdict"] == "behind"


def test_a_quoted_rate_off_by_more_than_rounding_is_flagged(tmp_path: Path) -> None:
    text = DATA.read_text(encoding="utf-8").replace("value = 70.11", "value = 70.21")
    path = tmp_path / "x.toml"
    path.write_text(text, encoding="utf-8")
    invest = _by_target(evaluate(load(str(path)).dataset))["key_project_investment"]
    assert not invest.quoted_rate.consistent
    assert invest.quoted_rate.computed == Decimal("70.12")


# --- verdicts all year --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "verdict", "completion", "period", "early"),
    [
        ("2031-03", "ahead", "30.0", "2031-Q1", False),  # 36 of 120, printed to 1亿元
        ("2031-04", "on_pace", "34.2", "2031-01..2031-04", False),
        ("2031-05", "behind", "37.5", "2031-01..2031-05", False),
        ("2031-06", "on_pace", "50.8", "2031-H1", False),  # half reached is a fact beside
        ("2031-08", "on_pace", "50.8", "2031-H1", True),  # judged in June, where data end
        ("2031-10", "behind", "66.7", "2031-01..2031-09", True),  # 66.67 against 75.00
        ("2031-12", "missed", "98.3", "2031", False),
    ],
)
def test_verdicts_through_the_year(
    runner: CliRunner, as_of: str, verdict: str, completion: str, period: str, early: bool
) -> None:
    doc = _json(runner, "progress", "--data", str(YEAR), "--as-of", as_of)
    output, parks = doc["targets"]
    assert (output["verdict"], output["completion_pct"], output["actual_period"]) == (
        verdict,
        Decimal(completion),
        period,
    )
    assert output["data_ends_before_as_of"] is early
    assert output["half_reached"] is (Decimal(completion) >= 50)
    assert parks["completion_pct"] is None and parks["verdict"] is None  # zero target: no %


def test_october_is_judged_against_time_progress(runner: CliRunner) -> None:
    """47 of 63 started by October is 74.60% against 83.33%: behind, even though past half."""
    doc = _json(runner, "progress", "--data", str(OCTOBER))
    started = {t["indicator"]: t for t in doc["targets"]}["projects_started"]
    assert (started["completion_pct"], started["time_progress_pct"]) == (
        Decimal("74.60"),
        Decimal("83.33"),
    )
    assert started["verdict"] == "behind" and started["on_track"] is False
    assert started["half_reached"] is True  # an extra fact, not the verdict
    assert (doc["on_track"], doc["targets_total"]) == (1, 2)
    table = invoke(runner, "progress", "--data", str(OCTOBER), "--format", "markdown").stdout
    assert "滞后序时进度 8.73 个百分点,已过半" in table
    assert "超序时进度 6.79 个百分点" in table


def test_december_gives_met_or_missed(runner: CliRunner) -> None:
    targets = _targets(runner, DECEMBER)
    assert targets["revenue"]["verdict"] == "met"
    assert targets["tax"]["verdict"] == "missed"
    assert targets["revenue"]["projection_year"] is None  # nothing left to project


def test_data_to_march_gets_the_march_verdict_in_december(runner: CliRunner) -> None:
    result = invoke(runner, "progress", "--data", str(DECEMBER), "--json")
    exports = {t["indicator"]: t for t in json.loads(result.stdout)["targets"]}["exports"]
    assert exports["verdict"] == "ahead" and exports["time_progress_pct"] == 25.0
    assert exports["data_end"] == "2034-03" and exports["data_ends_before_as_of"] is True
    assert "exports: data end in 2034-03" in result.stderr
    table = invoke(runner, "progress", "--data", str(DECEMBER), "--format", "markdown").stdout
    assert "2034年一季度\\*" in table and "数据只到该月" in table


def test_as_of_later_than_the_data_never_gives_a_full_year_verdict(runner: CliRunner) -> None:
    result = invoke(runner, "progress", "--data", str(DATA), "--as-of", "2022-12", "--json")
    doc = json.loads(result.stdout)
    assert [t["verdict"] for t in doc["targets"]] == ["ahead", None, "behind"]  # None: a list
    assert {t["data_end"] for t in doc["targets"]} == {"2022-05"}
    assert {t["time_progress_pct"] for t in doc["targets"]} == {41.67, None}  # None: a list
    assert "data end in 2022-05" in result.stderr and "missed" not in result.stdout


def test_each_target_is_judged_where_its_own_data_end(runner: CliRunner) -> None:
    targets = _targets(runner, LEAP, "--as-of", "2028-06")
    assert targets["signings"]["data_end"] == "2028-06"
    assert targets["signed_amount"]["data_end"] == "2028-05"
    assert targets["signed_amount"]["time_progress_pct"] == Decimal("41.67")


# --- projections --------------------------------------------------------------------------------


def test_a_count_of_planned_items_is_not_projected_past_the_list(
    runner: CliRunner, tmp_path: Path
) -> None:
    annual = tmp_path / "annual.toml"  # the starts as a plan accruing over the year
    annual.write_text(DATA.read_text(encoding="utf-8").replace('kind = "list"\n', ""), "utf-8")
    started = _targets(runner, annual)["key_projects_started"]
    assert started["projection_june"] == 23 and started["projection_year"] == 23
    assert started["projection_capped"] is True
    revenue = _targets(runner, DATA)["industrial_revenue"]  # amounts keep their run rate
    assert (revenue["projection_june"], revenue["projection_year"]) == (
        Decimal("189.07"),
        Decimal("378.14"),
    )


def test_no_projection_to_a_month_already_in_the_data(runner: CliRunner) -> None:
    investment = _targets(runner, OCTOBER)["investment"]
    assert investment["projection_june"] is None
    assert investment["projection_year"] == Decimal("216.30")


# --- compare ------------------------------------------------------------------------------------


def test_compare_article_figures(article) -> None:
    sections = {s.key: s for s in compare(article)}
    (vat,) = [r for r in sections["per_unit"].records("en") if r["amount_value"] == Decimal("3.28")]
    assert (vat["per_unit"], vat["unit"]) == (Decimal("95.9"), "万元")
    shares = {
        (r["part_value"], r["whole_value"]): r["share_pct"]
        for r in sections["part_of_whole"].records("zh")
    }
    assert shares[(18, 20)] == Decimal("90.00")
    assert shares[(Decimal("231.5"), 237)] == Decimal("97.7")  # 237 is printed to 1亿元
    assert shares[(22, 23)] == Decimal("95.65")
    side = sections["side_by_side"].records("en")
    assert [str(r["converted"]) for r in side] == ["3.28", "1.2", "0.027482", "0.007855", "4.5"]
    (output,) = [r for r in sections["year_on_year"].rows if r["indicator"] == "industrial_output"]
    assert (output["previous_implied"], output["change_implied"]) == (
        Decimal("98.58"),
        Decimal("35.29"),
    )


def test_forecast_only_against_the_actual_of_its_own_period(article) -> None:
    """The June forecast of 13 signings is not divided by the January–May total of 20."""
    assert compare(article)[-1].rows == []
    (row,) = _sections(LEAP)["forecast_vs_actual"].records("en")
    assert (row["period"], row["forecast_value"], row["actual_value"]) == ("2028-06", 13, 11)
    assert row["actual_derived"] is True and row["ratio_pct"] == Decimal("118.18")


def test_period_on_period_only_between_periods_of_the_same_length() -> None:
    sections = _sections(OCTOBER)
    rows = sections["period_on_period"].records("zh")
    assert all(_length(r["from_period"]) == _length(r["to_period"]) == r["months"] for r in rows)
    assert not [r for r in rows if r["indicator"] == "projects_started"]  # 1–10月 vs 10月
    (growth,) = rows  # a rate changes in points, never in percent of a percentage
    assert (growth["change"], growth["change_unit"], growth["change_pct"]) == (
        Decimal("-0.6"),
        "个百分点",
        None,
    )


def test_a_single_month_is_derived_from_two_cumulative_figures() -> None:
    derived = _sections(LEAP)["derived_periods"].records("en")
    june = [r for r in derived if r["period"] == "2028-06"]
    assert june == [
        {
            "indicator": "signings", "name": "Projects signed", "status": "actual",
            "subject": None, "subject_en": None, "period": "2028-06", "from_period": "2028-H1",
            "minus_period": "2028-01..2028-05", "value": 11, "unit": "个", "qualifier": "exact",
            "note": None,
        }
    ]  # fmt: skip
    other = _sections(OTHER)
    assert other["period_on_period"].rows == []  # Q1 against Jan–Apr: not alike
    (april,) = other["derived_periods"].records("en")
    assert (april["period"], april["value"], april["unit"]) == ("2031-04", Decimal("3.2"), "亿元")


def test_derived_from_approximate_figures_says_so_in_every_format(runner: CliRunner) -> None:
    sections = _sections(OCTOBER)
    (per,) = sections["per_unit"].records("zh")  # 约1.2亿元 over 400余户
    assert (per["per_unit"], per["unit"], per["qualifier"]) == (30, "万元", "about")
    (share,) = sections["part_of_whole"].records("zh")  # 400余户 of 近500家
    assert (share["share_pct"], share["share_qualifier"]) == (80, "more_than")
    md = invoke(runner, "compare", "--data", str(OCTOBER), "--format", "markdown").stdout
    assert "约30万元" in md and "逾80" in md and "逾400户" in md and "近500家" in md
    en = invoke(runner, "compare", "--data", str(OCTOBER), "--format", "csv", "--lang", "en")
    rows = list(csv.DictReader(io.StringIO(en.stdout)))
    assert {r["qualifier"] for r in rows if r["section"] == "per_unit"} == {"about"}


def test_no_false_precision(article) -> None:
    """A forecast share of an "about" figure: 170 of 约180.3 is 约94.3 %, not 94.29 %."""
    shares = compare(article)[3].records("zh")
    (row,) = [r for r in shares if r["whole_value"] == Decimal("180.3")]
    assert (row["share_pct"], row["share_qualifier"], row["status"]) == (
        Decimal("94.3"),
        "about",
        "forecast",
    )


def test_targets_and_forecasts_stay_marked(runner: CliRunner) -> None:
    md = invoke(runner, "compare", "--data", str(DATA), "--format", "markdown").stdout
    assert "83.19亿元(目标)" in md and "27.74(按计划)" in md and "约94.3(预计)" in md


def test_chinese_tables_speak_chinese(runner: CliRunner) -> None:
    md = invoke(runner, "compare", "--data", str(OCTOBER), "--format", "markdown").stdout
    assert "| 实际 |" in md and "actual" not in md
    table = invoke(runner, "progress", "--data", str(DATA), "--color", "never").stdout
    assert "超序时进度 28.45 个百分点" in table and "滞后序时进度 10.15 个百分点" in table


# --- machine output -----------------------------------------------------------------------------


def test_machine_output_has_plain_fields(runner: CliRunner) -> None:
    doc = _json(runner, "progress", "--data", str(DATA), "--lang", "en")
    invest = doc["targets"][0]
    assert (invest["actual_value"], invest["target_value"], invest["unit"]) == (
        Decimal("58.33"),
        Decimal("83.19"),
        "亿元",
    )
    assert invest["name"] == "Key-project investment completed against the annual plan"
    assert doc["schema_version"] == 6
    text = invoke(runner, "progress", "--data", str(DATA), "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sum(Decimal(r["needed_for_full"]) for r in rows) == Decimal("368.30")
    compared = invoke(runner, "compare", "--data", str(DATA), "--json").stdout
    assert "9条" not in compared and '"part_value": 9,' in compared
    assert json.loads(compared)["schema_version"] == 6


def test_outputs_match_their_schemas(runner: CliRunner) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validators = {
        k: jsonschema.Draft202012Validator(json.loads(invoke(runner, "schema", k).stdout))
        for k in ("progress", "compare", "report")
    }
    for data in ALL_DATA:
        for kind in ("progress", "compare"):
            for lang in ("zh", "en") if data == OCTOBER else ("zh",):
                args = (kind, "--data", str(data), "--json", "--lang", lang)
                validators[kind].validate(json.loads(invoke(runner, *args).stdout))
    report = json.loads(invoke(runner, "report", "--data", str(DATA), "--json").stdout)
    validators["report"].validate(report)
    assert report["progress"]["targets"][0]["completion_pct"] == 70.12


def test_committed_output_schemas_are_up_to_date(runner: CliRunner) -> None:
    for kind in ("progress", "compare", "report"):
        path = ROOT / "docs" / "schemas" / f"{kind}.schema.json"
        assert invoke(runner, "schema", kind).stdout == path.read_text(encoding="utf-8"), (
            f"run: ganxian schema {kind} > {path}"
        )


def test_report_machine_output_includes_the_progress_section(runner: CliRunner) -> None:
    text = invoke(runner, "report", "--data", str(DATA), "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    progress = [r for r in rows if r["section"] == "progress"]
    assert [r["completion_pct"] for r in progress] == ["70.12", "95.65", "31.51"]
    filtered = _json(runner, "report", "--data", str(DATA), "--theme", "industry")
    assert filtered["progress"] is None


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["progress", "--json"], "progress.json"),
        (["progress", "--format", "csv"], "progress.csv"),
        (["progress", "--color", "never", "--lang", "en"], "progress_en.txt"),
        (["progress", "--color", "never"], "progress_zh.txt"),
        (["compare", "--json"], "compare.json"),
        (["compare", "--format", "csv", "--lang", "en"], "compare.csv"),
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


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["progress", "--data", "tests/data/october_city.toml", "--json"], "progress_october.json"),
        (["compare", "--data", "tests/data/october_city.toml", "--json"], "compare_october.json"),
        (["progress", "--data", "tests/data/december_city.toml", "--format", "markdown"],
         "progress_december.md"),
        (["compare", "--data", "tests/data/leap_city.toml", "--format", "markdown", "--lang", "en"],
         "compare_leap_en.md"),
    ],
)  # fmt: skip
def test_golden_other_years(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, args: list[str], name: str
) -> None:
    monkeypatch.chdir(ROOT)
    result = invoke(runner, *args)
    assert result.exit_code == 0, result.stderr
    golden(name, result.stdout)


# --- empty answers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "--period", "2023"], "no figure matches --period 2023"),
        (["progress", "--as-of", "2021-06"], "no target has year-to-date data up to 2021-06"),
        (["progress", "--as-of", "2021-06", "--format", "markdown"], "up to 2021-06"),
    ],
)
def test_an_empty_answer_says_so_on_stderr(
    runner: CliRunner, args: list[str], message: str
) -> None:
    result = invoke(runner, *args, "--data", str(DATA))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert message in result.stderr


def test_an_empty_json_answer_is_still_a_document(runner: CliRunner) -> None:
    result = invoke(runner, "progress", "--data", str(YEAR), "--as-of", "2030-06", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["targets"] == []
    assert "no target has year-to-date data up to 2030-06" in result.stderr
    bad = invoke(runner, "progress", "--data", str(YEAR), "--as-of", "2031-13")
    assert bad.exit_code == 2 and "--as-of: no month 13 in '2031-13'" in bad.stderr
    worse = invoke(runner, "progress", "--data", str(YEAR), "--as-of", "June")
    assert worse.exit_code == 2 and "--as-of: expected YYYY-MM, not 'June'" in worse.stderr


def _length(period: str) -> int:
    p = parse_period(period)
    return p.end - p.start + 1
