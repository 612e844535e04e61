"""The legend under a report of several articles is one line per item in every format: which
article each [id] stands for, and what † marks."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import TESTS, invoke

RELIEF = TESTS / "data" / "articles" / "relief_two_articles.toml"


def test_markdown_gives_each_legend_line_its_own_paragraph(runner: CliRunner) -> None:
    out = invoke(runner, "report", "--data", str(RELIEF), "--format", "markdown").stdout
    assert "\\n" not in out
    lines = out.split("\n")
    sources = next(n for n, line in enumerate(lines) if line.startswith("来源: "))
    assert lines[sources + 1] == ""
    assert lines[sources + 2].startswith("† 不计入")


def test_html_gives_each_legend_line_its_own_note(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    invoke(runner, "report", "--data", str(RELIEF), "--format", "html", "-o", str(page))
    html = page.read_text(encoding="utf-8")
    assert "\\n" not in html
    assert '<p class="note">† 不计入' in html
    assert '<p class="note">来源: [source]' in html
