"""The types of extraction: a number found in the text, the figure proposed from it, and the
whole result. Imports only `tokens`, so every rule module may use them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...model.units import Unit
from .tokens import Token


@dataclass(frozen=True)
class Proposal:
    """One proposed figure, ready for a draft."""

    value: Decimal
    unit: str
    qualifier: str
    yoy: Decimal | None
    period: str
    status: str
    name: str
    subject: str | None
    quote: str
    indicator: str
    new_indicator: bool
    theme: str
    line: int  # line of the article the figure is printed on
    relation: str | None = None  # rate, gap or share: a rate of the figure *relates_to*
    relates_to: str | None = None
    restates: int | None = None  # a less precise print of the figure at this index (45.3亿元)
    links: bool = False  # relates_to is a target's actual: import links the rate to the target
    reason: str = ""  # why it goes onto its indicator (name, unit, subject), or a new one
    stock: bool = False  # a new indicator of levels at a point of time (截至目前在建项目52个)
    target_kind: str | None = None  # "list": a target of items all to complete (全部开工)
    tracks: str | None = None  # a list's size: the indicator of its items done
    done_items: bool = False  # the count of a list's items done (已开工23个)


@dataclass(frozen=True)
class Extraction:
    """Every proposed figure, and the year and month periods were resolved with."""

    figures: list[Proposal]
    published: str
    published_from: str  # "--published", "source ID", "text", "data file"
    # units of the figures that neither the catalogue nor the data file knows (立方米): the
    # declarations a data file needs (`[units]`) before the figures can be imported
    units: dict[str, Unit] = field(default_factory=dict)
    # what the reader should check (a span printed as done that ends after `published`)
    warnings: list[str] = field(default_factory=list)


@dataclass
class FoundFigure:
    """A number found in the text, with the sentence and clause it stands in, before it is
    proposed."""

    token: Token
    sentence: tuple[int, int]
    clause: tuple[int, int]
    yoy: Decimal | None = None
    last: int = 0  # end of the last token of this figure (its growth rate)
    prior: bool = False  # the same months a year before, in brackets after the value before
