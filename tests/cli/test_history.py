"""`ganxian history`: an indicator by id or name, declared units, withheld figures, and the figures
in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import DATA, TESTS, invoke

PROGRESS = TESTS / "data" / "progress_region.toml"
UNITS_2033 = TESTS / "data" / "units_2033.toml"


def test_history_by_id_or_name_and_suggestions(runner: CliRunner) -> None:
    result = invoke(
        runner, "history", "规模以上工业企业营业收入", "--data", str(DATA), "--lang", "en"
    )
    assert result.exit_code == 0, result.stderr
    assert "15.756 billion yuan" in result.stdout and "+12.24%" in result.stdout
    assert "██████████" in result.stdout  # the target, the largest, is a full bar
    doc = json.loads(invoke(runner, "history", "industrial_revenue", "--data", str(DATA),
                            "--json").stdout)  # fmt: skip
    assert [f["period"] for f in doc["figures"]] == ["2022-01..2022-05", "2022"]
    assert doc["indicator"]["unit"] == "亿元"
    unknown = invoke(runner, "history", "industrial_revenu", "--data", str(DATA))
    assert unknown.exit_code == 2
    assert "did you mean industrial_revenue (规模以上工业企业营业收入)" in unknown.stderr
    months = invoke(runner, "history", "output", "--data", str(PROGRESS))
    assert months.stdout.count("│ 20") >= 5  # a row per month recorded


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_history_of_a_declared_unit(runner: CliRunner, fmt: str) -> None:
    result = invoke(runner, "history", "port_boxes", "--data", str(UNITS_2033), "-f", fmt)
    assert result.exit_code == 0, result.stderr
    assert "万标箱" in result.stdout or "标箱" in result.stdout


def test_history_csv_carries_the_figures(runner: CliRunner) -> None:
    import csv
    import io

    result = invoke(runner, "history", "industrial_revenue", "--data", str(DATA), "-f", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(row["value"] and row["unit"] and row["period"] for row in rows)


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


def test_history_csv_has_no_constant_section_column(runner: CliRunner) -> None:
    result = invoke(runner, "history", "industrial_revenue", "--data", str(DATA), "-f", "csv")
    assert result.stdout.splitlines()[0].split(",")[:2] == ["period", "status"]
    listed = invoke(runner, "list", "--data", str(DATA), "-f", "csv")  # several kinds: named
    assert listed.stdout.startswith("section,")


@pytest.mark.parametrize(("lang", "header"), [("zh", "占最大值"), ("en", "Of largest")])
def test_history_bar_column_is_named(runner: CliRunner, lang: str, header: str) -> None:
    result = invoke(runner, "history", "industrial_revenue", "--data", str(DATA), "--lang", lang)
    head = next(line for line in result.stdout.splitlines() if line.startswith("┃"))
    assert head.rstrip("┃ ").endswith(header)


def test_history_workbook_explains_the_share_column(runner: CliRunner, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    for lang, header in (("zh", "占最大值%"), ("en", "% of the largest figure")):
        out = tmp_path / f"h_{lang}.xlsx"
        args = ("history", "industrial_revenue", "--data", str(DATA), "--lang", lang)
        result = invoke(runner, *args, "-f", "xlsx", "-o", str(out))
        assert result.exit_code == 0, result.stderr
        sheet = load_workbook(out).worksheets[0]
        headers = [cell.value for cell in sheet[1]]
        assert header in headers
        assert sheet.cell(3, headers.index(header) + 1).value == 100  # the largest: the target
