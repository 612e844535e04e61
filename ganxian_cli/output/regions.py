"""Several data files at once (`--data` twice, or a folder): outputs with a region column."""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..analysis.results import Column, Section
from ..model.lang import Lang
from ..model.models import Dataset

if TYPE_CHECKING:
    from ..analysis.progress_view import ProgressView
    from .report import Row

REGION = Column("region", "地区", "Region")


class ReportPart:
    """One file of a report: its figures (selected rows), its region ({"zh", "en"}, over
    several files) and its 双过半 progress."""

    __slots__ = ("dataset", "path", "progress", "region", "rows")

    def __init__(
        self,
        path: str,
        dataset: Dataset,
        rows: list[Row],
        region: dict[str, str],
        progress: ProgressView | None,
    ) -> None:
        self.path, self.dataset, self.rows = path, dataset, rows
        self.region, self.progress = region, progress


def region_of(dataset: Dataset) -> dict[str, str]:
    """The region a file is about, from its source: {"zh": 江北县, "en": Jiangbei County}."""
    source = dataset.lead_source()
    return {"zh": source.region, "en": source.region_en or source.region}


def tagged(sections: Sequence[Section], region: dict[str, str]) -> list[Section]:
    """*sections* with a region column first and the region in every row."""
    return [
        dataclasses.replace(
            s,
            columns=(REGION, *s.columns),
            rows=[{"region": region, **row} for row in s.rows],
            fields=("region", *s.fields) if s.fields else (),
        )
        for s in sections
    ]


def merged(per_file: Sequence[Sequence[Section]]) -> list[Section]:
    """Sections of the same key from several files as one section, rows in file order."""
    out: dict[str, Section] = {}
    for sections in per_file:
        for s in sections:
            if s.key not in out:
                out[s.key] = dataclasses.replace(s, rows=list(s.rows))
                continue
            kept = out[s.key]
            kept.rows.extend(s.rows)
            if (kept.zh, kept.en) != (s.zh, s.en):  # files of different periods: no period
                out[s.key] = dataclasses.replace(kept, zh=_general(kept.zh), en=_general(kept.en))
    return list(out.values())


def _general(title: str) -> str:
    """A section title without the period in its brackets: 双过半进度(2022年1—5月) → 双过半进度."""
    return title.split("(")[0].split(" (")[0].strip()


def with_region(records: list[dict[str, Any]], region: dict[str, str]) -> list[dict[str, Any]]:
    """Flat JSON records (report figures, progress targets) with `region` and `region_en`."""
    return [{**r, "region": region["zh"], "region_en": region["en"]} for r in records]


def records_csv(records: list[dict[str, Any]]) -> str:
    """Report figures of several files as CSV: the region columns first."""
    from .report import CSV_COLUMNS, flat_record
    from .sections import csv_text

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    columns = ["region", "region_en", *CSV_COLUMNS]
    writer.writerow(columns)
    for record in map(flat_record, records):
        writer.writerow([csv_text(record[c]) for c in columns])
    return buffer.getvalue()


def region_records(parts: Sequence[ReportPart]) -> list[dict[str, Any]]:
    """The figures of several files as flat JSON records, each with its region."""
    from .report import figure_record

    return [
        record
        for part in parts
        for record in with_region([figure_record(row) for row in part.rows], part.region)
    ]


def progress_of_regions(parts: Sequence[ReportPart], lang: Lang) -> dict[str, Any] | None:
    """The 双过半 section of `report --format json` over several files, as `progress` gives it:
    as_of null (each file is judged at its own latest month), each target with its region."""
    found = [(part.progress, part.region) for part in parts if part.progress]
    if not found:
        return None
    return {
        "as_of": None,
        "basis": "months",
        "on_track": sum(view.summary["on_track"] for view, _region in found),
        "targets_total": sum(view.summary["targets_total"] for view, _region in found),
        "targets": [
            row for view, region in found for row in with_region(view.targets.records(lang), region)
        ],
    }
