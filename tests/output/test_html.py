"""The HTML page is self-contained and carries declared units."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import DATA, TESTS, invoke

PROGRESS = TESTS / "data" / "progress_region.toml"
UNITS_2033 = TESTS / "data" / "units_2033.toml"


def test_html_is_self_contained(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    result = invoke(runner, "report", "--data", str(DATA), "-f", "html", "-o", str(path))
    assert result.exit_code == 0, result.stderr
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<script src" not in page and "<link" not in page and "@import" not in page
    assert "kozea.github.io" not in page
    assert page.count("<svg") >= 4  # three targets and the indicators with several periods
    assert "规模以上工业企业营业收入" in page and "序时进度" in page and "50%" in page
    progress = tmp_path / "progress.html"
    invoke(runner, "progress", "--data", str(PROGRESS), "--lang", "en", "-f", "html", "-o",
           str(progress))  # fmt: skip
    english = progress.read_text(encoding="utf-8")
    assert english.count("<svg") >= 1
    assert "plan (12 billion yuan)" in english  # English amounts in English charts


def test_report_html_with_declared_units(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = invoke(runner, "report", "--data", str(UNITS_2033), "-f", "html", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert out.stat().st_size > 0


def test_an_amount_in_a_table_never_breaks_but_a_pair_may_after_its_slash() -> None:
    from ganxian_cli.output.html import _number_cell

    assert _number_cell("2.486 billion yuan") == '<td class="n">2.486 billion yuan</td>'
    assert _number_cell("18.907 / 37.814 billion yuan") == (
        '<td class="n w">18.907 / 37.814&nbsp;billion&nbsp;yuan</td>'
    )
