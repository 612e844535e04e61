"""The shipped relief figures are year to date to June, and a total the article never states
is ganxian's own sum; a target's note is shown with its verdict."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from tests.conftest import DATA, invoke


def test_relief_figures_keep_their_period_and_the_article_s_words(runner: CliRunner) -> None:
    doc = json.loads(invoke(runner, "report", "--data", str(DATA), "--format", "json").stdout)
    relief = [f for f in doc["figures"] if f["theme"] == "relief"]
    assert {f["period"] for f in relief} == {"2022-H1"}
    assert {f["period_label"]["zh"] for f in relief} == {"今年以来(截至6月)"}
    assert {f["period_label"]["en"] for f in relief} == {"year to date (to June 2022)"}
    others = [f for f in doc["figures"] if f["theme"] == "industry"]
    assert others[0]["period_label"] == {"zh": "2022年1—5月", "en": "Jan–May 2022"}
    text = invoke(runner, "report", "--data", str(DATA), "--theme", "relief").stdout
    assert "今年以来(截至6月)" in text and "上半年" not in text
    english = invoke(runner, "report", "--data", str(DATA), "--theme", "relief", "--lang", "en")
    assert "year to date (to June 2022)" in english.stdout
    rows = list(csv.DictReader(io.StringIO(invoke(runner, "report", "--format", "csv").stdout)))
    assert {r["period_label"] for r in rows if r["theme"] == "relief"} == {"今年以来(截至6月)"}
    history = invoke(runner, "history", "vat_refund").stdout
    assert "今年以来(截至6月)" in history


def test_a_total_the_article_never_states_is_marked_as_ganxian_s(runner: CliRunner) -> None:
    doc = json.loads(invoke(runner, "compare", "--data", str(DATA), "--json").stdout)
    (total,) = [r for r in doc["side_by_side"] if r["row"] == "total"]
    assert total["derived"] is True and total["value"] is None
    assert "原文无合计" in total["note"]
    en = json.loads(invoke(runner, "compare", "--data", str(DATA), "--json", "--lang", "en").stdout)
    assert "no total" in next(r["note"] for r in en["side_by_side"] if r["row"] == "total")
    assert all(not r["derived"] for r in doc["side_by_side"] if r["row"] == "part")
    table = invoke(runner, "compare", "--data", str(DATA)).stdout
    assert "合计(推算,原文无合计)" in table
    english = invoke(runner, "compare", "--data", str(DATA), "--lang", "en").stdout
    assert "Total (computed; the source gives none)" in english


def test_a_target_s_note_is_shown_with_its_verdict(runner: CliRunner) -> None:
    doc = json.loads(invoke(runner, "progress", "--data", str(DATA), "--format", "json").stdout)
    notes = {t["indicator"]: t["target_note"] for t in doc["targets"]}
    assert "未写“规模以上”" in (notes["industrial_revenue"] or "")
    en = invoke(runner, "progress", "--data", str(DATA), "--format", "json", "--lang", "en")
    english = {t["indicator"]: t["target_note"] for t in json.loads(en.stdout)["targets"]}
    assert "without the scope" in (english["industrial_revenue"] or "")
    assert notes["key_project_investment"] is None
    table = invoke(runner, "progress", "--data", str(DATA)).stdout
    assert "10.15 个百分点†" in table and "† 规模以上工业企业营业收入的目标" in table
