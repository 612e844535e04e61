"""A refused `record` exits 1 and points at lines of the file on disk, not of the unwritten one."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.cli.app import app
from ganxian_cli.datafile.store import lines_on_disk
from ganxian_cli.errors import Problem

ROOT = Path(__file__).resolve().parents[2]
OTHER = ROOT / "tests" / "data" / "other_region.toml"


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "mine.toml"
    path.write_bytes(OTHER.read_bytes())
    return path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stderr


def test_a_duplicate_is_refused_with_status_1_at_the_existing_figure(data_file: Path) -> None:
    args = ["record", "projects_started", "-p", "2031-Q1", "-v", "13", "-d", str(data_file)]
    code, err = _run(*args)
    assert code == 1
    line = int(err.split(":")[1])
    lines = data_file.read_text(encoding="utf-8").splitlines()
    assert lines[line - 1] == "[[indicators.projects_started.observations]]"
    assert 'period = "2031-01..2031-03"' in lines[line]
    assert "use --replace" in err


def test_a_problem_of_the_new_figure_has_no_line_of_a_file_never_written(data_file: Path) -> None:
    before = data_file.read_bytes()
    code, err = _run(
        "record", "retail_sales", "-p", "2031-01..2031-05", "-v", "16.2", "--unit", "万元",
        "--quote", "零售额16.2亿元", "-d", str(data_file),
    )  # fmt: skip
    assert code == 1
    # no line number (that line is not on disk): the option at fault, and the figure given
    assert f"{data_file}: error[G210]: --quote: quote does not show 16.2万元" in err
    assert "(in the figure you gave; nothing written)" in err
    assert "observations[" not in err
    assert data_file.read_bytes() == before


def test_lines_after_the_change_are_moved_back_to_their_place_on_disk() -> None:
    old = "a\nb\nc\nd\n"
    new = "a\nb\nNEW\nNEW2\nc\nd\n"
    problems = [Problem("G1", "head", "f", 2), Problem("G2", "new", "f", 3, 4),
                Problem("G3", "tail", "f", 6, 1), Problem("G4", "none", "f")]  # fmt: skip
    placed = lines_on_disk(problems, old, new, "record")
    assert [p.line for p in placed] == [2, None, 4, None]
    assert placed[1].column is None and "nothing written" in placed[1].message
    assert placed[2].column == 1 and placed[2].message == "tail"


def test_a_fix_for_the_new_figure_is_said_as_an_option(data_file: Path) -> None:
    code, err = _run(
        "record", "retail_sales", "-p", "2031-06", "-v", "400", "--unit", "万元",
        "--quote", "零售400余万元", "-d", str(data_file),
    )  # fmt: skip
    assert code == 1
    assert "give --qualifier more_than" in err and "set qualifier" not in err


def test_record_takes_a_subjects_english_name_and_q_keeps_the_diff_quiet(data_file: Path) -> None:
    args = ["record", "retail_sales", "-p", "2031-06", "-v", "3.5", "-d", str(data_file)]
    code, err = _run(*args, "--subject-en", "Qingshan Co.")
    assert code == 2 and "--subject-en: is the English name of --subject; give both" in err
    code, err = _run(*args, "--subject", "青山公司", "--subject-en", "Qingshan Co.", "-q")
    assert code == 0, err
    assert err.count("\n") == 1 and err.startswith("ganxian: ")  # the summary, no diff
    text = data_file.read_text(encoding="utf-8")
    assert 'subject = "青山公司"\nsubject_en = "Qingshan Co."' in text
