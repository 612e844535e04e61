"""Workbooks: no sheet twice, units in the chosen language, no cell a date."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.output.field_labels import LABELS, field_label
from tests.conftest import DATA, TESTS, invoke

openpyxl = pytest.importorskip("openpyxl")
PROGRESS = TESTS / "data" / "progress_region.toml"
COMMANDS = [["report"], ["progress"], ["compare"], ["history", "industrial_revenue"]]


def _book(runner: CliRunner, tmp_path: Path, args: list[str], data: Path = DATA) -> object:
    out = tmp_path / "out.xlsx"
    result = invoke(runner, *args, "--data", str(data), "-f", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return openpyxl.load_workbook(out)


def _contents(sheet: object) -> list[tuple[object, ...]]:
    return list(sheet.iter_rows(values_only=True))  # type: ignore[attr-defined]


@pytest.mark.parametrize("data", [DATA, PROGRESS], ids=["june", "progress"])
def test_progress_has_no_two_identical_sheets(
    runner: CliRunner, tmp_path: Path, data: Path
) -> None:
    book = _book(runner, tmp_path, ["progress"], data)
    contents = [_contents(s) for s in book.worksheets]  # type: ignore[attr-defined]
    assert contents
    assert all(a != b for i, a in enumerate(contents) for b in contents[i + 1 :])


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_units_in_english_under_lang_en(runner: CliRunner, tmp_path: Path, args: list[str]) -> None:
    book = _book(runner, tmp_path, [*args, "--lang", "en"])
    chinese = re.compile(r"[\u4e00-\u9fff]")
    units = []
    for sheet in book.worksheets:  # type: ignore[attr-defined]
        rows = _contents(sheet)
        unit_headers = {field_label(k, "en") for k in LABELS if k == "unit" or k.endswith("_unit")}
        columns = [i for i, h in enumerate(rows[0]) if h in unit_headers]
        units += [row[i] for row in rows[1:] for i in columns if row[i] is not None]
    assert units
    assert not [u for u in units if chinese.search(str(u))], units


def test_units_stay_chinese_in_zh(runner: CliRunner, tmp_path: Path) -> None:
    book = _book(runner, tmp_path, ["report"])
    rows = _contents(book.worksheets[0])  # type: ignore[attr-defined]
    column = rows[0].index(field_label("unit", "zh"))
    assert any(row[column] in ("亿元", "万元") for row in rows[1:])


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_cell_is_a_date_and_periods_are_text(
    runner: CliRunner, tmp_path: Path, args: list[str]
) -> None:
    book = _book(runner, tmp_path, args)
    cells = [v for s in book.worksheets for row in _contents(s) for v in row]  # type: ignore[attr-defined]
    assert not [v for v in cells if isinstance(v, datetime.date | datetime.time)]
    periods = [v for v in cells if isinstance(v, str) and re.fullmatch(r"20\d\d-[0-9QH.-]+", v)]
    assert periods  # 2022-06 stays the text 2022-06


def test_every_sheet_has_a_filter_over_its_table(runner: CliRunner, tmp_path: Path) -> None:
    book = _book(runner, tmp_path, ["report"])
    for sheet in book.worksheets:  # type: ignore[attr-defined]
        assert sheet.auto_filter.ref == sheet.dimensions


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_headers_are_in_the_workbook_s_language(
    runner: CliRunner, tmp_path: Path, args: list[str], lang: str
) -> None:
    """No machine field name in a header row: each is named in Chinese or in English."""
    book = _book(runner, tmp_path, [*args, "--lang", lang])
    headers = {h for s in book.worksheets for h in _contents(s)[0]}  # type: ignore[attr-defined]
    assert not {h for h in headers if re.fullmatch(r"[a-z]+(?:_[a-z]+)+|[a-z]+", str(h))}
    if lang == "zh":
        assert all(re.search(r"[\u4e00-\u9fff%]", str(h)) for h in headers), headers


def test_a_long_sheet_name_is_never_cut_inside_a_bracket() -> None:
    from ganxian_cli.output.xlsx import sheet_name

    name = sheet_name("规模以上工业企业营业收入(industrial_revenue)", set())
    assert name == "规模以上工业企业营业收入"
    assert sheet_name("短名(ok)", set()) == "短名(ok)"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_sheet_names_are_whole_words(
    runner: CliRunner, tmp_path: Path, args: list[str], lang: str
) -> None:
    """A sheet name never ends in a space, inside a bracket or short of what it names."""
    book = _book(runner, tmp_path, [*args, "--lang", lang])
    for title in [s.title for s in book.worksheets]:  # type: ignore[attr-defined]
        assert title == title.strip() and len(title) <= 31
        assert title.count("(") == title.count(")")
        assert lang == "zh" or title not in ("双过半", "双过半 (half"), title


def test_a_long_name_loses_its_aside_then_its_last_words() -> None:
    from ganxian_cli.output.xlsx import sheet_name

    assert sheet_name("双过半 (half by mid-year) progress (H1 2022)", set()) == (
        "双过半 (half by mid-year) progress"
    )
    assert sheet_name("Period on period (adjacent periods of the same length)", set()) == (
        "Period on period"
    )
    assert sheet_name("Single periods derived from cumulative figures", set()) == (
        "Single periods derived from"
    )


ENGLISH_COMMANDS = [*COMMANDS, ["history", "vat_refund_enterprises"], ["history", "key_projects"]]


@pytest.mark.parametrize("args", ENGLISH_COMMANDS, ids=" ".join)
def test_english_units_are_the_tables_words(
    runner: CliRunner, tmp_path: Path, args: list[str], followup_data: Path
) -> None:
    """Units say what they count (firms, projects) and money in billion/million yuan, as the
    tables do: never "firms (households)", "items" for projects, or "×100m yuan"."""
    book = _book(runner, tmp_path, [*args, "--lang", "en"], followup_data)
    unit_headers = {field_label(k, "en") for k in LABELS if k == "unit" or k.endswith("_unit")}
    units = set()
    for sheet in book.worksheets:  # type: ignore[attr-defined]
        rows = _contents(sheet)
        columns = [i for i, h in enumerate(rows[0]) if h in unit_headers]
        units |= {str(row[i]) for row in rows[1:] for i in columns if row[i] is not None}
    assert units
    wrong = {u for u in units if re.search(r"households|\bitems?\b|×|100 million", u)}
    assert not wrong, units


@pytest.mark.parametrize("args", [["report"], ["history", "tengyuan_revenue"]], ids=" ".join)
def test_english_subjects_are_named_in_english(
    runner: CliRunner, tmp_path: Path, args: list[str], followup_data: Path
) -> None:
    book = _book(runner, tmp_path, [*args, "--lang", "en"], followup_data)
    subjects = set()
    for sheet in book.worksheets:  # type: ignore[attr-defined]
        rows = _contents(sheet)
        if "Subject" in rows[0]:
            column = rows[0].index("Subject")
            subjects |= {row[column] for row in rows[1:] if row[column]}
    assert "Ganzhou Tengyuan Cobalt" in subjects
    assert "赣州腾远钴业" not in subjects  # the follow-up's figure too: import names it
    chinese = _book(runner, tmp_path, [*args, "--lang", "zh"], followup_data)
    sheet = chinese.worksheets[-1 if args[0] == "history" else 2]  # type: ignore[attr-defined]
    assert "赣州腾远钴业" in {v for row in _contents(sheet) for v in row}
