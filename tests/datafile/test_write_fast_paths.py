"""The fast paths of `record`, `import` and `fmt` agree with the slow ones they replace.

A write renders the canonical text without going through tomli-w for plain tables, validates
the result from the data it rendered instead of parsing the text again, runs its checks without
line numbers first, diffs only the changed middle, and looks for comments only on lines with a
`#`. Each shortcut is compared here with the long way round, on every data file of the tests
and on generated ones.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st
from test_roundtrip import datasets
from typer.testing import CliRunner

from ganxian_cli.analysis.checks.registry import all_problems, essential_problems
from ganxian_cli.datafile import comments, importer, record, store, writer
from ganxian_cli.datafile.loader import Loaded, parse_text, to_dataset
from ganxian_cli.errors import DataError, escape_control
from ganxian_cli.model.models import Dataset, Figure, Indicator
from tests.conftest import DATA, SHARED, TESTS, invoke

FILES = sorted({DATA, *TESTS.rglob("*.toml")})
LOADABLE: list[Path] = []
for _path in FILES:
    try:
        parse_text(_path.read_text(encoding="utf-8"), str(_path))
    except DataError:  # drafts and broken examples are not data files
        continue
    LOADABLE.append(_path)


def _typed(value: Any) -> Any:
    """*value* with every type and dict order spelled out: 1, 1.0 and True all differ."""
    if isinstance(value, dict):
        return ("dict", [(k, _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(v) for v in value])
    return (type(value).__name__, str(value))


def _loaded(path: Path) -> Loaded:
    return parse_text(path.read_text(encoding="utf-8"), str(path))


def _roundtrip(dataset: Dataset) -> None:
    """render(data) reads back as exactly *data*; the dataset validated from *data* is the one
    parsing the text gives."""
    data = writer.canonical_data(dataset)
    text = writer.render(data)
    assert _typed(tomllib.loads(text, parse_float=Decimal)) == _typed(data)
    direct = to_dataset(data, "x", text)
    parsed = parse_text(text, "x").dataset
    assert direct == parsed
    assert direct.model_dump() == parsed.model_dump()
    assert sorted(direct._superseded) == sorted(parsed._superseded)
    assert direct.declared_units == parsed.declared_units


@pytest.mark.parametrize("path", LOADABLE, ids=[p.stem for p in LOADABLE])
def test_every_file_round_trips_through_its_canonical_data(path: Path) -> None:
    _roundtrip(_loaded(path).dataset)


@settings(max_examples=40, deadline=None)
@given(datasets())
def test_generated_datasets_round_trip_through_their_canonical_data(dataset: Dataset) -> None:
    _roundtrip(dataset)


# --- the diff ---------------------------------------------------------------------------------


# escaping makes "\x1b" and "\\x1b" look alike: the trimming must see them as the diff shows them
_diff_lines = st.lists(st.sampled_from(["a", "b", "\x1b", "\\x1b", "\r", "", "x\u202e"]))


@settings(max_examples=150, deadline=None)
@given(_diff_lines, _diff_lines, _diff_lines, st.booleans(), st.booleans())
def test_the_diff_shows_every_changed_line_escaped(
    shared: list[str], old: list[str], new: list[str], old_eol: bool, new_eol: bool
) -> None:
    a = "\n".join([*shared, *old, *shared]) + ("\n" if old_eol else "")
    b = "\n".join([*shared, *new, *shared]) + ("\n" if new_eol else "")
    diff = writer.unified_diff(a, b, "f\x1b")
    olds = [escape_control(line) for line in a.split("\n")]
    news = [escape_control(line) for line in b.split("\n")]
    assert (diff == "") == (olds == news)  # a line shown alike is no change
    assert not any(c in diff for c in "\x1b\r\u202e")
    if diff:
        assert diff.startswith("--- a/" + escape_control("f\x1b") + "\n")
    for line in diff.splitlines()[2:]:
        if line.startswith("-"):
            assert line[1:] in olds
        elif line.startswith("+"):
            assert line[1:] in news


# --- comments -----------------------------------------------------------------------------------


def _full_scan(text: str) -> list[int]:
    return comments._scan(text, 0, len(text))


CORPUS = SHARED / "toml-test"
TOML_TEXTS = (
    [p.read_text(encoding="utf-8", errors="replace") for p in sorted(CORPUS.rglob("*.toml"))]
    if CORPUS.is_dir()
    else []
) + [p.read_text(encoding="utf-8") for p in FILES]


def test_comments_found_line_by_line_are_the_ones_a_full_scan_finds() -> None:
    assert TOML_TEXTS
    for text in TOML_TEXTS:
        assert comments.comment_offsets(text) == _full_scan(text)
        if '"""' not in text and "'''" not in text:
            assert comments._offsets_by_line(text) == _full_scan(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="\"'#\\\na =\t"))
def test_line_by_line_comment_scan_on_any_text(text: str) -> None:
    assert comments.comment_offsets(text) == _full_scan(text)
    if '"""' not in text and "'''" not in text:
        assert comments._offsets_by_line(text) == _full_scan(text)


# --- checks without lines -----------------------------------------------------------------------


BROKEN = [  # variants with errors, so the comparison sees errors as well as warnings
    (r'quote = "[^"\n]*"', 'quote = "nothing here"', 1),
    (r'(\[\[targets\]\]\ntarget = ")[a-z_]+', r"\1missing", 1),
    (r'unit = "[^"\n]*"', 'unit = "亿元"', 0),
]


def _variants() -> list[Loaded]:
    found = []
    for path in LOADABLE:
        text = path.read_text(encoding="utf-8")
        found.append(parse_text(text, str(path)))
        for pattern, replacement, count in BROKEN:
            changed = re.sub(pattern, replacement, text, count=count)
            try:
                found.append(parse_text(changed, str(path)))
            except DataError:  # a variant the models refuse is no test
                continue
    return found


@pytest.mark.parametrize("check", [essential_problems, all_problems])
def test_checks_without_lines_find_the_same_problems(check: store.Checker) -> None:
    seen_error = False
    for loaded in _variants():
        located = check(loaded)
        quick = check(store._Unlocated(loaded.dataset, loaded.name, loaded.text))
        assert quick == [dataclasses.replace(p, line=None) for p in located]
        errors = [p for p in located if p.severity == "error"]
        seen_error = seen_error or bool(errors)
        assert store._errors(check, loaded) == errors
    assert seen_error


def _tables(count: int, changed: set[int], extra: set[int]) -> str:
    """A long file of small tables, values changed in tables *changed*, tables added after
    those in *extra*: changes far apart, as an import makes them."""
    out = []
    for n in range(count):
        out.append(f'[[indicators.x.observations]]\nperiod = "{n}"\nvalue = {n % 7}\n')
        if n in changed:
            out[-1] = out[-1].replace("value = ", "value = 1")
        if n in extra:
            out.append(f'[[indicators.x.observations]]\nperiod = "{n}b"\nvalue = 3\n')
    return "\n".join(out)


def test_a_long_middle_is_diffed_table_by_table_into_a_small_correct_diff() -> None:
    from test_store import _patched

    a = _tables(3000, set(), set())
    b = _tables(3000, {5, 1500, 2990}, {10, 2000})
    diff = writer.unified_diff(a, b, "f")
    assert _patched(a, diff) == b
    assert diff.count("\n-") == 3  # the three changed values, and the two added tables:
    assert diff.count("\n+") == 1 + 3 + 2 * 4  # (and the "+++" header)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["[x]", "[y]", "a", "b", "", "[x] 1"]), max_size=40),
    st.lists(st.sampled_from(["[x]", "[y]", "a", "b", "", "[x] 1"]), max_size=40),
    st.integers(0, 12),
)
def test_table_by_table_diffs_patch_old_into_new(
    old: list[str], new: list[str], limit: int
) -> None:
    from test_store import _patched

    a, b = "\n".join(old) + "\n", "\n".join(new) + "\n"
    original = writer._LINE_BY_LINE
    writer._LINE_BY_LINE = limit
    try:
        diff = writer.unified_diff(a, b, "f")
    finally:
        writer._LINE_BY_LINE = original
    olds = [escape_control(line) for line in a.split("\n")]
    news = [escape_control(line) for line in b.split("\n")]
    assert (diff == "") == (olds == news)  # a line shown alike is no change
    assert _patched(a, diff) == b


# --- import and record: a typed edit, the dataset validated once -------------------------------


_FIGURE = {"indicator": "retail_sales", "unit": "亿元", "period": "2031-05", "value": 20}
DRAFTS = [
    [_FIGURE],
    [_FIGURE, {**_FIGURE, "value": 21}],  # the second is the same figure, another value
    [{**_FIGURE, "period": "2031-Q1", "value": Decimal("9.6"), "yoy": Decimal("-3.2")}],  # skip
    [{**_FIGURE, "period": "2031-Q1", "value": 10}],  # present: needs --replace
    [{**_FIGURE, "value": Decimal("1.12345678901")}, _FIGURE],  # too many places, then fine
    [{**_FIGURE, "indicator": "fresh", "unit": "个"}],  # a new indicator needs its names
    [
        {
            **_FIGURE,
            "indicator": "fresh",
            "unit": "个",
            "name": "新",
            "name_en": "New",
            "theme": "economy",
            "value": Decimal("1.00000000001"),
        },
        {
            **_FIGURE,
            "indicator": "fresh",
            "unit": "个",
            "name": "新",
            "name_en": "New",
            "theme": "economy",
        },
        {**_FIGURE, "indicator": "fresh", "unit": "个", "period": "2031-06"},
    ],
    [{**_FIGURE, "status": "target", "period": "2032", "tracks": "Bad-Id"}],
    [{**_FIGURE, "status": "target", "period": "2032", "tracks": "retail_sales"}, _FIGURE],
    [{**_FIGURE, "tracks": "retail_sales"}],  # --tracks without a target
    [{**_FIGURE, "subject": "甲"}, {**_FIGURE, "subject": "乙"}, {**_FIGURE, "subject": "甲"}],
    [{**_FIGURE, "period": "2031-01"}, {**_FIGURE, "period": "2030-12", "value": 3}],
]


@pytest.mark.parametrize("replace", [False, True])
@pytest.mark.parametrize("entries", DRAFTS, ids=[str(n) for n in range(len(DRAFTS))])
def test_the_typed_edit_is_the_dataset_its_text_validates_as(
    entries: list[dict[str, Any]], replace: bool
) -> None:
    """What the edit assembles without validating the whole is what validating its text gives,
    down to the figures that no longer count."""
    path = TESTS / "data" / "other_region.toml"
    dataset = parse_text(path.read_text(encoding="utf-8"), str(path)).dataset
    figures = [importer.DraftFigure(n, 10 * n + 1, entry) for n, entry in enumerate(entries)]
    edit = record.DatasetEdit(dataset)
    try:
        importer.merge(edit, figures, "d.toml", replace)
    except DataError as exc:
        assert exc.problems
        return
    result = edit.result()
    parsed = parse_text(writer.canonical_text(result), "d.toml").dataset
    assert result == parsed
    assert result.model_dump() == parsed.model_dump()
    assert result.superseded_figures == parsed.superseded_figures
    assert result.declared_units == parsed.declared_units


def test_a_refused_figure_names_its_own_field_in_a_draft_and_an_option_in_record() -> None:
    path = TESTS / "data" / "other_region.toml"
    dataset = parse_text(path.read_text(encoding="utf-8"), str(path)).dataset
    new = record.NewFigure("retail_sales", "2031-05", "1.12345678901")
    with pytest.raises(record.Refused) as refused:
        record.DatasetEdit(dataset).record(new, False, record.as_field)
    (fault,) = refused.value.faults
    assert (fault.field, fault.path) == ("value", "indicators.retail_sales.observations[3].value")
    error = refused.value.error("f.toml", store.option)
    assert isinstance(error, DataError)
    assert error.problems[0].message == "--value: too many decimal places (at most 10)"


def _validations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by one with each validation of a whole dataset."""
    calls: list[int] = []
    original = Dataset.model_validate.__func__  # type: ignore[attr-defined]

    def counting(cls: type[Dataset], *args: Any, **kwargs: Any) -> Dataset:
        calls.append(1)
        return original(cls, *args, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr(Dataset, "model_validate", classmethod(counting))
    return calls


@pytest.mark.parametrize(
    "args",
    [
        ["record", "retail_sales", "-p", "2031-05", "-v", "20", "-n"],
        ["record", "retail_sales", "-p", "2031-05", "-v", "20"],
        ["record", "fresh", "-p", "2031", "-v", "2", "--unit", "个", "--name", "新",
         "--name-en", "New", "--theme", "economy", "--status", "target", "--tracks", "fresh"],
        ["import", "DRAFT"],
        ["fmt", "DATA"],
    ],
)  # fmt: skip
def test_a_write_validates_the_dataset_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    data = tmp_path / "f.toml"
    text = (TESTS / "data" / "other_region.toml").read_text(encoding="utf-8")
    data.write_text(text.replace("\n\n", "\n\n\n", 1), encoding="utf-8")  # not canonical
    draft = tmp_path / "d.toml"
    draft.write_text(
        '[[figures]]\nindicator = "retail_sales"\nvalue = 5\nunit = "亿元"\nperiod = "2031-06"\n',
        encoding="utf-8",
    )
    args = [{"DRAFT": str(draft), "DATA": str(data)}.get(a, a) for a in args]
    if args[0] != "fmt":
        args += ["--data", str(data)]
    calls = _validations(monkeypatch)
    result = invoke(CliRunner(), *args)
    assert result.exit_code == 0, result.stderr
    assert len(calls) == 1
    assert data.read_text(encoding="utf-8") != text or "-n" in args


WITHHELD_ONLY = """schema_version = 1

[source]
region = "测试县"
region_en = "Test County"
title = "测试"
published = "2031-07"

[themes.t]
name = "主题"
name_en = "Theme"

[indicators.x]
name = "某指标"
name_en = "Some"
theme = "t"
unit = "亿元"

[[indicators.x.withheld]]
period = "2031-05"
quote = "签约投资XX亿元"
"""


@pytest.mark.parametrize("command", ["record", "import"])
def test_a_figure_goes_into_an_indicator_with_only_withheld_figures(
    tmp_path: Path, command: str
) -> None:
    """Such an indicator has no `observations` list at all: recording was an internal error."""
    data = tmp_path / "f.toml"
    data.write_text(WITHHELD_ONLY, encoding="utf-8")
    draft = tmp_path / "d.toml"
    draft.write_text(
        '[[figures]]\nindicator = "x"\nvalue = 5\nunit = "亿元"\nperiod = "2031-06"\n',
        encoding="utf-8",
    )
    args = (
        ["record", "x", "--period", "2031-06", "--value", "5", "--data", str(data)]
        if command == "record"
        else ["import", str(draft), "--data", str(data)]
    )
    result = invoke(CliRunner(), *args)
    assert result.exit_code == 0, result.output
    dataset = parse_text(data.read_text(encoding="utf-8"), "f").dataset
    assert [str(f.value) for f in dataset.indicators["x"].observations] == ["5"]
    assert len(dataset.indicators["x"].withheld) == 1


def test_record_renders_each_indicator_it_leaves_alone_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "f.toml"
    data.write_text((TESTS / "data" / "other_region.toml").read_text(encoding="utf-8"))
    indicators = len(_loaded(data).dataset.indicators)
    made: list[str] = []
    real = writer._indicator_text

    def counted(ident: str, indicator: Indicator) -> str:
        made.append(ident)
        return real(ident, indicator)

    monkeypatch.setattr(writer, "_indicator_text", counted)
    args = ["record", "retail_sales", "-p", "2031-06", "-v", "5", "--data", str(data)]
    result = invoke(CliRunner(), *args)
    assert result.exit_code == 0, result.stderr
    # the file as found, then only the indicator the figure went into
    assert sorted(made) == sorted([*_loaded(data).dataset.indicators, "retail_sales"])
    assert len(made) == indicators + 1


@settings(max_examples=60, deadline=None)
@given(_diff_lines, _diff_lines, st.integers(0, 3000), st.integers(0, 3000), st.booleans())
def test_the_common_start_and_end_found_a_block_at_a_time_give_the_same_diff(
    old: list[str], new: list[str], before: int, after: int, eol: bool
) -> None:
    head = "".join(f"x = {n}\n" for n in range(before))
    tail = "".join(f"y = {n}\n" for n in range(after))
    a = head + "\n".join(old) + "\n" + tail + ("" if eol else "z")
    b = head + "\n".join(new) + "\n" + tail + ("" if eol else "z")
    fast = writer.unified_diff(a, b, "f")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(writer, "_BLOCK", 1)  # one character at a time
        assert writer.unified_diff(a, b, "f") == fast
    most = min(len(a), len(b))
    start = next((i for i in range(most) if a[i] != b[i]), most)
    end = next((k for k in range(most) if a[-1 - k] != b[-1 - k]), most)
    assert (writer._common_prefix(a, b), writer._common_suffix(a, b, most)) == (start, end)


_every_field = st.fixed_dictionaries(
    {"period": st.sampled_from(["2022", "2022-H1", "2022-01..2022-05", "undated"])},
    optional={
        "value": st.decimals(
            allow_nan=False, allow_infinity=False, places=3, min_value=-(10**9), max_value=10**9
        ),
        "unit": st.sampled_from(["亿元", "%", "万元"]),
        "status": st.sampled_from(["actual", "forecast", "target"]),
        "qualifier": st.sampled_from(["exact", "more_than", "nearly", "about"]),
        "yoy": st.sampled_from([Decimal("0"), Decimal("-3.5"), Decimal("12"), Decimal("1E+1")]),
        **{
            key: st.text(st.sampled_from('a"\\\x7f\n\t 增长'), max_size=4)
            for key in ("subject", "subject_en", "quote", "note", "note_en", "label", "label_en")
        },
        "source": st.sampled_from(["a", "b_2"]),
        "superseded": st.booleans(),
        "counts": st.booleans(),
    },
)


@settings(max_examples=300, deadline=None)
@given(_every_field)
def test_a_figure_written_from_its_model_is_the_text_of_its_plain_data(
    fields: dict[str, Any],
) -> None:
    figure = Figure.model_validate({"value": Decimal(5), **fields})
    plain = writer._plain_data(figure.model_dump(mode="python", exclude_defaults=True))
    assert writer._figure_body(figure) == (writer._flat_table(plain) or tomli_w.dumps(plain))


def test_record_indexes_the_figures_of_each_indicator_it_leaves_alone_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ganxian_cli.model.refs import Resolved

    data = tmp_path / "f.toml"
    data.write_text((TESTS / "data" / "other_region.toml").read_text(encoding="utf-8"))
    indicators = list(_loaded(data).dataset.indicators)
    indexed: list[str] = []
    real = Resolved.each_of.__func__

    def counted(cls: type[Resolved], ident: str, indicator: Indicator) -> list[Resolved]:
        indexed.append(ident)
        return real(cls, ident, indicator)

    monkeypatch.setattr(Resolved, "each_of", classmethod(counted))
    args = ["record", "retail_sales", "-p", "2031-06", "-v", "5", "--data", str(data)]
    result = invoke(CliRunner(), *args)
    assert result.exit_code == 0, result.stderr
    # the file as found, then only the indicator the figure went into
    assert sorted(indexed) == sorted([*indicators, "retail_sales"])


@pytest.mark.parametrize("path", LOADABLE, ids=[p.stem for p in LOADABLE])
def test_an_index_taken_from_the_file_as_found_resolves_as_a_new_one(path: Path) -> None:
    from ganxian_cli.model.refs import FigureIndex, RefError, _refs_of

    found = _loaded(path).dataset
    if not found.indicators:
        return
    ident, indicator = next(iter(found.indicators.items()))
    fewer = indicator.model_copy(update={"observations": indicator.observations[::-1]})
    edited = found.model_copy(update={"indicators": {**found.indicators, ident: fewer}})
    edited.settle()
    fresh, taken = FigureIndex(edited), FigureIndex(edited, FigureIndex(found))
    texts = {t.target for t in edited.targets} | {
        ref for relation in edited.relations for ref in _refs_of(relation)
    }
    texts |= set(edited.indicators)

    def seen(index: FigureIndex, text: str) -> object:
        try:
            return [(r.ident, r.index, r.figure) for r in index.resolve_all(text)]
        except RefError as exc:
            return str(exc)

    for text in sorted(texts):
        assert seen(taken, text) == seen(fresh, text)
    for name in edited.indicators:
        assert taken.actual_by_key(name) == fresh.actual_by_key(name)
        assert taken.actuals_in_year(name, 2031) == fresh.actuals_in_year(name, 2031)


def _check_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The checks a write runs, in order: "essential" (the file as found) or "complete"."""
    runs: list[str] = []
    real = store._errors

    def counting(check: store.Checker, loaded: Loaded) -> list[Any]:
        runs.append("essential" if check is essential_problems else "complete")
        return real(check, loaded)

    monkeypatch.setattr(store, "_errors", counting)
    return runs


def test_a_write_that_goes_ahead_checks_only_its_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "f.toml"
    data.write_bytes((TESTS / "data" / "other_region.toml").read_bytes())
    runs = _check_runs(monkeypatch)
    args = ["record", "retail_sales", "-p", "2031-07", "-v", "5", "--data", str(data)]
    result = invoke(CliRunner(), *args)
    assert result.exit_code == 0, result.stderr
    assert runs == ["complete"]  # the result holds every figure of the file as found


DUPLICATED = """
[[indicators.retail_sales.observations]]
period = "2031-Q1"
value = 9.7
"""


@pytest.mark.parametrize(
    "args",
    [
        ["retail_sales", "-p", "2031-07", "-v", "5"],  # would go ahead on a sound file
        ["retail_sales", "-p", "2031-07", "-v", "-5"],  # refused on its own too
        ["nothing_such", "-p", "2031-07", "-v", "5"],  # an edit that cannot be made
    ],
)
def test_a_file_with_errors_of_its_own_is_refused_with_them_where_they_stand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    data = tmp_path / "f.toml"
    text = (TESTS / "data" / "other_region.toml").read_text(encoding="utf-8") + DUPLICATED
    data.write_text(text, encoding="utf-8")
    found = [p for p in essential_problems(parse_text(text, str(data))) if p.severity == "error"]
    assert found  # the appended figure repeats one of the file's
    runs = _check_runs(monkeypatch)
    result = invoke(CliRunner(), "record", *args, "--data", str(data))
    assert result.exit_code == 1
    assert runs[-1] == "essential"
    for problem in found:
        assert f"{data}:{problem.line}:" in result.stderr and problem.message in result.stderr
    assert data.read_text(encoding="utf-8") == text


def test_a_write_that_corrects_the_file_s_one_wrong_figure_goes_ahead(tmp_path: Path) -> None:
    data = tmp_path / "f.toml"
    good = (TESTS / "data" / "other_region.toml").read_text(encoding="utf-8")
    wrong = good.replace("value = 9.6\nyoy = -3.2", 'value = 9.6\nunit = "个"\nyoy = -3.2', 1)
    assert wrong != good
    data.write_text(wrong, encoding="utf-8")
    assert invoke(CliRunner(), "validate", str(data)).exit_code == 1  # G203: 个 is no amount
    args = ["retail_sales", "-p", "2031-Q1", "-v", "9.6", "--unit", "亿元", "--replace"]
    result = invoke(CliRunner(), "record", *args, "--data", str(data))
    assert result.exit_code == 0, result.stderr
    assert invoke(CliRunner(), "validate", str(data)).exit_code == 0
