"""history: each period with every article's value, the one that counts first, and the change."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tests.conftest import TESTS, invoke

REVENUE = TESTS / "data" / "articles" / "revenue_three_articles.toml"


def test_history_lists_revisions_with_the_counted_figure_first(runner: CliRunner) -> None:
    result = invoke(runner, "history", "revenue", "--data", str(REVENUE), "--format", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["schema_version"] == 3
    rows = [
        (f["period"], f["value"], f["source"], f["counts"], f["superseded_by"], f["change"])
        for f in doc["figures"]
    ]
    assert rows == [
        ("2031-H1", 255, "fix", True, None, None),
        ("2031-H1", 240, "source", False, "fix", -15),
        ("2031-H1", 260, "h1", False, "fix", 5),
        ("2031", 500, "source", True, None, None),
    ]


def test_history_table_shows_sources_and_changes(runner: CliRunner) -> None:
    table = invoke(runner, "history", "revenue", "--data", str(REVENUE)).stdout
    lines = [line for line in table.splitlines() if "2031年上半年" in line]
    assert ["fix" in lines[0], "source†" in lines[1], "h1†" in lines[2]] == [True] * 3
    assert "-15亿元" in lines[1] and "+5亿元" in lines[2] and "亿元 │" in lines[0]
    assert "† 不计入" in table
    english = invoke(runner, "history", "revenue", "--data", str(REVENUE), "--lang", "en")
    assert "-1.5 billion yuan" in english.stdout and "Source" in english.stdout


def test_history_of_one_article_has_no_source_column(runner: CliRunner) -> None:
    table = invoke(runner, "history", "industrial_revenue").stdout
    assert "来源" not in table and "†" not in table
