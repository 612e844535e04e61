"""Every command's table fits the terminal it is drawn for, in both languages: widths in
terminal cells (East Asian wide characters count two), ids on one line, numbers whole."""

from __future__ import annotations

import re
import unicodedata

import pytest
from typer.testing import CliRunner

from tests.conftest import DATA, TESTS, invoke

COMMANDS = [
    ("report",),
    ("report", "--by", "period"),
    ("progress",),
    ("compare",),
    ("list",),
    ("list", "themes"),
    ("list", "periods"),
    ("list", "targets"),
    ("list", "sources"),
    ("history", "industrial_revenue"),
]


def cells(line: str) -> int:
    return sum(
        0
        if unicodedata.category(c) in ("Mn", "Me")
        else 2
        if unicodedata.east_asian_width(c) in "WF"
        else 1
        for c in line
    )


def table(runner: CliRunner, args: tuple[str, ...], lang: str, columns: int | None) -> str:
    env = {"COLUMNS": str(columns)} if columns else {}
    color = ("--color", "never") if args[0] in ("report", "progress", "compare") else ()
    result = invoke(runner, *args, "--data", str(DATA), "--lang", lang, *color, env=env)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("columns", [60, 80, 120])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_line_fits(runner: CliRunner, args: tuple[str, ...], lang: str, columns: int) -> None:
    lines = table(runner, args, lang, columns).splitlines()
    assert lines
    too_wide = [line for line in lines if cells(line) > columns]
    assert not too_wide, "\n".join(too_wide)
    assert [line for line in lines if line != line.rstrip()] == []


@pytest.mark.parametrize("columns", [60, 80, 120])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_list_keeps_every_id_on_one_line(runner: CliRunner, lang: str, columns: int) -> None:
    text = table(runner, ("list",), lang, columns)
    ids = re.findall(r'"id": "([^"]+)"', table(runner, ("list", "--format", "json"), lang, None))
    assert ids
    missing = [i for i in ids if not re.search(rf"(^|[│ ]){re.escape(i)}($|[│ ])", text, re.M)]
    assert missing == []


def test_english_names_in_list_break_between_words(runner: CliRunner) -> None:
    text = table(runner, ("list",), "en", 60)
    assert "enterprises" in text  # not "enterpris" / "es"
    assert "(enterpris\n" not in text and "enterpris │" not in text


def test_piped_output_without_columns_is_as_wide_as_it_needs(runner: CliRunner) -> None:
    lines = table(runner, ("report", "--by", "period"), "en", None).splitlines()
    assert max(map(cells, lines)) > 120
    assert lines[1].count("┃") == len(lines[1].split("┃")) - 1  # one header row: no split


def test_report_by_period_shows_forecasts_and_targets(runner: CliRunner) -> None:
    other = str(TESTS / "data" / "progress_region.toml")
    text = table(runner, ("report", "--by", "period"), "en", None).replace(str(DATA), "")
    assert "(forecast)" in text and "(target)" in text
    zh = invoke(runner, "report", "--data", other, "--by", "period", "--color", "never")
    assert "(目标)" in zh.stdout


def test_report_by_period_splits_its_periods_over_tables_that_fit(runner: CliRunner) -> None:
    wide = table(runner, ("report", "--by", "period"), "en", None)
    narrow = table(runner, ("report", "--by", "period"), "en", 60)
    headers = [line for line in narrow.splitlines() if line.startswith("┃ Indicator")]
    assert len(headers) > 1
    shown = [h.strip("┃ ") for line in headers for h in line.split("┃")[2:-1]]
    first = next(line for line in wide.splitlines() if line.startswith("┃ Indicator"))
    assert shown == [h.strip() for h in first.split("┃")[2:-1]]  # every period, in order


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_extract_review_table_fits_and_keeps_ids_whole(runner: CliRunner, columns: int) -> None:
    article = str(TESTS / "articles" / "city_investment.txt")
    env = {"COLUMNS": str(columns)}
    result = invoke(runner, "extract", article, "--data", str(DATA), "--color", "never", env=env)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line for line in lines if cells(line) > columns] == []
    assert "industrial_investment_growth" in result.stdout
