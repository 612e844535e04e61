"""Nothing injected through output: JSON, diffs, CSV, Markdown and messages escape what a terminal
or a reader would act on."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from ganxian_cli.datafile.writer import unified_diff
from tests.conftest import TESTS, invoke

OTHER = TESTS / "data" / "other_region.toml"


BIDI = "\u202e\u2066\u200e\u061c\u009b"


def test_json_escapes_bidi_and_c1(runner: CliRunner, other_region_copy: Path) -> None:
    text = other_region_copy.read_text(encoding="utf-8").replace(
        'region_en = "Sample County"', f'region_en = "Sample{BIDI} County"'
    )
    text = text.replace('name_en = "Retail sales"', f'name_en = "Retail{BIDI} sales"')
    other_region_copy.write_text(text, encoding="utf-8")
    result = invoke(runner, "report", "--json", "-d", str(other_region_copy))
    assert result.exit_code == 0, result.stderr
    assert not any(ch in result.stdout for ch in BIDI)
    assert "\\u202e\\u2066\\u200e\\u061c\\u009b" in result.stdout
    assert "Retail" + BIDI + " sales" in json.dumps(json.loads(result.stdout), ensure_ascii=False)


def test_diffs_escape_control_characters_and_file_names(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "a\x1b[31m"
    folder.mkdir()
    path = folder / "x.toml"
    text = OTHER.read_text(encoding="utf-8").replace("Sample County", "Sample\u202e County")
    path.write_text(text.replace('name = "经济运行"', 'name = "经济\u0085运行"'), encoding="utf-8")
    result = invoke(runner, "fmt", "--check", str(path))
    assert result.exit_code == 1
    assert not any(ch in result.stdout + result.stderr for ch in "\x1b\u202e\u0085")
    assert "a\\x1b[31m/x.toml" in result.stdout
    diff = unified_diff('a = "x\u202e"\n', 'a = "y\u009b"\n', "n\u2066")
    assert diff == '--- a/n\\u2066\n+++ b/n\\u2066\n@@ -1 +1 @@\n-a = "x\\u202e"\n+a = "y\\x9b"\n'


def test_csv_defuses_tab_and_cr(runner: CliRunner, other_region_copy: Path) -> None:
    text = other_region_copy.read_text(encoding="utf-8")
    text = text.replace('quote = "全年社会消费品零售总额目标40.00亿元"', 'note = "\\t=1+1"', 1)
    other_region_copy.write_text(text, encoding="utf-8")
    result = invoke(runner, "report", "-f", "csv", "-d", str(other_region_copy))
    assert result.exit_code == 0, result.stderr
    assert "'\t=1+1" in result.stdout


def test_markdown_cannot_link_or_ping(runner: CliRunner, other_region_copy: Path) -> None:
    hostile = "see https://evil.example www.evil.example @octocat :rocket:"
    text = other_region_copy.read_text(encoding="utf-8").replace('"Retail sales"', f'"{hostile}"')
    other_region_copy.write_text(text, encoding="utf-8")
    result = invoke(
        runner, "report", "-f", "markdown", "--lang", "en", "-d", str(other_region_copy)
    )
    assert result.exit_code == 0, result.stderr
    for raw in ("https://", "www.evil", "@octocat", ":rocket:"):
        assert raw not in result.stdout
    assert "https&#58;//evil.example &#119;ww.evil.example &#64;octocat &#58;rocket:" in (
        result.stdout
    )


def test_markdown_leaves_colons_between_chinese_words_as_typed() -> None:
    from ganxian_cli.output.sections import md_escape

    assert md_escape("注:重点调度项目总投资:23个项目") == "注:重点调度项目总投资:23个项目"
    assert md_escape("注:rocket:") == "注&#58;rocket:"


def test_validate_escapes_zero_width_characters(runner: CliRunner, other_region_copy: Path) -> None:
    text = other_region_copy.read_text(encoding="utf-8").replace(
        'unit = "亿元"', 'unit = "亿\u200b元"', 1
    )
    other_region_copy.write_text(text, encoding="utf-8")
    result = invoke(runner, "validate", str(other_region_copy))
    assert result.exit_code == 1
    assert "error[G101]" in result.stdout and "亿\\u200b元" in result.stdout
