"""`history` fits the terminal as every other table does (the widest layout that fits: with its
bar, without it, then a card per figure), in both languages, on a file of several articles;
English counts say what they count and subjects show their English names."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import DATA, invoke
from tests.output.test_terminal_widths import cells

INDICATORS = [
    "vat_refund", "vat_refund_enterprises", "tengyuan_revenue", "key_projects",
    "unemployment_insurance_cut", "signed_amount", "industrial_revenue",
]  # fmt: skip


def _history(runner: CliRunner, data: Path, ident: str, lang: str, columns: int | None) -> str:
    env = {"COLUMNS": str(columns)} if columns else {}
    result = invoke(runner, "history", ident, "--data", str(data), "--lang", lang, "-q", env=env)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("columns", [60, 80, 120])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("ident", INDICATORS)
def test_every_line_fits(
    runner: CliRunner, followup_data: Path, ident: str, lang: str, columns: int
) -> None:
    text = _history(runner, followup_data, ident, lang, columns)
    too_wide = [line for line in text.splitlines() if cells(line) > columns]
    assert not too_wide, "\n".join(too_wide)
    sources = {"h1", "source"} & set(re.findall(r"\b(h1|source)\b", text))
    assert sources, text  # each figure's source stays on one line


def test_the_shipped_file_fits_at_60(runner: CliRunner) -> None:
    text = _history(runner, DATA, "unemployment_insurance_cut", "en", 60)
    assert max(map(cells, text.splitlines())) <= 60


def test_a_change_column_no_row_fills_goes(runner: CliRunner, followup_data: Path) -> None:
    text = _history(runner, followup_data, "signed_amount", "en", None)
    assert "Source" in text and "Change" not in text


def test_a_narrow_terminal_gets_a_card_per_figure(runner: CliRunner, followup_data: Path) -> None:
    text = _history(runner, followup_data, "tengyuan_revenue", "en", 60)
    assert "┏" not in text  # no table: cards
    assert re.search(r"│ Value +│ 2\.13 billion yuan +│", text)


def test_english_counts_say_what_they_count(runner: CliRunner, followup_data: Path) -> None:
    firms = _history(runner, followup_data, "vat_refund_enterprises", "en", None)
    assert "342 firms" in firms and "households" not in firms
    projects = _history(runner, followup_data, "key_projects_started", "en", None)
    assert "22 projects" in projects and "items" not in projects
    markdown = invoke(
        runner, "history", "vat_refund_enterprises", "--data", str(followup_data), "--lang",
        "en", "-f", "markdown", "-q",
    ).stdout  # fmt: skip
    assert "| firms |" in markdown and "户" not in markdown


def test_english_shows_the_subject_s_english_name(runner: CliRunner, followup_data: Path) -> None:
    text = _history(runner, followup_data, "tengyuan_revenue", "en", None)
    assert "Ganzhou Tengyuan Cobalt" in text
    args = ("history", "tengyuan_revenue", "--data", str(followup_data), "-f", "json", "-q")
    figures = json.loads(invoke(runner, *args).stdout)["figures"]
    # the follow-up article's figure too: import gives it the name the file gives its subject
    assert {f["subject_en"] for f in figures} == {"Ganzhou Tengyuan Cobalt"}
