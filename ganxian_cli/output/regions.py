"""Several data files at once (`--data` twice, or a folder): outputs with a region column."""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Callable, Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from ..analysis.results import LANGS, Column, Section, Shown
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


class RegionProgress:
    """What the 双过半 progress of several files keeps of one file: its region, headline and
    tables with a region column (their text made: a row then holds no result, and through it
    none of the file's figures), its counts of targets and its `--fail-on` failures. Its
    results go with the file."""

    __slots__ = ("failures", "headline", "on_track", "region", "sections", "total")

    def __init__(
        self,
        view: ProgressView,
        region: dict[str, str],
        failures: list[str],
        pairs: dict[tuple[str, ...], dict[str, str]],
    ) -> None:
        self.region, self.headline, self.failures = region, view.headline, failures
        self.sections = settled(tagged(view.sections, region), pairs)  # one copy of the rows
        self.on_track: int = view.summary["on_track"]
        self.total: int = view.summary["targets_total"]

    def targets(self, lang: str) -> list[dict[str, Any]]:
        """The records of the progress table, without the region column."""
        records = self.sections[0].records(lang)
        for record in records:
            del record["region"]
        return records


def settled(
    sections: Sequence[Section], pairs: dict[tuple[str, ...], dict[str, str]]
) -> list[Section]:
    """*sections* with the text of every cell made now, in both languages (a pair, as `pick`
    reads it), instead of when a table reads it: a row then keeps no closure over what the
    text is made from. Equal pairs are one object, kept in *pairs* (nothing changes a pair:
    records and tables pick from it)."""
    out = []
    for s in sections:
        lazy = {key for row in s.rows for key, value in row.items() if value.__class__ is Shown}
        if not lazy:
            out.append(s)
            continue
        rows = []
        for row in s.rows:
            row = dict(row)
            for key in lazy:
                value = row.get(key)
                if value.__class__ is Shown:
                    texts = tuple(value[lang] for lang in LANGS)
                    pair = pairs.get(texts)
                    if pair is None:
                        pair = pairs[texts] = dict(zip(LANGS, texts, strict=True))
                    row[key] = pair
            rows.append(row)
        out.append(dataclasses.replace(s, rows=rows))
    return out


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
            out[s.key] = joined(kept, s)
    return list(out.values())


def joined(kept: Section, more: Section) -> Section:
    """The title and notes of *kept* once *more* (of the same key) is joined to it: without
    the period where the titles differ, every file's notes each once (its rows as they are)."""
    if (kept.zh, kept.en) != (more.zh, more.en):  # files of different periods: no period
        kept = dataclasses.replace(kept, zh=_general(kept.zh), en=_general(kept.en))
    notes = _lines(kept.note_zh, more.note_zh), _lines(kept.note_en, more.note_en)
    if notes != (kept.note_zh, kept.note_en):  # every file's notes, each once
        kept = dataclasses.replace(kept, note_zh=notes[0], note_en=notes[1])
    return kept


class Rows(Protocol):
    """Where the rows of a section over several files go as each file is read (a spool)."""

    count: int

    def add(self, rows: list[dict[str, Any]]) -> None: ...
    def close(self) -> None: ...


R = TypeVar("R", bound=Rows)


class Spooled(Generic[R]):
    """The sections of several files joined by key as `merged` joins them, except that the
    rows of each go where *start* says (given the first file's section of a key, without its
    rows, and how many keys came before it) as each file is read, instead of being kept: of
    each key, only the section without rows is kept, its title and notes as merged. A context
    manager: leaving it closes where the rows went."""

    def __init__(self, start: Callable[[Section, int], R]) -> None:
        self.start = start
        self.keys: dict[str, tuple[Section, R]] = {}

    def add(self, sections: Sequence[Section], region: dict[str, str]) -> None:
        """One file's sections, with its region."""
        for s in tagged(sections, region):
            kept = self.keys.get(s.key)
            if kept is None:
                head = dataclasses.replace(s, rows=[])  # what starts the rows keeps none
                kept = self.keys[s.key] = head, self.start(head, len(self.keys))
            else:
                self.keys[s.key] = joined(kept[0], s), kept[1]
            kept[1].add(s.rows)

    def parts(self) -> list[tuple[Section, R]]:
        """Each key's section (without rows) and where its rows went, in the order `merged`
        gives."""
        return list(self.keys.values())

    def __enter__(self) -> Spooled[R]:
        return self

    def __exit__(self, *exc: object) -> None:
        for _section, rows in self.keys.values():
            rows.close()


def _lines(kept: str, more: str) -> str:
    """The lines of *kept*, then those of *more* not among them."""
    lines = kept.splitlines()
    seen = set(lines)
    lines += [line for line in more.splitlines() if line not in seen]
    return "\n".join(lines)


def _general(title: str) -> str:
    """A section title without the period in its brackets: 双过半进度(2022年1—5月) → 双过半进度."""
    return title.split("(")[0].split(" (")[0].strip()


def with_region(records: list[dict[str, Any]], region: dict[str, str]) -> list[dict[str, Any]]:
    """Flat JSON records (report figures, progress targets) with `region` and `region_en`."""
    return [{**r, "region": region["zh"], "region_en": region["en"]} for r in records]


def _copy(waiting: IO[str], write: Callable[[str], object]) -> None:
    waiting.seek(0)
    while chunk := waiting.read(1 << 20):
        write(chunk)


def write_records_csv(parts: Iterable[ReportPart], write: Callable[[str], object]) -> None:
    """Report figures of several files as CSV, the region columns first, written file by file:
    each file is read, written and dropped before the next."""
    from .report import CSV_COLUMNS, figure_record, flat_record
    from .sections import csv_text

    columns = ["region", "region_en", *CSV_COLUMNS]
    from .files import spool

    with spool() as waiting:
        writer = csv.writer(waiting, lineterminator="\n")
        writer.writerow(columns)
        for part in parts:
            records = with_region(
                [flat_record(figure_record(row)) for row in part.rows], part.region
            )
            writer.writerows([csv_text(record[c]) for c in columns] for record in records)
        _copy(waiting, write)


_FIGURES = '\n  "figures": []'  # the empty list of a report document, as `dumps` writes it
_TARGETS = '\n    "targets": []'  # the progress section's, the last list of the document


def write_regions_json(
    parts: Iterable[ReportPart], lang: Lang, write: Callable[[str], object]
) -> None:
    """`report --format json` over several files, written file by file: the head of the first
    file's document, every file's figures with its region, then the 双过半 section of every
    file (of each file, only the text of its targets' records is kept from one file to the
    next). The text is the same as that of the whole document written at once."""
    from .document import json_text
    from .files import spool
    from .report import figure_record, report_document

    head: dict[str, Any] | None = None
    found = False
    on_track = targets_total = 0
    targets: list[str] = []  # each file's records, as text (no small objects kept per file)
    with spool() as waiting:
        for part in parts:
            if head is None:
                head = report_document(part.dataset, [])
            records = with_region([figure_record(row) for row in part.rows], part.region)
            if records:  # "[\n  {…},\n  {…}\n]", two levels in: "\n    {…},\n    {…}"
                text = json_text(records)[1:-2].replace("\n", "\n  ")
                waiting.write(("," if waiting.tell() else "") + text)
            if part.progress:
                found = True
                on_track += part.progress.summary["on_track"]
                targets_total += part.progress.summary["targets_total"]
                kept = with_region(part.progress.targets.records(lang), part.region)
                if kept:  # three levels in
                    targets.append(json_text(kept)[1:-2].replace("\n", "\n    "))
        assert head is not None  # several files: at least two parts
        head["figures"] = []
        head["progress"] = (
            {
                "as_of": None,
                "basis": "months",
                "on_track": on_track,
                "targets_total": targets_total,
                "targets": [],
            }
            if found
            else None
        )
        text = json_text(head) + "\n"
        at = text.index(_FIGURES) + len(_FIGURES) - 1
        if waiting.tell():
            write(text[:at])
            _copy(waiting, write)
            write("\n  ")
            text = text[at:]
        if not targets:
            write(text)
            return
        end = text.rindex(_TARGETS) + len(_TARGETS) - 1
        write(text[:end])
        for n, chunk in enumerate(targets):
            write(chunk if n == 0 else "," + chunk)
        write("\n    " + text[end:])


_PROGRESS_TARGETS = '\n  "targets": []'  # the last list of a progress document


def write_progress_json(
    files: Iterable[tuple[Section, dict[str, str]]],
    head: Callable[[], dict[str, Any]],
    lang: Lang,
    write: Callable[[str], object],
) -> None:
    """`progress --format json` over several files, written file by file: the targets of each
    file's progress table (*files*: the table and its region, each file in turn) go to a spool
    as that file is read; then the document *head* gives once every file is read (its counts,
    an empty list of targets), the targets in their place. The text is the same as that of
    the whole document written at once."""
    from .document import json_text
    from .files import spool

    with spool() as waiting:
        # two levels in: "\n    {…},\n    {…}"; a generator, so that no file's table is
        # still held once the last one is written
        texts = (json_text(_targets(s, r, lang))[1:-2].replace("\n", "\n  ") for s, r in files)
        for text in texts:
            if text:
                waiting.write(("," if waiting.tell() else "") + text)
        text = json_text(head()) + "\n"
        if not waiting.tell():
            write(text)
            return
        end = text.rindex(_PROGRESS_TARGETS) + len(_PROGRESS_TARGETS) - 1
        write(text[:end])
        _copy(waiting, write)
        write("\n  " + text[end:])


def write_progress_csv(
    files: Iterable[tuple[Section, dict[str, str]]], lang: Lang, write: Callable[[str], object]
) -> None:
    """`progress --format csv` over several files, written file by file: the rows of each
    file's progress table (*files*: the table and its region, each file in turn), with the
    region, go to a spool as that file is read. The columns are those of the first file's
    table, as in the table of every file at once (`merged`, then `sections.to_csv`)."""
    from .files import spool
    from .sections import csv_text

    with spool() as waiting:
        writer = csv.writer(waiting, lineterminator="\n")
        keys: list[str] | None = None
        for section, region in files:
            one = tagged([section], region)[0]
            if keys is None:
                keys = list(one.fields)
                writer.writerow(["section", *keys])
                first = one.key
            writer.writerows(
                [first, *(csv_text(record.get(k)) for k in keys)] for record in one.records(lang)
            )
            del section, one  # the last file's table is not held while the output is written
        _copy(waiting, write)


def _targets(section: Section, region: dict[str, str], lang: Lang) -> list[dict[str, Any]]:
    """The records of a file's progress table with its region, as the JSON lists them."""
    return with_region(section.records(lang), region)
