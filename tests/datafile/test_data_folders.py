"""A `--data` folder says which of its `*.toml` entries it does not read (a FIFO, a dangling or
looping symbolic link), instead of dropping a region from the report without a word."""

from __future__ import annotations

import os
import shutil
import socket
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.datafile.paths import Skipped, expand_data_paths
from ganxian_cli.errors import UsageError
from tests.conftest import DATA, invoke

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and symbolic links")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(DATA, tmp_path / "a.toml")
    os.mkfifo(tmp_path / "b.toml")
    (tmp_path / "c.toml").symlink_to("missing.toml")
    (tmp_path / "d.toml").symlink_to("d.toml")
    (tmp_path / "e.toml").mkdir()  # a directory is no data file: not read, not reported
    (tmp_path / "f.txt").write_text("not TOML")
    return tmp_path


@posix_only
def test_expand_lists_what_it_skips(folder: Path) -> None:
    paths = expand_data_paths([str(folder)])
    assert list(paths) == [str(folder / "a.toml")]
    assert paths.skipped == [
        Skipped(str(folder / "b.toml"), "a FIFO"),
        Skipped(str(folder / "c.toml"), "a dangling symbolic link"),
        Skipped(str(folder / "d.toml"), "a loop of symbolic links"),
    ]


@posix_only
def test_a_socket_is_skipped(tmp_path: Path) -> None:
    shutil.copy(DATA, tmp_path / "a.toml")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "s.toml"))
        paths = expand_data_paths([str(tmp_path)])
    assert paths.skipped == [Skipped(str(tmp_path / "s.toml"), "a socket")]


def test_files_named_directly_are_not_checked_here(tmp_path: Path) -> None:
    paths = expand_data_paths([str(DATA), str(tmp_path / "missing.toml")])
    assert list(paths) == [str(DATA), str(tmp_path / "missing.toml")]
    assert paths.skipped == []
    assert list(expand_data_paths(None)) == [None]


@posix_only
def test_a_folder_of_fifos_only_is_a_usage_error(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "b.toml")
    with pytest.raises(UsageError, match=r"without regular \*\.toml files .*b\.toml is a FIFO"):
        expand_data_paths([str(tmp_path)])


@posix_only
@pytest.mark.parametrize("command", ["report", "progress", "compare"])
def test_the_report_says_what_it_skipped(command: str, folder: Path) -> None:
    result = invoke(CliRunner(), command, "--data", str(folder), "--format", "json")
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning:" in line]
    assert warnings == [
        f"ganxian: warning: {folder / 'b.toml'}: a FIFO, not read",
        f"ganxian: warning: {folder / 'c.toml'}: a dangling symbolic link, not read",
        f"ganxian: warning: {folder / 'd.toml'}: a loop of symbolic links, not read",
    ]
    assert result.stdout.startswith("{")


@posix_only
def test_validate_counts_them_as_errors(folder: Path) -> None:
    """`validate` takes files (`validate regions/*.toml`): each such entry is a G001, status 2."""
    entries = sorted(str(p) for p in folder.glob("*.toml") if not p.is_dir())
    result = invoke(CliRunner(), "validate", "--format", "github", *entries)
    assert result.exit_code == 2
    refused = [line.split(",")[0] for line in result.stdout.splitlines() if "G001" in line]
    assert refused == [f"::error file={folder / name}" for name in ("b.toml", "c.toml", "d.toml")]
