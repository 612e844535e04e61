"""W004, the sign check and extract agree on a lead's direction, on the wordings real reports
use (each test names one and what a user is told)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.analysis.checks.validation import validate_file
from ganxian_cli.analysis.extract import extract
from tests.conftest import TESTS, invoke

SLIPS = (TESTS / "data" / "slips_region.toml").read_text(encoding="utf-8")
LEAD = "快于全市整体进度3.2个百分点"


def _problems(tmp_path: Path, quote: str, value: str, extra: str = "") -> list[tuple[str, str]]:
    """(code, severity) of every problem of the lead figure written with *quote* and *value*."""
    old = f'value = 3.2\nquote = "{LEAD}"'
    text = SLIPS.replace(old, f'value = {value}\n{extra}quote = "{quote}"')
    assert text != SLIPS
    path = tmp_path / "lead.toml"
    path.write_text(text, encoding="utf-8")
    return [
        (p.code, p.severity)
        for p in validate_file(str(path)).problems
        if p.code in ("W004", "G210", "G212", "G214")
    ]


@pytest.mark.parametrize(
    "quote",
    ["慢于全市整体进度3.2个百分点", "滞后序时进度3.2个百分点", "低于全省平均水平3.2个百分点"],
)
def test_the_sign_w004_asks_for_is_accepted_by_the_sign_check(tmp_path: Path, quote: str) -> None:
    """W004 says 'write value = -3.2' for a lead behind; doing so must leave no problem. G212
    (an error) once said -3.2 was negative without 下降/减少/回落: the checks contradicted."""
    assert _problems(tmp_path, quote, "3.2") == [("W004", "warning")]  # as W004 asks ...
    assert _problems(tmp_path, quote, "-3.2") == []  # ... and then nothing (G212 once)


def test_extract_s_lead_behind_imports(runner: CliRunner, tmp_path: Path) -> None:
    """extract gives 滞后序时进度1.4个百分点 as -1.4; import of that unedited draft must not
    refuse it (it once did: G212, exit 1), or no such draft could be imported."""
    data = tmp_path / "data.toml"
    data.write_text(SLIPS, encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text(
        "1至6月,全区工业投资快于全市整体进度2.5个百分点,固定资产投资滞后序时进度1.4个百分点。\n",
        encoding="utf-8",
    )
    draft = invoke(runner, "extract", str(article), "--data", str(data), "-f", "toml")
    assert draft.exit_code == 0, draft.stderr
    assert "value = -1.4" in draft.stdout
    (tmp_path / "draft.toml").write_text(draft.stdout, encoding="utf-8")
    done = invoke(runner, "import", str(tmp_path / "draft.toml"), "--data", str(data), "--dry-run")
    assert "G212" not in done.stderr
    assert done.exit_code == 0, done.stderr


@pytest.mark.parametrize(
    "quote",
    ["低于全省超2个百分点", "落后全市平均水平超过2个百分点"],
)
def test_a_qualifier_after_a_word_behind_is_no_word_ahead(tmp_path: Path, quote: str) -> None:
    """超/超过 right before the number is the qualifier 'more than' (G214 reads it so), not
    'ahead': the lead is still behind, -2 is right. W004 once warned 'the quote says 超 (ahead)'."""
    found = _problems(tmp_path, quote, "-2", 'qualifier = "more_than"\n')
    assert ("W004", "warning") not in found


def test_extract_reads_a_lead_behind_through_its_qualifier() -> None:
    """低于全省超2个百分点 is a lead behind of more than 2 points: -2 (it was +2)."""
    article = "1至5月,全区规上工业增加值增速低于全省超2个百分点。\n"
    found = [f for f in extract(article, published="2031-06").figures if f.unit == "个百分点"]
    assert [f.value for f in found] == [Decimal(-2)]


@pytest.mark.parametrize(
    ("quote", "value"),
    [
        ("超市零售额增速回落2个百分点", "-2"),  # 超市: a supermarket, not 'ahead'
        ("超长期特别国债项目投资增速回落2个百分点", "-2"),  # 超长期: ultra-long bonds
        ("淘汰落后产能使高新技术产业占比提高2个百分点", "2"),  # 落后产能: outdated capacity
        ("增速虽低于全省但较一季度提高2个百分点", "2"),  # the growth word is the nearer
    ],
)
def test_words_that_are_no_lead_direction(tmp_path: Path, quote: str, value: str) -> None:
    """A direction word that is part of another word, or one further from the number than a
    growth word (提高/回落, which G212 already reads), must not warn. extract itself lets the
    growth word win (提高 → positive), so validate contradicts what extract proposes."""
    assert ("W004", "warning") not in _problems(tmp_path, quote, value)


def test_the_same_number_behind_and_ahead_in_one_quote(tmp_path: Path) -> None:
    """慢于全省0.8个百分点、快于全市0.8个百分点: the figure +0.8 is the lead ahead (the second
    0.8). W004 once read only the first occurrence of the number and warned 'says 慢于' on a
    figure that is right (check_lead_directions uses found[0] only; any fitting one should do)."""
    quote = "增速慢于全省0.8个百分点、快于全市0.8个百分点"
    assert ("W004", "warning") not in _problems(tmp_path, quote, "0.8")


@pytest.mark.parametrize(
    ("quote", "right"),
    [
        ("增速较一季度回落但仍快于全省0.5个百分点", "0.5"),  # 快于 is nearer than 回落
        ("慢于全市整体进度0.5个百分点", "-0.5"),
        ("增幅低于全市平均水平0.5个百分点", "-0.5"),  # 低于 is nearer than 增幅
    ],
)
def test_a_lead_with_a_growth_word_further_away_takes_its_direction(
    tmp_path: Path, quote: str, right: str
) -> None:
    """The sign check once read the farther growth word while W004 read the nearer direction:
    neither sign validated clean. The right sign now does, and the other is W004's warning."""
    assert _problems(tmp_path, quote, right) == []
    wrong = str(-Decimal(right))
    assert _problems(tmp_path, quote, wrong) == [("W004", "warning")]


@pytest.mark.parametrize(
    ("quote", "right"),
    [
        ("增速比全市低1.2个百分点", "-1.2"),
        ("增速比全省慢了0.8个百分点", "-0.8"),
        ("增速比全市高0.5个百分点", "0.5"),
        ("增速较全市低约1.2个百分点", "-1.2"),
    ],
)
def test_a_comparison_right_before_the_number_gives_the_direction(
    tmp_path: Path, quote: str, right: str
) -> None:
    """比全市低1.2个百分点 recorded as -1.2 was once G212 (negative without 下降…)."""
    extra = 'qualifier = "about"\n' if "约" in quote else ""
    assert _problems(tmp_path, quote, right, extra) == []
    assert _problems(tmp_path, quote, str(-Decimal(right)), extra) == [("W004", "warning")]


def test_a_growth_word_ending_in_high_or_low_is_no_comparison(tmp_path: Path) -> None:
    """提高/降低 end in 高/低 but are growth words: the sign check's, as before."""
    assert _problems(tmp_path, "增速比上年提高1.2个百分点", "1.2") == []
    assert _problems(tmp_path, "增速比上年提高1.2个百分点", "-1.2") == [("G212", "error")]
    assert _problems(tmp_path, "增速较上月降低0.3个百分点", "-0.3") == []


def test_extract_reads_a_comparison_behind() -> None:
    article = "1至5月,全区规上工业增加值增速比全市低1.2个百分点,比全省高0.4个百分点。\n"
    found = [f.value for f in extract(article, published="2031-06").figures]
    assert found == [Decimal("-1.2"), Decimal("0.4")]
