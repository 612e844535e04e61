"""Every article of the corpus goes from text to a valid data file without a hand edit:
`init` -> `extract --format toml` -> `import` (the draft as written) -> `validate --strict`."""

from __future__ import annotations

import json
import re
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import invoke

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
ARTICLES = sorted([*CORPUS.glob("*.txt"), *CORPUS.glob("*.html")])

# articles another part of extraction must fix first: the draft is right to be refused
PENDING: dict[str, str] = {}


def _published(article: Path) -> str:
    expected = (article.parent / f"{article.stem}.expected.toml").read_text(encoding="utf-8")
    found = re.search(r'^published = "(\d{4}-\d{2})"', expected, re.M)
    assert found, article
    return found.group(1)


@pytest.mark.parametrize(
    "article",
    [
        pytest.param(
            a,
            id=a.stem,
            marks=[pytest.mark.xfail(strict=True, reason=PENDING[a.stem])]
            if a.stem in PENDING
            else [],
        )
        for a in ARTICLES
    ],
)
def test_an_unedited_draft_imports_into_a_valid_file(
    runner: CliRunner, tmp_path: Path, article: Path
) -> None:
    _imported(runner, tmp_path, article)


def _imported(runner: CliRunner, tmp_path: Path, article: Path) -> Path:
    """The data file `init`, `extract` and `import` make of *article*, validated --strict."""
    data = tmp_path / "data.toml"
    made = invoke(
        runner, "init", str(data), "--region", "某地", "--title", article.stem,
        "--published", _published(article),
    )  # fmt: skip
    assert made.exit_code == 0, made.stderr
    extracted = invoke(runner, "extract", str(article), "--data", str(data), "--format", "toml")
    assert extracted.exit_code == 0, extracted.stderr
    draft = tmp_path / "draft.toml"
    draft.write_text(extracted.stdout, encoding="utf-8")
    figures = tomllib.loads(extracted.stdout)["figures"]
    assert figures and not any(re.fullmatch(r"new_\d+", f["indicator"]) for f in figures)
    imported = invoke(runner, "import", str(draft), "--data", str(data))
    assert imported.exit_code == 0, imported.stderr
    checked = invoke(runner, "validate", "--strict", str(data))
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    assert 'name_en = ""' not in data.read_text(encoding="utf-8")
    return data


# articles that print a year's target beside its actual to date: the draft links them
WITH_TARGETS = {
    "town_fengling_jan_may": {"fiscal_revenue", "fixed_asset_investment"},
    "heldout3_county_anyuan_q1_q3": {"operating_revenue_industry_above_size"},
    "followup_ganxian_halfyear": {"operating_revenue_industry_above_size"},
}


@pytest.mark.parametrize("stem", sorted(WITH_TARGETS))
def test_a_year_target_beside_its_actual_is_judged_by_progress(
    runner: CliRunner, tmp_path: Path, stem: str
) -> None:
    data = _imported(runner, tmp_path, CORPUS / f"{stem}.txt")
    shown = invoke(runner, "progress", "--data", str(data), "--format", "json")
    assert shown.exit_code == 0, shown.stderr
    targets = json.loads(shown.stdout)["targets"]
    judged = {t["indicator"] for t in targets if t["verdict"] and t["time_progress_pct"]}
    assert judged == WITH_TARGETS[stem]


def test_the_corpus_is_there() -> None:
    assert len(ARTICLES) == 24  # 23 texts and a saved web page


SHIPPED = Path(__file__).resolve().parent.parent.parent / "data" / "indicators.toml"
FOLLOW_UP = CORPUS / "followup_ganxian_halfyear.txt"


def test_a_follow_up_article_goes_onto_the_shipped_indicators(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A later article of the shipped region: copy the data file, extract, import unedited as
    the article's own source, validate --strict. Every figure is of an indicator the file has,
    the 23 projects all started are the started count, and the rates link to their targets."""
    data = tmp_path / "data.toml"
    data.write_text(SHIPPED.read_text(encoding="utf-8"), encoding="utf-8")
    text = tmp_path / "h1.txt"
    text.write_text(FOLLOW_UP.read_text(encoding="utf-8"), encoding="utf-8")
    extracted = invoke(
        runner, "extract", str(text), "--data", str(data), "--published", "2022-07",
        "--format", "toml",
    )  # fmt: skip
    assert extracted.exit_code == 0, extracted.stderr
    figures = tomllib.loads(extracted.stdout, parse_float=Decimal)["figures"]
    assert [f["quote"] for f in figures if f["new_indicator"]] == []
    found = {(f["indicator"], f["period"], f["status"]): f for f in figures}
    assert found["key_projects_started", "2022-H1", "actual"]["value"] == 23
    assert found["key_projects", "2022", "actual"]["value"] == 23
    listed = found["key_projects", "2022", "actual"]
    assert (listed["target_kind"], listed["tracks"]) == ("list", "key_projects_started")
    assert not any(f.get("stock") for f in figures)  # the file's indicators keep their own
    assert found["signed_projects", "2022-07", "forecast"]["value"] == 8
    assert found["vat_refund", "2022-H1", "actual"]["value"] == Decimal("4.06")
    assert found["key_project_start_rate", "2022-H1", "actual"]["rate_of"] == (
        "key_projects_started"
    )
    assert "subject" not in found["industrial_revenue", "2022-H1", "actual"]
    assert extracted.stdout.count("# why: ") == len(figures)
    draft = tmp_path / "draft.toml"
    draft.write_text(extracted.stdout, encoding="utf-8")
    imported = invoke(
        runner, "import", str(draft), "--data", str(data), "--source", "h1",
        "--source-title", "上半年工业经济", "--source-published", "2022-07",
        "--source-text", str(text),
    )  # fmt: skip
    assert imported.exit_code == 0, imported.stderr
    checked = invoke(runner, "validate", "--strict", str(data))
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    judged = invoke(runner, "progress", "--data", str(data), "--format", "json")
    assert judged.exit_code == 0, judged.stderr
    targets = {t["indicator"]: t for t in json.loads(judged.stdout, parse_float=Decimal)["targets"]}
    started = targets["key_projects_started"]
    assert (started["actual_period"], started["actual_value"]) == ("2022-H1", 23)
    assert started["target_kind"] == "list"
    assert targets["key_project_investment"]["quoted_rate"] == Decimal("85.66")


def test_the_follow_up_article_alone_makes_its_stocks_and_its_list(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Onto an empty file: 规上企业达148家 is a new stock indicator, the 23 projects all
    started make a target of kind list, tracked by the count started, and the year's 500亿元
    of 规上工业营业收入 the annual target of its revenue to June."""
    data = tmp_path / "data.toml"
    invoke(runner, "init", str(data), "--region", "某地", "--title", "t", "--published", "2022-07")
    extracted = invoke(runner, "extract", str(FOLLOW_UP), "--data", str(data), "-f", "toml")
    figures = tomllib.loads(extracted.stdout, parse_float=Decimal)["figures"]
    assert [(f["value"], f["period"]) for f in figures if f.get("stock")] == [(148, "2022-06")]
    draft = tmp_path / "draft.toml"
    draft.write_text(extracted.stdout, encoding="utf-8")
    assert invoke(runner, "import", str(draft), "--data", str(data)).exit_code == 0
    written = tomllib.loads(data.read_text(encoding="utf-8"))
    assert [i["name"] for i in written["indicators"].values() if i.get("stock")] == [
        "规模以上企业数"
    ]
    listed, annual = written["targets"]
    assert listed["kind"] == "list" and listed["target"].endswith("@2022#actual")
    assert annual == {
        "target": "operating_revenue_industry_above_size@2022#target",
        "actual": "operating_revenue_industry_above_size",
    }


@pytest.mark.parametrize("title", ["云岭县上半年经济运行情况", "云岭县经济简报"])
def test_since_the_new_year_in_a_half_year_report_imports_into_a_valid_file(
    runner: CliRunner, tmp_path: Path, title: str
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "云岭县上半年经济运行情况\n\n上半年,全县经济稳中向好。\n\n"
        "今年以来为215户企业办理留抵退税2.6亿元。\n",
        encoding="utf-8",
    )
    data = tmp_path / "data.toml"
    made = invoke(
        runner, "init", str(data), "--region", "云岭县", "--title", title, "--published", "2034-07"
    )
    assert made.exit_code == 0, made.stderr
    extracted = invoke(runner, "extract", str(article), "--data", str(data), "--format", "toml")
    assert extracted.exit_code == 0, extracted.stderr
    periods = {f["period"] for f in tomllib.loads(extracted.stdout)["figures"]}
    assert periods == {"2034-H1"}  # the headline's span
    draft = tmp_path / "draft.toml"
    draft.write_text(extracted.stdout, encoding="utf-8")
    imported = invoke(runner, "import", str(draft), "--data", str(data))
    assert imported.exit_code == 0, imported.stderr
    checked = invoke(runner, "validate", "--strict", str(data))
    assert checked.exit_code == 0, checked.stdout + checked.stderr
