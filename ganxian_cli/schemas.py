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
                    "note",
                ],
                "properties": {
                    "indicator": {"type": "string"},
                    "name": {"type": "string"},
                    "name_en": {"type": "string"},
                    "theme": {"type": "string"},
                    "period": {"type": "string", "description": "2022, 2022-Q1, 2022-01..2022-05"},
                    "year": {"type": "integer"},
                    "start_month": {"type": "integer", "minimum": 1, "maximum": 12},
                    "end_month": {"type": "integer", "minimum": 1, "maximum": 12},
                    "status": {"enum": ["actual", "forecast", "target"]},
                    "qualifier": {"enum": ["exact", "more_than", "nearly", "about"]},
                    "value": {"type": "number", "description": "Exactly as printed in the source."},
                    "unit": {"type": "string"},
                    "yoy": {"type": ["number", "null"], "description": "Growth year on year, %."},
                    "subject": _NULLABLE_STR,
                    "quote": _NULLABLE_STR,
                    "note": _NULLABLE_STR,
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


def data_schema() -> dict[str, Any]:
    """The data file's schema, generated from the pydantic models."""
    from .models import Dataset

    schema = Dataset.model_json_schema()
    return {"$schema": DRAFT, "title": "ganxian data file (indicators.toml)", **schema}


def schema_for(kind: str) -> dict[str, Any]:
    """The schema named *kind*: data, report or validate."""
    if kind == "data":
        return data_schema()
    return {"report": REPORT, "validate": VALIDATE}[kind]
