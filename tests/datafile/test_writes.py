"""Writes to a data file: comments refused, links followed, locks kept, temporary files cleaned, the
size cap and the folder sync honoured."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.datafile import atomic
from tests.conftest import invoke

RECORD = ["record", "retail_sales", "--period", "2031-01..2031-05", "--value", "16.20"]


def _no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    "line",
    [
        'title = """强攻二季度 "确保双过半""""  # KEEP',
        'title = """he said \\""" ok"""  # KEEP',
    ],
)
@pytest.mark.parametrize("command", ["record", "fmt"])
def test_comment_after_tricky_multiline_string_is_refused(
    runner: CliRunner, other_region_copy: Path, line: str, command: str
) -> None:
    text = other_region_copy.read_text(encoding="utf-8")
    start = text.index("title = ")
    text = text[:start] + line + text[text.index("\n", start) :]
    text += "# a closing remark\n"
    other_region_copy.write_text(text, encoding="utf-8")
    before = other_region_copy.read_bytes()
    args = (
        [*RECORD, "-d", str(other_region_copy)]
        if command == "record"
        else ["fmt", str(other_region_copy)]
    )
    result = invoke(runner, *args)
    assert result.exit_code == 1, result.stderr
    assert "error[G401]" in result.stderr
    assert other_region_copy.read_bytes() == before


def test_record_writes_through_a_symlink(runner: CliRunner, other_region_copy: Path) -> None:
    link = other_region_copy.parent / "link.toml"
    link.symlink_to(other_region_copy.name)
    assert invoke(runner, *RECORD, "-d", str(link)).exit_code == 0
    assert link.is_symlink()
    assert "value = 16.20" in other_region_copy.read_text(encoding="utf-8")
    assert not (
        other_region_copy.parent / "link.toml.lock"
    ).exists()  # the lock sits by the real file


def test_record_refuses_what_is_not_a_regular_file(runner: CliRunner, tmp_path: Path) -> None:
    link = tmp_path / "device.toml"
    link.symlink_to(os.devnull)
    for path in (str(link), "/dev/stdin"):
        result = invoke(runner, *RECORD, "-d", path)
        assert result.exit_code == 2, path
        assert "not a regular file" in result.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_owner_and_group_are_kept(runner: CliRunner, other_region_copy: Path) -> None:
    os.chown(other_region_copy, 4321, 4322)
    other_region_copy.chmod(0o640)
    assert invoke(runner, *RECORD, "-d", str(other_region_copy)).exit_code == 0
    info = other_region_copy.stat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (4321, 4322, 0o640)


def test_read_only_file_is_refused(runner: CliRunner, other_region_copy: Path) -> None:
    other_region_copy.chmod(0o444)
    before = other_region_copy.read_bytes()
    for args in (
        [*RECORD, "-d", str(other_region_copy)],
        ["fmt", "--drop-comments", str(other_region_copy)],
    ):
        other_region_copy.write_text(before.decode() + "\n") if args[0] == "fmt" else None
        result = invoke(runner, *args)
        assert result.exit_code == 2, result.stderr
        assert "read-only" in result.stderr
    assert _no_temp_files(other_region_copy.parent)


def test_stale_temp_files_of_dead_writers_are_removed(
    runner: CliRunner, other_region_copy: Path
) -> None:
    dead = subprocess.Popen([sys.executable, "-c", ""])
    dead.wait()
    stale = other_region_copy.parent / f".{other_region_copy.name}.{dead.pid}.0a1b2c3d.tmp"
    stale.write_text("a full copy")
    alive = other_region_copy.parent / f".{other_region_copy.name}.{os.getpid()}.0a1b2c3d.tmp"
    alive.write_text("another writer's copy")
    assert invoke(runner, *RECORD, "-d", str(other_region_copy)).exit_code == 0
    assert not stale.exists() and alive.exists()


def test_sigterm_during_the_write_leaves_no_temp_file(
    runner: CliRunner, other_region_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = other_region_copy.read_bytes()

    def terminated(fd: int) -> None:
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(atomic.os, "fsync", terminated)
    result = invoke(runner, *RECORD, "-d", str(other_region_copy))
    assert result.exit_code == 128 + signal.SIGTERM
    assert other_region_copy.read_bytes() == before
    assert _no_temp_files(other_region_copy.parent)
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


def test_lock_file_of_another_user_still_locks(
    runner: CliRunner, other_region_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.open
    Path(f"{other_region_copy}.lock").write_text("")

    def no_write_access(path: str, flags: int, *args: int) -> int:
        if str(path).endswith(".lock") and flags & os.O_RDWR:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(path, flags, *args)

    monkeypatch.setattr(atomic.os, "open", no_write_access)
    assert invoke(runner, *RECORD, "-d", str(other_region_copy)).exit_code == 0


def test_file_system_without_locks(
    runner: CliRunner, other_region_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fcntl = pytest.importorskip("fcntl")

    def no_locks(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    before = other_region_copy.read_bytes()
    result = invoke(runner, *RECORD, "-d", str(other_region_copy))
    assert result.exit_code == 2
    assert "cannot lock (No locks available)" in result.stderr
    assert other_region_copy.read_bytes() == before


def test_folder_sync_failing_after_the_rename_says_the_write_landed(
    runner: CliRunner, other_region_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.fsync
    calls = {"n": 0}

    def folder_fails(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:  # the first syncs the temporary file, the second the folder
            raise OSError(errno.EIO, "Input/output error")
        real(fd)

    monkeypatch.setattr(atomic.os, "fsync", folder_fails)
    result = invoke(runner, *RECORD, "-d", str(other_region_copy))
    assert result.exit_code == 2
    assert "written, but its folder could not be synced (Input/output error)" in result.stderr
    assert "internal error" not in result.stderr
    assert "value = 16.20" in other_region_copy.read_text(encoding="utf-8")


def test_record_never_writes_past_the_size_cap(
    runner: CliRunner, other_region_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = other_region_copy.read_bytes()
    monkeypatch.setattr(atomic, "MAX_FILE_BYTES", len(before) + 10)
    result = invoke(runner, *RECORD, "-d", str(other_region_copy))
    assert result.exit_code == 1
    assert f"{other_region_copy}:" in result.stderr and "error[G013]" in result.stderr
    assert result.stderr.split(":")[1].isdigit()  # names the line where the cap is passed
    assert other_region_copy.read_bytes() == before
