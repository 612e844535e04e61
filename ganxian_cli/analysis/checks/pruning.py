"""Drop what has schema problems from parsed data, so the checks can run on the rest.

A file whose one figure has a string for a value still has every other figure checked in the
same run. What was dropped is remembered, so paths of the checked data map back to the file's.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ...model.models import Dataset
from .collector import Path

_PLACEHOLDER_SOURCE = {"region": "-", "region_en": "-", "title": "-"}


@dataclass(frozen=True)
class Pruned:
    """Data without its broken parts, and how its paths map to the original's."""

    data: dict[str, Any]
    remap: Callable[[Path], Path]


@dataclass
class _Drops:
    figures: dict[str, set[int]]
    indicators: set[str]
    lists: dict[str, set[int]]  # "targets" / "relations" -> indices


def _error_locs(data: dict[str, Any]) -> list[tuple[Any, ...]] | None:
    try:
        Dataset.model_validate(data)
    except ValidationError as exc:
        return [tuple(e["loc"]) for e in exc.errors()]
    return None


def _collect(locs: list[tuple[Any, ...]], data: dict[str, Any]) -> _Drops | None:
    drops = _Drops({}, set(), {"targets": set(), "relations": set()})
    for loc in locs:
        head = loc[0] if loc else None
        if head == "indicators" and len(loc) >= 2 and isinstance(loc[1], str):
            if len(loc) >= 4 and loc[2] == "observations" and isinstance(loc[3], int):
                drops.figures.setdefault(loc[1], set()).add(loc[3])
            else:
                drops.indicators.add(loc[1])
        elif head in drops.lists and len(loc) >= 2 and isinstance(loc[1], int):
            drops.lists[head].add(loc[1])
        elif head == "source":
            data["source"] = dict(_PLACEHOLDER_SOURCE)
        elif head == "themes" and len(loc) >= 3 and loc[2] != "[key]":
            themes = data.get("themes")
            if not isinstance(themes, dict):
                return None
            themes[loc[1]] = {"name": str(loc[1]), "name_en": str(loc[1])}
        else:
            return None  # schema_version, themes, a table of the wrong type: nothing to keep
    return drops


def _refs(entry: Any) -> list[str]:
    if not isinstance(entry, dict):
        return []
    out: list[str] = []
    for key, value in entry.items():
        if key in ("kind", "note", "basis"):
            continue
        values = value if isinstance(value, list) else [value]
        out.extend(v.split("@")[0] for v in values if isinstance(v, str))
    return out


def prune(original: dict[str, Any]) -> Pruned | None:
    """A copy of *original* without the entries that fail the schema, or None if that is not
    enough (a problem outside figures, indicators, targets and relations)."""
    data = copy.deepcopy(original)
    locs = _error_locs(data)
    if locs is None:
        return None
    drops = _collect(locs, data)
    indicators = data.get("indicators")
    if drops is None or not isinstance(indicators, dict):
        return None
    kept_figures: dict[str, list[int]] = {}
    for ident, indices in drops.figures.items():
        indicator = indicators.get(ident)
        figures = indicator.get("observations") if isinstance(indicator, dict) else None
        if not isinstance(indicator, dict) or not isinstance(figures, list):
            drops.indicators.add(ident)
            continue
        kept = [i for i in range(len(figures)) if i not in indices]
        if not kept:
            drops.indicators.add(ident)
            continue
        kept_figures[ident] = kept
        indicator["observations"] = [figures[i] for i in kept]
    for ident in drops.indicators:
        indicators.pop(ident, None)
    touched = drops.indicators | set(drops.figures)
    kept_lists: dict[str, list[int]] = {}
    for key, dropped in drops.lists.items():
        entries = data.get(key, [])
        if not isinstance(entries, list):
            return None
        kept = [
            i
            for i, entry in enumerate(entries)
            if i not in dropped and not touched.intersection(_refs(entry))
        ]
        kept_lists[key] = kept
        data[key] = [entries[i] for i in kept]
    if _error_locs(data) is not None:
        return None
    return Pruned(data, lambda path: _remap(path, kept_figures, kept_lists))


def _remap(path: Path, figures: dict[str, list[int]], lists: dict[str, list[int]]) -> Path:
    if (
        len(path) >= 4
        and path[0] == "indicators"
        and isinstance(path[1], str)
        and isinstance(path[3], int)
        and path[1] in figures
    ):
        return (*path[:3], figures[path[1]][path[3]], *path[4:])
    if len(path) >= 2 and isinstance(path[0], str) and isinstance(path[1], int):
        kept = lists.get(path[0])
        if kept is not None:
            return (path[0], kept[path[1]], *path[2:])
    return path
