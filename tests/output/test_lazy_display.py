"""Display text is made only when a table reads it: JSON and CSV never pay for it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ganxian_cli.analysis import compare as compare_module
from ganxian_cli.analysis.compare import compare
from ganxian_cli.analysis.derived import quantize
from ganxian_cli.analysis.progress import evaluate, latest_as_of
from ganxian_cli.analysis.progress_view import sections
from ganxian_cli.analysis.results import Shown, pick
from ganxian_cli.datafile.loader import load
from ganxian_cli.output.jsonout import dumps
from ganxian_cli.output.sections import to_csv, to_markdown
from tests.conftest import DATA, TESTS


def test_shown_reads_like_a_pair_and_makes_each_text_once() -> None:
    made: list[str] = []
    shown = Shown(lambda lang: made.append(lang) or f"<{lang}>")
    assert made == []
    assert pick(shown, "en") == "<en>" and shown["en"] == "<en>" and made == ["en"]
    assert dict(shown) == {"zh": "<zh>", "en": "<en>"} == shown and made == ["en", "zh"]
    with pytest.raises(KeyError):
        shown["fr"]


@pytest.mark.parametrize("path", [DATA, TESTS / "data" / "october_city.toml"], ids=str)
def test_json_and_csv_make_no_display_text(path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    dataset = load(str(path)).dataset
    calls: list[str] = []
    real = compare_module.shown_text
    monkeypatch.setattr(compare_module, "shown_text", lambda *a: calls.append("x") or real(*a))
    found = [*compare(dataset), *sections(evaluate(dataset, latest_as_of(dataset)))]
    for lang in ("zh", "en"):
        dumps({s.key: s.records(lang) for s in found})
        to_csv(found, lang)
    assert calls == []
    assert to_markdown(found, "en") and calls  # a table does read them


@pytest.mark.parametrize(
    "value", ["1.005", "-1.005", "123456789012345678901234567890.5", "0.000", "1E+5", "-0"]
)
@pytest.mark.parametrize("places", [-3, -1, 0, 2, 10, 40])
def test_quantize_agrees_with_a_local_context(value: str, places: int) -> None:
    from decimal import ROUND_HALF_UP, localcontext

    number = Decimal(value)
    with localcontext() as ctx:
        ctx.prec = max(28, number.adjusted() + places + 2)
        expected = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        expected = expected if places >= 0 else Decimal(int(expected))
    got = quantize(number, places)
    assert str(got) == str(expected)


@pytest.mark.parametrize(
    "statuses",
    [(), ("actual",), ("target", "actual"), ("actual", "forecast", "target"), ("odd", "actual"),
     ("actual", "odd"), ("forecast", "forecast"), ("odd",)],
)  # fmt: skip
def test_combine_status_is_the_first_of_the_highest_rank(statuses: tuple[str, ...]) -> None:
    from ganxian_cli.analysis.derived import _STATUS_RANK, combine_status

    expected = max(statuses, key=lambda s: _STATUS_RANK.get(s, 0), default="actual")
    assert combine_status(*statuses) == expected


def test_caches_hold_one_entry_per_period_and_round_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Period texts are made once per distinct period, not per row (figures share one Period
    per text, which keeps its text); a Num is rounded once, and JSON and CSV round nothing
    more than the rows did."""
    from ganxian_cli.analysis import derived
    from ganxian_cli.model import periods as period_module

    dataset = load(str(TESTS / "data" / "october_city.toml")).dataset
    made: list[object] = []
    real_text = period_module.Period._text
    monkeypatch.setattr(period_module.Period, "_text", lambda p: made.append(p) or real_text(p))
    rounded: list[Decimal] = []
    real = derived.quantize
    monkeypatch.setattr(derived, "quantize", lambda v, p, *q: rounded.append(v) or real(v, p, *q))
    found = compare(dataset)
    printed = {f.period for _i, _ind, _n, f in dataset.figures()}
    assert made and len([p for p in made if p in printed]) <= len(printed)
    before = len(rounded)
    for section in found:
        section.records("en")
    to_csv(found, "zh")
    assert len(rounded) == before  # the records reuse what the rows rounded
    to_markdown(found, "en")
    assert len(rounded) > before  # a table's text rounds the figures it shows as printed


def test_a_drawn_report_table_makes_no_machine_record_and_escapes_a_plain_row_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from typer.testing import CliRunner

    from ganxian_cli.output import report, report_grid
    from tests.conftest import invoke

    figures = len(list(load(str(DATA)).dataset.figures()))
    records: list[str] = []
    escaped: list[str] = []
    real_record, real_escape = report.figure_record, report_grid.escape_control
    monkeypatch.setattr(report, "figure_record", lambda r: records.append("x") or real_record(r))
    monkeypatch.setattr(
        report_grid, "escape_control", lambda t: escaped.append(t) or real_escape(t)
    )
    result = invoke(CliRunner(), "report", "--data", str(DATA))
    assert result.exit_code == 0, result.stderr
    assert records == []  # the JSON fields of a figure: a table never shows them
    # one look per row (its cells together) and one per title and caption, none per cell
    assert figures <= len(escaped) < figures + 40
