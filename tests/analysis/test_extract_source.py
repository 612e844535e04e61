"""`extract` says which of the data file's [sources] an article is, and the draft carries it
into `import` (figures keep their article)."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

from typer.testing import CliRunner

from ganxian_cli.cli.app import app
from tests.conftest import TESTS, invoke

ARTICLES = TESTS / "data" / "articles"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES, folder)
    return folder


def test_the_article_named_by_a_source_s_text_gives_every_figure_that_source(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    data = str(folder / "june_july.toml")
    result = invoke(runner, "extract", str(folder / "jul.txt"), "--data", data, "-f", "toml")
    assert result.exit_code == 0, result.stderr
    assert "the figures are of source 'jul'" in result.stderr
    figures = tomllib.loads(result.stdout)["figures"]
    assert figures and {f["source"] for f in figures} == {"jul"}
    as_json = invoke(runner, "extract", str(folder / "jun.txt"), "--data", data, "-f", "json")
    assert json.loads(as_json.stdout)["source"] == "jun"


def test_an_article_that_is_no_source_s_text_gets_none(runner: CliRunner, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    other = tmp_path / "other.txt"
    other.write_bytes((folder / "jul.txt").read_bytes())  # the same words, another file
    data = str(folder / "june_july.toml")
    result = invoke(runner, "extract", str(other), "--data", data, "-f", "toml")
    assert result.exit_code == 0 and "of source" not in result.stderr
    assert all("source" not in f for f in tomllib.loads(result.stdout)["figures"])
    named = invoke(runner, "extract", str(other), "--data", data, "-f", "toml", "--source", "jul")
    assert {f["source"] for f in tomllib.loads(named.stdout)["figures"]} == {"jul"}


def test_an_unknown_source_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    data = str(folder / "june_july.toml")
    result = invoke(runner, "extract", str(folder / "jul.txt"), "--data", data, "--source", "aug")
    assert result.exit_code == 2
    assert result.stderr == (
        "ganxian: error: --source 'aug': no such [sources] id (known: jun, jul); for a new "
        "article leave out --source here, give --published YYYY-MM, and add the article at "
        "import with --source aug --source-title … --source-published …\n"
    )


def test_the_draft_s_source_and_declared_unit_reach_the_file_through_import(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The July article's container throughput (万标箱, a unit the data file declares) for a
    month the file does not hold yet: imported with its article."""
    folder = _folder(tmp_path)
    data = str(folder / "june_july.toml")
    extracted = invoke(runner, "extract", str(folder / "jul.txt"), "--data", data, "-f", "toml")
    text = extracted.stdout
    assert 'unit = "万标箱"\nperiod = "2031-H1"' in text
    draft = tmp_path / "draft.toml"
    draft.write_text(
        text.replace('unit = "万标箱"\nperiod = "2031-H1"', 'unit = "万标箱"\nperiod = "2031-07"'),
        encoding="utf-8",
    )
    result = invoke(runner, "import", str(draft), "--data", data)
    assert result.exit_code == 0, result.stderr
    after = tomllib.loads((folder / "june_july.toml").read_text(encoding="utf-8"))
    added = [
        o for o in after["indicators"]["throughput"]["observations"] if o["period"] == "2031-07"
    ]
    assert [(str(o["value"]), o["source"]) for o in added] == [("12.5", "jul")]


def test_a_unit_neither_catalogue_nor_data_file_knows_is_g101_at_the_draft_s_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    data = str(folder / "june_july.toml")
    text = invoke(runner, "extract", str(folder / "jul.txt"), "--data", data, "-f", "toml").stdout
    draft = tmp_path / "draft.toml"
    draft.write_text(text.replace('"万标箱"', '"万标准箱"'), encoding="utf-8")
    line = draft.read_text(encoding="utf-8").split("\n").index('unit = "万标准箱"') + 1
    before = (folder / "june_july.toml").read_bytes()
    result = invoke(runner, "import", str(draft), "--data", data)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{draft}:{line}: error[G101]: figure #3, unit: unknown unit")
    assert "did you mean 万标箱?" in result.stderr
    assert (folder / "june_july.toml").read_bytes() == before


def test_the_article_and_the_data_cannot_both_come_from_stdin(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "-", "--data", "-"], input="1-5月产值12亿元。")
    assert result.exit_code == 2
    assert result.stderr == (
        "ganxian: error: standard input ('-') can be read only once: the article or --data\n"
    )


def test_an_unknown_source_in_a_draft_says_how_to_add_it(runner: CliRunner, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    draft = tmp_path / "draft.toml"
    draft.write_text(
        'schema_version = 1\nkind = "extract-draft"\n[[figures]]\nindicator = "throughput"\n'
        'value = 13\nunit = "万标箱"\nperiod = "2031-08"\nquote = "13万标箱"\nsource = "aug"\n',
        encoding="utf-8",
    )
    result = invoke(runner, "import", str(draft), "--data", str(folder / "june_july.toml"))
    assert result.exit_code == 1
    assert "no source 'aug' (known: jun, jul); add it with `ganxian record … --source aug " in (
        result.stderr
    )
    assert "--source-title TITLE --source-published YYYY-MM` or a [sources.aug] table" in (
        result.stderr
    )


def test_the_article_s_own_month_resolves_its_periods(runner: CliRunner, tmp_path: Path) -> None:
    """extract knows the article is source 'jun' (published 2031-06) yet resolves its periods
    with 2031-07, the month of the file's *latest* source ('jul'): the JSON says "source": "jun"
    beside "published": "2031-07", and the draft's figure gets period 2031-07 (with --published
    2031-06 it is 2031-06). core.resolve_published uses dataset.lead_source(), not the article's
    [sources] entry that cli.extract has just found."""
    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES, folder)
    data = str(folder / "june_july.toml")
    found = invoke(runner, "extract", str(folder / "jun.txt"), "--data", data, "-f", "json")
    told = invoke(
        runner, "extract", str(folder / "jun.txt"), "--data", data, "-f", "json",
        "--published", "2031-06",
    )  # fmt: skip
    doc, wanted = json.loads(found.stdout), json.loads(told.stdout)
    assert doc["source"] == "jun"
    assert doc["published"] == "2031-06"
    assert [f["period"] for f in doc["figures"]] == [f["period"] for f in wanted["figures"]]
