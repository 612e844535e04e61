"""An HTML page's title is in the page's language: in English, what the page shows (the
article's Chinese headline follows), not the Chinese headline alone."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import DATA, invoke

HEADLINE = "强攻二季度 确保双过半——赣县区多措并举推进工业倍增升级"


def _title(runner: CliRunner, tmp_path: Path, *args: str) -> tuple[str, str]:
    out = tmp_path / "page.html"
    result = invoke(runner, *args, "-f", "html", "-o", str(out), "--data", str(DATA), "-q")
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page)
    heading = re.search(r"<h1>(.*?)</h1>", page)
    assert title is not None and heading is not None
    return unescape(title.group(1)), unescape(heading.group(1))


@pytest.mark.parametrize(
    ("command", "english"),
    [
        ("report", "Ganxian District, Ganzhou, Jiangxi: figures as published, from “{h}”"),
        (
            "progress",
            "Ganxian District, Ganzhou, Jiangxi: progress against the year's targets (双过半), "
            "from “{h}”",
        ),
    ],
)
def test_english_page_title(runner: CliRunner, tmp_path: Path, command: str, english: str) -> None:
    title, heading = _title(runner, tmp_path, command, "--lang", "en")
    assert title == heading == english.format(h=HEADLINE)
    title, heading = _title(runner, tmp_path, command, "--lang", "zh")
    assert title == heading == f"赣县区: {HEADLINE}"
