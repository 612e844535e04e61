"""record / fmt / schema: nothing written is ever invalid, half-written or silently changed."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ganxian_cli.datafile import atomic, writer
from ganxian_cli.datafile.loader import load
from tests.conftest import DATA, ROOT, TESTS, invoke

OTHER = TESTS / "data" / "other_region.toml"


@pytest.fixture
def data_file(tmp_path: Path, runner: CliRunner) -> Path:
    """A canonical copy of the second region's file."""
    path = tmp_path / "indicators.toml"
    path.write_bytes(OTHER.read_bytes())
    assert invoke(runner, "fmt", str(path)).exit_code == 0
    return path


RECORD = [
    "record",
    "retail_sales",
    "--period",
    "2031-01..2031-05",
    "--value",
    "16.20",
    "--yoy",
    "1.5",
]


def test_record_adds_a_figure_exactly(runner: CliRunner, data_file: Path) -> None:
    quote = "1至5月社会消费品零售总额16.20亿元,同比增长1.5%"
    result = invoke(runner, *RECORD, "--quote", quote, "--data", str(data_file))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"--- a/{data_file}\n+++ b/{data_file}\n")
    assert '+period = "2031-01..2031-05"\n+value = 16.20\n+yoy = 1.5\n' in result.stderr
    assert result.stderr.endswith(
        "ganxian: retail_sales: added actual figure for 2031-01..2031-05\n"
    )
    figures = load(str(data_file)).dataset.indicators["retail_sales"].observations
    (new,) = [f for f in figures if str(f.period) == "2031-01..2031-05"]
    assert str(new.value) == "16.20" and new.yoy == Decimal("1.5")
    assert invoke(runner, "fmt", "--check", str(data_file)).exit_code == 0


def test_existing_figure_needs_replace(runner: CliRunner, data_file: Path) -> None:
    before = data_file.read_bytes()
    result = invoke(
        runner, "record", "projects_started", "-p", "2031-Q1", "-v", "13", "-d", str(data_file)
    )
    assert result.exit_code == 1  # the data refuse it, as any refused record
    assert (
        "projects_started already has an actual figure for 2031-Q1: 12个; use --replace"
        in result.stderr
    )
    assert data_file.read_bytes() == before
    replaced = invoke(
        runner, "record", "projects_started", "-p", "2031-Q1", "-v", "13", "--replace",
        "--quote", "一季度已开工项目13个", "-d", str(data_file),
    )  # fmt: skip
    assert replaced.exit_code == 1  # 7 + 5 no longer adds up to 13: refused, file untouched
    assert "error[G303]" in replaced.stderr and data_file.read_bytes() == before


def test_record_says_when_it_also_reformats(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_bytes(OTHER.read_bytes())  # valid, but not in canonical layout
    result = invoke(runner, *RECORD, "--data", str(path))
    assert result.exit_code == 0
    assert "not in canonical layout: it is reformatted too" in result.stderr
    assert invoke(runner, "fmt", "--check", str(path)).exit_code == 0


def test_dry_run_prints_the_diff_and_writes_nothing(runner: CliRunner, data_file: Path) -> None:
    before = data_file.read_bytes()
    result = invoke(runner, *RECORD, "--dry-run", "--data", str(data_file))
    assert result.exit_code == 0
    assert result.stdout.startswith(f"--- a/{data_file}")
    assert "+value = 16.20" in result.stdout
    assert data_file.read_bytes() == before


def test_invalid_result_is_refused(runner: CliRunner, data_file: Path) -> None:
    before = data_file.read_bytes()
    result = invoke(
        runner,
        "record",
        "projects_started",
        "-p",
        "2031-01..2031-04",
        "-v",
        "12.5",
        "-d",
        str(data_file),
    )
    assert result.exit_code == 1
    assert "error[G204]" in result.stderr and "not 12.5" in result.stderr
    assert data_file.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["new_thing", "-p", "2031", "-v", "3"],
            "to create it give --name, --name-en, --theme, --unit",
        ),
        (["retail_sales", "-p", "2031-14", "-v", "3"], "--period: no month 14"),
        (["retail_sales", "-p", "2031-05", "-v", "1e5"], "--value: not a plain decimal number"),
        (["retail_sales", "-p", "2031-05", "-v", "3", "--name", "x"], "only for new indicators"),
        (
            ["retail_sales", "-p", "2031-05", "-v", "3", "--tracks", "x"],
            "use it with --status target",
        ),
    ],
)
def test_record_usage_errors(
    runner: CliRunner, data_file: Path, args: list[str], message: str
) -> None:
    before = data_file.read_bytes()
    result = invoke(runner, "record", *args, "-d", str(data_file))
    assert result.exit_code == 2
    assert message in result.stderr
    assert data_file.read_bytes() == before


def test_new_indicator_and_target(runner: CliRunner, data_file: Path) -> None:
    new = ["exports", "-p", "2031-01..2031-03", "-v", "2.5", "--unit", "亿元", "--name", "出口"]
    new += ["--name-en", "Exports", "--theme", "economy", "--quote", "出口2.5亿元"]
    assert invoke(runner, "record", *new, "-d", str(data_file)).exit_code == 0
    target = ["exports", "-p", "2031", "-v", "10", "--status", "target", "--tracks", "exports"]
    result = invoke(runner, "record", *target, "--quote", "全年出口10亿元", "-d", str(data_file))
    assert result.exit_code == 0, result.stderr
    dataset = load(str(data_file)).dataset
    assert dataset.targets[-1].target == "exports@2031#target"
    assert dataset.targets[-1].actual == "exports"


def test_comments_are_refused_not_stripped(runner: CliRunner, data_file: Path) -> None:
    text = data_file.read_text(encoding="utf-8")
    text = text.replace('region = "样例县"', 'region = "样例县"  # county # seat', 1)
    text += '# a closing remark\n[[relations]]\nkind = "per"\namount = "retail_sales@2031-Q1"\ncount = "projects_started"\nnote = "a # in a string is no comment"\n'  # noqa: E501
    data_file.write_text(text, encoding="utf-8")
    before = data_file.read_bytes()
    lines = [
        n
        for n, line in enumerate(text.splitlines(), 1)
        if line.startswith("#") or "# county" in line
    ]
    result = invoke(runner, *RECORD, "-d", str(data_file))
    assert result.exit_code == 1
    assert f"file has comments (lines {lines[0]}, {lines[1]})" in result.stderr
    assert "fmt --drop-comments" in result.stderr
    assert data_file.read_bytes() == before
    assert invoke(runner, "fmt", str(data_file)).exit_code == 1
    assert invoke(runner, "fmt", "--drop-comments", str(data_file)).exit_code == 0
    assert writer.comment_lines(data_file.read_text(encoding="utf-8")) == []
    assert "a # in a string is no comment" in data_file.read_text(encoding="utf-8")


def test_fmt_check(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_bytes(OTHER.read_bytes())
    before = path.read_bytes()
    check = invoke(runner, "fmt", "--check", str(path))
    assert check.exit_code == 1 and check.stdout.startswith(f"--- a/{path}")
    assert "not in canonical layout" in check.stderr and path.read_bytes() == before
    assert invoke(runner, "fmt", str(path)).exit_code == 0
    once = path.read_bytes()
    assert invoke(runner, "fmt", str(path)).exit_code == 0 and path.read_bytes() == once
    assert invoke(runner, "fmt", "--check", str(path)).exit_code == 0


def test_shipped_file_is_canonical(runner: CliRunner) -> None:
    result = invoke(runner, "fmt", "--check", str(DATA))
    assert result.exit_code == 0, result.stdout


def test_decimals_kept_as_written(data_file: Path) -> None:
    text = data_file.read_text(encoding="utf-8")
    assert "value = 40.00\n" in text and "value = 30.0\n" in text and "value = 128000\n" in text


# --- failure injection -----------------------------------------------------------------------


def _no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("target", "error"),
    [
        ("os.replace", OSError(errno.EIO, "Input/output error")),
        ("os.fsync", OSError(errno.ENOSPC, "No space left on device")),
        ("secrets.token_hex", PermissionError(errno.EACCES, "Permission denied")),
        ("os.chmod", KeyboardInterrupt()),
    ],
)
def test_failed_write_leaves_the_original_intact(
    runner: CliRunner,
    data_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    target: str,
    error: BaseException,
) -> None:
    before = data_file.read_bytes()
    module, name = target.split(".")

    def fail(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(getattr(atomic, module), name, fail)
    if isinstance(error, KeyboardInterrupt):  # Ctrl-C halfway: 128 + SIGINT, like a shell
        assert invoke(runner, *RECORD, "-d", str(data_file)).exit_code == 130
    else:
        result = invoke(runner, *RECORD, "-d", str(data_file))
        assert result.exit_code == 2
        assert str(error.strerror) in result.stderr
        assert result.stderr.count("\n") <= 1 or "not written, file unchanged" in result.stderr
    assert data_file.read_bytes() == before
    assert _no_temp_files(data_file.parent)


def test_write_refused_when_file_changed_behind_our_back(
    runner: CliRunner, data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit saved while the temporary copy is written (after the lock and the read) is kept."""
    real = os.fsync
    edit = "# an edit saved meanwhile\n"

    def edited_meanwhile(fd: int) -> None:
        real(fd)
        if not data_file.read_text(encoding="utf-8").endswith(edit):
            with data_file.open("a", encoding="utf-8") as handle:
                handle.write(edit)

    monkeypatch.setattr(atomic.os, "fsync", edited_meanwhile)
    result = invoke(runner, *RECORD, "-d", str(data_file))
    assert result.exit_code == 2
    assert "changed while ganxian was working on it; nothing written" in result.stderr
    assert data_file.read_text(encoding="utf-8").endswith(edit)
    assert _no_temp_files(data_file.parent)


def test_mode_is_kept(runner: CliRunner, data_file: Path) -> None:
    data_file.chmod(0o640)
    assert invoke(runner, *RECORD, "-d", str(data_file)).exit_code == 0
    assert data_file.stat().st_mode & 0o777 == 0o640


def test_ten_concurrent_writers_all_land(data_file: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "ganxian_cli", "record", "retail_sales",
             "--period", f"2032-{m:02d}", "--value", f"{m}.5", "--data", str(data_file)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        for m in range(1, 11)
    ]  # fmt: skip
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    figures = load(str(data_file)).dataset.indicators["retail_sales"].observations
    recorded = sorted(str(f.value) for f in figures if f.period.year == 2032)
    assert recorded == sorted(f"{m}.5" for m in range(1, 11))


# --- schemas ---------------------------------------------------------------------------------


def test_committed_schemas_are_up_to_date(runner: CliRunner) -> None:
    for kind, path in [
        ("data", ROOT / "data" / "indicators.schema.json"),
        ("report", ROOT / "docs" / "schemas" / "report.schema.json"),
        ("validate", ROOT / "docs" / "schemas" / "validate.schema.json"),
    ]:
        result = invoke(runner, "schema", kind)
        assert result.stdout == path.read_text(encoding="utf-8"), (
            f"run: ganxian schema {kind} > {path}"
        )


def test_outputs_match_their_schemas(runner: CliRunner, tmp_path: Path) -> None:
    import tomllib

    jsonschema = pytest.importorskip("jsonschema")
    schema = {
        k: json.loads(invoke(runner, "schema", k).stdout) for k in ("data", "report", "validate")
    }
    report = json.loads(invoke(runner, "report", "--data", str(DATA), "--json").stdout)
    jsonschema.validate(report, schema["report"])
    bad = tmp_path / "bad.toml"
    bad.write_text("x = 1\n")
    validated = json.loads(invoke(runner, "validate", "-f", "json", str(DATA), str(bad)).stdout)
    jsonschema.validate(validated, schema["validate"])
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema["data"])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**data, "extra": 1}, schema["data"])


def _patched(text: str, diff: str) -> str:
    """*text* with a unified diff applied (each hunk checked against the lines it names)."""
    import re

    lines = text.splitlines(keepends=True)
    out: list[str] = []
    at = 0
    body = diff.splitlines(keepends=True)[2:]
    for line in body:
        m = re.match(r"@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@", line)
        if m:
            start = int(m.group(1)) - (0 if m.group(2) == "0" else 1)
            out += lines[at:start]
            at = start
        elif line[0] in " -":
            assert lines[at] == line[1:], (at, line)
            at += 1
            if line[0] == " ":
                out.append(line[1:])
        else:
            out.append(line[1:])
    return "".join(out + lines[at:])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "b", "c", "[x]", ""]), max_size=30),
    st.lists(st.sampled_from(["a", "b", "c", "[x]", ""]), max_size=30),
    st.lists(st.sampled_from(["a", "b", "c"]), max_size=12),
)
def test_diff_of_the_changed_middle_patches_old_into_new(
    old: list[str], new: list[str], shared: list[str]
) -> None:
    """The diff trims what both texts share before calling difflib; it still turns a into b."""
    a = "\n".join([*shared, *old, *shared]) + "\n"
    b = "\n".join([*shared, *new, *shared]) + "\n"
    diff = writer.unified_diff(a, b, "f")
    assert (diff == "") == (a == b)
    assert _patched(a, diff) == b
