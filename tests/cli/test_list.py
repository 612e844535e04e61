"""`ganxian list`: searches ids and both names; CSV carries every row."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tests.conftest import DATA, TESTS, invoke

JUNE_JULY = TESTS / "data" / "articles" / "june_july.toml"


def test_list_searches_ids_and_both_names(runner: CliRunner) -> None:
    def ids(*args: str) -> list[str]:
        result = invoke(runner, "list", *args, "--data", str(DATA), "--json")
        assert result.exit_code == 0, result.stderr
        doc = json.loads(result.stdout)
        assert doc["kind"] == "list" and doc["schema_version"] == 2
        return [item.get("id") or item.get("period") or item.get("target") for item in doc["items"]]

    assert "industrial_revenue" in ids("indicators", "--search", "营业收入")
    assert "industrial_revenue" in ids("indicators", "--search", "REVENUE")
    assert ids("themes", "--search", "工业") == ["industry"]
    assert ids("periods")[:2] == ["2022-Q1", "2022-01..2022-05"]
    assert len(ids("targets")) == 3 and len(ids("sources")) == 1
    table = invoke(runner, "list", "themes", "--data", str(DATA)).stdout
    assert "工业运行" in table and "指标数" in table


@pytest.mark.parametrize("what", ["indicators", "themes", "periods", "targets", "sources"])
def test_list_csv_carries_the_rows(runner: CliRunner, what: str) -> None:
    import csv
    import io

    data = DATA if what == "targets" else JUNE_JULY  # the articles file states no target
    result = invoke(runner, "list", what, "--data", str(data), "-f", "csv", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and len(rows[0]) > 2, result.stdout


def test_english_listing_names_units_as_english_tables_do(runner: CliRunner) -> None:
    """The Unit column says what the figures count in; JSON and CSV keep the symbol."""
    args = ("list", "indicators", "--search", "key_projects", "--data", str(DATA), "--lang", "en")
    table = invoke(runner, *args, env={"COLUMNS": "200"}).stdout
    assert " projects " in table and "个" not in table
    money = invoke(runner, "list", "--search", "industrial_output", "--data", str(DATA),
                   "--lang", "en", env={"COLUMNS": "200"}).stdout  # fmt: skip
    assert "units of 0.1 billion yuan" in money and "亿元" not in money
    items = json.loads(invoke(runner, *args, "--json").stdout)["items"]
    assert {i["id"]: i["unit"] for i in items}["key_projects"] == "个"
    assert set(items[0]) == {"id", "name", "name_en", "theme", "unit", "figures"}
    (line,) = [r for r in invoke(runner, *args, "--format", "csv").stdout.splitlines()
               if r.startswith("indicators,key_projects,")]  # fmt: skip
    assert ",个," in line


def test_a_declared_unit_of_its_own_scale_is_named_whole(runner: CliRunner) -> None:
    """万标箱 declared as 10,000 TEU is "units of 10,000 TEU", never "0,000 TEU"."""
    data = TESTS / "data" / "units_2033.toml"
    args = ("list", "indicators", "--search", "port_boxes", "--data", str(data), "--lang", "en")
    table = invoke(runner, *args, env={"COLUMNS": "200"}).stdout
    assert "units of 10,000 TEU" in table and " 0,000" not in table
