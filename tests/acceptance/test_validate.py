"""`ganxian validate`: every error code on a small file, pinned by golden output."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.analysis.checks.validation import validate_file
from tests.conftest import DATA, TESTS, golden, invoke

BASE = (TESTS / "data" / "other_region.toml").read_text(encoding="utf-8")

# name -> (code expected, text replaced, replacement); each golden file pins the exact output.
MUTATIONS: dict[str, tuple[str, str, str]] = {
    "G020-syntax": ("G020", "value = 9.6\n", "value = 9.6.1\n"),
    "G100-string-value": ("G100", "value = 9.6\n", 'value = "9.6"\n'),
    "G100-missing-field": ("G100", 'name_en = "Retail sales"\n', ""),
    "G100-unknown-field": ("G100", "yoy = -3.2\n", "yoy = -3.2\ngrowth = 1\n"),
    "G100-nan": ("G100", "value = 9.6\n", "value = nan\n"),
    "G100-bad-period": ("G100", 'period = "2031-Q1"', 'period = "2031-13"'),
    "G100-bad-relation-kind": ("G100", 'kind = "sum"', 'kind = "product"'),
    "G101-unknown-unit": ("G101", 'unit = "亿元"', 'unit = "亿圆"'),
    "G201-unknown-theme": ("G201", 'theme = "economy"', 'theme = "economics"'),
    "G201-unknown-reference": (
        "G201",
        'part = "projects_started_industry"',
        'part = "projects_begun"',
    ),
    "G202-duplicate": ("G202", 'period = "2031-01..2031-04"', 'period = "2031-Q1"'),
    "G203-unit-family": ("G203", 'unit = "万元"', 'unit = "万亩"'),
    "G203-relation-families": (
        "G203",
        'part = "projects_started_industry"\nwhole',
        'part = "retail_sales@2031-Q1"\nwhole',
    ),
    "G204-count-fraction": ("G204", "value = 12\n", "value = 12.5\n"),
    "G205-negative-amount": ("G205", "value = 9.6\n", "value = -9.6\n"),
    "G207-forecast-target": ("G207", "value = 40\nquote", 'value = 40\nstatus = "forecast"\nquote'),
    "G210-quote-mismatch": ("G210", 'quote = "开工率30.0%"', 'quote = "开工率31.0%"'),
    "G301-rate": ("G301", "value = 30.0\n", "value = 31.0\n"),
    "G302-part-exceeds-whole": (
        "G302",
        'whole = "projects_started"',
        'whole = "projects_started_other"',
    ),
    "G303-sum": (
        "G303",
        'parts = ["projects_started_industry", "projects_started_other"]',
        'parts = ["projects_started_industry"]',
    ),
    "W001-no-quote": ("W001", 'quote = "其他项目5个"\n', ""),
    "W005-stock-toward-annual-target": (
        "W005",
        'name_en = "Projects started"\ntheme = "projects"\nunit = "个"\n',
        'name_en = "Projects started"\ntheme = "projects"\nunit = "个"\nstock = true\n',
    ),
    "W006-list-of-amounts": (
        "W006",
        'actual = "retail_sales"\n',
        'actual = "retail_sales"\nkind = "list"\n',
    ),
    "W002-target-without-actual": (
        "W002",
        'period = "2031-01..2031-03"',
        'period = "2031-03"',  # a single month is no year-to-date figure
    ),
}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_error_catalogue(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    code, old, new = MUTATIONS[name]
    assert old in BASE, name
    text = BASE.replace(old, new, 1)
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, name, text)
    result = invoke(runner, "validate", f"{name}.toml")
    assert f"[{code}]" in result.stdout
    assert result.exit_code == (0 if code.startswith("W") else 1)
    golden(f"errors/{name}.txt", result.stdout)


def test_the_arithmetic_typo_from_the_article(tmp_path: Path) -> None:
    text = DATA.read_text(encoding="utf-8").replace("value = 58.33", "value = 58.93")
    result = validate_file(str(_write(tmp_path, "typo", text)))
    messages = [(p.code, p.line, p.message) for p in result.problems]
    line = text.splitlines().index("value = 70.11") + 1
    assert ("G301", line, "expected 70.11 %, computed 70.84 % from 58.93 / 83.19") in messages
    assert any(code == "G210" and "58.93亿元" in msg for code, _l, msg in messages)


def test_points_ahead_accepted_on_months_basis_only(tmp_path: Path) -> None:
    text = DATA.read_text(encoding="utf-8")
    assert validate_file(str(DATA)).problems == []
    days = text.replace(
        'gap = "key_project_schedule_lead"\n', 'gap = "key_project_schedule_lead"\nbasis = "days"\n'
    )
    problems = validate_file(str(_write(tmp_path, "days", days))).problems
    assert [p.code for p in problems] == ["G304"]
    assert "computed 28.74 from 70.11% - 41.37% time progress (days basis)" in problems[0].message


@pytest.mark.parametrize(
    ("name", "old", "new", "code", "at"),
    [
        (
            "changed digit",
            "value = 133.87",
            "value = 133.97",
            "G210",
            'quote = "规模以上企业完成工业总产值',
        ),
        ("wrong unit", 'unit = "万元"', 'unit = "万吨"', "G210", 'quote = "工业税收30478万元"'),
        (
            "dropped field",
            'name_en = "Industrial tax revenue"\n',
            "",
            "G100",
            "[indicators.industrial_tax]",
        ),
        (
            "broken quote",
            'quote = "工业税收30478万元"',
            'quote = "工业税收3478万元"',
            "G210",
            "工业税收3478万元",
        ),
        (
            "duplicated figure",
            'period = "2022-06"\nvalue = 13\nstatus = "forecast"\n',
            'period = "2022-01..2022-05"\nvalue = 13\n',
            "G202",
            "[[indicators.signed_projects.observations]]",
        ),
    ],
)
def test_mutated_shipped_file(
    tmp_path: Path, name: str, old: str, new: str, code: str, at: str
) -> None:
    text = DATA.read_text(encoding="utf-8")
    assert old in text
    mutated = text.replace(old, new, 1)
    problems = validate_file(str(_write(tmp_path, "m", mutated))).problems
    assert problems, name
    first = problems[0]
    assert first.code == code
    assert first.line is not None
    assert at in mutated.splitlines()[first.line - 1]


def test_json_format(runner: CliRunner, tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad", BASE.replace("value = 30.0\n", "value = 31.0\n"))
    result = invoke(runner, "validate", "--format", "json", str(DATA), str(bad))
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["schema_version"] == 2 and doc["status"] == "fail"
    assert [f["status"] for f in doc["files"]] == ["ok", "fail"]
    (error,) = [e for e in doc["errors"] if e["code"] == "G301"]
    assert error["file"] == str(bad) and error["line"] == 106 and error["severity"] == "error"
    assert set(error) == {"file", "line", "column", "path", "code", "message", "severity"}
    ok = invoke(runner, "validate", "--format", "json", str(DATA))
    assert ok.exit_code == 0 and json.loads(ok.stdout)["status"] == "ok"


def test_strict_turns_warnings_into_errors(runner: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, "w", BASE.replace('quote = "其他项目5个"\n', ""))
    assert invoke(runner, "validate", str(path)).exit_code == 0
    strict = invoke(runner, "validate", "--strict", str(path))
    assert strict.exit_code == 1 and "error[W001]" in strict.stdout


def test_source_quotes_must_be_verbatim(runner: CliRunner, tmp_path: Path) -> None:
    first = "全年社会消费品零售总额目标40.00亿元"
    second = "一季度社会消费品零售总额9.6亿元,同比下降3.2%"
    assert first in BASE and second in BASE
    source = _write(tmp_path, "article", f"{first}。{second[:8]}\n\n{second[8:]}")
    result = invoke(runner, "validate", "--source", str(source), str(_write(tmp_path, "d", BASE)))
    assert result.exit_code == 1
    assert "error[G211]" in result.stdout
    found = [line for line in result.stdout.splitlines() if "G211" in line]
    assert len(found) == 7  # all nine but the two the source holds (line breaks ignored)
    assert "retail_sales.observations[2].quote: quote not found in the source" in found[0]
    assert found[0].endswith("closest passage: '会消费品零售总额目标40.00亿'")


def test_stdin_and_several_files(runner: CliRunner) -> None:
    result = invoke(runner, "validate", "-", str(DATA), input=BASE.encode())
    assert result.exit_code == 0
    assert result.stdout.strip() == "ok: 2 files, 77 figures, 0 warnings"
    bad = invoke(runner, "validate", "-", input=b"schema_version = [")
    assert bad.exit_code == 1 and bad.stdout.startswith("<stdin>:1:")


def test_github_format_cannot_inject_commands(runner: CliRunner, tmp_path: Path) -> None:
    hostile = BASE.replace(
        'quote = "开工率30.0%"', 'quote = "100%\\n::add-mask::x\\r\\n::set-output name=a::b"'
    )
    path = _write(tmp_path, "a,b:c", hostile)
    result = invoke(runner, "validate", "--format", "github", str(path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert all(line.startswith(("::error ", "::warning ")) for line in lines)
    (line,) = [x for x in lines if "G210" in x]
    assert "file=" + str(tmp_path).replace(":", "%3A") + "/a%2Cb%3Ac.toml" in line
    assert "100%25" in line and "\n" not in line and "\r" not in line


def test_github_escapes_line_breaks_and_percent() -> None:
    from ganxian_cli.errors import Problem
    from ganxian_cli.output.problems import github_lines

    problem = Problem("G210", "50%\n::add-mask::x\r\n\x1b[31m", "a,b:c.toml", 3, 2, "p")
    (line,) = github_lines([problem])
    expected = "::error file=a%2Cb%3Ac.toml,line=3,col=2,title=G210::"
    assert line == expected + "p: 50%25%0A::add-mask::x%0D%0A\\x1b[31m"


@pytest.mark.parametrize(
    ("make", "status", "message"),
    [
        (lambda p: p.mkdir(), 2, "is a directory"),
        (lambda p: os.mkfifo(p), 2, "not a regular file"),
        (lambda p: None, 2, "no such file"),
        (lambda p: p.write_bytes(b"\xef\xbb\xbfschema_version = 1\n"), 1, ":1:1: error[G011]"),
        (lambda p: p.write_bytes(b"a = 1\nb = '\xff'\n"), 1, ":2:6: error[G010]"),
        (lambda p: p.write_bytes(b"a = 1\nb = '\x00'\n"), 1, ":2:6: error[G012]"),
        (lambda p: p.write_text("a = " + "[" * 5000 + "]" * 5000), 1, ":1: error[G021]"),
        (lambda p: p.write_text("a = " + "9" * 5000), 1, "error[G021]"),
        (lambda p: p.write_text("a = 1\n" * 800_000), 1, "error[G013]: file larger than 4 MiB"),
    ],
    ids=["directory", "fifo", "missing", "bom", "bad-utf8", "nul", "deep", "huge-int", "huge-file"],
)
def test_hostile_paths_and_bytes(
    runner: CliRunner, tmp_path: Path, make, status: int, message: str
) -> None:
    path = tmp_path / "x.toml"
    make(path)
    result = invoke(runner, "validate", str(path))
    assert result.exit_code == status
    assert message in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_permission_denied(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    path = _write(tmp_path, "locked", BASE)
    real_open = builtins.open

    def deny(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", deny)
    result = invoke(runner, "validate", str(path))
    assert result.exit_code == 2
    assert result.stderr == f"ganxian: error: {path}: cannot read: Permission denied\n"


def test_json_with_a_missing_file_is_still_a_document(runner: CliRunner, tmp_path: Path) -> None:
    """Scripts parse the output whatever happens: the unreadable file is in it, status 2."""
    from jsonschema import validate as check_schema

    from ganxian_cli.output.schemas import schema_for

    missing = tmp_path / "missing.toml"
    result = invoke(runner, "validate", "--format", "json", str(DATA), str(missing))
    assert result.exit_code == 2
    doc = json.loads(result.stdout)
    check_schema(doc, schema_for("validate"))
    assert doc["status"] == "fail"
    assert [f["status"] for f in doc["files"]] == ["ok", "fail"]
    assert [(e["code"], e["file"], e["message"]) for e in doc["errors"]] == [
        ("G001", str(missing), "no such file")
    ]
    text = invoke(runner, "validate", str(missing))
    assert text.exit_code == 2 and text.stdout == ""
