"""Spreadsheets: `--format xlsx` needs an output file and reads back; HTML is not for every
command."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.output.field_labels import LABELS, field_label
from tests.conftest import DATA, invoke


def test_xlsx_needs_an_output_file_and_html_is_not_for_every_command(runner: CliRunner) -> None:
    missing = invoke(runner, "report", "--data", str(DATA), "--format", "xlsx")
    assert missing.exit_code == 2 and "--format xlsx needs --output FILE" in missing.stderr
    compare = invoke(runner, "compare", "--data", str(DATA), "-f", "html", "-o", "x.html")
    assert compare.exit_code == 2 and "'html' is not one of" in compare.stderr
    named = invoke(runner, "compare", "--data", str(DATA), "-o", "x.html")
    assert named.exit_code == 2 and "named as html, which this command does not write" in (
        named.stderr
    )


@pytest.mark.parametrize(
    ("args", "first_sheet"),
    [
        (["report"], "工业运行"),
        (["progress"], "双过半"),
        (["compare", "--lang", "en"], "Year on year"),
        (["history", "industrial_revenue"], "规模以上工业企业营业收入(industrial_revenue)"),
    ],
)
def test_xlsx_reads_back(
    runner: CliRunner, tmp_path: Path, args: list[str], first_sheet: str
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "out.xlsx"
    result = invoke(runner, *args, "--data", str(DATA), "-f", "xlsx", "-o", str(path))
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    # a long name is cut, never inside a bracket; a short one may say more
    assert first_sheet.startswith(sheet.title) or sheet.title.startswith(first_sheet)
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    lang = "en" if "en" in args else "zh"
    assert "indicator" not in header and "unit" not in header  # people's names, not fields
    fields = {field_label(k, lang): k for k in LABELS}
    rows = [
        dict(zip([fields.get(h, h) for h in header], (c.value for c in row), strict=True))
        for row in sheet.iter_rows(2)
    ]
    numbers = [v for row in rows for v in row.values() if isinstance(v, int | float)]
    assert numbers, "numbers are stored as numbers"
    if args[0] == "report":
        assert len(book.worksheets) == 11  # ten themes and the 双过半 targets
        revenue = next(r for r in rows if r["indicator"] == "industrial_value_added_growth")
        assert revenue["value"] == 8.5 and revenue["unit"] == "%"
        assert (
            revenue["period"] == "2022-01..2022-05" and revenue["name"] == "规模以上工业增加值增速"
        )
        months = [r for s in book.worksheets for r in s.iter_rows(2, values_only=True)]
        assert any(v == "2022-06" for row in months for v in row)  # text, not a date
    if args[0] == "progress":
        assert rows[0]["unit"] == "亿元" and rows[0]["target_value"] == 83.19
