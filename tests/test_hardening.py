"""Issue 13: nothing lost, nothing injected, no internal errors in `record`, `fmt` and outputs.

One regression test per cause; the environment tests (closed or full stdout, encodings) are in
test_environments.py, the comment tokenizer's fuzz test in test_comments.py.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.cli import run
from ganxian_cli.datafile import atomic
from ganxian_cli.datafile.writer import unified_diff

from .conftest import TESTS, invoke

OTHER = TESTS / "data" / "other_region.toml"
RECORD = ["record", "retail_sales", "--period", "2031-01..2031-05", "--value", "16.20"]


@pytest.fixture
def data_file(tmp_path: Path, runner: CliRunner) -> Path:
    path = tmp_path / "indicators.toml"
    path.write_bytes(OTHER.read_bytes())
    assert invoke(runner, "fmt", str(path)).exit_code == 0
    return path


def _no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


# --- 1. comments ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        'title = """强攻二季度 "确保双过半""""  # KEEP',
        'title = """he said \\""" ok"""  # KEEP',
    ],
)
@pytest.mark.parametrize("command", ["record", "fmt"])
def test_comment_after_tricky_multiline_string_is_refused(
    runner: CliRunner, data_file: Path, line: str, command: str
) -> None:
    text = data_file.read_text(encoding="utf-8")
    start = text.index("title = ")
    text = text[:start] + line + text[text.index("\n", start) :]
    text += "# a closing remark\n"
    data_file.write_text(text, encoding="utf-8")
    before = data_file.read_bytes()
    args = [*RECORD, "-d", str(data_file)] if command == "record" else ["fmt", str(data_file)]
    result = invoke(runner, *args)
    assert result.exit_code == 1, result.stderr
    assert "error[G401]" in result.stderr
    assert data_file.read_bytes() == before


# --- 3. symbolic links --------------------------------------------------------------------------


def test_record_writes_through_a_symlink(runner: CliRunner, data_file: Path) -> None:
    link = data_file.parent / "link.toml"
    link.symlink_to(data_file.name)
    assert invoke(runner, *RECORD, "-d", str(link)).exit_code == 0
    assert link.is_symlink()
    assert "value = 16.20" in data_file.read_text(encoding="utf-8")
    assert not (data_file.parent / "link.toml.lock").exists()  # the lock sits by the real file


def test_record_refuses_what_is_not_a_regular_file(runner: CliRunner, tmp_path: Path) -> None:
    link = tmp_path / "device.toml"
    link.symlink_to(os.devnull)
    for path in (str(link), "/dev/stdin"):
        result = invoke(runner, *RECORD, "-d", path)
        assert result.exit_code == 2, path
        assert "not a regular file" in result.stderr


# --- 4. ownership and permissions ------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_owner_and_group_are_kept(runner: CliRunner, data_file: Path) -> None:
    os.chown(data_file, 4321, 4322)
    data_file.chmod(0o640)
    assert invoke(runner, *RECORD, "-d", str(data_file)).exit_code == 0
    info = data_file.stat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (4321, 4322, 0o640)


def test_read_only_file_is_refused(runner: CliRunner, data_file: Path) -> None:
    data_file.chmod(0o444)
    before = data_file.read_bytes()
    for args in ([*RECORD, "-d", str(data_file)], ["fmt", "--drop-comments", str(data_file)]):
        data_file.write_text(before.decode() + "\n") if args[0] == "fmt" else None
        result = invoke(runner, *args)
        assert result.exit_code == 2, result.stderr
        assert "read-only" in result.stderr
    assert _no_temp_files(data_file.parent)


@pytest.mark.parametrize("command", [["report"], ["record", *RECORD[1:]]])
def test_empty_data_option_is_a_usage_error(runner: CliRunner, command: list[str]) -> None:
    result = invoke(runner, *command, "--data", "")
    assert result.exit_code == 2
    assert "--data: empty file name" in result.stderr


# --- 5. leftovers ------------------------------------------------------------------------------


def test_stale_temp_files_of_dead_writers_are_removed(runner: CliRunner, data_file: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", ""])
    dead.wait()
    stale = data_file.parent / f".{data_file.name}.{dead.pid}.0a1b2c3d.tmp"
    stale.write_text("a full copy")
    alive = data_file.parent / f".{data_file.name}.{os.getpid()}.0a1b2c3d.tmp"
    alive.write_text("another writer's copy")
    assert invoke(runner, *RECORD, "-d", str(data_file)).exit_code == 0
    assert not stale.exists() and alive.exists()


def test_sigterm_during_the_write_leaves_no_temp_file(
    runner: CliRunner, data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = data_file.read_bytes()

    def terminated(fd: int) -> None:
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(atomic.os, "fsync", terminated)
    result = invoke(runner, *RECORD, "-d", str(data_file))
    assert result.exit_code == 128 + signal.SIGTERM
    assert data_file.read_bytes() == before
    assert _no_temp_files(data_file.parent)
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


def test_lock_file_of_another_user_still_locks(
    runner: CliRunner, data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.open
    Path(f"{data_file}.lock").write_text("")

    def no_write_access(path: str, flags: int, *args: int) -> int:
        if str(path).endswith(".lock") and flags & os.O_RDWR:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(path, flags, *args)

    monkeypatch.setattr(atomic.os, "open", no_write_access)
    assert invoke(runner, *RECORD, "-d", str(data_file)).exit_code == 0


def test_file_system_without_locks(
    runner: CliRunner, data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fcntl = pytest.importorskip("fcntl")

    def no_locks(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    before = data_file.read_bytes()
    result = invoke(runner, *RECORD, "-d", str(data_file))
    assert result.exit_code == 2
    assert "cannot lock (No locks available)" in result.stderr
    assert data_file.read_bytes() == before


def test_folder_sync_failing_after_the_rename_says_the_write_landed(
    runner: CliRunner, data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.fsync
    calls = {"n": 0}

    def folder_fails(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:  # the first syncs the temporary file, the second the folder
            raise OSError(errno.EIO, "Input/output error")
        real(fd)

    monkeypatch.setattr(atomic.os, "fsync", folder_fails)
    result = invoke(runner, *RECORD, "-d", str(data_file))
    assert result.exit_code == 2
    assert "written, but its folder could not be synced (Input/output error)" in result.stderr
    assert "internal error" not in result.stderr
    assert "value = 16.20" in data_file.read_text(encoding="utf-8")


def test_record_never_writes_past_the_size_cap(
    runner: CliRunner, data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = data_file.read_bytes()
    monkeypatch.setattr(atomic, "MAX_FILE_BYTES", len(before) + 10)
    result = invoke(runner, *RECORD, "-d", str(data_file))
    assert result.exit_code == 1
    assert f"{data_file}:" in result.stderr and "error[G013]" in result.stderr
    assert result.stderr.split(":")[1].isdigit()  # names the line where the cap is passed
    assert data_file.read_bytes() == before


# --- 6. control characters in every output ----------------------------------------------------

BIDI = "\u202e\u2066\u200e\u061c\u009b"


def test_json_escapes_bidi_and_c1(runner: CliRunner, data_file: Path) -> None:
    text = data_file.read_text(encoding="utf-8").replace(
        'region_en = "Sample County"', f'region_en = "Sample{BIDI} County"'
    )
    text = text.replace('name_en = "Retail sales"', f'name_en = "Retail{BIDI} sales"')
    data_file.write_text(text, encoding="utf-8")
    result = invoke(runner, "report", "--json", "-d", str(data_file))
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


# --- 8. CSV and Markdown -----------------------------------------------------------------------


def test_csv_defuses_tab_and_cr(runner: CliRunner, data_file: Path) -> None:
    text = data_file.read_text(encoding="utf-8")
    text = text.replace('quote = "全年社会消费品零售总额目标40.00亿元"', 'note = "\\t=1+1"', 1)
    data_file.write_text(text, encoding="utf-8")
    result = invoke(runner, "report", "-f", "csv", "-d", str(data_file))
    assert result.exit_code == 0, result.stderr
    assert "'\t=1+1" in result.stdout


def test_markdown_cannot_link_or_ping(runner: CliRunner, data_file: Path) -> None:
    hostile = "see https://evil.example www.evil.example @octocat :rocket:"
    text = data_file.read_text(encoding="utf-8").replace('"Retail sales"', f'"{hostile}"')
    data_file.write_text(text, encoding="utf-8")
    result = invoke(runner, "report", "-f", "markdown", "--lang", "en", "-d", str(data_file))
    assert result.exit_code == 0, result.stderr
    for raw in ("https://", "www.evil", "@octocat", ":rocket:"):
        assert raw not in result.stdout
    assert "https&#58;//evil.example &#119;ww.evil.example &#64;octocat &#58;rocket:" in (
        result.stdout
    )


# --- 9. exponents -----------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["0e999999999", "0e15", "0.0e20"])
def test_huge_exponents_are_refused_by_the_schema(
    runner: CliRunner, data_file: Path, value: str
) -> None:
    text = data_file.read_text(encoding="utf-8").replace("value = 40.00", f"value = {value}", 1)
    data_file.write_text(text, encoding="utf-8")
    for args in (["validate", str(data_file)], ["report", "-d", str(data_file)]):
        result = invoke(runner, *args)
        assert result.exit_code == 1
        assert "error[G100]" in result.stdout + result.stderr
        assert "number too large" in result.stdout + result.stderr


def test_small_exponents_stay_valid(runner: CliRunner, data_file: Path) -> None:
    text = data_file.read_text(encoding="utf-8").replace("value = 40.00", "value = 0e2", 1)
    data_file.write_text(text.replace('"全年社会消费品零售总额目标40.00亿元"', '"目标0"', 1))
    assert invoke(runner, "report", "-d", str(data_file)).exit_code == 0


# --- 10. references made ambiguous by a new figure --------------------------------------------


def test_hand_written_target_survives_a_forecast_for_its_year(
    runner: CliRunner, data_file: Path
) -> None:
    text = data_file.read_text(encoding="utf-8")
    data_file.write_text(text.replace('"retail_sales@2031#target"', '"retail_sales@2031"'))
    args = ["record", "retail_sales", "-p", "2031", "-v", "41", "--status", "forecast"]
    result = invoke(runner, *args, "-d", str(data_file))
    assert result.exit_code == 0, result.stderr
    assert 'target = "retail_sales@2031#target"' in data_file.read_text(encoding="utf-8")


# --- 12. exit statuses ------------------------------------------------------------------------


def test_traceback_keeps_status_3(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    from ganxian_cli.output import report

    def broken(*args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(report, "select", broken)
    monkeypatch.setattr(run.STATE, "traceback", False)
    for flags in ([], ["--traceback"]):
        result = invoke(runner, *flags, "report")
        assert result.exit_code == 3
        assert "internal error: RuntimeError: a bug" in result.stderr
        assert ("Traceback (most recent call last)" in result.stderr) == bool(flags)


@pytest.mark.parametrize(
    ("value", "on"), [("0", False), ("", False), ("off", False), ("1", True), ("yes", True)]
)
def test_traceback_variable(value: str, on: bool) -> None:
    assert run.env_flag(value) is on


def test_empty_period_is_a_usage_error(runner: CliRunner) -> None:
    result = invoke(runner, "report", "--period", "")
    assert result.exit_code == 2
    assert "--period: not a period: ''" in result.stderr


# --- 13. messages -----------------------------------------------------------------------------


def test_refused_record_names_file_option_and_code(runner: CliRunner, data_file: Path) -> None:
    new = ["exports", "-p", "2031-Q1", "-v", "2", "--name", "出口", "--name-en", "Exports"]
    result = invoke(
        runner, "record", *new, "--theme", "economy", "--unit", "亿\u200b元", "-d", str(data_file)
    )
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert line.startswith(f"{data_file}: error[G101]: indicators.exports.unit: --unit: ")
    assert "亿\\u200b元" in line and "\u200b" not in line
    assert "[key]" not in line


def test_validate_escapes_zero_width_characters(runner: CliRunner, data_file: Path) -> None:
    text = data_file.read_text(encoding="utf-8").replace('unit = "亿元"', 'unit = "亿\u200b元"', 1)
    data_file.write_text(text, encoding="utf-8")
    result = invoke(runner, "validate", str(data_file))
    assert result.exit_code == 1
    assert "error[G101]" in result.stdout and "亿\\u200b元" in result.stdout


def test_empty_subject_with_replace(runner: CliRunner, data_file: Path) -> None:
    args = ["record", "retail_sales", "-p", "2031-Q1", "-v", "12.35", "--subject", "", "--replace"]
    result = invoke(runner, *args, "-d", str(data_file))
    assert result.exit_code == 0, result.stderr
    assert "replaced actual figure for 2031-Q1" in result.stderr


def test_unreadable_number_names_its_line_and_no_python(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_text("schema_version = 1\nx = " + "1" * 5000 + "\n")
    result = invoke(runner, "validate", str(path))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{path}:2:5: error[G021]: a number with more than")
    assert "sys." not in result.stdout


def test_record_negative_zero_is_zero(runner: CliRunner, data_file: Path) -> None:
    """Issue 15: `--value -0.00` with a quote showing 0.00 is recorded (as 0.00), not G210."""
    args = ["record", "net_new_firms", "-p", "2031-06", "-v", "-0.00", "--quote", "新增0.00户"]
    result = invoke(runner, *args, "-d", str(data_file))
    assert result.exit_code == 0, result.stderr
    assert "+value = 0.00\n" in result.stderr
