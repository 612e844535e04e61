"""The exported database read by DuckDB, offline: every table and the progress view as SQLite
reads them, and the README's exact query exact.

DuckDB's `ATTACH … (TYPE sqlite)` loads its sqlite scanner; by default it downloads it. The
PyPI wheel `duckdb-extension-sqlite-scanner` carries the extension, loaded here by path with
autoinstall and autoload off, so the test never touches the network.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import DATA, TESTS, invoke

duckdb = pytest.importorskip("duckdb", reason="the test extras install duckdb")
scanner = pytest.importorskip(
    "duckdb_extension_sqlite_scanner", reason="the test extras install the sqlite scanner"
)

OTHER = TESTS / "data" / "other_region.toml"


def _scanner_path() -> str:
    found = sorted(
        str(p) for p in Path(str(resources.files(scanner))).rglob("sqlite_scanner.duckdb_extension")
    )
    assert found, "the sqlite scanner wheel carries no extension file"
    return found[-1]


def _duck(db: Path) -> Any:
    con = duckdb.connect(
        config={"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}
    )
    con.load_extension(_scanner_path())
    con.execute(f"ATTACH '{db}' AS g (TYPE sqlite, READ_ONLY)")
    return con


def _norm(value: object) -> object:
    """One value as both engines agree on it: REAL/DOUBLE to 12 significant digits."""
    return float(f"{value:.12g}") if isinstance(value, float) else value


def _export(runner: CliRunner, tmp_path: Path) -> Path:
    out = tmp_path / "regions.db"
    result = invoke(
        runner, "export", "--output", str(out), "--data", str(DATA), "--data", str(OTHER)
    )
    assert result.exit_code == 0, result.stderr
    return out


def test_duckdb_reads_every_table_and_the_view_as_sqlite_does(
    runner: CliRunner, tmp_path: Path
) -> None:
    db = _export(runner, tmp_path)
    lite = sqlite3.connect(db)
    names = [
        name
        for (name,) in lite.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    assert {"figures", "targets", "relations", "progress"} <= set(names)
    duck = _duck(db)
    for name in names:
        want = Counter(tuple(map(_norm, row)) for row in lite.execute(f"SELECT * FROM {name}"))
        got = Counter(
            tuple(map(_norm, row)) for row in duck.execute(f"SELECT * FROM g.{name}").fetchall()
        )
        assert got == want, name
        assert sum(want.values()) > 0, name


def test_the_readme_query_is_exact_in_duckdb(runner: CliRunner, tmp_path: Path) -> None:
    """`CAST(value_text AS DECIMAL(38,10))` gives every figure's value exactly; a bare DECIMAL
    is DECIMAL(18,3) and rounds, as the README warns."""
    db = _export(runner, tmp_path)
    duck = _duck(db)
    rows = duck.execute(
        "SELECT value_text, CAST(value_text AS DECIMAL(38,10)), "
        "base_value_text, CAST(base_value_text AS DECIMAL(38,10)) FROM g.figures"
    ).fetchall()
    assert rows
    for text, exact, base_text, base_exact in rows:
        assert exact == Decimal(text), text
        assert base_exact == Decimal(base_text), base_text
    assert duck.execute("SELECT CAST('0.12345' AS DECIMAL)").fetchone() == (Decimal("0.123"),)
