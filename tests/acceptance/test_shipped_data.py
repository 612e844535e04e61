"""The shipped data file: every figure of the source article, each proven by its quote."""

from collections import Counter
from decimal import Decimal

import pytest

from ganxian_cli.analysis.checks.registry import all_problems
from ganxian_cli.datafile.loader import load
from ganxian_cli.model.numerals import growth_occurrences, occurrences
from tests.conftest import DATA


@pytest.fixture(scope="module")
def loaded():
    return load(str(DATA))


def test_figures_per_theme_match_the_article(loaded) -> None:
    counts = Counter(ind.theme for _id, ind, _i, _f in loaded.dataset.figures())
    assert counts == {
        "industry": 9,  # 8.5%, 133.87, 157.56 + 500 target, 7.15, 30478, 27.8%, 19, 142
        "enterprise_support": 6,  # 35, 9 measures; 42 leaders, 160 firms, 300余 cadres, 29 staff
        "companies": 9,  # 腾远 2, 华能 2, 寒锐 4, 粤磁 1
        "key_projects": 8,  # 23, 299.92, 83.19, 58.33, 22, 95.65%, 70.11%, 28.44
        "investment": 16,  # Jan–May and June signings, size classes, leads
        "construction": 4,  # 52 / 13 / 7 and the 21-storey hospital
        "relief": 8,
        "services": 2,
        "agriculture": 4,
        "community": 2,
    }
    growth = [f.yoy for _id, _ind, _i, f in loaded.dataset.figures() if f.yoy is not None]
    assert growth == [Decimal("35.8"), Decimal("12.24")]


def test_every_quote_shows_its_figure(loaded) -> None:
    for ident, indicator, _i, figure in loaded.dataset.figures():
        assert figure.quote, ident
        assert occurrences(figure.quote, figure.value, indicator.unit_of(figure)), ident
        if figure.yoy is not None:
            assert growth_occurrences(figure.quote, figure.yoy), ident


def test_values_are_exact_decimals_as_printed(loaded) -> None:
    output = loaded.dataset.indicators["industrial_output"].observations[0]
    assert output.value == Decimal("133.87") and str(output.value) == "133.87"
    tax = loaded.dataset.indicators["industrial_tax"]
    assert (str(tax.observations[0].value), tax.unit) == ("30478", "万元")
    cobalt = loaded.dataset.indicators["tengyuan_cobalt_output"].observations[0]
    assert (cobalt.value, cobalt.status) == (Decimal(1), "forecast")


def test_qualifiers_and_statuses_follow_the_wording(loaded) -> None:
    qualifiers = {
        ident: f.qualifier
        for ident, _ind, _i, f in loaded.dataset.figures()
        if f.qualifier != "exact"
    }
    assert qualifiers == {
        "cadres_in_enterprises": "more_than",
        "signed_amount": "about",
        "hiring_assistance": "more_than",
        "tobacco_area": "nearly",
        "crop_damage_area": "more_than",
        "crop_damage_loss": "more_than",
        "melon_area": "more_than",
    }
    targets = sorted(
        ident for ident, _ind, _i, f in loaded.dataset.figures() if f.status == "target"
    )
    assert targets == ["industrial_revenue", "key_project_investment"]


def test_shipped_file_validates_cleanly(loaded) -> None:
    assert all_problems(loaded) == []


def test_shipped_indicator_ids_are_kept(loaded) -> None:
    # ids are a contract for scripts and SQL: a better name changes name/name_en, not the id
    indicators = loaded.dataset.indicators
    assert "signed_projects_over_10bn" in indicators
    assert indicators["signed_projects_over_10bn"].name_en == (
        "Signed industrial projects of 10 billion yuan"
    )
