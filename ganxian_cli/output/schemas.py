"""JSON Schemas: the data file's (from the models) and those of the --format json outputs."""

from __future__ import annotations

from typing import Any

from .document import COMPARE_VERSION, PROGRESS_VERSION, REPORT_VERSION, VALIDATE_VERSION

DRAFT = "https://json-schema.org/draft/2020-12/schema"

_NULLABLE_STR = {"type": ["string", "null"]}

_SOURCE = {
    "type": "object",
    "required": ["region", "region_en", "title"],
    "properties": {
        key: {"type": "string"}
        for key in ("region", "region_en", "title", "publisher", "published", "url", "note")
    },
    "additionalProperties": False,
}

REPORT: dict[str, Any] = {
    "$schema": DRAFT,
    "title": "ganxian report --format json",
    "type": "object",
    "required": ["schema_version", "kind", "source", "themes", "figures", "progress"],
    "additionalProperties": False,
    "properties": {
        "schema_version": {"const": REPORT_VERSION},
        "kind": {"const": "report"},
        "source": _SOURCE,
        "themes": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "name", "name_en"],
                "properties": {k: {"type": "string"} for k in ("id", "name", "name_en")},
                "additionalProperties": False,
            },
        },
        "figures": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": [
                    "indicator", "name", "name_en", "theme", "period", "year", "start_month",
                    "end_month", "status", "qualifier", "value", "unit", "yoy", "subject", "quote",
                    "note", "withheld", "source", "counts", "superseded_by", "period_label",
                    "stock", "note_en", "subject_en",
                ],
                "properties": {
                    "indicator": {"type": "string"},
                    "name": {"type": "string"},
                    "name_en": {"type": "string"},
                    "theme": {"type": "string"},
                    "period": {"type": "string", "description": "2022-01..2022-05 or undated"},
                    "period_label": {
                        "type": "object",
                        "required": ["zh", "en"],
                        "properties": {"zh": {"type": "string"}, "en": {"type": "string"}},
                        "additionalProperties": False,
                        "description": "The months as a reader names them: the figure's label "
                        "(今年以来(截至6月)) where the file gives one, else the period's "
                        "(a stock's as its end: 截至2022年6月).",
                    },
                    "stock": {
                        "type": "boolean",
                        "description": "True: the value is a level at the period's end "
                        "(截至2022年6月), not a flow over its months.",
                    },
                    "year": {"type": ["integer", "null"], "description": "null: undated"},
                    "start_month": {"type": ["integer", "null"], "minimum": 1, "maximum": 12},
                    "end_month": {"type": ["integer", "null"], "minimum": 1, "maximum": 12},
                    "status": {"enum": ["actual", "forecast", "target"]},
                    "qualifier": {"enum": ["exact", "more_than", "nearly", "about"]},
                    "value": {"type": ["number", "null"], "description": "null if withheld"},
                    "withheld": {"type": "boolean", "description": "The source prints no number."},
                    "unit": {"type": "string"},
                    "yoy": {"type": ["number", "null"], "description": "Growth year on year, %."},
                    "subject": _NULLABLE_STR,
                    "subject_en": {
                        **_NULLABLE_STR,
                        "description": "The subject's English name, where the file gives one.",
                    },
                    "quote": _NULLABLE_STR,
                    "note": _NULLABLE_STR,
                    "note_en": {**_NULLABLE_STR, "description": "The note in English, if given."},
                    "source": {
                        "description": "The figure's article: [sources] id (null for [source]).",
                        "oneOf": [
                            {"type": "null"},
                            {
                                "type": "object",
                                "required": ["id", "title"],
                                "properties": {"id": _NULLABLE_STR, "title": {"type": "string"}},
                                "additionalProperties": False,
                            },
                        ],
                    },
                    "counts": {
                        "type": "boolean",
                        "description": "Whether this is the figure that counts: of figures of one "
                        "indicator, subject, months and status from several articles, the one "
                        "marked counts = true, else the latest-published article's.",
                    },
                    "superseded_by": {
                        "type": ["string", "null"],
                        "description": "When it does not count: the source id of the figure that "
                        "counts instead (source for the single [source] table).",
                    },
                    "region": {"type": "string", "description": "With several files."},
                    "region_en": {"type": "string"},
                },
            },
        },
        "progress": "PROGRESS_SECTION",
    },
}  # fmt: skip

VALIDATE: dict[str, Any] = {
    "$schema": DRAFT,
    "title": "ganxian validate --format json",
    "type": "object",
    "required": ["schema_version", "kind", "status", "files", "errors"],
    "additionalProperties": False,
    "properties": {
        "schema_version": {"const": VALIDATE_VERSION},
        "kind": {"const": "validate"},
        "status": {"enum": ["ok", "fail"]},
        "files": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["file", "status", "errors", "warnings"],
                "additionalProperties": False,
                "properties": {
                    "file": {"type": "string"},
                    "status": {"enum": ["ok", "fail"]},
                    "errors": {"type": "integer", "minimum": 0},
                    "warnings": {"type": "integer", "minimum": 0},
                },
            },
        },
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["file", "line", "column", "path", "code", "message", "severity"],
                "additionalProperties": False,
                "properties": {
                    "file": _NULLABLE_STR,
                    "line": {"type": ["integer", "null"], "minimum": 1},
                    "column": {"type": ["integer", "null"], "minimum": 1},
                    "path": {"type": "string"},
                    "code": {"type": "string", "pattern": "^[GW][0-9]{3}$"},
                    "message": {"type": "string"},
                    "severity": {"enum": ["error", "warning", "note"]},
                },
            },
        },
    },
}


_NUM = {"type": "number"}
_NUM_OR_NULL = {"type": ["number", "null"]}
_STR = {"type": "string"}
_BOOL = {"type": "boolean"}
_BOOL_OR_NULL = {"type": ["boolean", "null"]}
_STATUS = {"enum": ["actual", "forecast", "target"]}
_QUALIFIER = {
    "enum": ["exact", "more_than", "nearly", "about"],
    "description": "Of a derived number: more_than a lower bound, nearly an upper one, about both.",
}
_QUALIFIER_OR_NULL = {"enum": [*_QUALIFIER["enum"], None]}
_PERIOD = {"type": "string", "description": "2022, 2022-06, 2022-Q1, 2022-H1, 2022-01..2022-05"}
_MONTH = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"}
_RUN_RATE = {
    "type": ["number", "null"],
    "description": "The pace so far carried forward, not a forecast; null once that month is in "
    "the data.",
}


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    """An object with exactly these fields, all required."""
    return {
        "type": "object",
        "required": list(properties),
        "additionalProperties": False,
        "properties": properties,
    }


PROGRESS_TARGET = _object({
    "target": _STR, "indicator": _STR,
    "name": {"type": "string", "description": "In the language chosen with --lang."},
    "unit": _STR,
    "target_value": _NUM, "target_status": _STATUS, "target_qualifier": _QUALIFIER,
    "actual_period": _PERIOD, "actual_value": _NUM, "actual_qualifier": _QUALIFIER,
    "data_end": {**_MONTH, "description": "The month the actual covers; judged as of it."},
    "data_ends_before_as_of": _BOOL,
    "completion_pct": _NUM_OR_NULL, "completion_qualifier": _QUALIFIER_OR_NULL,
    "time_progress_pct": {**_NUM_OR_NULL,
                          "description": "Null for a target not judged against time (a fixed "
                          "list, or an actual that is a level: actual_stock)."},
    "gap_points": {**_NUM_OR_NULL, "description": "Completion minus time progress, in points."},
    "gap_qualifier": {**_QUALIFIER_OR_NULL,
                      "description": "gap_points is a bound when its inputs are: nearly, at "
                      "most; more_than, at least."},
    "verdict": {"enum": ["ahead", "on_pace", "behind", "met", "missed", None]},
    "on_track": {**_BOOL_OR_NULL, "description": "Null for a fixed list (target_kind list)."},
    "half_reached": _BOOL_OR_NULL,
    "needed_for_half": _NUM_OR_NULL, "needed_for_full": _NUM, "needed_qualifier": _QUALIFIER,
    "pace_per_month": _NUM_OR_NULL, "pace_needed_for_half": _NUM_OR_NULL,
    "pace_needed_for_full": _NUM_OR_NULL,
    "projection_june": _RUN_RATE, "projection_year": _RUN_RATE,
    "projection_capped": {**_BOOL, "description": "A count run past its planned list, capped."},
    "quoted_rate": _NUM_OR_NULL, "quoted_rate_consistent": _BOOL_OR_NULL,
    "quoted_gap": _NUM_OR_NULL, "quoted_gap_consistent": _BOOL_OR_NULL,
    "target_note": {"type": ["string", "null"],
                    "description": "The target figure's note (its scope, an assumption): the "
                    "verdict rests on it. In English output its note_en where the file gives "
                    "one."},
    "target_kind": {"enum": ["annual", "list"],
                    "description": "annual: a plan accruing over the year, judged against time "
                    "progress; list: a fixed list of items to complete, shown by its completion "
                    "only (no gap, verdict, pace or run rate; not in on_track/targets_total)."},
    "plan_reached_month": {"type": ["integer", "null"], "minimum": 1, "maximum": 12,
                           "description": "Where the run rate to December passes the target: "
                           "the month the pace so far reaches it."},
    "actual_note": {"type": ["string", "null"],
                    "description": "The actual figure's note: what qualifies it qualifies the "
                    "verdict. In English output its note_en where the file gives one."},
    "plan_note": {"type": ["string", "null"],
                  "description": "The [[targets]] entry's note (note_en in English output)."},
    "actual_stock": {**_BOOL, "description": "The actual is a level at its period's end (a "
                     "stock): shown by completion only, not judged against time."},
})  # fmt: skip
PROGRESS_TARGET["properties"]["region"] = {"type": "string", "description": "With several files."}
PROGRESS_TARGET["properties"]["region_en"] = {"type": "string"}

PROGRESS_SUMMARY = {
    "as_of": {"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}$"},
    "basis": {"enum": ["months", "days"]},
    "on_track": {"type": "integer", "minimum": 0},
    "targets_total": {"type": "integer", "minimum": 0},
    "targets": {"type": "array", "items": PROGRESS_TARGET},
}

PROGRESS: dict[str, Any] = {
    "$schema": DRAFT,
    "title": "ganxian progress --format json",
    **_object({
        "schema_version": {"const": PROGRESS_VERSION},
        "kind": {"const": "progress"},
        "lang": {"enum": ["zh", "en"]},
        **PROGRESS_SUMMARY,
    }),
}  # fmt: skip


def _side(prefix: str) -> dict[str, Any]:
    return {
        f"{prefix}_indicator": _STR, f"{prefix}_name": _STR, f"{prefix}_period": _PERIOD,
        f"{prefix}_value": _NUM, f"{prefix}_unit": _STR, f"{prefix}_status": _STATUS,
        f"{prefix}_qualifier": _QUALIFIER,
    }  # fmt: skip


_NULLABLE_SUBJECT = {"type": ["string", "null"]}

COMPARE_ROWS: dict[str, dict[str, Any]] = {
    "year_on_year": _object({
        "indicator": _STR, "name": _STR, "period": _PERIOD, "status": _STATUS,
        "qualifier": _QUALIFIER, "value": _NUM, "unit": _STR,
        "yoy_pct": _NUM, "previous_implied": _NUM_OR_NULL, "change_implied": _NUM_OR_NULL,
        "implied_qualifier": _QUALIFIER_OR_NULL,
    }),
    "derived_periods": _object({
        "indicator": _STR, "name": _STR, "status": _STATUS, "subject": _NULLABLE_SUBJECT,
        "subject_en": _NULLABLE_SUBJECT,
        "period": _PERIOD, "from_period": _PERIOD, "minus_period": _PERIOD, "value": _NUM,
        "unit": _STR, "qualifier": _QUALIFIER,
    }),
    "period_on_period": _object({
        "indicator": _STR, "name": _STR, "status": _STATUS, "subject": _NULLABLE_SUBJECT,
        "subject_en": _NULLABLE_SUBJECT,
        "months": {"type": "integer", "minimum": 1, "maximum": 11},
        "from_period": _PERIOD, "to_period": _PERIOD,
        "from_value": _NUM, "from_derived": _BOOL, "to_value": _NUM, "to_derived": _BOOL,
        "unit": _STR, "change": _NUM,
        "change_unit": {"type": "string", "description": "个百分点 for rates."},
        "change_pct": {**_NUM_OR_NULL, "description": "Null for rates and from zero."},
        "qualifier": _QUALIFIER,
    }),
    "part_of_whole": _object({
        **_side("part"), **_side("whole"), "share_pct": _NUM_OR_NULL,
        "share_qualifier": _QUALIFIER_OR_NULL, "status": _STATUS, "quoted_pct": _NUM_OR_NULL,
    }),
    "per_unit": _object({
        **_side("amount"), **_side("count"),
        "per_unit": {**_NUM_OR_NULL, "description": "Null where only different articles give "
                     "the amount and the count: they are not divided (the row's note says so)."},
        "unit": _NULLABLE_STR, "qualifier": _QUALIFIER_OR_NULL, "status": _STATUS,
    }),
    "side_by_side": _object({
        "row": {"enum": ["part", "total"]}, "indicator": {"type": ["string", "null"]},
        "name": _STR, "period": {"type": ["string", "null"]}, "status": _STATUS,
        "value": {**_NUM_OR_NULL, "description": "As printed; null for a total not quoted."},
        "unit": {"type": ["string", "null"]}, "qualifier": _QUALIFIER_OR_NULL,
        "converted": _NUM, "converted_unit": _STR, "converted_qualifier": _QUALIFIER,
        "derived": {**_BOOL, "description": "True for a total the source does not state: "
                    "ganxian's sum of the parts."},
        "note": {"type": ["string", "null"], "description": "A part's: its indicator's and "
                 "its figure's notes; the total's: the relation's note."},
    }),
    "forecast_vs_actual": _object({
        "indicator": _STR, "name": _STR, "period": _PERIOD, "unit": _STR,
        "forecast_value": _NUM, "forecast_qualifier": _QUALIFIER,
        "actual_value": _NUM, "actual_qualifier": _QUALIFIER, "actual_derived": _BOOL,
        "difference": _NUM, "ratio_pct": _NUM_OR_NULL, "ratio_qualifier": _QUALIFIER_OR_NULL,
    }),
}  # fmt: skip

_ROW_NOTE = {
    "type": ["string", "null"],
    "description": "The notes of what the row shows (indicators, figures, the relation), in "
    "the output's language (note_en in English where the file gives one), joined by '; '.",
}
for _key, _row in COMPARE_ROWS.items():
    if _key != "side_by_side":
        _row["properties"]["note"] = _ROW_NOTE
        _row["required"].append("note")

for _row in COMPARE_ROWS.values():  # `compare` of several files tags each row
    _row["properties"]["region"] = {
        "type": "string",
        "description": "With several files: the row's region, in the output's language.",
    }

REPORT["properties"]["progress"] = {
    "description": "The 双过半 section, as in `progress` (null when figures are filtered).",
    "anyOf": [{"type": "null"}, _object(PROGRESS_SUMMARY)],
}

COMPARE: dict[str, Any] = {
    "$schema": DRAFT,
    "title": "ganxian compare --format json",
    **_object({
        "schema_version": {"const": COMPARE_VERSION},
        "kind": {"const": "compare"},
        "lang": {"enum": ["zh", "en"]},
        **{key: {"type": "array", "items": row} for key, row in COMPARE_ROWS.items()},
    }),
}  # fmt: skip


def data_schema() -> dict[str, Any]:
    """The data file's schema, generated from the pydantic models."""
    from ..model.models import Dataset

    schema = Dataset.model_json_schema()
    return {"$schema": DRAFT, "title": "ganxian data file (indicators.toml)", **schema}


def schema_for(kind: str) -> dict[str, Any]:
    """The schema named *kind*: data, report, validate, progress or compare."""
    if kind == "data":
        return data_schema()
    return {"report": REPORT, "validate": VALIDATE, "progress": PROGRESS, "compare": COMPARE}[kind]


def schema_text(kind: str) -> str:
    """The schema named *kind* as JSON text, for `ganxian schema`."""
    from .document import json_text

    return json_text(schema_for(kind))
