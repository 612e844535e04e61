"""The `extract --format toml` draft escapes bidi overrides and other invisible characters as
every other output does, and the escapes read back as the characters."""

from __future__ import annotations

import tomllib
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import invoke

INVISIBLE = "\u202e\u2066\u200b\u061c"


def test_the_draft_shows_bidi_overrides_as_escapes(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / f"a{INVISIBLE[0]}.txt"
    article.write_text(
        f"今年1至5月,规模以上企业{INVISIBLE}完成工业总产值133.87亿元,同比增长35.8%。",
        encoding="utf-8",
    )
    result = invoke(runner, "extract", str(article), "--published", "2031-06", "-f", "toml")
    assert result.exit_code == 0, result.stderr
    assert not any(ch in result.stdout for ch in INVISIBLE)
    assert "\\u202e\\u2066\\u200b\\u061c" in result.stdout
    draft = tomllib.loads(result.stdout)
    assert INVISIBLE in draft["figures"][0]["quote"]
    assert draft["article"] == str(article)
