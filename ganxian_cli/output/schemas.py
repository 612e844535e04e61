"""JSON Schemas: the data file's (from the models) and those of the --format json outputs."""

from __future__ import annotations

from typing import Any

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
    "required": ["schema_version", "kind", "source", "themes", "figures"],
    "additionalProperties": False,
    "properties": {
        "schema_version": {"const": 1},
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
                    "note", "withheld",
                ],
                "properties": {
                    "indicator": {"type": "string"},
                    "name": {"type": "string"},
                    "name_en": {"type": "string"},
                    "theme": {"type": "string"},
                    "period": {"type": "string", "description": "2022-01..2022-05 or undated"},
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
                    "quote": _NULLABLE_STR,
                    "note": _NULLABLE_STR,
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
                    "region": {"type": "string", "description": "With several files."},
                    "region_en": {"type": "string"},
                },
            },
        },
    },
}  # fmt: skip

VALIDATE: dict[str, Any] = {
    "$schema": DRAFT,
    "title": "ganxian validate --format json",
    "type": "object",
    "required": ["schema_version", "kind", "status", "files", "errors"],
    "additionalProperties": False,
    "properties": {
        "schema_version": {"const": 1},
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
                    "severity": {"enum": ["error", "warning"]},
                },
            },
        },
    },
}


_NUM_OR_NULL = {"type": ["number", "null"]}
_RUN_RATE = {"type": "number", "description": "The pace so far carried forward, not a forecast."}
_QUOTED = {
    "type": ["object", "null"],
    "required": ["quoted", "computed", "consistent"],
    "additionalProperties": False,
    "properties": {
        "quoted": {"type": "number"},
        "computed": {"type": "number"},
        "consistent": {"type": "boolean"},
    },
}

PROGRESS: dict[str, Any] = {
    "$schema": DRAFT,
    "title": "ganxian progress --format json",
    "type": "object",
    "required": [
        "schema_version", "kind", "as_of", "basis", "on_track", "targets_total", "targets",
    ],
    "additionalProperties": False,
    "properties": {
        "schema_version": {"const": 1},
        "kind": {"const": "progress"},
        "as_of": {"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}$"},
        "basis": {"enum": ["months", "days"]},
        "on_track": {"type": "integer", "minimum": 0},
        "targets_total": {"type": "integer", "minimum": 0},
        "targets": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": [
                    "target", "indicator", "name", "name_en", "unit", "target_value",
                    "actual_period", "actual_value", "completion_pct", "time_progress_pct",
                    "gap_points", "verdict", "on_track", "needed_for_half", "needed_for_full",
                    "pace_per_month", "pace_needed_for_half", "pace_needed_for_full",
                    "projection_june", "projection_year", "quoted_rate", "quoted_gap",
                ],
                "properties": {
                    "target": {"type": "string"},
                    "indicator": {"type": "string"},
                    "name": {"type": "string"},
                    "name_en": {"type": "string"},
                    "unit": {"type": "string"},
                    "target_value": {"type": "number"},
                    "actual_period": {"type": "string"},
                    "actual_value": {"type": "number"},
                    "completion_pct": _NUM_OR_NULL,
                    "time_progress_pct": {"type": "number"},
                    "gap_points": _NUM_OR_NULL,
                    "verdict": {
                        "enum": [
                            "ahead", "on_pace", "behind", "half_reached", "half_not_reached",
                            "met", "missed", None,
                        ]
                    },
                    "on_track": {"type": "boolean"},
                    "needed_for_half": {"type": "number"},
                    "needed_for_full": {"type": "number"},
                    "pace_per_month": {"type": "number"},
                    "pace_needed_for_half": _NUM_OR_NULL,
                    "pace_needed_for_full": _NUM_OR_NULL,
                    "projection_june": _RUN_RATE,
                    "projection_year": _RUN_RATE,
                    "quoted_rate": _QUOTED,
                    "quoted_gap": _QUOTED,
                    "region": {"type": "string", "description": "With several files."},
                    "region_en": {"type": "string"},
                },
            },
        },
    },
}  # fmt: skip

_ROWS = {"type": "array", "items": {"type": "object"}}

COMPARE: dict[str, Any] = {
    "$schema": DRAFT,
    "title": "ganxian compare --format json",
    "type": "object",
    "required": [
        "schema_version", "kind", "year_on_year", "period_on_period", "part_of_whole",
        "per_unit", "side_by_side", "forecast_vs_actual",
    ],
    "additionalProperties": False,
    "properties": {
        "schema_version": {"const": 1},
        "kind": {"const": "compare"},
        "year_on_year": _ROWS,
        "period_on_period": _ROWS,
        "part_of_whole": _ROWS,
        "per_unit": _ROWS,
        "side_by_side": _ROWS,
        "forecast_vs_actual": _ROWS,
    },
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
