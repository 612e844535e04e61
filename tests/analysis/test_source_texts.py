"""A source's `text` file: only a visible article in the data file's folder is read, and no
message shows more of it than a quote's own length."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.analysis.checks.registry import all_problems
from ganxian_cli.analysis.checks.texts import closest_passage
from ganxian_cli.datafile.loader import load
from tests.conftest import TESTS, invoke

ARTICLES = TESTS / "data" / "articles"

SECRET = "API_KEY=sk-live-ABCDEFGHIJKLMNOP"

DATA = """schema_version = 1

[sources.s]
title = "江北县工业经济运行简报"
published = "2031-06"
publisher = "江北县工信局"
region = "江北县"
region_en = "Jiangbei County"
text = {text}

[themes.industry]
name = "工业运行"
name_en = "Industrial performance"

[indicators.output_value]
name = "规模以上工业总产值"
name_en = "Gross output"
theme = "industry"
unit = "亿元"

[[indicators.output_value.observations]]
period = "2031-01..2031-05"
value = 12.5
quote = "{quote}"
"""


def _data_file(folder: Path, text: str, quote: str = "API_KEY=sk-live 12.5亿元") -> Path:
    path = folder / "d.toml"
    path.write_text(DATA.format(text=text, quote=quote), encoding="utf-8")
    return path


def _copy_articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES, folder)
    return folder / "june_july.toml"


def _codes(path: Path) -> list[str]:
    return [p.code for p in all_problems(load(str(path)))]


def _validate(runner: CliRunner, path: Path) -> tuple[int, str]:
    result = invoke(runner, "validate", str(path))
    return result.exit_code, result.stdout + result.stderr


@pytest.mark.parametrize("name", [".env", ".git/config", "sub/.hidden/notes.txt"])
def test_a_hidden_source_text_is_refused_unread(
    runner: CliRunner, tmp_path: Path, name: str
) -> None:
    secret = tmp_path / name
    secret.parent.mkdir(parents=True, exist_ok=True)
    secret.write_text(f"{SECRET}\n江北县1-5月规模以上工业总产值12.5亿元\n", encoding="utf-8")
    status, output = _validate(runner, _data_file(tmp_path, f'"{name}"'))
    assert status == 1
    assert "error[G216]: sources.s.text:" in output
    assert repr(name) in output and "hidden" in output
    assert "sk-live" not in output.replace("API_KEY=sk-live 12.5", "")
    assert "ABCDE" not in output


def test_a_visible_link_to_a_hidden_file_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(f"{SECRET}\n江北县\n", encoding="utf-8")
    os.symlink(".env", tmp_path / "article.txt")
    status, output = _validate(runner, _data_file(tmp_path, '"article.txt"'))
    assert status == 1
    assert "error[G216]" in output and "'article.txt'" in output and "hidden" in output
    assert "ABCDE" not in output


def test_a_text_that_is_no_article_is_named_never_shown(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "settings.ini").write_text(f"[http]\n{SECRET}\nverbose = 1\n", encoding="utf-8")
    status, output = _validate(runner, _data_file(tmp_path, '"settings.ini"'))
    assert status == 1
    assert "error[G216]" in output and "'settings.ini'" in output
    assert "ABCDE" not in output and "verbose" not in output


def test_a_nul_in_a_source_text_name_is_a_problem_at_its_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    status, output = _validate(runner, _data_file(tmp_path, '"a\\u0000b"'))
    assert status == 1
    assert "internal error" not in output
    assert "d.toml:9:" in output and "error[G216]: sources.s.text:" in output


def test_the_closest_passage_of_an_article_is_shown(runner: CliRunner, tmp_path: Path) -> None:
    article = "江北县上半年工业经济运行简报。1-5月规模以上工业总产值88.4亿元,同比增长7.5%。"
    (tmp_path / "jun.txt").write_text(article, encoding="utf-8")
    quote = "1-5月规模以上工业总产值12.5亿元"
    status, output = _validate(runner, _data_file(tmp_path, '"jun.txt"', quote))
    assert status == 1
    assert "closest passage: '1-5月规模以上工业总产值88.4亿元'" in output


@pytest.mark.parametrize(
    ("needle", "haystack"),
    [
        ("工业总产值12.5亿元", "前言。工业总产值88.4亿元,同比增长7.5%。其余的文字"),
        ("KEY=12.5亿元", "KEY=sk-live-ABCDEFGHIJ"),
        ("尾部的文字", "开头"),
        ("abcdefgh", "xxabcdefghxx"),
    ],
)
def test_a_passage_is_never_longer_than_the_quote(needle: str, haystack: str) -> None:
    passage = closest_passage(needle, haystack)
    assert len(passage) <= len(needle)
    assert passage in haystack


@pytest.mark.parametrize("text", ["/etc/passwd", "../secret.txt", "sub/../../secret.txt"])
def test_a_source_text_outside_the_folder_is_refused_unread(
    runner: CliRunner, tmp_path: Path, text: str
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT 88.4亿元", encoding="utf-8")
    path = _copy_articles(tmp_path)
    data = path.read_text(encoding="utf-8").replace('text = "jun.txt"', f'text = "{text}"')
    path.write_text(data, encoding="utf-8")
    result = invoke(runner, "validate", str(path))
    assert result.exit_code == 1
    assert "error[G216]: sources.jun.text:" in result.stdout
    assert "TOP-SECRET" not in result.stdout + result.stderr
    assert "root:" not in result.stdout


def test_a_missing_source_text_is_reported(tmp_path: Path) -> None:
    path = _copy_articles(tmp_path)
    (path.parent / "jul.txt").unlink()
    assert _codes(path) == ["G216"]


def test_a_source_text_that_is_no_regular_file_is_never_opened(tmp_path: Path) -> None:
    path = _copy_articles(tmp_path)
    (path.parent / "jul.txt").unlink()
    os.mkfifo(path.parent / "jul.txt")  # opening it would block
    problems = all_problems(load(str(path)))
    assert [(p.code, p.message) for p in problems] == [
        ("G216", "source text 'jul.txt' is not a regular file")
    ]


def test_extract_beside_a_data_file_with_a_nul_source_text(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = _data_file(tmp_path, '"a\\u0000b"')
    article = tmp_path / "a.txt"
    article.write_text("2031年1-5月规模以上工业总产值12.5亿元。\n", encoding="utf-8")
    result = invoke(runner, "extract", str(article), "--data", str(data), "--format", "json")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert '"value": "12.5"' in result.stdout or '"value": 12.5' in result.stdout


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("   \n\n", "it is empty"),
        ("江北县工业总产值\x1b[31m12.5亿元", "it holds control characters"),
        ("token = abcdefghijklmnopqrstuvwxyz 江北", "too little Chinese text"),
    ],
)
def test_a_refused_text_says_why_without_its_content(
    tmp_path: Path, content: str, why: str
) -> None:
    (tmp_path / "a.txt").write_text(content, encoding="utf-8")
    problems = all_problems(load(str(_data_file(tmp_path, '"a.txt"'))))
    assert [(p.code, p.message) for p in problems] == [
        ("G216", f"source text 'a.txt' does not read as an article ({why})")
    ]
