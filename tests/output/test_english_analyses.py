"""`progress`, `compare` and report's 双过半 section read as English in `--lang en`: amounts in
English words (5.833 billion yuan, 22/23 projects, 10.15 percentage points), never a Chinese
unit after a number; a pace per month carries its unit in both languages. Display only: shifted
by powers of ten, never rounded, and the machine fields keep the printed unit."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.analysis.compare import compare
from ganxian_cli.analysis.progress import evaluate, latest_as_of
from ganxian_cli.analysis.progress_view import sections
from ganxian_cli.datafile.loader import load
from ganxian_cli.model.english import quantity
from ganxian_cli.model.units import UNITS, get_unit
from tests.conftest import DATA, TESTS, invoke

FILES = (DATA, *sorted((TESTS / "data").glob("*.toml")))
CJK_UNITS = sorted((s for s in UNITS if re.search(r"[\u4e00-\u9fff]", s)), key=len, reverse=True)
# a number (maybe marked, maybe a "/" away from its target) followed by a Chinese unit, or a
# Chinese "per month"
CHINESE_UNIT = re.compile(r"\d\s*(?:" + "|".join(map(re.escape, CJK_UNITS)) + r")|/月")


def _output(runner: CliRunner, path: Path, *args: str, env: dict[str, str] | None = None) -> str:
    result = invoke(runner, *args, "--data", str(path), "--lang", "en", env=env)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("command", ["progress", "compare"])
def test_no_chinese_unit_in_english_tables(runner: CliRunner, command: str, path: Path) -> None:
    for fmt, width in (("table", "80"), ("table", "60"), ("markdown", "")):
        env = {"COLUMNS": width} if width else None
        text = _output(runner, path, command, "--format", fmt, env=env)
        wrong = [line for line in text.splitlines() if CHINESE_UNIT.search(line)]
        assert not wrong, f"{command} {fmt} {width}:\n" + "\n".join(wrong)


def test_no_chinese_unit_in_reports_progress_section(runner: CliRunner) -> None:
    text = _output(runner, DATA, "report", env={"COLUMNS": "80"})
    section = text[text.index("targets at or ahead of time-elapsed progress toward 双过半") :]
    assert "billion yuan/month" in section and "22/23 projects" in section
    assert not CHINESE_UNIT.search(section) and "个百分点" not in section


def test_english_progress_reads_as_english(runner: CliRunner) -> None:
    text = _output(runner, DATA, "progress", "--format", "markdown")
    for right in ("| 5.833/8.319 billion yuan |", "| 22/23 projects |",
                  "28.45 percentage points ahead",
                  "| 2.486 billion yuan |", "| 1 project |", "| 1.167 billion yuan/month |",
                  "| 7.000 billion yuan / met in Aug |",
                  "fixed list: not judged against time"):  # fmt: skip
        assert right in text


def test_english_compare_reads_as_english(runner: CliRunner) -> None:
    text = _output(runner, DATA, "compare", "--format", "markdown")
    header = next(line for line in text.splitlines() if line.startswith("| Indicator | Period"))
    assert "Unit" not in header  # English writes the unit with each number
    for right in ("| 13.387 billion yuan |", "| 9.858 billion yuan |", "| 342 firms |",
                  "| 959,000 yuan |", "| 0.7855 million yuan |", "| 450 million yuan |",
                  "~18.03 billion yuan (forecast)", "| 9 projects |"):  # fmt: skip
        assert right in text
    chinese = invoke(runner, "compare", "--data", str(DATA), "--format", "markdown").stdout
    assert "| 指标 | 时期 | 数值 | 单位 |" in chinese and "| 133.87 | 亿元 |" in chinese


def _column(markdown: str, label: str) -> list[str]:
    """The cells under *label* in every Markdown table that has it."""
    cells: list[str] = []
    index = None
    for line in markdown.splitlines():
        row = (
            [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else []
        )
        if label in row:
            index = row.index(label)
        elif index is not None and row and not row[0].startswith("---"):
            cells.append(row[index])
        elif not row:
            index = None
    return cells


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_pace_per_month_carries_a_unit(runner: CliRunner, lang: str, path: Path) -> None:
    result = invoke(runner, "progress", "--data", str(path), "--lang", lang, "--format",
                    "markdown")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    labels = ("月均已完成", "过半需月均") if lang == "zh" else ("Per month so far",
                                                              "Pace needed for half")  # fmt: skip
    per = "/月" if lang == "zh" else "/month"
    paces = [c for label in labels for c in _column(result.stdout, label) if c != "—"]
    if "targets at or ahead" in result.stdout or "项目标" in result.stdout:
        assert paces
    for cell in paces:  # a unit (a word or 亿元) between the number and the "per month"
        assert cell.endswith(per) and re.search(r"\d\D*[^\W\d_]$", cell.removesuffix(per)), cell


_WORDS = {"billion yuan": 9, "million yuan": 6, "yuan": 0}


def _back(text: str) -> Decimal:
    """The yuan an English amount stands for: '~5.833 billion yuan' -> 5833000000."""
    match = re.fullmatch(r"[~≤≥]?(-?[\d,.]+) (billion yuan|million yuan|yuan)(/month)?", text)
    assert match, text
    return Decimal(match[1].replace(",", "")).scaleb(_WORDS[match[2]])


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_english_amounts_are_the_chinese_ones_shifted(path: Path) -> None:
    """Exact: every English money amount is the Chinese one times a power of ten."""
    dataset = load(str(path)).dataset
    tables = [*sections(evaluate(dataset, latest_as_of(dataset))), *compare(dataset)]
    checked = 0
    for table in tables:
        for row in table.rows:
            for key, value in row.items():
                if not (key.startswith("d_") and isinstance(value, Mapping)):
                    continue
                zh = re.fullmatch(r"[约近逾]?(-?[\d.]+)(亿元|万元|元)(/月)?", value["zh"])
                if zh is None:
                    continue
                yuan = Decimal(zh[1]) * get_unit(zh[2]).scale
                assert _back(value["en"].removesuffix(" (forecast)").removesuffix(" (target)")) \
                    == yuan, (value, key)  # fmt: skip
                checked += 1
    assert checked or path != DATA


def test_quantity_keeps_the_decimals_a_number_was_given_to() -> None:
    assert quantity(Decimal("70.00"), UNITS["亿元"]) == "7.000 billion yuan"
    assert quantity(Decimal("500"), UNITS["亿元"]) == "50 billion yuan"
    assert quantity(Decimal("30478"), UNITS["万元"]) == "304.78 million yuan"
    assert quantity(Decimal("95.9"), UNITS["万元"]) == "959,000 yuan"


def test_units_not_a_power_of_ten_of_their_base_keep_their_own_name() -> None:
    assert quantity(Decimal("5"), UNITS["公斤"]) == "5 kg"  # not 5 t
    assert quantity(Decimal("1500"), UNITS["平方米"]) == "1,500 m²"  # not mu
    assert quantity(Decimal("3.2"), UNITS["亿千瓦时"]) == "320 million kWh"
    assert quantity(Decimal("4.6"), UNITS["万头"]) == "46,000 head"


@pytest.mark.parametrize("command", ["progress", "report"])  # compare has no page
def test_english_html_tables_read_as_english(
    runner: CliRunner, tmp_path: Path, command: str
) -> None:
    path = tmp_path / "page.html"
    _output(runner, DATA, command, "-f", "html", "-o", str(path))
    tables = re.findall(r"<table.*?</table>", path.read_text(encoding="utf-8"), re.S)
    assert tables and not [t for t in tables if CHINESE_UNIT.search(t)]
    assert "billion yuan" in "".join(tables)
