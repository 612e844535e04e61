"""The data file's schema as frozen pydantic models with exact decimals."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    PrivateAttr,
    StrictBool,
    StrictStr,
    ValidatorFunctionWrapHandler,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from .english import counted
from .periods import Period, parse_period
from .units import UNITS, Unit, declare, declared, get_unit

SCHEMA_VERSION = 1
# the id output gives the single [source] table where a figure's article is named
SINGLE_SOURCE = "source"

# Bounds that keep a hostile file from making Decimal arithmetic slow or silly.
MAX_INTEGER_DIGITS = 15
MAX_DECIMAL_PLACES = 10


_INTEGER_LIMIT = 10**MAX_INTEGER_DIGITS
_TOO_LARGE = f"number too large (at most {MAX_INTEGER_DIGITS} digits)"


def _number(value: object) -> Decimal:
    """A number of the file as an exact Decimal, within the digits and places allowed.

    Every figure passes here: a Decimal is read from one `as_tuple()`, whose exponent and
    digits tell what `is_finite()` and `adjusted()` would.
    """
    if type(value) is int:  # not bool, which is an int too
        if -_INTEGER_LIMIT < value < _INTEGER_LIMIT:
            return Decimal(value)
        raise ValueError(_TOO_LARGE)
    if type(value) is not Decimal:
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            raise ValueError("expected a number")
        return _number(int(value) if isinstance(value, int) else Decimal(value))
    _sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):  # "n", "N" or "F"
        raise ValueError("expected a finite number, not nan or inf")
    if exponent + len(digits) > MAX_INTEGER_DIGITS:  # adjusted() >= 15, and 0e999999999 too
        raise ValueError(_TOO_LARGE)
    if exponent < -MAX_DECIMAL_PLACES:
        raise ValueError(f"too many decimal places (at most {MAX_DECIMAL_PLACES})")
    return value


def _period(value: object) -> Period:
    if isinstance(value, Period):
        return value
    if not isinstance(value, str):
        raise ValueError('expected a period string such as "2022-01..2022-05"')
    return parse_period(value)


def _unit(value: str) -> str:
    get_unit(value)
    return value


Number = Annotated[
    Decimal,
    PlainValidator(_number),
    PlainSerializer(lambda d: d, return_type=Decimal),
    WithJsonSchema({"type": "number"}),
]
PeriodField = Annotated[
    Period,
    PlainValidator(_period),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^(\d{4}(-\d{2}(\.\.\d{4}-\d{2})?|-Q[1-4]|-H[12])?|undated)$",
            "description": "2022, 2022-06, 2022-Q1, 2022-H1, 2022-01..2022-05, or undated "
            "where the source states no year",
        }
    ),
]
Text = Annotated[StrictStr, Field(min_length=1)]
Ident = Annotated[StrictStr, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
UnitSymbol = Annotated[StrictStr, AfterValidator(_unit)]
Ref = Annotated[
    StrictStr,
    Field(
        pattern=r"^[a-z][a-z0-9_]*(\{[^{}]*\})?(@([0-9A-Z.\-]+|undated)(#[a-z]+)?)?$",
        description="INDICATOR, INDICATOR@PERIOD or INDICATOR@PERIOD#STATUS; "
        "INDICATOR{SUBJECT}@… for the figure of one subject ({} for the one without)",
    ),
]

Status = Literal["actual", "forecast", "target"]
Qualifier = Literal["exact", "more_than", "nearly", "about"]


UNTRANSLATED_MARK = "[untranslated]"  # after an English name with words left in Chinese


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class Figure(_Model):
    """One quoted value of an indicator for one period."""

    period: PeriodField = Field(description="The months the figure covers.")
    value: Number = Field(description="The number exactly as printed in the source, in `unit`.")
    unit: UnitSymbol | None = Field(
        None,
        description="The unit the source printed this figure in, if not the indicator's.",
    )
    status: Status = Field(
        "actual", description="actual, forecast (预计…) or target (全年目标, 年度计划)."
    )
    qualifier: Qualifier = Field(
        "exact", description="exact, more_than (余/多), nearly (近) or about (约)."
    )
    yoy: Number | None = Field(
        None, description="Year-on-year growth in percent, where the source quotes it."
    )
    subject: StrictStr | None = Field(
        None, description="The company, village or project the figure is about."
    )
    subject_en: StrictStr | None = Field(
        None,
        description="The subject's English name, shown in English output (default: `subject`).",
    )
    quote: StrictStr | None = Field(
        None, description="The shortest verbatim clause of the source that contains the figure."
    )
    note: StrictStr | None = Field(None, description="Free text for people editing the file.")
    note_en: StrictStr | None = Field(
        None, description="The note in English, where `note` is in Chinese (or the reverse)."
    )
    source: Ident | None = Field(
        None,
        description="Key of the [sources] article this figure is quoted from "
        "(default: the only source).",
    )
    superseded: StrictBool = Field(
        False,
        description="True: this figure does not count. Of figures for the same months from "
        "several articles, the latest published counts unless it is marked superseded.",
    )
    label: StrictStr | None = Field(
        None,
        description="How the source names the figure's months where the period's own name "
        "would mislead: 今年以来(截至6月) for a year-to-date figure filed under 2022-H1.",
    )
    label_en: StrictStr | None = Field(
        None, description="The English of `label`: year to date (to June 2022)."
    )
    counts: StrictBool = Field(
        False,
        description="True: this figure counts although another article (even a later one) "
        "gives the same indicator, subject, months and status.",
    )

    def period_label(self, lang: str = "zh", stock: bool = False) -> str:
        """The figure's months for a reader: its `label` where given, else the period's (for
        a *stock*, the level at its end: 截至2022年6月 / as of Jun 2022)."""
        own = self.label_en if lang == "en" else self.label
        if own or self.label:
            return own or self.label or ""
        return self.period.stock_label(lang) if stock else self.period.label(lang)


class Withheld(_Model):
    """A figure the source mentions without its number ("XX亿元"): shown, never computed with."""

    period: PeriodField = Field(description="The months the figure covers.")
    status: Status = "actual"
    subject: StrictStr | None = None
    quote: StrictStr | None = Field(None, description="The clause that withholds the number.")
    note: StrictStr | None = None
    source: Ident | None = None


class Indicator(_Model):
    """A quantity tracked over periods, in one unit."""

    name: Text = Field(description="Chinese name.")
    name_en: Text = Field(description="English name.")
    name_en_status: Literal["composed", "untranslated"] | None = Field(
        None,
        description="How name_en was made when no person wrote it: composed (by ganxian from "
        "its glossary) or untranslated (composed, with the words its glossary lacks left in "
        "Chinese; English output marks the name). Absent: written by a person.",
    )
    theme: Ident = Field(description="Key of the theme this indicator is grouped under.")
    unit: UnitSymbol = Field(description="The unit its figures are printed in.")
    signed: StrictBool = Field(
        False, description="True where an amount or count may be negative (profit, net change)."
    )
    stock: StrictBool = Field(
        False,
        description="True where each figure is a level at the end of its period (截至目前: "
        "projects under construction, firms on the register), not a flow over its months; "
        "output then reads the period 截至2022年6月 / as of Jun 2022.",
    )
    note: StrictStr | None = None
    note_en: StrictStr | None = Field(
        None, description="The note in English, where `note` is in Chinese (or the reverse)."
    )
    observations: list[Figure] = Field(
        [], description="The figures, one per period and status (at least one, or withheld)."
    )
    withheld: list[Withheld] = Field(
        [], description="Figures the source mentions without a number; arithmetic skips them."
    )

    @model_validator(mode="after")
    def _has_figures(self) -> Indicator:
        if not self.observations and not self.withheld:
            raise ValueError("an indicator needs at least one figure in observations")
        return self

    # the file's declared units, attached by Dataset; empty when it declares none
    _declared: dict[str, Unit] = PrivateAttr(default_factory=dict)

    def _lookup(self, symbol: str) -> Unit:
        # built-ins first (a file cannot redefine them); the private mapping is read directly,
        # since pydantic's attribute hook costs more than the lookup itself
        unit = UNITS.get(symbol)
        if unit is None:
            private = self.__pydantic_private__ or {}
            unit = private.get("_declared", {}).get(symbol) or get_unit(symbol)
        return unit

    def period_label(self, figure: Figure, lang: str = "zh") -> str:
        """*figure*'s months for a reader, read as a level at their end where this is a stock."""
        return figure.period_label(lang, self.stock)

    @property
    def title_en(self) -> str:
        """The English name as English output shows it: marked where it is untranslated."""
        if self.name_en_status == "untranslated":
            return f"{self.name_en} {UNTRANSLATED_MARK}"
        return self.name_en

    @property
    def base(self) -> Unit:
        """The indicator's own unit (with the English noun of what it counts)."""
        return counted(self._lookup(self.unit), self.name)

    def unit_of(self, figure: Figure) -> Unit:
        return counted(self._lookup(figure.unit or self.unit), self.name)


class Source(_Model):
    """Where the figures come from."""

    region: Text
    region_en: Text
    title: Text
    publisher: StrictStr | None = None
    published: StrictStr | None = Field(
        None, description="Publication date or month as printed, e.g. 2022-06."
    )
    url: StrictStr | None = None
    note: StrictStr | None = None
    text: StrictStr | None = Field(
        None, description="A local copy of the article, relative to the data file's folder."
    )


Month = Annotated[
    StrictStr,
    Field(
        pattern=r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$",
        description="YYYY-MM (or YYYY-MM-DD)",
    ),
]


class Article(_Model):
    """One source article (`[sources.ID]`): figures name it with `source = "ID"`."""

    title: Text
    published: Month = Field(description="The month (or day) the article was published.")
    url: StrictStr | None = None
    publisher: StrictStr | None = None
    region: Text | None = None
    region_en: Text | None = None
    note: StrictStr | None = None
    text: StrictStr | None = Field(
        None,
        description="A local copy of the article, relative to the data file and inside its "
        "folder; validate checks this source's quotes against it.",
    )


class UnitDeclaration(_Model):
    """A unit the built-in catalogue lacks (`[units."万标箱"]`)."""

    family: Text = Field(description="What it measures; a built-in family name or a new one.")
    factor: Number = Field(
        Decimal(1), description="Size of one of this unit in the family's base unit."
    )
    name_en: Text | None = None
    kind: Literal["amount", "count"] | None = Field(
        None, description="amount or count; default: as the family's built-in units, else amount."
    )

    @field_validator("factor")
    @classmethod
    def _positive(cls, value: Decimal) -> Decimal:
        if value <= 0:
            raise ValueError("factor must be greater than 0")
        return value


class Theme(_Model):
    """A group of indicators shown together."""

    name: Text
    name_en: Text


class Target(_Model):
    """An annual target and the year-to-date actuals measured against it (双过半)."""

    target: Ref = Field(description="The target figure (INDICATOR@PERIOD#STATUS).")
    actual: Ident = Field(
        description="The indicator whose year-to-date actual figures count towards the target."
    )
    rate: Ident | None = Field(
        None, description="An indicator holding the completion rate the source quotes, in %."
    )
    gap: Ident | None = Field(
        None,
        description="An indicator holding the quoted lead over time progress, in points.",
    )
    basis: Literal["months", "days"] = Field(
        "months",
        description="How the source measures time progress for `gap`: months or days.",
    )
    kind: Literal["annual", "list"] = Field(
        "annual",
        description="annual: a plan for the year that actuals accrue towards, judged against "
        "time progress (双过半); list: a fixed list of items to complete (the 23 projects to "
        "start), shown as its completion rate, with no lead over time progress, no run rate "
        "and no part in the 双过半 count.",
    )
    note: StrictStr | None = None
    note_en: StrictStr | None = Field(
        None, description="The note in English, where `note` is in Chinese (or the reverse)."
    )


class ShareRelation(_Model):
    """A part that cannot exceed its whole, with the share the source quotes if any."""

    kind: Literal["share"]
    part: Ref
    whole: Ref
    rate: Ref | None = None
    note: StrictStr | None = None
    note_en: StrictStr | None = Field(
        None, description="The note in English, where `note` is in Chinese (or the reverse)."
    )


class SumRelation(_Model):
    """A total that is the sum of its parts (or parts to show side by side in one unit)."""

    kind: Literal["sum"]
    total: Ref | None = Field(
        None, description="The quoted total; without it, parts are shown side by side."
    )
    parts: Annotated[list[Ref], Field(min_length=1, max_length=100)]
    note: StrictStr | None = None
    note_en: StrictStr | None = Field(
        None, description="The note in English, where `note` is in Chinese (or the reverse)."
    )


class PerRelation(_Model):
    """An amount spread over a count (relief per firm)."""

    kind: Literal["per"]
    amount: Ref
    count: Ref
    note: StrictStr | None = None
    note_en: StrictStr | None = Field(
        None, description="The note in English, where `note` is in Chinese (or the reverse)."
    )


class LeadRelation(_Model):
    """A quoted lead of a rate over a named baseline (高于全市0.8个百分点, 快于去年同期…)."""

    kind: Literal["lead"]
    lead: Ref = Field(description="The quoted lead, in 个百分点.")
    over: Text = Field(
        description="What the lead is over, as printed: 全市, 去年同期, 全市整体进度."
    )
    rate: Ref | None = Field(None, description="The rate that leads, where the source gives it.")
    baseline: Ref | None = Field(
        None,
        description="The baseline's rate, where the source gives it; then the lead is checked.",
    )
    note: StrictStr | None = None
    note_en: StrictStr | None = Field(
        None, description="The note in English, where `note` is in Chinese (or the reverse)."
    )


class WithinRelation(_Model):
    """Parts whose sum may not exceed a whole (two parks inside a district's total)."""

    kind: Literal["within"]
    parts: Annotated[list[Ref], Field(min_length=1, max_length=100)]
    whole: Ref
    note: StrictStr | None = None
    note_en: StrictStr | None = Field(
        None, description="The note in English, where `note` is in Chinese (or the reverse)."
    )


Relation = Annotated[
    ShareRelation | SumRelation | PerRelation | WithinRelation | LeadRelation,
    Field(discriminator="kind"),
]


class Dataset(_Model):
    """A whole data file."""

    schema_version: Literal[1]
    source: Source | None = Field(
        None, description="The one source article (or use [sources.ID] for several)."
    )
    sources: dict[Ident, Article] = Field(
        {}, description="Source articles by id; figures name theirs with `source`."
    )
    units: dict[Text, UnitDeclaration] = Field(
        {}, description="Units beyond the built-in catalogue, by symbol."
    )
    themes: dict[Ident, Theme]
    indicators: dict[Ident, Indicator] = Field({}, description="The indicators, by id.")
    targets: list[Target] = []
    relations: list[Relation] = []
    # (indicator, index) of figures that do not count; worked out once, on validation
    _superseded: frozenset[tuple[str, int]] = PrivateAttr(frozenset())
    # each figure that does not count -> the index of its indicator's figure that counts instead
    _counted_instead: dict[tuple[str, int], int] = PrivateAttr(default_factory=dict)
    # the file's `[units]` as catalogue entries, worked out on validation
    _units: dict[str, Unit] = PrivateAttr(default_factory=dict)

    @property
    def declared_units(self) -> dict[str, Unit]:
        """The units this file declares, by symbol."""
        return self._units

    @model_validator(mode="wrap")
    @classmethod
    def _with_declared_units(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        """Validate with the file's declared units known, then attach them to its indicators."""
        units = _declared_units(data)
        with declared(units):
            dataset = handler(data)
        if isinstance(dataset, Dataset):
            for indicator in dataset.indicators.values():
                if units:
                    indicator._declared = units
            dataset._units = units
            dataset.settle()
        return dataset

    @field_validator("units")
    @classmethod
    def _no_redefinition(cls, value: dict[str, UnitDeclaration]) -> dict[str, UnitDeclaration]:
        clash = [symbol for symbol in value if symbol in UNITS]
        if clash:
            raise ValueError(f"unit {clash[0]} is built in and cannot be redefined")
        return value

    @model_validator(mode="after")
    def _has_a_source(self) -> Dataset:
        if self.source is None and not self.sources:
            raise ValueError("missing field: give [source] or at least one [sources.ID] table")
        return self

    def lead_source(self) -> Source:
        """The file's source for region and title: [source], else its latest-published article."""
        if self.source is not None:
            return self.source
        by_date = sorted(self.sources.values(), key=lambda a: a.published, reverse=True)
        article = by_date[0]
        placed = next((a for a in by_date if a.region), article)
        return Source.model_construct(  # an article may leave the region out
            region=placed.region or "",
            region_en=placed.region_en or placed.region or "",
            title=article.title,
            publisher=article.publisher,
            published=article.published,
            url=article.url,
            note=article.note,
        )

    def superseded(self, ident: str, index: int) -> bool:
        """Whether figure *index* of *ident* does not count: marked so, or a later article's
        figure for the same months, status and subject replaces it."""
        return (ident, index) in self.superseded_figures

    @property
    def superseded_figures(self) -> frozenset[tuple[str, int]]:
        """(indicator, index) of every figure that does not count (see `superseded`)."""
        # read directly: pydantic's attribute hook for private attributes costs more than this
        private = self.__pydantic_private__
        found: frozenset[tuple[str, int]] = (private or {}).get("_superseded", frozenset())
        return found

    def settle(self) -> None:
        """Work out which figures count (after validation, or after figures moved)."""
        instead = dict(self._find_superseded())
        self._superseded = frozenset(instead)
        self._counted_instead = {key: i for key, i in instead.items() if i is not None}

    def counts(self, ident: str, index: int) -> bool:
        """Whether figure *index* of *ident* is the one that counts (see `superseded`)."""
        return (ident, index) not in self.superseded_figures

    def counted_instead(self, ident: str, index: int) -> int | None:
        """The index of *ident*'s figure that counts in place of figure *index*, or None when
        *index* counts (or is marked superseded and no other figure counts)."""
        private = self.__pydantic_private__ or {}
        found: dict[tuple[str, int], int] = private.get("_counted_instead", {})
        return found.get((ident, index))

    def superseded_by(self, ident: str, index: int) -> str | None:
        """The source id of the figure that counts in place of figure *index* of *ident*
        (`source` for the single [source] table), or None when *index* counts."""
        other = self.counted_instead(ident, index)
        if other is None:
            return None
        return self.source_of(self.indicators[ident].observations[other]) or SINGLE_SOURCE

    def _find_superseded(self) -> Iterator[tuple[tuple[str, int], int | None]]:
        """Each figure that does not count, with the index of the one that counts instead.

        Figures of one indicator for the same months, status and subject form a group; in
        it, a figure marked `counts = true` counts, else the one of the latest-published
        article (the first in file order on a tie); figures marked `superseded` never count."""
        for ident, indicator in self.indicators.items():
            groups: dict[tuple[int, int, int, str, str | None], list[int]] = {}
            for i, figure in enumerate(indicator.observations):
                p = figure.period
                key = (p.year, p.start, p.end, figure.status, figure.subject)
                groups.setdefault(key, []).append(i)
            figures = indicator.observations
            for members in groups.values():
                if len(members) == 1:
                    if figures[members[0]].superseded:
                        yield (ident, members[0]), None
                    continue
                candidates = [i for i in members if not figures[i].superseded]
                marked = [i for i in candidates if figures[i].counts]
                pool = marked or candidates
                winner = None
                if pool:
                    winner = pool[0]
                    best = self._published(figures[winner])
                    for i in pool[1:]:
                        published = self._published(figures[i])
                        if published > best:
                            winner, best = i, published
                for i in members:
                    if i != winner:
                        yield (ident, i), winner

    def _published(self, figure: Figure) -> str:
        ident = self.source_of(figure)
        if ident is not None and ident in self.sources:
            return self.sources[ident].published
        return self.source.published or "" if self.source else ""

    def source_of(self, figure: Figure | Withheld) -> str | None:
        """The id of the article *figure* comes from: its own, else the only one, else None."""
        if figure.source is not None:
            return figure.source
        return self.default_source()

    def default_source(self) -> str | None:
        """The id of the article a figure that names none comes from: the only one, or None."""
        if self.source is None and len(self.sources) == 1:
            return next(iter(self.sources))
        return None

    def figures(self) -> Iterator[tuple[str, Indicator, int, Figure]]:
        """Every figure with its indicator id, indicator and index, in file order."""
        for ident, indicator in self.indicators.items():
            for index, figure in enumerate(indicator.observations):
                yield ident, indicator, index, figure


def _declared_units(data: Any) -> dict[str, Unit]:
    """The well-formed `[units]` entries of raw data; the schema reports the rest."""
    table = data.get("units") if isinstance(data, dict) else None
    if not isinstance(table, dict):
        return {}
    units: dict[str, Unit] = {}
    for symbol, spec in table.items():
        if not isinstance(symbol, str) or symbol in UNITS or not isinstance(spec, dict):
            continue
        try:
            declaration = UnitDeclaration.model_validate(spec)
        except ValueError:
            continue
        units[symbol] = declare(
            symbol,
            declaration.family,
            declaration.factor,
            declaration.name_en,
            declaration.kind,
        )
    return units
