"""`ganxian export --format sqlite`: data files as one SQLite database for SQL tools.

One row per source file, theme, indicator, figure, target and relation reference; values keep
their exact text beside a number, and are also given in the family's base unit (元, 亩, 吨 …).
The database is built in a temporary file next to the output and renamed over it when complete
(`output.files`), so readers see the old file or the new one, never a half-written one; it ends
with ANALYZE, so the planner drives the `progress` view from its indexes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import UsageError
from ..model.models import SCHEMA_VERSION, SINGLE_SOURCE, Dataset, Figure, Indicator
from ..model.numerals import plain
from ..model.refs import RefError, resolve
from ..model.units import UNITS, Unit, get_unit

SQLITE_SCHEMA_VERSION = 3  # 3: stock, note_en, a target's kind; list targets not judged

_BASE = {u.family: u for u in UNITS.values() if u.scale == 1}

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (
    source_id INTEGER PRIMARY KEY, file TEXT NOT NULL, region TEXT NOT NULL,
    region_en TEXT NOT NULL, title TEXT NOT NULL, publisher TEXT, published TEXT, url TEXT,
    note TEXT
);
CREATE TABLE themes (
    source_id INTEGER NOT NULL REFERENCES sources, theme TEXT NOT NULL, name TEXT NOT NULL,
    name_en TEXT NOT NULL, PRIMARY KEY (source_id, theme)
);
CREATE TABLE indicators (
    source_id INTEGER NOT NULL REFERENCES sources, indicator TEXT NOT NULL,
    theme TEXT NOT NULL, name TEXT NOT NULL, name_en TEXT NOT NULL, unit TEXT NOT NULL,
    family TEXT NOT NULL, base_unit TEXT NOT NULL, kind TEXT NOT NULL,
    signed INTEGER NOT NULL, stock INTEGER NOT NULL, note TEXT, note_en TEXT,
    PRIMARY KEY (source_id, indicator)
);
CREATE TABLE figures (
    figure_id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL REFERENCES sources,
    indicator TEXT NOT NULL, position INTEGER NOT NULL, period TEXT NOT NULL,
    year INTEGER NOT NULL, start_month INTEGER NOT NULL, end_month INTEGER NOT NULL,
    period_start TEXT NOT NULL, period_end TEXT NOT NULL, status TEXT NOT NULL,
    qualifier TEXT NOT NULL, value_text TEXT NOT NULL, value REAL NOT NULL,
    unit TEXT NOT NULL, base_value_text TEXT NOT NULL, base_value REAL NOT NULL,
    base_unit TEXT NOT NULL, yoy_text TEXT, yoy REAL, subject TEXT, quote TEXT, note TEXT,
    note_en TEXT, source TEXT, counts INTEGER NOT NULL, superseded_by TEXT
);
CREATE TABLE targets (
    target_id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL REFERENCES sources,
    position INTEGER NOT NULL, target_ref TEXT NOT NULL,
    target_figure_id INTEGER REFERENCES figures, actual_indicator TEXT NOT NULL,
    rate_indicator TEXT, gap_indicator TEXT, basis TEXT NOT NULL, kind TEXT NOT NULL,
    note TEXT, note_en TEXT
);
CREATE TABLE relations (
    relation_id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL REFERENCES sources,
    position INTEGER NOT NULL, kind TEXT NOT NULL, note TEXT, note_en TEXT
);
CREATE TABLE relation_refs (
    relation_id INTEGER NOT NULL REFERENCES relations, role TEXT NOT NULL,
    position INTEGER NOT NULL, ref TEXT NOT NULL, indicator TEXT NOT NULL
);
CREATE INDEX figures_by_indicator ON figures (source_id, indicator, period, status);
CREATE INDEX figures_by_period ON figures (year, end_month);
CREATE INDEX figures_by_actual ON figures (source_id, indicator, year, start_month, status);
CREATE INDEX figures_by_subject ON figures (subject) WHERE subject IS NOT NULL;
CREATE INDEX targets_by_actual ON targets (source_id, actual_indicator);
CREATE INDEX relation_refs_by_relation ON relation_refs (relation_id);
CREATE INDEX relation_refs_by_indicator ON relation_refs (indicator);
CREATE VIEW progress AS
WITH candidates AS (
    SELECT t.target_id, a.figure_id, t.kind = 'list' OR i.stock = 1 AS level,
        ROW_NUMBER() OVER (
            PARTITION BY t.target_id ORDER BY a.end_month DESC, a.position DESC
        ) AS latest
    FROM targets t
    JOIN figures g ON g.figure_id = t.target_figure_id
    JOIN indicators i ON i.source_id = t.source_id AND i.indicator = t.actual_indicator
    JOIN figures a ON a.source_id = t.source_id AND a.indicator = t.actual_indicator
        AND a.status = 'actual' AND a.year = g.year AND a.counts = 1
        AND (a.start_month = 1 OR i.stock = 1)
)
SELECT s.source_id, s.region, s.region_en, t.target_ref, t.kind AS target_kind,
    t.actual_indicator, g.year, a.period AS actual_period, a.end_month AS through_month,
    g.value_text AS goal_text, g.unit AS goal_unit,
    a.value_text AS actual_text, a.unit AS actual_unit,
    ROUND(100.0 * a.base_value / NULLIF(g.base_value, 0), 2) AS completion_pct,
    CASE WHEN c.level THEN NULL ELSE ROUND(100.0 * a.end_month / 12, 2) END
        AS time_progress_pct,
    CASE WHEN c.level THEN NULL ELSE
        ROUND(100.0 * a.base_value / NULLIF(g.base_value, 0) - 100.0 * a.end_month / 12, 2)
    END AS lead_points
FROM candidates c
JOIN targets t ON t.target_id = c.target_id
JOIN sources s ON s.source_id = t.source_id
JOIN figures g ON g.figure_id = t.target_figure_id
JOIN figures a ON a.figure_id = c.figure_id
WHERE c.latest = 1;
"""


@dataclass(frozen=True)
class Exported:
    """What an export wrote."""

    files: int
    figures: int


def export_sqlite(
    datasets: Iterable[tuple[str, Dataset]], output: str, inputs: Sequence[str]
) -> Exported:
    """Write *datasets* (each with its file name) to the SQLite database *output*, atomically
    (`output.files`: never over one of *inputs*, a device or a FIFO, never to `-`); each is
    written before the next is read (see `analysis.datasets.OpenedFiles`)."""
    from .files import build

    counted = [0, 0]

    def fill(temporary: str) -> None:
        try:
            counted[:] = _write(datasets, temporary)
        except sqlite3.Error as exc:  # a full disk, a vanished folder: not a bug
            raise UsageError(f"--output {output}: cannot write: {exc}") from None

    build(output, "sqlite", fill, inputs)
    return Exported(counted[0], counted[1])


def _write(datasets: Iterable[tuple[str, Dataset]], path: str) -> tuple[int, int]:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = OFF")  # a temporary file: nothing to roll back
        connection.execute("PRAGMA synchronous = OFF")  # fsynced once, before the rename
        connection.execute("BEGIN")
        for statement in _statements(SCHEMA):
            connection.execute(statement)
        meta = {
            "schema_version": str(SQLITE_SCHEMA_VERSION),
            "data_schema_version": str(SCHEMA_VERSION),
            "generator": "ganxian export --format sqlite",
        }
        connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        count = files = 0
        figure_id = 0
        for source_id, (name, dataset) in enumerate(datasets, start=1):
            files = source_id
            ids = _insert_dataset(connection, source_id, name, dataset, figure_id)
            count += len(ids)
            figure_id += len(ids)
        connection.execute("COMMIT")
        connection.execute("ANALYZE")  # statistics, so the planner uses figures_by_actual
        return files, count
    finally:
        connection.close()


def _statements(script: str) -> Iterator[str]:
    """The statements of *script* (none of them has a semicolon inside)."""
    for statement in script.split(";\n"):
        if statement.strip():
            yield statement


def _insert_dataset(
    connection: sqlite3.Connection, source_id: int, name: str, dataset: Dataset, first: int
) -> dict[tuple[str, int], int]:
    source = dataset.lead_source()  # the file's region and title (its latest article)
    connection.execute(
        "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            source_id, name, source.region, source.region_en, source.title, source.publisher,
            source.published, source.url, source.note,
        ),
    )  # fmt: skip
    connection.executemany(
        "INSERT INTO themes VALUES (?, ?, ?, ?)",
        ((source_id, key, t.name, t.name_en) for key, t in dataset.themes.items()),
    )
    connection.executemany(
        "INSERT INTO indicators VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (_indicator_row(source_id, key, i) for key, i in dataset.indicators.items()),
    )
    ids: dict[tuple[str, int], int] = {}
    rows = []
    for ident, indicator, index, figure in dataset.figures():
        figure_id = first + len(ids) + 1
        ids[(ident, index)] = figure_id
        rows.append(
            (
                *_figure_row(figure_id, source_id, ident, indicator, index, figure),
                dataset.source_of(figure) or (SINGLE_SOURCE if dataset.source else None),
                int(dataset.counts(ident, index)),
                dataset.superseded_by(ident, index),
            )
        )
    connection.executemany(f"INSERT INTO figures VALUES ({', '.join('?' * 27)})", rows)
    connection.executemany(
        "INSERT INTO targets (source_id, position, target_ref, target_figure_id, "
        "actual_indicator, rate_indicator, gap_indicator, basis, kind, note, note_en) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                source_id, position, t.target, _figure_id(dataset, t.target, ids), t.actual,
                t.rate, t.gap, t.basis, t.kind, t.note, t.note_en,
            )
            for position, t in enumerate(dataset.targets)
        ),
    )  # fmt: skip
    for position, relation in enumerate(dataset.relations):
        cursor = connection.execute(
            "INSERT INTO relations (source_id, position, kind, note, note_en) "
            "VALUES (?, ?, ?, ?, ?)",
            (source_id, position, relation.kind, relation.note, relation.note_en),
        )
        connection.executemany(
            "INSERT INTO relation_refs VALUES (?, ?, ?, ?, ?)",
            _relation_refs(cursor.lastrowid, relation),
        )
    return ids


def _indicator_row(source_id: int, key: str, indicator: Indicator) -> tuple[Any, ...]:
    unit = get_unit(indicator.unit)
    return (
        source_id, key, indicator.theme, indicator.name, indicator.name_en, unit.symbol,
        unit.family, _base_symbol(unit), unit.kind.value, int(indicator.signed),
        int(indicator.stock), indicator.note, indicator.note_en,
    )  # fmt: skip


def _base_symbol(unit: Unit) -> str:
    """The symbol of *unit*'s family base: built in, else a declared unit of scale 1, else the
    family's name (a file may declare only 万标箱 of family "containers")."""
    if unit.family in _BASE:
        return _BASE[unit.family].symbol
    if unit.scale == 1:
        return unit.symbol
    from ..model.units import in_scope

    for other in in_scope().values():
        if other.family == unit.family and other.scale == 1:
            return other.symbol
    return unit.family


def _figure_row(
    figure_id: int, source_id: int, ident: str, indicator: Indicator, index: int, figure: Figure
) -> tuple[Any, ...]:
    unit: Unit = indicator.unit_of(figure)
    period = figure.period
    base = figure.value * unit.scale
    yoy = figure.yoy
    return (
        figure_id, source_id, ident, index, str(period), period.year, period.start, period.end,
        f"{period.year:04d}-{period.start:02d}", f"{period.year:04d}-{period.end:02d}",
        figure.status, figure.qualifier, plain(figure.value), float(figure.value), unit.symbol,
        plain(base), float(base), _base_symbol(unit),
        None if yoy is None else plain(yoy), None if yoy is None else float(yoy),
        figure.subject, figure.quote, figure.note, figure.note_en,
    )  # fmt: skip


def _figure_id(dataset: Dataset, ref: str, ids: dict[tuple[str, int], int]) -> int | None:
    try:
        found = resolve(dataset, ref)
    except RefError:
        return None
    return ids.get((found.ident, found.index))


# the fields of a relation that hold references (`over` is a name as printed, not a reference)
_REF_ROLES = frozenset(
    {"part", "whole", "rate", "total", "parts", "amount", "count", "lead", "baseline"}
)


def _relation_refs(relation_id: int | None, relation: Any) -> Iterable[tuple[Any, ...]]:
    for role, value in relation:
        if role not in _REF_ROLES or value is None:
            continue
        texts = value if isinstance(value, list) else [value]
        for position, text in enumerate(texts):
            yield (relation_id, role, position, text, text.partition("@")[0])
