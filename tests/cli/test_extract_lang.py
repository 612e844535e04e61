"""`extract --lang`: the review table's title, headers and marks in one language, and no line
of the piped table ending in a space."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import invoke

ARTICLE = Path(__file__).resolve().parent.parent / "corpus" / "followup_ganxian_halfyear.txt"


@pytest.mark.parametrize(
    ("lang", "words", "other"),
    [
        ("zh", ("提取的数据", "数值", "预计", "时期按 2022-07 推算"), ("Proposed", "forecast")),
        ("en", ("Proposed figures", "value", "forecast", "periods resolved with 2022-07"),
         ("提取的数据", "指标来自", "状态")),
    ],
)  # fmt: skip
def test_the_table_speaks_one_language(
    runner: CliRunner, lang: str, words: tuple[str, ...], other: tuple[str, ...]
) -> None:
    result = invoke(
        runner, "extract", str(ARTICLE), "--published", "2022-07", "--lang", lang,
        "--color", "never",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert all(word in result.stdout for word in words), result.stdout
    assert not any(word in result.stdout for word in other)
    assert not [line for line in result.stdout.splitlines() if line.endswith(" ")]
