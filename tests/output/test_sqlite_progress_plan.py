"""The exported database's `progress` view: driven by indexes, its work linear in the regions."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import DATA, invoke

_LOOPS_ALLOWED = ("SCAN t", "SCAN c", "SCAN (subquery")  # the targets, once each


def _export(runner: CliRunner, tmp_path: Path, regions: int) -> sqlite3.Connection:
    folder = tmp_path / f"regions{regions}"
    folder.mkdir()
    for n in range(regions):
        shutil.copyfile(DATA, folder / f"r{n:03d}.toml")
    out = tmp_path / f"r{regions}.db"
    result = invoke(runner, "export", "--data", str(folder), "--output", str(out))
    assert result.exit_code == 0, result.stderr
    return sqlite3.connect(out)


def _steps(db: sqlite3.Connection, query: str) -> tuple[int, int]:
    """Virtual-machine steps (counted in hundreds) and rows of *query*."""
    counted = [0]

    def tick() -> int:
        counted[0] += 1
        return 0

    db.set_progress_handler(tick, 100)
    rows = db.execute(query).fetchall()
    db.set_progress_handler(None, 0)
    return counted[0], len(rows)


def test_progress_view_searches_figures_by_index(runner: CliRunner, tmp_path: Path) -> None:
    db = _export(runner, tmp_path, 3)
    assert db.execute("SELECT count(*) FROM sqlite_stat1").fetchone()[0] > 0  # ANALYZE ran
    plan = [row[3] for row in db.execute("EXPLAIN QUERY PLAN SELECT * FROM progress")]
    scans = [step for step in plan if step.startswith("SCAN")]
    assert all(step.startswith(_LOOPS_ALLOWED) for step in scans), plan
    assert any("SEARCH a USING INDEX figures_by_actual" in step for step in plan), plan


def test_progress_work_grows_linearly_with_regions(runner: CliRunner, tmp_path: Path) -> None:
    small_steps, small_rows = _steps(_export(runner, tmp_path, 4), "SELECT * FROM progress")
    large_steps, large_rows = _steps(_export(runner, tmp_path, 32), "SELECT * FROM progress")
    assert small_rows and large_rows == 8 * small_rows
    assert large_steps <= 10 * max(small_steps, 1), (small_steps, large_steps)
