"""The data file's schema as frozen pydantic models with exact decimals."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StrictBool,
    StrictStr,
    WithJsonSchema,
)

from .periods import Period, parse_period
from .units import Unit, get_unit

SCHEMA_VERSION = 1

# Bounds that keep a hostile file from making Decimal arithmetic slow or silly.
MAX_INTEGER_DIGITS = 15
MAX_DECIMAL_PLACES = 10


def _number(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise ValueError("expected a number")
    if isinstance(value, int) and abs(value) >= 10**MAX_INTEGER_DIGITS:
        raise ValueError(f"number too large (at most {MAX_INTEGER_DIGITS} digits)")
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError("expected a finite number, not nan or inf")
    if number != 0 and number.adjusted() >= MAX_INTEGER_DIGITS:
        raise ValueError(f"number too large (at most {MAX_INTEGER_DIGITS} digits)")
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= MAX_INTEGER_DIGITS:  # 0e999999999 too
        raise ValueError(f"number too large (at most {MAX_INTEGER_DIGITS} digits)")
    if isinstance(exponent, int) and exponent < -MAX_DECIMAL_PLACES:
        raise ValueError(f"too many decimal places (at most {MAX_DECIMAL_PLACES})")
    return number


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
            "pattern": r"^\d{4}(-\d{2}(\.\.\d{4}-\d{2})?|-Q[1-4]|-H[12])?$",
            "description": "2022, 2022-06, 2022-Q1, 2022-H1 or 2022-01..2022-05",
        }
    ),
]
Text = Annotated[StrictStr, Field(min_length=1)]
Ident = Annotated[StrictStr, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
UnitSymbol = Annotated[StrictStr, AfterValidator(_unit)]
Ref = Annotated[
    StrictStr,
    Field(
        pattern=r"^[a-z][a-z0-9_]*(@[0-9A-Z.\-]+(#[a-z]+)?)?$",
        description="INDICATOR, INDICATOR@PERIOD or INDICATOR@PERIOD#STATUS",
    ),
]

Status = Literal["actual", "forecast", "target"]
Qualifier = Literal["exact", "more_than", "nearly", "about"]


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
    quote: StrictStr | None = Field(
        None, description="The shortest verbatim clause of the source that contains the figure."
    )
    note: StrictStr | None = Field(None, description="Free text for people editing the file.")


class Indicator(_Model):
    """A quantity tracked over periods, in one unit."""

    name: Text = Field(description="Chinese name.")
    name_en: Text = Field(description="English name.")
    theme: Ident = Field(description="Key of the theme this indicator is grouped under.")
    unit: UnitSymbol = Field(description="The unit its figures are printed in.")
    signed: StrictBool = Field(
        False, description="True where an amount or count may be negative (profit, net change)."
    )
    note: StrictStr | None = None
    observations: Annotated[list[Figure], Field(min_length=1)] = Field(
        description="The figures, one per period and status."
    )

    def unit_of(self, figure: Figure) -> Unit:
        return get_unit(figure.unit or self.unit)


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
    note: StrictStr | None = None


class ShareRelation(_Model):
    """A part that cannot exceed its whole, with the share the source quotes if any."""

    kind: Literal["share"]
    part: Ref
    whole: Ref
    rate: Ref | None = None
    note: StrictStr | None = None


class SumRelation(_Model):
    """A total that is the sum of its parts (or parts to show side by side in one unit)."""

    kind: Literal["sum"]
    total: Ref | None = Field(
        None, description="The quoted total; without it, parts are shown side by side."
    )
    parts: Annotated[list[Ref], Field(min_length=1, max_length=100)]
    note: StrictStr | None = None


class PerRelation(_Model):
    """An amount spread over a count (relief per firm)."""

    kind: Literal["per"]
    amount: Ref
    count: Ref
    note: StrictStr | None = None


Relation = Annotated[ShareRelation | SumRelation | PerRelation, Field(discriminator="kind")]


class Dataset(_Model):
    """A whole data file."""

    schema_version: Literal[1]
    source: Source
    themes: dict[Ident, Theme]
    indicators: dict[Ident, Indicator]
    targets: list[Target] = []
    relations: list[Relation] = []

    def figures(self) -> Iterator[tuple[str, Indicator, int, Figure]]:
        """Every figure with its indicator id, indicator and index, in file order."""
        for ident, indicator in self.indicators.items():
            for index, figure in enumerate(indicator.observations):
                yield ident, indicator, index, figure
