"""Several articles in one file: each figure names its source, each article is checked against its
own text, the latest counts."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from ganxian_cli.analysis.checks.registry import all_problems
from ganxian_cli.datafile.loader import load, parse_text
from tests.conftest import TESTS, invoke

FIXTURES = TESTS / "data"
JUNE_JULY = FIXTURES / "articles" / "june_july.toml"


def _codes(path: Path) -> list[str]:
    return [p.code for p in all_problems(load(str(path)))]


def _copy_articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(FIXTURES / "articles", folder)
    return folder / "june_july.toml"


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
