"""A figure's `subject_en` is shown in English output; Chinese output keeps `subject`."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from ganxian_cli.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
OTHER = ROOT / "tests" / "data" / "other_region.toml"


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "subjects.toml"
    path.write_bytes(OTHER.read_bytes())
    args = ["record", "retail_sales", "-p", "2031-06", "-v", "3.5", "--subject", "青山公司",
            "-d", str(path)]  # fmt: skip
    assert CliRunner().invoke(app, args, catch_exceptions=False).exit_code == 0
    return path


def _report(path: Path, lang: str) -> str:
    args = ["report", "-q", "--data", str(path), "--lang", lang, "--color", "never"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "200"}, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_english_output_shows_subject_en_where_given(tmp_path: Path) -> None:
    path = _file(tmp_path)
    assert "青山公司" in _report(path, "en")  # no English name yet: the Chinese one
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('subject = "青山公司"', 'subject = "青山公司"\nsubject_en = "Qingshan Co."'),
        encoding="utf-8",
    )
    fmt = CliRunner().invoke(app, ["fmt", "--check", str(path)], catch_exceptions=False)
    assert fmt.exit_code == 0, fmt.stdout  # the canonical place of the field
    english = _report(path, "en")
    assert "Qingshan Co." in english and "青山公司" not in english
    chinese = _report(path, "zh")
    assert "青山公司" in chinese and "Qingshan Co." not in chinese


def test_every_subject_of_the_shipped_data_has_an_english_name() -> None:
    result = CliRunner().invoke(
        app, ["report", "-q", "--lang", "en", "--format", "markdown"], catch_exceptions=False
    )
    rows = [line for line in result.stdout.splitlines() if line.startswith("|")]
    assert rows
    han = [row for row in rows if any("\u4e00" <= ch <= "\u9fff" for ch in row)]
    assert han == [], han[:3]
