"""Issue 13, items 11 and 12: ordinary environments end in a message and a status, never a bug.

These run the real entry point in a subprocess, since they are about the process's streams.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import DATA, ROOT

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
