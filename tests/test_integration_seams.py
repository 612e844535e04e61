"""Seams between features built separately: declared units, several files, schemas."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from tests.conftest import DATA, TESTS, invoke

UNITS_2033 = TESTS / "data" / "units_2033.toml"
JUNE_JULY = TESTS / "data" / "articles" / "june_july.toml"


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_history_of_a_declared_unit(runner: CliRunner, fmt: str) -> None:
    result = invoke(runner, "history", "port_boxes", "--data", str(UNITS_2033), "-f", fmt)
    assert result.exit_code == 0, result.stderr
    assert "万标箱" in result.stdout or "标箱" in result.stdout


def test_report_html_with_declared_units(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = invoke(runner, "report", "--data", str(UNITS_2033), "-f", "html", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert out.stat().st_size > 0


@pytest.mark.parametrize("data", [UNITS_2033, JUNE_JULY])
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
    result = invoke(runner, "extract", str(article), "--data", str(UNITS_2033), "-f", "json")
    assert result.exit_code == 0, result.stderr


def test_declared_units_do_not_outlive_the_command(runner: CliRunner) -> None:
    from ganxian_cli.model.units import UnknownUnitError, get_unit

    invoke(runner, "history", "port_boxes", "--data", str(UNITS_2033))
    with pytest.raises(UnknownUnitError):
        get_unit("万标箱")


def test_history_csv_carries_the_figures(runner: CliRunner) -> None:
    import csv
    import io

    result = invoke(runner, "history", "industrial_revenue", "--data", str(DATA), "-f", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(row["value"] and row["unit"] and row["period"] for row in rows)


@pytest.mark.parametrize("kind", ["compare", "progress", "report"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_json_of_several_files_meets_its_schema(runner: CliRunner, kind: str, lang: str) -> None:
    schema = json.loads(invoke(runner, "schema", kind).stdout)
    data = ["--data", str(DATA), "--data", str(TESTS / "data" / "december_city.toml")]
    result = invoke(runner, kind, *data, "-f", "json", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    jsonschema.validate(json.loads(result.stdout), schema)


@pytest.mark.parametrize("what", ["indicators", "themes", "periods", "targets", "sources"])
def test_list_csv_carries_the_rows(runner: CliRunner, what: str) -> None:
    import csv
    import io

    data = DATA if what == "targets" else JUNE_JULY  # the articles file states no target
    result = invoke(runner, "list", what, "--data", str(data), "-f", "csv", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and len(rows[0]) > 2, result.stdout


def test_history_shows_withheld_figures(runner: CliRunner) -> None:
    data = TESTS / "data" / "relations_2032.toml"
    for lang, word in (("en", "Withheld"), ("zh", "未公布")):
        for fmt in ("table", "markdown"):
            args = ("history", "park_investment", "--data", str(data), "--lang", lang, "-f", fmt)
            result = invoke(runner, *args, env={"COLUMNS": "200"})
            assert result.exit_code == 0, result.stderr
            assert word in result.stdout and "某新能源项目" in result.stdout, result.stdout


@pytest.mark.parametrize(
    ("lang", "words"), [("zh", ["| 实际 |", "| 目标 |"]), ("en", ["| actual |", "| target |"])]
)
def test_history_markdown_says_the_status_in_the_readers_language(
    runner: CliRunner, lang: str, words: list[str]
) -> None:
    args = ["history", "industrial_revenue", "--data", str(DATA)]
    shown = invoke(runner, *args, "-f", "markdown", "--lang", lang)
    assert shown.exit_code == 0, shown.stderr
    assert all(word in shown.stdout for word in words), shown.stdout
    # the machine field keeps the key, and JSON gets no display fields
    figures = json.loads(invoke(runner, *args, "-f", "json").stdout)["figures"]
    assert {f["status"] for f in figures} == {"actual", "target"}
    assert not any(k.startswith("d_") for f in figures for k in f)
