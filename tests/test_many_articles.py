"""Issue 10: many articles per file — sources, declared and new built-in units, `within`."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.analysis.checks.registry import all_problems
from ganxian_cli.datafile.loader import load, parse_text
from ganxian_cli.model.numerals import occurrences
from ganxian_cli.model.units import UnknownUnitError, convert, get_unit

from .conftest import TESTS, invoke

DATA = TESTS / "data"
JUNE_JULY = DATA / "articles" / "june_july.toml"
UNITS = DATA / "units_2033.toml"


def _codes(path: Path) -> list[str]:
    return [p.code for p in all_problems(load(str(path)))]


def _copy_articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(DATA / "articles", folder)
    return folder / "june_july.toml"


# --- units -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "source", "target", "expected"),
    [
        ("1.5", "亿千瓦时", "万千瓦时", "15000"),
        ("3", "公顷", "亩", "45"),
        ("1", "平方公里", "公顷", "100"),
        ("666", "平方米", "亩", "0.999"),
        ("2500", "公斤", "吨", "2.5"),
        ("4.6", "万头", "头", "46000"),
        ("86.3", "万人次", "人次", "863000"),
    ],
)
def test_new_units_convert_exactly(value: str, source: str, target: str, expected: str) -> None:
    assert convert(Decimal(value), source, target) == Decimal(expected)


@pytest.mark.parametrize(
    ("a", "b"), [("亿千瓦时", "万千瓦"), ("千瓦时", "千瓦"), ("万人次", "万人"), ("位", "个")]
)
def test_energy_is_not_power_and_visits_are_not_people(a: str, b: str) -> None:
    with pytest.raises(ValueError, match="cannot convert"):
        convert(Decimal(1), a, b)


def test_a_rank_takes_no_arithmetic() -> None:
    with pytest.raises(ValueError, match="rank"):
        convert(Decimal(3), "位", "位")


def test_alias_du_is_kilowatt_hours() -> None:
    assert occurrences("全年用电1200万度", Decimal(1200), get_unit("万千瓦时"))


def test_quote_check_does_not_find_power_inside_energy() -> None:
    assert not occurrences("发电量1.5万千瓦时", Decimal("1.5"), get_unit("万千瓦"))


def test_file_with_new_and_declared_units_validates_and_converts(runner: CliRunner) -> None:
    assert _codes(UNITS) == []
    result = invoke(runner, "compare", "--data", str(UNITS), "--json")
    assert result.exit_code == 0
    share = json.loads(result.stdout)["part_of_whole"][0]
    assert share["share_pct"] == 63  # 300 亩 of 32 公顷 (480 亩): 62.5, but 32 is ±0.5


def test_declared_unit_is_known_only_to_its_file() -> None:
    with pytest.raises(UnknownUnitError, match="declare others in"):
        get_unit("万标箱")
    loaded = load(str(UNITS))
    indicator = loaded.dataset.indicators["port_boxes"]
    assert indicator.base.family == "containers"
    assert indicator.base.scale == 10000
    assert indicator.unit_of(indicator.observations[1]).symbol == "标箱"


def _units_text(old: str, new: str) -> str:
    text = UNITS.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def test_a_declared_unit_may_not_redefine_a_built_in_one(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(_units_text('[units."标箱"]', '[units."万吨"]'), encoding="utf-8")
    result = invoke(runner, "validate", str(path))
    assert result.exit_code == 1
    assert "units: unit 万吨 is built in and cannot be redefined" in result.stdout


def test_an_undeclared_unit_is_still_unknown(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(_units_text('[units."万标箱"]', '[units."万箱"]'), encoding="utf-8")
    result = invoke(runner, "validate", str(path))
    assert result.exit_code == 1
    assert "error[G101]" in result.stdout and '"万标箱"' in result.stdout


def test_counts_in_ten_thousands_may_have_decimals_but_ranks_not(tmp_path: Path) -> None:
    path = tmp_path / "rank.toml"
    text = _units_text("value = 3\n", "value = 3.5\n")
    path.write_text(text, encoding="utf-8")
    assert _codes(path) == ["G204", "G210"]  # 4.6万头, 86.3万人次 are fine; rank 3.5 is not


def test_a_rank_in_a_relation_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rank.toml"
    text = _units_text('whole = "land_supplied"', 'whole = "gdp_rank"')
    path.write_text(text, encoding="utf-8")
    assert "G203" in _codes(path)


def test_declared_units_survive_fmt(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "units.toml"
    shutil.copy(UNITS, path)
    assert invoke(runner, "fmt", "--check", str(path)).exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert '[units."万标箱"]\nfamily = "containers"\nfactor = 10000\n' in text


# --- within ------------------------------------------------------------------------------------


def test_within_accepts_parts_short_of_the_whole_and_refuses_more(tmp_path: Path) -> None:
    path = tmp_path / "within.toml"
    path.write_text(_units_text("value = 8100\n", "value = 23600\n"), encoding="utf-8")
    assert _codes(path) == ["G210", "G302"]  # 2.36万 > 2.35万标箱 (and the quote says 8100)


# --- sources -----------------------------------------------------------------------------------


def test_june_and_july_each_checked_against_its_own_text(tmp_path: Path) -> None:
    path = _copy_articles(tmp_path)
    assert _codes(path) == []
    # July's revised figure is not in June's article: moving it there is caught
    text = path.read_text(encoding="utf-8")
    head, _, tail = text.rpartition('source = "jul"')  # the port figure
    path.write_text(head + 'source = "jun"' + tail, encoding="utf-8")
    problems = all_problems(load(str(path)))
    assert [p.code for p in problems] == ["G211"]
    assert "text of jun" in problems[0].message


def test_two_articles_may_cover_the_same_months() -> None:
    dataset = load(str(JUNE_JULY)).dataset
    figures = dataset.indicators["output_value"].observations
    assert [str(f.period) for f in figures[:2]] == ["2031-01..2031-05"] * 2
    assert [dataset.source_of(f) for f in figures[:2]] == ["jun", "jul"]


def test_the_same_article_twice_for_the_same_months_is_a_duplicate(tmp_path: Path) -> None:
    text = JUNE_JULY.read_text(encoding="utf-8").replace('source = "jul"', 'source = "jun"', 1)
    path = tmp_path / "dup.toml"
    path.write_text(text.replace('text = "jun.txt"\n', "").replace('text = "jul.txt"\n', ""))
    assert _codes(path) == ["G202"]


def test_a_figure_must_name_one_of_several_sources(tmp_path: Path) -> None:
    path = _copy_articles(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('source = "jun"\n', "", 1), encoding="utf-8")
    assert _codes(path) == ["G201"]
    path.write_text(text.replace('source = "jun"\n', 'source = "aug"\n', 1), encoding="utf-8")
    assert _codes(path) == ["G201"]


def test_one_source_is_every_figure_s_default() -> None:
    text = JUNE_JULY.read_text(encoding="utf-8")
    start, end = text.index("[sources.jul]"), text.index('[units."万标箱"]')
    text = text[:start] + text[end:]
    text = text.replace('source = "jul"\n', "").replace('text = "jun.txt"\n', "")
    text = text.replace("修订为88.6", "88.4").replace("value = 88.6\nyoy = 7.6", "value = 88.4")
    dataset = parse_text(text.replace("7.6%", "7.5%"), "one.toml").dataset
    assert {dataset.source_of(f) for _i, _d, _n, f in dataset.figures()} == {"jun"}


def test_report_json_names_each_figure_s_source(runner: CliRunner) -> None:
    result = invoke(runner, "report", "--data", str(JUNE_JULY), "--json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert [f["source"]["id"] for f in doc["figures"]] == ["jun", "jul", "jul", "jul"]
    assert doc["figures"][0]["source"]["title"] == "江北县上半年工业经济运行简报(六月)"
    assert doc["source"]["region"] == "江北县"
    assert doc["source"]["published"] == "2031-07"  # the latest article


def test_version_one_files_still_validate_unchanged(runner: CliRunner) -> None:
    for path in [TESTS.parent / "data" / "indicators.toml", *DATA.glob("*_region.toml")]:
        result = invoke(runner, "validate", str(path))
        assert result.exit_code == 0, result.stdout


# --- figures without a stated year -------------------------------------------------------------


def test_undated_period_is_no_invented_year() -> None:
    from ganxian_cli.model.periods import UNDATED, parse_period

    period = parse_period("undated")
    assert period is UNDATED and not period.is_dated and not period.is_year
    assert (str(period), period.label("zh"), period.label("en")) == (
        "undated",
        "未注明年份",
        "no year stated",
    )


def test_shipped_hanrui_capacities_carry_no_year(runner: CliRunner) -> None:
    result = invoke(
        runner, "report", "--data", str(TESTS.parent / "data" / "indicators.toml"), "--json"
    )
    figures = json.loads(result.stdout)["figures"]
    hanrui = [f for f in figures if f["indicator"] == "hanrui_phase1_output"]
    assert [(f["period"], f["year"], f["start_month"]) for f in hanrui] == [("undated", None, None)]


# --- relations and figures real articles need ---------------------------------------------------

RELATIONS = DATA / "relations_2032.toml"


def _relations_with(tmp_path: Path, old: str, new: str) -> Path:
    text = RELATIONS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "relations.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_relations_file_validates_and_is_canonical(runner: CliRunner) -> None:
    assert _codes(RELATIONS) == []
    assert invoke(runner, "fmt", "--check", str(RELATIONS)).exit_code == 0


def test_within_is_not_a_sum(tmp_path: Path) -> None:
    """28 + 36 projects inside 67: fine for `within`, a false G303 for `sum`."""
    text = 'kind = "within"\nparts = [\n    "industrial_projects",'
    as_sum = 'kind = "sum"\nparts = [\n    "industrial_projects",'
    path = _relations_with(tmp_path, text, as_sum)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'whole = "registered_projects"', 'total = "registered_projects"'
        ),
        encoding="utf-8",
    )
    assert _codes(path) == ["G303"]
    path = _relations_with(tmp_path, "value = 36\n", "value = 40\n")
    assert "G302" in _codes(path)  # 28 + 40 > 67


def test_a_lead_over_a_named_baseline_is_checked(runner: CliRunner, tmp_path: Path) -> None:
    path = _relations_with(tmp_path, "value = 0.8\n", "value = 1.8\n")
    result = invoke(runner, "validate", str(path))
    assert result.exit_code == 1
    assert (
        "error[G308]: indicators.investment_growth_lead.observations[0].value: expected a lead "
        "of 1.8个百分点 over 全省, computed 0.8 from 9.6% - 8.8%" in result.stdout
    )


def test_subject_references_pick_one_city(tmp_path: Path) -> None:
    from ganxian_cli.model.refs import resolve

    dataset = load(str(RELATIONS)).dataset
    assert resolve(dataset, "investment_growth{江西省}").figure.value == Decimal("8.8")
    assert resolve(dataset, "investment_growth{}").figure.value == Decimal("9.6")
    path = _relations_with(tmp_path, '"park_investment{高新区}"', '"park_investment{南区}"')
    assert _codes(path) == ["G201"]


def test_a_withheld_figure_is_shown_and_skipped(runner: CliRunner) -> None:
    result = invoke(runner, "report", "--data", str(RELATIONS), "--json")
    withheld = [f for f in json.loads(result.stdout)["figures"] if f["withheld"]]
    assert [(f["subject"], f["value"]) for f in withheld] == [("某新能源项目", None)]
    table = invoke(runner, "report", "--data", str(RELATIONS), "--theme", "projects")
    assert "未公开" in table.stdout


def test_a_part_year_plan_is_a_target_for_its_months(runner: CliRunner) -> None:
    result = invoke(runner, "compare", "--data", str(RELATIONS), "--json")
    shares = json.loads(result.stdout)["part_of_whole"]
    plan = [s for s in shares if (s["whole_value"], s["whole_unit"]) == (223, "项")]
    assert [s["share_pct"] for s in plan] == [98.21]  # 219 of the 223 planned for Jan–Oct


def test_the_latest_article_counts() -> None:
    from ganxian_cli.model.refs import resolve

    dataset = load(str(JUNE_JULY)).dataset
    assert resolve(dataset, "output_value@2031-01..2031-05").figure.value == Decimal("88.6")
    assert dataset.superseded("output_value", 0) and not dataset.superseded("output_value", 1)
    marked = JUNE_JULY.read_text(encoding="utf-8").replace(
        'source = "jul"\n', 'source = "jul"\nsuperseded = true\n', 1
    )
    dataset = parse_text(marked, "marked.toml").dataset
    assert resolve(dataset, "output_value@2031-01..2031-05").figure.value == Decimal("88.4")


def test_tables_name_each_figure_s_article(runner: CliRunner) -> None:
    result = invoke(runner, "report", "--data", str(JUNE_JULY), "--format", "markdown")
    assert "| 实际 \\[jun\\] |" in result.stdout
    assert (
        "来源: \\[jun\\] 江北县上半年工业经济运行简报(六月) (2031-06); \\[jul\\]" in result.stdout
    )
    table = invoke(runner, "report", "--data", str(JUNE_JULY), "--lang", "en")
    assert "actual [jul]" in table.stdout.lower() and "Sources: [jun]" in table.stdout


def test_compare_does_no_arithmetic_on_a_rank(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "rank.toml"
    path.write_text(
        _units_text('[[indicators.gdp_rank.observations]]\nperiod = "2033-Q1"',
                    '[[indicators.gdp_rank.observations]]\nperiod = "2033-01..2033-02"\n'
                    'value = 5\nquote = "居全市第5位"\n\n'
                    '[[indicators.gdp_rank.observations]]\nperiod = "2033-Q1"'),
        encoding="utf-8",
    )  # fmt: skip
    assert _codes(path) == []
    doc = json.loads(invoke(runner, "compare", "--data", str(path), "--json").stdout)
    assert not [r for r in doc["period_on_period"] if r["indicator"] == "gdp_rank"]
