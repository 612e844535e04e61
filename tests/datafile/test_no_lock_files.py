"""Writes lock the data file itself: nothing of ganxian's is left beside the data."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.cli.app import app
from ganxian_cli.datafile import atomic

ROOT = Path(__file__).resolve().parents[2]
OTHER = ROOT / "tests" / "data" / "other_region.toml"
RECORD = ["record", "retail_sales", "--period", "2031-01..2031-05", "--value", "16.20"]


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    folder = tmp_path / "repo"
    folder.mkdir()
    path = folder / "indicators.toml"
    path.write_bytes(OTHER.read_bytes())
    return path


def _run(*args: str) -> int:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code


def test_fmt_record_and_a_refused_record_leave_only_the_data_file(data_file: Path) -> None:
    assert _run("fmt", str(data_file)) == 0
    assert _run(*RECORD, "-d", str(data_file)) == 0
    assert _run(*RECORD, "-d", str(data_file)) != 0  # a duplicate, refused
    assert _run(*RECORD, "--replace", "--dry-run", "-d", str(data_file)) == 0
    assert sorted(p.name for p in data_file.parent.iterdir()) == ["indicators.toml"]


def test_a_writer_that_waited_locks_the_file_renamed_over_the_one_it_locked(
    data_file: Path,
) -> None:
    path = str(data_file)
    first_holds = threading.Event()
    seen: list[tuple[int, int]] = []

    def second() -> None:
        first_holds.wait()
        with atomic.locked(path) as info:
            seen.append((info.st_ino, os.stat(path).st_ino))

    waiter = threading.Thread(target=second)
    waiter.start()
    with atomic.locked(path) as held:
        first_holds.set()
        waiter.join(0.3)  # the second writer is blocked on this lock meanwhile
        assert waiter.is_alive()
        replacement = data_file.with_name("new.toml")
        replacement.write_bytes(data_file.read_bytes() + b"\n")
        os.replace(replacement, data_file)  # what atomic_replace does
        assert os.stat(path).st_ino != held.st_ino
    waiter.join(10)
    assert seen and seen[0][0] == seen[0][1]  # it holds the file the path names now


def test_a_stray_lock_file_beside_the_data_is_neither_needed_nor_followed(
    data_file: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    Path(f"{data_file}.lock").symlink_to(elsewhere)
    assert _run(*RECORD, "-d", str(data_file)) == 0
    assert not elsewhere.exists()
