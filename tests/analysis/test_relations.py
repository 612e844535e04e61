"""Relations between figures: `within` is not a sum, leads over named baselines, subject references,
withheld figures and part-year plans."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from ganxian_cli.analysis.checks.registry import all_problems
from ganxian_cli.datafile.loader import load
from tests.conftest import TESTS, invoke

FIXTURES = TESTS / "data"
UNITS = FIXTURES / "units_2033.toml"


def _codes(path: Path) -> list[str]:
    return [p.code for p in all_problems(load(str(path)))]


def _units_text(old: str, new: str) -> str:
    text = UNITS.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


RELATIONS = FIXTURES / "relations_2032.toml"


def _relations_with(tmp_path: Path, old: str, new: str) -> Path:
    text = RELATIONS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "relations.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_within_accepts_parts_short_of_the_whole_and_refuses_more(tmp_path: Path) -> None:
    path = tmp_path / "within.toml"
    path.write_text(_units_text("value = 8100\n", "value = 23600\n"), encoding="utf-8")
    assert _codes(path) == ["G210", "G302"]  # 2.36万 > 2.35万标箱 (and the quote says 8100)


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
