"""A mistyped option value (a theme, an indicator to track, a qualifier word as printed) is
refused with status 2 and the value meant; so is a draft's mistyped choice or type."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT, invoke


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    path = tmp_path / "mine.toml"
    path.write_bytes((ROOT / "data" / "indicators.toml").read_bytes())
    return path


@pytest.mark.parametrize(
    ("word", "meant"), [("约", "about"), ("左右", "about"), ("余", "more_than"), ("近", "nearly")]
)
def test_a_qualifier_word_as_printed_gets_its_choice(
    runner: CliRunner, shipped: Path, word: str, meant: str
) -> None:
    args = ["record", "key_projects_started", "-p", "2022-H1", "-v", "23", "-n"]
    result = invoke(runner, *args, "--qualifier", word, "-d", str(shipped))
    assert result.exit_code == 2
    assert result.stderr.endswith(f"; did you mean {meant}?\n")


def test_a_new_indicators_mistyped_theme_is_a_usage_error(runner: CliRunner, shipped: Path) -> None:
    result = invoke(
        runner, "record", "new_one", "-p", "2022-H1", "-v", "3", "--unit", "个", "--name", "新",
        "--name-en", "New", "--theme", "industy", "-n", "-d", str(shipped),
    )  # fmt: skip
    assert result.exit_code == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--theme" in lines[0] and "did you mean industry?" in lines[0]


def test_a_mistyped_tracks_is_a_usage_error(runner: CliRunner, shipped: Path) -> None:
    result = invoke(
        runner, "record", "key_project_investment", "-p", "2023", "-v", "90", "--status",
        "target", "--tracks", "key_project_investmnt", "-n", "-d", str(shipped),
    )  # fmt: skip
    assert result.exit_code == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--tracks" in lines[0]
    assert "did you mean key_project_investment?" in lines[0]


def test_a_mistyped_theme_to_show_gets_the_theme_meant(runner: CliRunner, shipped: Path) -> None:
    result = invoke(runner, "report", "--theme", "relif", "-d", str(shipped))
    assert result.exit_code == 2
    assert "did you mean relief?" in result.stderr


def test_a_drafts_mistyped_choice_and_type_say_what_is_meant(
    runner: CliRunner, shipped: Path, tmp_path: Path
) -> None:
    draft = tmp_path / "draft.toml"
    draft.write_text(
        'schema_version = 1\nkind = "extract-draft"\n\n[[figures]]\n'
        'indicator = "key_projects"\nvalue = 23\nunit = "个"\nperiod = "2022"\n'
        'tracks = "key_projects_started"\ntarget_kind = "List"\nstock = "true"\n',
        encoding="utf-8",
    )
    result = invoke(runner, "import", str(draft), "-d", str(shipped), "-n")
    assert result.exit_code == 1
    assert "figure #1, stock: expected true or false (without quotes)" in result.stderr
    draft.write_text(draft.read_text(encoding="utf-8").replace('stock = "true"\n', ""))
    result = invoke(runner, "import", str(draft), "-d", str(shipped), "-n")
    assert "figure #1, target_kind: expected one of annual, list; did you mean list?" in (
        result.stderr
    )
