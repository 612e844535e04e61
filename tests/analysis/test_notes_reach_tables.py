"""What qualifies a number (a figure's, an indicator's or a relation's note) is printed under
the table that shows the number, in the output's language where the file gives both, else
marked as written in the other language; 多 or 余 as the quote prints it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from ganxian_cli.analysis.results import note_text
from ganxian_cli.model.units import get_unit
from ganxian_cli.output.report import display_value
from tests.conftest import DATA, invoke


def test_a_note_in_the_other_language_is_marked() -> None:
    english = "The target is printed as 全年工业营业收入, without the scope."
    assert note_text(english, "zh") == "(原注为英文)" + english
    assert note_text(english, "en") == english
    chinese = "原文未写规模以上。"
    assert note_text(chinese, "zh") == chinese
    assert note_text(chinese, "en") == "(note in Chinese) " + chinese
    assert note_text(chinese, "en", "The source gives no scope.") == "The source gives no scope."


def test_compare_prints_the_notes_of_what_it_shows(runner: CliRunner) -> None:
    zh = invoke(runner, "compare", "--data", str(DATA)).stdout
    assert "注:合计(推算,原文无合计):纾困减负各项折算为同一单位并列;原文无合计。" in zh
    assert "注:签约“50”项目:原文未说明“50”项目的含义" in zh
    en = invoke(runner, "compare", "--data", str(DATA), "--lang", "en").stdout
    assert "the source gives no total." in en and "原文无合计。" not in en


def test_progress_prints_the_target_note_in_each_language(runner: CliRunner) -> None:
    zh = invoke(runner, "progress", "-q", "--data", str(DATA)).stdout
    assert "† 规模以上工业企业营业收入的目标: 原文为“全年工业营业收入”" in zh
    en = invoke(runner, "progress", "-q", "--data", str(DATA), "--lang", "en").stdout
    assert "The target is printed as 全年工业营业收入, without the scope" in en


def test_a_note_written_once_in_english_is_marked_in_chinese_output(
    runner: CliRunner, tmp_path: Path
) -> None:
    text = DATA.read_text(encoding="utf-8")
    start = text.index('note = "原文为“全年工业营业收入”')
    end = text.index("\n", start)
    data = tmp_path / "one_note.toml"
    once = (text[:start] + text[end + 1 :]).replace('note_en = "The target', 'note = "The target')
    data.write_text(once, encoding="utf-8")  # the English note alone, as `note`
    zh = invoke(runner, "progress", "-q", "--data", str(data)).stdout
    assert "(原注为英文)The target is printed as" in zh


def test_more_than_keeps_the_word_the_quote_prints() -> None:
    unit = get_unit("万元")
    assert display_value(Decimal(6000), unit, "more_than", quote="损失6000多万元") == "6000多万元"
    assert display_value(Decimal(300), get_unit("名"), "more_than", quote="300余名") == "300余名"
    assert display_value(Decimal(300), get_unit("名"), "more_than") == "300余名"


def test_history_keeps_the_word_of_the_quote(runner: CliRunner) -> None:
    table = invoke(runner, "history", "crop_damage_loss", "--data", str(DATA)).stdout
    assert "6000多万元" in table and "6000余万元" not in table
