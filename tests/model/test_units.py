"""Units: built-in and declared units convert exactly, stay within their family and their file,
ranks take no arithmetic."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.analysis.checks.registry import all_problems
from ganxian_cli.datafile.loader import load
from ganxian_cli.model.numerals import occurrences
from ganxian_cli.model.units import UnknownUnitError, convert, get_unit
from tests.conftest import DATA, TESTS, invoke

FIXTURES = TESTS / "data"
UNITS = FIXTURES / "units_2033.toml"


def _codes(path: Path) -> list[str]:
    return [p.code for p in all_problems(load(str(path)))]


def _units_text(old: str, new: str) -> str:
    text = UNITS.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


JUNE_JULY = TESTS / "data" / "articles" / "june_july.toml"


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


@pytest.mark.parametrize("data", [UNITS, JUNE_JULY])
def test_export_with_declared_units(runner: CliRunner, tmp_path: Path, data: Path) -> None:
    import sqlite3

    out = tmp_path / "x.db"
    result = invoke(runner, "export", "--data", str(data), "--data", str(DATA), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(out) as db:
        units = {row[0] for row in db.execute("SELECT unit FROM figures")}
    assert units & {"万标箱", "标箱"}


def test_extract_against_a_file_with_declared_units(runner: CliRunner) -> None:
    article = TESTS / "articles" / "city_investment.txt"
    result = invoke(runner, "extract", str(article), "--data", str(UNITS), "-f", "json")
    assert result.exit_code == 0, result.stderr


def test_declared_units_do_not_outlive_the_command(runner: CliRunner) -> None:
    from ganxian_cli.model.units import UnknownUnitError, get_unit

    invoke(runner, "history", "port_boxes", "--data", str(UNITS))
    with pytest.raises(UnknownUnitError):
        get_unit("万标箱")
