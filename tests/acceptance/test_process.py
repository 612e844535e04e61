"""The real entry point in a subprocess: closed or full streams, locales, file names that are not
UTF-8, whole output on a quick exit, and what machine output imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT), "GANXIAN_DATA": str(DATA)}
GANXIAN = [sys.executable, "-m", "ganxian_cli"]
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell and devices")


def _shell(script: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    command = " ".join(f"'{a}'" for a in GANXIAN)
    return subprocess.run(
        ["/bin/sh", "-c", script.replace("GANXIAN", command)],
        env={**ENV, **env},
        capture_output=True,
        timeout=60,
    )


@posix_only
@pytest.mark.parametrize(
    ("args", "redirect"), [("--version", ">&-"), ("report -f csv", ">/dev/full")]
)
def test_closed_or_full_stdout(args: str, redirect: str) -> None:
    result = _shell(f"GANXIAN {args} {redirect}")
    assert result.returncode == 2, result.stderr
    assert b"Traceback" not in result.stderr and b"internal error" not in result.stderr
    assert b"ganxian: error: cannot write output: " in result.stderr


@posix_only
def test_closed_stdin_for_dash() -> None:
    result = _shell("GANXIAN validate - <&-")
    assert result.returncode == 2
    assert b"standard input is closed" in result.stderr


@posix_only
def test_machine_output_is_utf8_whatever_the_locale() -> None:
    result = _shell("GANXIAN report --json", PYTHONIOENCODING="cp936", LC_ALL="C")
    assert result.returncode == 0, result.stderr
    assert "工业" in result.stdout.decode("utf-8")


@posix_only
def test_argument_that_is_not_utf8() -> None:
    result = subprocess.run(
        [*GANXIAN, "record", "x", "-p", "2031", "-v", "1", "--quote", b"\xb2\xe2".decode(
            "utf-8", "surrogateescape"
        ), "--dry-run"],
        env=ENV,
        capture_output=True,
        timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert b"argument '\\xb2\\xe2' is not valid UTF-8 text" in result.stderr


@posix_only
def test_reader_gone_before_output_ends_quietly_in_every_format() -> None:
    read, write = os.pipe()
    os.close(read)  # the reader has gone before ganxian writes anything
    procs = {
        fmt: subprocess.Popen(
            [*GANXIAN, "report", "--format", fmt], env=ENV, stdout=write, stderr=subprocess.PIPE
        )
        for fmt in ("table", "json", "csv", "markdown")
    }
    os.close(write)
    for fmt, proc in procs.items():
        _out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, (fmt, err)
        assert err in (b"", b"ganxian: data from " + str(DATA).encode() + b"\n"), fmt


@posix_only
def test_file_name_that_is_not_utf8(tmp_path: os.PathLike[str]) -> None:
    """A GBK-encoded file name under a UTF-8 locale: read, and shown escaped."""
    name = os.path.join(os.fsencode(tmp_path), b"\xb2\xe2.toml")
    with open(name, "wb") as handle:
        handle.write(DATA.read_bytes())
    env = {**os.environb, b"GANXIAN_DATA": name, b"PYTHONPATH": os.fsencode(ROOT)}
    result = subprocess.run(
        [*GANXIAN, "validate", "--format", "json"], env=env, capture_output=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "\\udcb2\\udce2.toml" in result.stdout.decode("utf-8")


def test_quick_exit_delivers_all_output_and_keeps_the_status(tmp_path: Path) -> None:
    """The entry point skips interpreter teardown: output must still arrive whole."""
    # a large output, well past any pipe or stream buffer, read back through a pipe
    big = subprocess.run(
        [*GANXIAN, "report", "-f", "json"], env=ENV, capture_output=True, timeout=60
    )
    assert big.returncode == 0, big.stderr
    inproc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from ganxian_cli.cli.entry import main; main()",
            "report",
            "-f",
            "json",
        ],
        env=ENV,
        capture_output=True,
        timeout=60,
    )
    assert inproc.returncode == 0 and big.stdout == inproc.stdout  # same bytes, nothing lost
    json.loads(big.stdout)
    # statuses: 1 for data problems (validate lists them on stdout), 2 for usage
    bad = tmp_path / "bad.toml"
    bad.write_text("schema_version = 1\n[source]\n", encoding="utf-8")
    failed = subprocess.run([*GANXIAN, "validate", str(bad)], env=ENV, capture_output=True)
    assert failed.returncode == 1 and b"failed: 4 errors" in failed.stdout
    usage = subprocess.run([*GANXIAN, "report", "--nope"], env=ENV, capture_output=True)
    assert usage.returncode == 2 and b"--nope" in usage.stderr
    # a write is in place when the process is gone
    copy = tmp_path / "copy.toml"
    copy.write_bytes(DATA.read_bytes())
    recorded = subprocess.run(
        [*GANXIAN, "record", "industrial_output", "-p", "2031", "-v", "1", "--data", str(copy)],
        env=ENV,
        capture_output=True,
    )
    assert recorded.returncode == 0, recorded.stderr
    assert 'period = "2031"' in copy.read_text(encoding="utf-8")


def test_machine_output_does_not_import_xlsx_or_chart_libraries() -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "ganxian_cli", "report", "--format", "json",
         "--data", str(DATA)],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert result.returncode == 0
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert not {m for m in imported if m.split(".")[0] in ("xlsxwriter", "pygal", "openpyxl")}
