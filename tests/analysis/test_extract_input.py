"""Hostile article input ends in a message and a documented status, never status 3: a number too
long to be a figure, and a closed standard input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ganxian_cli.analysis.extract import extract
from tests.conftest import DATA, ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT), "GANXIAN_DATA": str(DATA)}
GANXIAN = [sys.executable, "-m", "ganxian_cli"]


def _run(*args: str, stdin: int | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*GANXIAN, *args], env=ENV, capture_output=True, text=True, stdin=stdin, timeout=120
    )


def test_a_million_digit_number_is_no_figure(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("1至5月完成投资" + "9" * 1_000_000 + "亿元,增长5%。新开工项目12个。\n")
    result = _run("extract", str(article), "--published", "2024-06", "--format", "json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)["figures"]
    assert [(f["value"], f["unit"]) for f in figures] == [(5, "%"), (12, "个")]


@pytest.mark.parametrize(
    ("number", "proposed"),
    [
        ("999999999999999", True),  # 15 digits: as many as a data file holds
        ("0000999999999999999", True),
        ("1000000000000000", False),
        ("1,000,000,000,000,000", False),
        ("1.0000000001", True),  # 10 decimal places
        ("1.00000000001", False),
        ("9" * 5000 + ".5", False),
        ("0." + "0" * 100_000 + "1", False),
    ],
)
def test_numbers_a_data_file_cannot_hold_are_not_proposed(number: str, proposed: bool) -> None:
    figures = extract(f"完成投资{number}亿元,新开工项目12个。", None, "2024-06").figures
    assert [f.unit for f in figures] == (["亿元", "个"] if proposed else ["个"])


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell")
def test_closed_stdin_for_the_article() -> None:
    command = " ".join(f"'{a}'" for a in GANXIAN)
    result = subprocess.run(
        ["/bin/sh", "-c", f"{command} extract - <&-"],
        env=ENV,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr == "ganxian: error: standard input is closed; nothing to read for '-'\n"


def test_article_from_standard_input_still_read() -> None:
    result = subprocess.run(
        [*GANXIAN, "extract", "-", "--published", "2024-06", "--format", "json"],
        env=ENV,
        input="1至5月完成投资12亿元。\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert [f["value"] for f in json.loads(result.stdout)["figures"]] == [12]
