"""Properties of the canonical writer: load -> write -> load keeps the data; fmt is idempotent."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ganxian_cli.datafile.loader import parse_text
from ganxian_cli.datafile.writer import (
    Rendered,
    canonical_data,
    canonical_text,
    comment_lines,
    render,
)
from ganxian_cli.model.models import Dataset
from ganxian_cli.model.units import UNITS

idents = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True)
texts = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=24)
decimals = st.builds(
    lambda digits, exponent, negative: Decimal(f"{'-' if negative else ''}{digits}").scaleb(
        exponent
    ),
    st.integers(0, 10**9),
    st.integers(-6, 3),
    st.booleans(),
)
periods = st.sampled_from(
    ["2022", "2022-06", "2022-Q1", "2022-H2", "2022-01..2022-05", "2031-03..2031-09", "1999-12"]
)
figures = st.fixed_dictionaries(
    {"period": periods, "value": decimals},
    optional={
        "status": st.sampled_from(["actual", "forecast", "target"]),
        "qualifier": st.sampled_from(["exact", "more_than", "nearly", "about"]),
        "yoy": decimals,
        "unit": st.sampled_from(sorted(UNITS)),
        "subject": texts,
        "quote": texts,
        "note": texts,
    },
)


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    themes = draw(
        st.dictionaries(
            idents, st.fixed_dictionaries({"name": texts, "name_en": texts}), min_size=1, max_size=3
        )
    )
    indicator = st.fixed_dictionaries(
        {
            "name": texts,
            "name_en": texts,
            "theme": st.sampled_from(sorted(themes)),
            "unit": st.sampled_from(sorted(UNITS)),
            "observations": st.lists(figures, min_size=1, max_size=3),
        },
        optional={"signed": st.booleans(), "note": texts},
    )
    data: dict[str, Any] = {
        "schema_version": 1,
        "source": {"region": draw(texts), "region_en": draw(texts), "title": draw(texts)},
        "themes": themes,
        "indicators": draw(st.dictionaries(idents, indicator, min_size=1, max_size=4)),
    }
    return Dataset.model_validate(data)


@settings(max_examples=150, deadline=None)
@given(datasets())
def test_write_then_load_gives_the_same_data(dataset: Dataset) -> None:
    text = canonical_text(dataset)
    again = parse_text(text, "<roundtrip>").dataset
    assert canonical_data(again) == canonical_data(dataset)
    assert canonical_text(again) == text  # fmt is idempotent
    assert comment_lines(text) == []
    for ident, indicator in dataset.indicators.items():
        for figure in indicator.observations:
            # every value keeps its digits: 160.00 stays 160.00
            assert any(
                str(f.value) == str(figure.value) or f.value.as_tuple().exponent == 0
                for f in again.indicators[ident].observations
            )


@settings(max_examples=150, deadline=None)
@given(datasets())
def test_text_made_indicator_by_indicator_is_the_text_of_the_canonical_data(
    dataset: Dataset,
) -> None:
    memo: Rendered = {}
    assert canonical_text(dataset, memo) == render(canonical_data(dataset))
    # an edit's result keeps the indicators it leaves alone: their text is taken from the memo
    ident, indicator = next(iter(dataset.indicators.items()))
    fewer = indicator.model_copy(update={"observations": indicator.observations[:1]})
    edited = dataset.model_copy(update={"indicators": {**dataset.indicators, ident: fewer}})
    edited.settle()
    assert canonical_text(edited, memo) == render(canonical_data(edited))
    assert memo[ident][0] is fewer
