"""`record --replace` changes what is given and keeps the rest of the figure (its quote, note,
year-on-year growth, qualifier); a list target must count items, in record and import."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT, invoke

TARGET = ["key_project_investment", "-p", "2022", "-v", "83.19", "--status", "target"]


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    path = tmp_path / "mine.toml"
    path.write_bytes((ROOT / "data" / "indicators.toml").read_bytes())
    return path


def _block(path: Path, header: str, period: str) -> str:
    text = path.read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        if block.startswith(header) and f'period = "{period}"' in block:
            return block
    raise AssertionError(f"no {header} for {period}")


def test_replace_keeps_the_quote_note_yoy_and_qualifier_not_given(
    runner: CliRunner, shipped: Path
) -> None:
    header = "[[indicators.industrial_output.observations]]"
    add = ["record", "industrial_output", "-p", "2022-H1", "-v", "160", "--yoy", "30.1",
           "--qualifier", "more_than", "--quote", "工业总产值160余亿元,增长30.1%", "--note", "旧",
           "-d", str(shipped)]  # fmt: skip
    assert invoke(runner, *add).exit_code == 0
    result = invoke(
        runner, "record", "industrial_output", "-p", "2022-H1", "-v", "161", "--replace",
        "--quote", "工业总产值161余亿元,增长30.1%", "-d", str(shipped),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    block = _block(shipped, header, "2022-H1")
    assert "value = 161" in block
    assert 'quote = "工业总产值161余亿元,增长30.1%"' in block  # given: changed
    assert "yoy = 30.1" in block and 'note = "旧"' in block  # not given: kept
    assert 'qualifier = "more_than"' in block


def test_replace_to_set_a_kind_keeps_the_quote(runner: CliRunner, shipped: Path) -> None:
    result = invoke(
        runner, "record", *TARGET, "--tracks", "key_project_investment", "--target-kind",
        "annual", "--replace", "-d", str(shipped),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    block = _block(shipped, "[[indicators.key_project_investment.observations]]", "2022")
    assert 'quote = "年度计划投资83.19亿元"' in block


def test_a_list_target_that_is_not_a_count_is_refused(runner: CliRunner, shipped: Path) -> None:
    before = shipped.read_bytes()
    result = invoke(
        runner, "record", *TARGET, "--tracks", "key_project_investment", "--target-kind",
        "list", "--replace", "-d", str(shipped),
    )  # fmt: skip
    assert result.exit_code == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--target-kind" in lines[0] and "亿元" in lines[0], lines
    assert shipped.read_bytes() == before


@pytest.mark.parametrize(("value", "year"), [("90", "2023"), ("83.19", "2022")])
def test_a_drafts_list_target_that_is_not_a_count_is_refused(
    runner: CliRunner, shipped: Path, tmp_path: Path, value: str, year: str
) -> None:  # a new figure, or one the file has (skipped) whose target would change kind
    draft = tmp_path / "draft.toml"
    draft.write_text(
        'schema_version = 1\nkind = "extract-draft"\n\n[[figures]]\n'
        f'indicator = "key_project_investment"\nvalue = {value}\nunit = "亿元"\nperiod = "{year}"\n'
        'status = "target"\ntracks = "key_project_investment"\ntarget_kind = "list"\n',
        encoding="utf-8",
    )
    before = shipped.read_bytes()
    result = invoke(runner, "import", str(draft), "-d", str(shipped))
    assert result.exit_code != 0
    assert f"{draft}:11:" in result.stderr and "figure #1, target_kind" in result.stderr
    assert "亿元" in result.stderr
    assert shipped.read_bytes() == before
