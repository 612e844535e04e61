"""`progress`, `compare` and report's 双过半 section fit the terminal: at 80 and 60 columns
every line fits in both languages, numbers whole; piped lines carry no trailing spaces."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from tests.conftest import DATA, TESTS, invoke

OCTOBER = TESTS / "data" / "october_city.toml"
NUMBERS = {
    ("progress", "zh"): ("58.33/83.19亿元", "70.12", "157.56/500亿元", "92.44亿元",
                         "189.07 / 378.14亿元", "11.67亿元/月"),
    ("progress", "en"): ("5.833/8.319 billion yuan", "70.12", "15.756/50 billion yuan",
                         "9.244 billion yuan", "18.907 / 37.814 billion yuan",
                         "1.167 billion yuan/month"),
    ("compare", "zh"): ("98.58", "95.9万元", "4.5亿元", "约94.3(预计)"),
    ("compare", "en"): ("9.858 billion yuan", "959,000 yuan", "450 million yuan",
                        "~94.3 (forecast)"),
}  # fmt: skip


def _lines(runner: CliRunner, command: str, lang: str, width: int | None) -> list[str]:
    env = {"COLUMNS": str(width)} if width else {}
    result = invoke(runner, command, "--data", str(DATA), "--lang", lang, "--color", "never",
                    env=env)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    if command == "report":  # only the 双过半 section is this module's
        start = next(n for n, line in enumerate(lines) if "双过半" in line and "20" in line)
        lines = lines[start:]
    return lines


@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("command", ["progress", "compare", "report"])
def test_every_line_fits(runner: CliRunner, command: str, lang: str, width: int) -> None:
    lines = _lines(runner, command, lang, width)
    too_wide = [line for line in lines if cell_len(line) > width]
    assert not too_wide, "\n".join(too_wide)
    assert [line for line in lines if line != line.rstrip()] == []  # no trailing spaces
    text = "\n".join(lines)
    for number in NUMBERS.get((command, lang), NUMBERS["progress", lang]):
        assert number in text, f"{number} cropped or wrapped at {width} columns"
    if command == "progress" and width == 60:  # names stay readable
        name = "重点调度项目完成年度计划投资额" if lang == "zh" else "Key-project investment"
        assert name in text


@pytest.mark.parametrize("command", ["progress", "compare", "report"])
def test_piped_output_has_no_trailing_spaces(runner: CliRunner, command: str) -> None:
    lines = _lines(runner, command, "zh", None)
    assert [line for line in lines if line != line.rstrip()] == []


def test_wider_terminals_get_wider_layouts(runner: CliRunner) -> None:
    wide = _lines(runner, "progress", "zh", 120)
    narrow = _lines(runner, "progress", "zh", 60)
    assert all(cell_len(line) <= 120 for line in wide)
    assert any("┃ 进度" in line for line in wide)  # the bar column when there is room
    assert len(narrow) > len(wide)  # stacked when there is not
    middle = _lines(runner, "progress", "zh", 80)
    assert all(cell_len(line) <= 80 for line in middle)
    assert sum("┃ 目标" in line for line in middle) >= 2  # split into tables that fit
