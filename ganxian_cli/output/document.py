"""The one writer of JSON output documents: `schema_version` and `kind` first, then the body.

Each kind of output document has a version of its own, raised when that document changes
shape; none of them is the data file's `schema_version` (`model.models.SCHEMA_VERSION`), which
changes with the input, not the output.
"""

from __future__ import annotations

from typing import Any, Literal

Kind = Literal["report", "progress", "compare", "list", "history", "validate", "extract"]

REPORT_VERSION = 6  # 2: the 双过半 section (`progress`); 3: each figure's counts, superseded_by;
# 4: each figure's stock and note_en, the progress targets' target_kind and plan_reached_month;
# 5: the progress targets' actual_note, plan_note, actual_stock; 6: their gap_qualifier, each
# figure's subject_en
PROGRESS_VERSION = 6  # 3: target_note; 4: target_kind, plan_reached_month; 5: actual_note,
# plan_note, actual_stock, time_progress_pct null when not judged against time; 6: gap_qualifier
# (a lead or lag derived from a bound is a bound: gap_points -10.72 with "nearly" is at most)
COMPARE_VERSION = 6  # 3: side_by_side rows say which total is derived; 4: every row's note;
# 5: per_unit, unit and qualifier of a per-unit row null where two articles give its figures;
# 6: subject_en beside subject
LIST_VERSION = 2  # 2: targets carry kind and note; a list's basis is null
HISTORY_VERSION = 3  # 2: each figure's source, counts, superseded_by, change; 3: subject_en
VALIDATE_VERSION = 2  # 2: severity "note"
EXTRACT_VERSION = 3  # 2: each figure's links (rate_of is a target's actual) and reason;
# 3: each figure's stock and target_kind

VERSIONS: dict[Kind, int] = {
    "report": REPORT_VERSION,
    "progress": PROGRESS_VERSION,
    "compare": COMPARE_VERSION,
    "list": LIST_VERSION,
    "history": HISTORY_VERSION,
    "validate": VALIDATE_VERSION,
    "extract": EXTRACT_VERSION,
}


def envelope(kind: Kind, body: dict[str, Any]) -> dict[str, Any]:
    """The document of *kind*: its version and kind, then *body*'s fields in their order."""
    return {"schema_version": VERSIONS[kind], "kind": kind, **body}


def json_text(value: Any) -> str:
    """*value* as the JSON text ganxian writes (see `jsonout`)."""
    from .jsonout import dumps

    return dumps(value)
