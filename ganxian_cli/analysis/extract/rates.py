"""Rates of other figures: 开工率 (rate), 超序时进度 (gap), 占…的 (share), and what they are of."""

from __future__ import annotations

import re
from dataclasses import replace

from ...model.models import Dataset
from ...model.units import Kind
from .tokens import known_unit
from .types import FoundFigure, Proposal

_GAP = re.compile(r"序时|序进度")
# 完成年度计划的82.4%, 占年度计划的81.2%: the rate the year's plan is done at, not a share
_RATE = re.compile(r"率|完成.*计划的|占(?:年度|全年)(?:计划|任务|目标)")


def related(
    proposals: list[Proposal],
    figures: list[FoundFigure],
    text: str,
    dataset: Dataset | None = None,
) -> list[Proposal]:
    """Rates (开工率, 占…的, 超序时进度) with the figure before them in the sentence they are of.

    With a data file, a rate or gap is of a target: of the one whose actual, or whose target's
    indicator, is the figure it follows (开工率 after the 23 key projects of the plan is the rate
    of the target they set, tracked by the projects started). It then goes onto the indicator
    that target's `rate`/`gap` names, and `rate_of`/`gap_of` is the actual the import links it
    to; a rate of no target keeps its relation as a note only."""
    out: list[Proposal] = []
    last_amount: dict[tuple[int, int], str] = {}  # sentence -> indicator of its last non-rate
    themes: dict[str, str] = {}  # indicator -> theme of the figures before
    for p, f in zip(proposals, figures, strict=True):
        if unit_kind(p.unit) is not Kind.RATE:
            last_amount[f.sentence] = p.indicator
            themes.setdefault(p.indicator, p.theme)
            out.append(p)
            continue
        lead = text[f.clause[0] : f.token.start]
        relation = None
        if p.unit != "%" and _GAP.search(lead):
            relation = "gap"
        elif _RATE.search(lead):
            relation = "rate"
        elif "占" in lead:
            relation = "share"
        of = last_amount.get(f.sentence)
        if relation and of:
            p = replace(p, relation=relation, relates_to=of)
            if p.new_indicator:  # a new rate is of its figure's theme (完成率 of investment)
                p = replace(p, theme=themes.get(of, p.theme))
            if dataset is not None and relation in ("rate", "gap"):
                p = _of_target(p, relation, of, dataset)
        out.append(p)
    return out


def _of_target(p: Proposal, relation: str, of: str, dataset: Dataset) -> Proposal:
    """*p*, a rate or gap of the figure of *of*, tied to the target *of* tracks or sets."""
    for target in dataset.targets:
        if of not in (target.actual, target.target.split("@")[0]):
            continue
        holder = target.rate if relation == "rate" else target.gap
        if holder is not None and holder in dataset.indicators and holder != p.indicator:
            reason = f"the {relation} of the target tracked by {target.actual} ({holder})"
            p = replace(p, indicator=holder, new_indicator=False, reason=reason)
        return replace(p, relates_to=target.actual, links=True)
    return p


def unit_kind(unit: str) -> Kind:
    found = known_unit(unit)
    return Kind.COUNT if found is None else found.kind
