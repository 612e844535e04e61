"""`ganxian export --format sqlite`: every figure exactly, atomic writes, a progress view."""

from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.analysis.progress import evaluate
from ganxian_cli.analysis.progress import round2 as progress_round
from ganxian_cli.datafile.loader import load
from ganxian_cli.model.numerals import plain
from ganxian_cli.output import sqlite as exporter
from tests.conftest import DATA, TESTS, invoke

OTHER = TESTS / "data" / "other_region.toml"


def _export(runner: CliRunner, output: Path, *data: Path | str) -> sqlite3.Connection:
    args = [a for d in data for a in ("--data", str(d))]
    result = invoke(runner, "export", "--format", "sqlite", "--output", str(output), *args)
    assert result.exit_code == 0, result.stderr
    assert "wrote" in result.stderr and result.stdout == ""
    return sqlite3.connect(output)


def test_every_figure_exactly(runner: CliRunner, tmp_path: Path) -> None:
    db = _export(runner, tmp_path / "out.db", DATA)
    dataset = load(str(DATA)).dataset
    rows = db.execute(
        "SELECT indicator, position, period, status, value_text, value, unit, base_value_text, "
        "base_unit, quote, start_month, end_month FROM figures ORDER BY figure_id"
    ).fetchall()
    expected = list(dataset.figures())
    assert len(rows) == len(expected)
    for row, (ident, indicator, index, figure) in zip(rows, expected, strict=True):
        unit = indicator.unit_of(figure)
        assert row[:4] == (ident, index, str(figure.period), figure.status)
        assert Decimal(row[4]) == figure.value and row[4] == plain(figure.value)
        assert row[5] == float(figure.value) and row[6] == unit.symbol
        assert Decimal(row[7]) == figure.value * unit.scale
        assert row[9] == figure.quote
        assert (row[10], row[11]) == (figure.period.start, figure.period.end)
    base = db.execute("SELECT DISTINCT base_unit FROM figures WHERE unit = '亿元'").fetchall()
    assert base == [("元",)]
    assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("3",)
    counts = [db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("themes", "targets")]
    assert counts == [len(dataset.themes), len(dataset.targets)]


@pytest.mark.parametrize(
    "data", [DATA, TESTS / "data" / "stock_targets.toml", OTHER], ids=lambda p: p.stem
)
def test_the_progress_view_agrees_with_ganxian_progress(
    runner: CliRunner, tmp_path: Path, data: Path
) -> None:
    db = _export(runner, tmp_path / "out.db", data)
    view = {
        ref: (period, Decimal(str(pct)))
        for ref, period, pct in db.execute(
            "SELECT target_ref, actual_period, completion_pct FROM progress"
        )
    }
    results = evaluate(load(str(data)).dataset)
    assert results and len(view) == len(results)
    for result in results:
        assert result.completion is not None
        period, pct = view[result.target_ref]
        assert period == str(result.actual.figure.period)
        assert pct == progress_round(result.completion.value)
    leads = {
        ref: (kind, lead)
        for ref, kind, lead in db.execute(
            "SELECT target_ref, target_kind, lead_points FROM progress"
        )
    }
    for result in results:
        kind, lead = leads[result.target_ref]
        assert kind == ("list" if result.is_list else "annual")
        if result.gap is None:  # a fixed list (or a level) is not judged against time
            assert lead is None
        else:
            assert Decimal(str(lead)) == progress_round(result.gap.value)
    if data != OTHER:  # the shipped file has a list, stock_targets a stock actual
        assert any(result.gap is None for result in results)


def test_relation_refs_hold_references_only(runner: CliRunner, tmp_path: Path) -> None:
    """Every relation_refs row names an indicator of its file: notes (in either language) and
    a lead's `over` (a name as printed) are no references."""
    db = _export(runner, tmp_path / "out.db", DATA, OTHER)
    stray = db.execute(
        "SELECT r.role, r.ref FROM relation_refs r JOIN relations l USING (relation_id) "
        "LEFT JOIN indicators i ON i.source_id = l.source_id AND i.indicator = r.indicator "
        "WHERE i.indicator IS NULL"
    ).fetchall()
    assert stray == []
    assert db.execute("SELECT count(*) FROM relations WHERE note_en IS NOT NULL").fetchone()[0]


def test_stock_kind_and_english_notes_are_columns(runner: CliRunner, tmp_path: Path) -> None:
    db = _export(runner, tmp_path / "out.db", DATA)
    dataset = load(str(DATA)).dataset
    stocks = {key for key, i in dataset.indicators.items() if i.stock}
    assert stocks
    rows = db.execute("SELECT indicator FROM indicators WHERE stock = 1").fetchall()
    assert {r for (r,) in rows} == stocks
    kinds = db.execute("SELECT target_ref, kind FROM targets").fetchall()
    assert kinds == [(t.target, t.kind) for t in dataset.targets]
    notes = db.execute("SELECT count(*) FROM figures WHERE note_en IS NOT NULL").fetchone()[0]
    assert notes == sum(1 for *_, f in dataset.figures() if f.note_en is not None)
    assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("3",)


def test_files_and_folders_become_sources(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "regions"
    folder.mkdir()
    shutil.copy(DATA, folder / "a.toml")
    shutil.copy(OTHER, folder / "b.toml")
    (folder / "notes.txt").write_text("not data")
    db = _export(runner, tmp_path / "all.db", folder)
    sources = db.execute("SELECT source_id, file, region FROM sources ORDER BY 1").fetchall()
    assert [(s[0], Path(s[1]).name) for s in sources] == [(1, "a.toml"), (2, "b.toml")]
    total = len(list(load(str(DATA)).dataset.figures())) + len(
        list(load(str(OTHER)).dataset.figures())
    )
    assert db.execute("SELECT count(DISTINCT figure_id) FROM figures").fetchone() == (total,)
    joined = db.execute(
        "SELECT count(*) FROM figures f JOIN indicators i USING (source_id, indicator)"
    ).fetchone()
    assert joined == (total,)
    refs = db.execute("SELECT count(*) FROM targets WHERE target_figure_id IS NULL").fetchone()
    assert refs == (0,)


def test_a_failed_export_leaves_the_old_database(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "out.db"
    output.write_bytes(b"old")

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exporter, "_insert_dataset", broken)
    result = invoke(runner, "export", "--output", str(output), "--data", str(DATA))
    assert result.exit_code == 2
    assert "cannot write: No space left on device" in result.stderr
    assert output.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.db"]


def test_bad_data_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(DATA.read_text(encoding="utf-8").replace('theme = "industry"', 'theme = "x"'))
    output = tmp_path / "out.db"
    result = invoke(
        runner, "export", "--output", str(output), "--data", str(DATA), "--data", str(bad)
    )
    assert result.exit_code == 1
    assert "G201" in result.stderr
    assert not output.exists()


@pytest.mark.parametrize("where", ["folder", "missing/out.db", "empty"])
def test_unusable_output_or_data_is_a_usage_error(
    runner: CliRunner, tmp_path: Path, where: str
) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "empty").mkdir()
    data = str(tmp_path / "empty") if where == "empty" else str(DATA)
    output = str(tmp_path / ("x.db" if where == "empty" else where))
    result = invoke(runner, "export", "--output", output, "--data", data)
    assert result.exit_code == 2
    assert result.stderr.startswith("ganxian: error: ")
    assert ("--output" if where != "empty" else "without *.toml files") in result.stderr
