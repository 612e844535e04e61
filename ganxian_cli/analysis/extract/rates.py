"""Rates of other figures: 开工率 (rate), 超序时进度 (gap), 占…的 (share), and what they are of."""

from __future__ import annotations

import re
from dataclasses import replace

from ...model.units import Kind
from .tokens import known_unit
from .types import FoundFigure, Proposal

_GAP = re.compile(r"序时|序进度")
_RATE = re.compile(r"率|完成.*计划的")


def related(proposals: list[Proposal], figures: list[FoundFigure], text: str) -> list[Proposal]:
    """Rates (开工率, 占…的, 超序时进度) with the figure before them in the sentence they are of."""
    out: list[Proposal] = []
    last_amount: dict[tuple[int, int], str] = {}  # sentence -> indicator of its last non-rate
    for p, f in zip(proposals, figures, strict=True):
        if unit_kind(p.unit) is not Kind.RATE:
            last_amount[f.sentence] = p.indicator
            out.append(p)
            continue
        lead = text[f.clause[0] : f.token.start]
        relation = None
        if p.unit != "%" and _GAP.search(lead):
            relation = "gap"
        elif "占" in lead:
            relation = "share"
        elif _RATE.search(lead):
            relation = "rate"
        of = last_amount.get(f.sentence)
        out.append(replace(p, relation=relation, relates_to=of) if relation and of else p)
    return out


def unit_kind(unit: str) -> Kind:
    found = known_unit(unit)
    return Kind.COUNT if found is None else found.kind
