"""`ganxian report`: every format pinned by golden files, and the output contract."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import DATA, ROOT, TESTS, golden, invoke

OTHER = TESTS / "data" / "other_region.toml"


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["--color", "never"], "report_zh.txt"),
        (["--color", "never", "--lang", "en"], "report_en.txt"),
        (["--format", "json"], "report.json"),
        (["--format", "csv"], "report.csv"),
        (["--format", "markdown"], "report.md"),
        (
            ["--format", "markdown", "--lang", "en", "--theme", "key_projects"],
            "report_key_projects_en.md",
        ),
    ],
)
def test_report_formats_golden(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, args: list[str], name: str
) -> None:
    monkeypatch.chdir(ROOT)  # the caption names the file as given: keep it relative
    result = invoke(runner, "report", "--data", "data/indicators.toml", *args)
    assert result.exit_code == 0, result.stderr
    golden(name, result.stdout)


def test_json_numbers_are_exact_and_utf8(runner: CliRunner) -> None:
    result = invoke(runner, "report", "--data", str(DATA), "--json")
    text = result.stdout
    assert '"value": 133.87,' in text
    assert '"value": 30478,' in text
    assert "\\u" not in text and "赣县区" in text
    doc = json.loads(text, parse_float=Decimal)
    assert doc["schema_version"] == 6
    assert len(doc["figures"]) == 68
    assert doc["source"]["region"] == "赣县区"
    assert str(DATA) not in text  # which file was read goes to stderr, not into the data
    assert f"data from {DATA}" in result.stderr


def test_json_has_no_ansi_even_when_colour_is_forced(runner: CliRunner) -> None:
    plain = invoke(runner, "report", "--data", str(DATA), "--json").stdout
    forced = invoke(
        runner, "report", "--data", str(DATA), "--json", env={"FORCE_COLOR": "1"}
    ).stdout
    assert forced == plain
    assert "\x1b" not in forced


def test_table_colour_modes(runner: CliRunner) -> None:
    never = invoke(runner, "report", "--data", str(DATA), "--color", "never").stdout
    always = invoke(runner, "report", "--data", str(DATA), "--color", "always").stdout
    auto_piped = invoke(runner, "report", "--data", str(DATA)).stdout
    no_color = invoke(
        runner, "report", "--data", str(DATA), env={"NO_COLOR": "1", "FORCE_COLOR": "1"}
    ).stdout
    assert "\x1b[" not in never and "\x1b[" in always
    assert auto_piped == never  # not a terminal: no colour
    assert no_color == never


def test_numbers_never_wrap_in_a_narrow_terminal(runner: CliRunner) -> None:
    result = invoke(
        runner, "report", "--data", str(DATA), "--color", "never", env={"COLUMNS": "60"}
    )
    for shown in ("133.87亿元", "30478万元", "约180.3亿元", "28.44个百分点", "1.2万多亩"):
        assert shown in result.stdout


def test_filters(runner: CliRunner) -> None:
    result = invoke(
        runner, "report", "--data", str(DATA), "--json", "--theme", "relief", "--period", "2022"
    )
    doc = json.loads(result.stdout)
    assert {f["theme"] for f in doc["figures"]} == {"relief"}
    assert len(doc["figures"]) == 8
    jan_may = json.loads(
        invoke(runner, "report", "--data", str(DATA), "--json", "-p", "2022-01..2022-05").stdout
    )
    assert {f["period"] for f in jan_may["figures"]} <= {"2022-01..2022-05", "2022-05", "2022-Q1"}
    assert "2022" not in {f["period"] for f in jan_may["figures"]}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--theme", "nonsense"], "unknown theme 'nonsense' (known: industry,"),
        (["--period", "2022-13"], "--period: no month 13"),
        (["--format", "yaml"], "'yaml' is not one of"),
        (["--lang", "fr"], "'fr' is not one of"),
        (["--data", "no/such/file.toml"], "no/such/file.toml: no such file"),
        (["--data", "tests"], "is a directory"),
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, args: list[str], message: str) -> None:
    result = invoke(
        runner, "report", *(["--data", str(DATA)] if "--data" not in args else []), *args
    )
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_second_region_works_the_same_way(runner: CliRunner) -> None:
    result = invoke(runner, "report", "--data", str(OTHER), "--json")
    doc = json.loads(result.stdout)
    assert doc["source"]["region"] == "样例县"
    assert [f["period"] for f in doc["figures"]][:3] == ["2031", "2031-Q1", "2031-01..2031-04"]
    table = invoke(runner, "report", "--data", str(OTHER), "--color", "never").stdout
    assert "2031年一季度" in table and "-12户" in table and "-3.2%" in table


HOSTILE = """schema_version = 1
[source]
region = "[bold red]R[/bold red]"
region_en = "R"
title = "t"
[themes.x]
name = "[link=https://example.invalid]click[/link]"
name_en = "x"
[indicators.a]
name = "A\\u001b[31mred\\u0007\\r"
name_en = "[bold]A"
theme = "x"
unit = "个"
[[indicators.a.observations]]
period = "2022"
value = 1
subject = "| col | ` * _"
quote = "1个 \\u001b]8;;https://example.invalid\\u0007"
"""


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "json"])
def test_data_is_never_markup_or_terminal_control(
    runner: CliRunner, tmp_path: Path, fmt: str
) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(HOSTILE, encoding="utf-8")
    result = invoke(runner, "report", "--data", str(path), "--format", fmt, "--color", "always")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "\x07" not in text and "\r" not in text
    if fmt == "json":
        assert "\x1b" not in text
        assert json.loads(text)["figures"][0]["name"] == "A\x1b[31mred\x07\r"
        return
    if fmt == "table":
        assert "[link=https://example.invalid]click[/link]" in text
        assert "\x1b]8;" not in text  # no hyperlink escape reaches the terminal
        assert "A\\x1b[31mred\\x07\\r" in text
    elif fmt == "markdown":
        assert "\x1b" not in text
        assert "\\[link=https&#58;//example.invalid\\]click\\[/link\\]" in text
        assert "\\| col \\|" in text
    else:
        assert "\x1b" not in text
        assert "A\\x1b[31mred\\x07\\r" in text


def _cli(*args: str, **kw) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("FORCE_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "ganxian_cli", *args], env=env, capture_output=True, **kw
    )


def test_closed_pipe_ends_quietly() -> None:
    if shutil.which("head") is None:
        pytest.skip("needs head")
    command = f"'{sys.executable}' -m ganxian_cli report --data '{DATA}' --color never | head -3"
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.decode().splitlines()) == 3
    assert b"Traceback" not in result.stderr and b"Broken pipe" not in result.stderr


def test_module_entry_point_and_version() -> None:
    result = _cli("--version")
    assert result.returncode == 0
    assert result.stdout.decode().startswith("ganxian ")


def test_data_file_resolution_order(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    packaged = invoke(runner, "report", "--json")
    assert json.loads(packaged.stdout)["source"]["region"] == "赣县区"  # packaged copy
    (tmp_path / "data").mkdir()
    shutil.copy(OTHER, tmp_path / "data" / "indicators.toml")
    local = invoke(runner, "report", "--json")
    assert json.loads(local.stdout)["source"]["region"] == "样例县"  # ./data/indicators.toml
    env = invoke(runner, "report", "--json", env={"GANXIAN_DATA": str(DATA)})
    assert json.loads(env.stdout)["source"]["region"] == "赣县区"  # $GANXIAN_DATA wins
    option = invoke(
        runner, "report", "--json", "--data", str(OTHER), env={"GANXIAN_DATA": str(DATA)}
    )
    assert json.loads(option.stdout)["source"]["region"] == "样例县"  # --data wins over all
