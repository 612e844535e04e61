"""Help, language, --quiet, --bom, themes by name, `list`, `history`, spreadsheets, pages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from .conftest import DATA, ROOT, TESTS, invoke

PROGRESS = TESTS / "data" / "progress_region.toml"
COMMANDS = ["report", "progress", "compare", "validate", "fmt", "record", "schema", "list",
            "history"]  # fmt: skip


def test_short_and_long_help_explain_the_terms(runner: CliRunner) -> None:
    short = invoke(runner, "-h", env={"COLUMNS": "80"})
    assert short.exit_code == 0
    assert short.stdout == invoke(runner, "--help", env={"COLUMNS": "80"}).stdout
    for term in ("双过半", "序时进度", "余/多", "近", "约/左右", "--install-completion"):
        assert term in short.stdout
    listed = short.stdout.split("Commands:")[1]
    assert "..." not in listed  # no summary cut off
    assert all(f"  {c} " in listed for c in COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_examples_and_path_metavars(runner: CliRunner, command: str) -> None:
    result = invoke(runner, command, "-h", env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert "Examples:" in result.stdout and f"ganxian {command}" in result.stdout
    if "-d, --data" in result.stdout:
        assert "--data PATH" in result.stdout


def test_ganxian_lang_sets_the_default_language(runner: CliRunner) -> None:
    args = ("report", "--data", str(DATA), "--theme", "relief", "--color", "never")
    english = invoke(runner, *args, env={"GANXIAN_LANG": "en"}).stdout
    assert "Enterprise relief" in english and "342 firms" in english
    assert "纾困减负" in invoke(runner, *args).stdout
    assert "纾困减负" in invoke(runner, *args, "--lang", "zh", env={"GANXIAN_LANG": "en"}).stdout


def test_quiet_drops_the_data_from_line(runner: CliRunner) -> None:
    for command in ("report", "progress", "compare", "list"):
        loud = invoke(runner, command, "--data", str(DATA), "--json")
        quiet = invoke(runner, command, "--data", str(DATA), "--json", "--quiet")
        assert "data from" in loud.stderr
        assert quiet.stderr == "" and quiet.stdout == loud.stdout


def test_bom_csv(runner: CliRunner) -> None:
    plain = invoke(runner, "report", "--data", str(DATA), "--format", "csv").stdout
    bom = invoke(runner, "report", "--data", str(DATA), "--format", "csv", "--bom").stdout
    assert bom == "\ufeff" + plain
    assert ",2022-01..2022-05," in plain  # periods as written, never a date
    progress = invoke(runner, "progress", "--data", str(DATA), "--format", "csv", "--bom")
    assert progress.stdout.startswith("\ufeffsection,")


def test_theme_by_chinese_or_english_name(runner: CliRunner) -> None:
    by_id = invoke(runner, "report", "--data", str(DATA), "--json", "--theme", "relief").stdout
    for name in ("纾困减负", "Enterprise relief", "enterprise relief"):
        assert invoke(runner, "report", "--data", str(DATA), "--json", "-t", name).stdout == by_id
    bad = invoke(runner, "report", "--data", str(DATA), "--theme", "纾困")
    assert bad.exit_code == 2 and "unknown theme '纾困'" in bad.stderr


def test_list_searches_ids_and_both_names(runner: CliRunner) -> None:
    def ids(*args: str) -> list[str]:
        result = invoke(runner, "list", *args, "--data", str(DATA), "--json")
        assert result.exit_code == 0, result.stderr
        doc = json.loads(result.stdout)
        assert doc["kind"] == "list" and doc["schema_version"] == 1
        return [item.get("id") or item.get("period") or item.get("target") for item in doc["items"]]

    assert "industrial_revenue" in ids("indicators", "--search", "营业收入")
    assert "industrial_revenue" in ids("indicators", "--search", "REVENUE")
    assert ids("themes", "--search", "工业") == ["industry"]
    assert ids("periods")[:2] == ["2022-Q1", "2022-01..2022-05"]
    assert len(ids("targets")) == 3 and len(ids("sources")) == 1
    table = invoke(runner, "list", "themes", "--data", str(DATA)).stdout
    assert "工业运行" in table and "指标数" in table


def test_history_by_id_or_name_and_suggestions(runner: CliRunner) -> None:
    result = invoke(
        runner, "history", "规模以上工业企业营业收入", "--data", str(DATA), "--lang", "en"
    )
    assert result.exit_code == 0, result.stderr
    assert "15.756 billion yuan" in result.stdout and "+12.24%" in result.stdout
    assert "██████████" in result.stdout  # the target, the largest, is a full bar
    doc = json.loads(invoke(runner, "history", "industrial_revenue", "--data", str(DATA),
                            "--json").stdout)  # fmt: skip
    assert [f["period"] for f in doc["figures"]] == ["2022-01..2022-05", "2022"]
    assert doc["indicator"]["unit"] == "亿元"
    unknown = invoke(runner, "history", "industrial_revenu", "--data", str(DATA))
    assert unknown.exit_code == 2
    assert "did you mean industrial_revenue (规模以上工业企业营业收入)" in unknown.stderr
    months = invoke(runner, "history", "output", "--data", str(PROGRESS))
    assert months.stdout.count("│ 20") >= 5  # a row per month recorded


def test_xlsx_needs_an_output_file_and_html_is_not_for_every_command(runner: CliRunner) -> None:
    missing = invoke(runner, "report", "--data", str(DATA), "--format", "xlsx")
    assert missing.exit_code == 2 and "--format xlsx needs --output FILE" in missing.stderr
    compare = invoke(runner, "compare", "--data", str(DATA), "-f", "html", "-o", "x.html")
    assert compare.exit_code == 2 and "not available" in compare.stderr


@pytest.mark.parametrize(
    ("args", "first_sheet"),
    [
        (["report"], "工业运行"),
        (["progress"], "双过半"),
        (["compare", "--lang", "en"], "Year on year"),
        (["history", "industrial_revenue"], "规模以上工业企业营业收入(industrial_revenue)"),
    ],
)
def test_xlsx_reads_back(
    runner: CliRunner, tmp_path: Path, args: list[str], first_sheet: str
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "out.xlsx"
    result = invoke(runner, *args, "--data", str(DATA), "-f", "xlsx", "-o", str(path))
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    assert sheet.title.startswith(first_sheet[:31])
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(2)]
    numbers = [v for row in rows for v in row.values() if isinstance(v, int | float)]
    assert numbers, "numbers are stored as numbers"
    if args[0] == "report":
        assert len(book.worksheets) == 11  # ten themes and the 双过半 targets
        revenue = next(r for r in rows if r["indicator"] == "industrial_value_added_growth")
        assert revenue["value"] == 8.5 and revenue["unit"] == "%"
        assert (
            revenue["period"] == "2022-01..2022-05" and revenue["name"] == "规模以上工业增加值增速"
        )
        months = [r for s in book.worksheets for r in s.iter_rows(2, values_only=True)]
        assert any(v == "2022-06" for row in months for v in row)  # text, not a date
    if args[0] == "progress":
        assert rows[0]["unit"] == "亿元" and rows[0]["target_value"] == 83.19


def test_html_is_self_contained(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    result = invoke(runner, "report", "--data", str(DATA), "-f", "html", "-o", str(path))
    assert result.exit_code == 0, result.stderr
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<script src" not in page and "<link" not in page and "@import" not in page
    assert "kozea.github.io" not in page
    assert page.count("<svg") >= 4  # three targets and the indicators with several periods
    assert "规模以上工业企业营业收入" in page and "序时进度" in page and "50%" in page
    progress = tmp_path / "progress.html"
    invoke(runner, "progress", "--data", str(PROGRESS), "--lang", "en", "-f", "html", "-o",
           str(progress))  # fmt: skip
    english = progress.read_text(encoding="utf-8")
    assert english.count("<svg") >= 1
    assert "completion of 12 billion yuan" in english  # English amounts in English charts


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ganxian_cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )


def _complete(words: str) -> list[str]:
    env = {
        "_GANXIAN_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        "GANXIAN_DATA": str(DATA),
    }
    result = subprocess.run(
        [sys.executable, "-c", "import sys; sys.argv[0] = 'ganxian'; "
         "from ganxian_cli.cli.entry import main; main()"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT), **env},
    )  # fmt: skip
    return result.stdout.split()


def test_shell_completion_offers_ids_themes_and_periods() -> None:
    assert "industrial_revenue" in _complete("ganxian history industrial_r")
    assert "relief" in _complete("ganxian report --theme re")
    assert "2022-01..2022-05" in _complete("ganxian report --period 2022-0")
    script = _run("--show-completion", "bash")
    assert script.returncode == 0 and "_GANXIAN_COMPLETE" in script.stdout


def test_machine_output_does_not_import_xlsx_or_chart_libraries() -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "ganxian_cli", "report", "--format", "json",
         "--data", str(DATA)],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert result.returncode == 0
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert not {m for m in imported if m.split(".")[0] in ("xlsxwriter", "pygal", "openpyxl")}


def test_quick_start_is_two_commands_without_python_or_system_pip() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- quick-start")[1].split("```sh\n")[1].split("```")[0]
    commands = block.strip().splitlines()
    assert len(commands) == 2
    for command in commands:
        assert command.startswith("python3 -m venv .venv && .venv/bin/pip install ")
        assert "python -m pip" not in command and " pip install" not in command.split("&&")[0]
    extract = subprocess.run(
        ["bash", "-c", "sed -n '/^<!-- quick-start/,/^```$/p' README.md | grep -E "
         "'^python3 -m venv \\.venv && \\.venv/bin/pip install -e' | head -1"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    assert extract.stdout.strip() == commands[1]  # what .ci/run runs word for word
    assert 'grep -E "^python3 -m venv \\.venv && \\.venv/bin/pip install -e"' in (
        ROOT / ".ci" / "run"
    ).read_text(encoding="utf-8")


def test_pre_commit_hooks_take_any_toml_file() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert hooks.count("types: [toml]") == 2 and "indicators[" not in hooks


def test_record_suggests_the_closest_ids(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "indicators.toml"
    path.write_bytes(DATA.read_bytes())
    result = invoke(runner, "record", "industrial_revenu", "-p", "2022-06", "-v", "1",
                    "--data", str(path))  # fmt: skip
    assert result.exit_code == 2
    assert "did you mean industrial_revenue (规模以上工业企业营业收入)" in result.stderr
    assert path.read_bytes() == DATA.read_bytes()
