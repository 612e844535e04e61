"""Every compare table carries the notes of what it shows (indicators, figures, relations), in
the output's language, in every format."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from tests.conftest import ROOT, invoke

NOTES = ROOT / "tests" / "data" / "notes_everywhere.toml"


def _compare(runner: CliRunner, *args: str) -> str:
    result = invoke(runner, "compare", "-q", "--data", str(NOTES), *args)
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


TITLES = ("同比", "由累计值推算的单期数", "环比(相同长度的相邻时期)", "部分与整体")


def _block(text: str, title: str) -> str:
    """The lines from *title* to the next table's title."""
    lines = text.splitlines()
    start = lines.index(title)
    end = next((i for i in range(start + 1, len(lines)) if lines[i] in TITLES), len(lines))
    return "\n".join(lines[start:end])


def test_year_on_year_derived_and_period_tables_print_their_notes(runner: CliRunner) -> None:
    zh = _compare(runner)
    for title in ("同比", "由累计值推算的单期数", "环比(相同长度的相邻时期)"):
        block = _block(zh, title)
        assert "注:固定资产投资:口径为500万元以上项目" in block, title
        assert "注:固定资产投资:含省重点项目" in block, title
    en = _compare(runner, "--lang", "en")
    assert "Note: Fixed-asset investment: Includes provincial key projects" in en
    assert "含省重点项目" not in en


def test_share_relations_print_their_notes_in_the_output_language(runner: CliRunner) -> None:
    zh = _compare(runner)
    assert "注:已开工重点项目:清单口径" in zh
    assert "注:在建项目:(原注为英文)Shares of levels" in zh
    en = _compare(runner, "--lang", "en")
    assert "Note: Key projects started: List scope" in en


def test_json_and_csv_rows_carry_their_notes(runner: CliRunner) -> None:
    doc = json.loads(_compare(runner, "--format", "json", "--lang", "en"))
    yoy = doc["year_on_year"][0]
    assert yoy["note"] == "Projects of 5 million yuan or more; Includes provincial key projects"
    shares = doc["part_of_whole"]
    assert [r["note"] for r in shares] == ["List scope", "Shares of levels"]
    derived = {r["period"]: r["note"] for r in doc["derived_periods"] if r["indicator"] == "invest"}
    assert derived["2031-06..2031-07"] == (
        "Projects of 5 million yuan or more; Includes provincial key projects"
    )
    rows = list(csv.DictReader(io.StringIO(_compare(runner, "--format", "csv"))))
    yoy_csv = next(r for r in rows if r["section"] == "year_on_year")
    assert yoy_csv["note"] == "口径为500万元以上项目; 含省重点项目"


def test_a_stock_has_no_single_period_derived_from_two_levels(runner: CliRunner) -> None:
    doc = json.loads(_compare(runner, "--format", "json"))
    assert [r for r in doc["derived_periods"] if r["indicator"] == "building"] == []
    assert not [
        r
        for r in doc["period_on_period"]
        if r["indicator"] == "building" and (r["from_derived"] or r["to_derived"])
    ]
