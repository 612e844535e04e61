"""extract does work linear in the article: counted, not timed.

The work is every line of Python the extract modules run plus every character their regular
expressions are handed to read. Four times the figures may cost at most LINEAR times the work;
a step that reads the sentence (or every figure, or every phrase) once a figure costs 16 times.
"""

from __future__ import annotations

import importlib
import pkgutil
import random
import re
import sys
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

import pytest

from ganxian_cli.analysis import extract as extract_package
from ganxian_cli.analysis.extract import clauses, context, extract, when

LINEAR = 5.0

_MODULES = [
    importlib.import_module(info.name)
    for info in pkgutil.iter_modules(extract_package.__path__, extract_package.__name__ + ".")
]

SHAPES: dict[str, Callable[[int], str]] = {
    # the reported article: one sentence of N amounts after one period phrase
    "one sentence": lambda n: "1至5月完成投资" + "".join(f"{k}亿元," for k in range(1, n + 1)),
    "subjects": lambda n: "".join(f"赣州某某有限公司{k}亿元," for k in range(1, n + 1)),
    "targets": lambda n: "".join(f"确保{k}亿元,将" for k in range(1, n + 1)),
    "whole years": lambda n: "1至5月" + "".join(f"全年{k}亿元," for k in range(1, n + 1)),
    "last years": lambda n: "1至5月。" + "".join(f"去年。{k}亿元。" for k in range(1, n + 1)),
    "listed rates": lambda n: "".join(f"{k}亿元。分别增长1%、2%。" for k in range(1, n + 1)),
    "rates in one sentence": lambda n: "".join(f"{k}亿元分别增长1%、2%,3%," for k in range(n)),
    "captions": lambda n: "".join(f"1至5月\n记者摄\n完成{k}亿元。\n" for k in range(1, n + 1)),
    "numerals": lambda n: "完成投资十三亿元" * n,
    "pipelines": lambda n: "1至5月," + "".join(f"跟踪在谈项目{k}个," for k in range(1, n + 1)),
    "programmes": lambda n: (
        "全区列入重点项目," + "".join(f"总投资{k}亿元," for k in range(1, n + 1))
    ),
    "totals so far": lambda n: "今年," + "".join(f"累计减税{k}亿元," for k in range(1, n + 1)),
    "months after": lambda n: "".join(f"{k}台机组将于10月、12月投产," for k in range(1, n + 1)),
    "event days": lambda n: "".join(f"5月8日,签约项目{k}个。" for k in range(1, n + 1)),
}


class _Counted:
    """A compiled pattern that adds the characters each call reads to *work*: a match or search
    up to where it matched (or the end it was given), any other call all it was given."""

    def __init__(self, pattern: re.Pattern[str], work: list[int]) -> None:
        self._pattern, self._work = pattern, work

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._pattern, name)
        if not callable(method):
            return method

        def counted(*args: Any, **kwargs: Any) -> Any:
            string = [a for a in args if isinstance(a, str)][-1]
            pos, end = ([a for a in args if isinstance(a, int)] + [0, len(string)])[:2]
            end = min(end, len(string))
            result = method(*args, **kwargs)
            if isinstance(result, re.Match) and name in ("match", "fullmatch", "search"):
                end = result.end()
            self._work[0] += 1 + max(0, end - pos)
            return result

        return counted


def _work(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """Lines run and characters handed to regular expressions, and the figures proposed."""
    work = [0]
    files = {module.__file__ for module in _MODULES}

    def lines(frame: FrameType, event: str, arg: object) -> Any:
        if event == "line":
            work[0] += 1
        return lines

    def calls(frame: FrameType, event: str, arg: object) -> Any:
        return lines if frame.f_code.co_filename in files else None

    with monkeypatch.context() as patch:
        for module in _MODULES:
            for name, value in list(vars(module).items()):
                if isinstance(value, re.Pattern):
                    patch.setattr(module, name, _Counted(value, work))
        previous = sys.gettrace()
        sys.settrace(calls)
        try:
            figures = len(extract(text, None, "2024-06").figures)
        finally:
            sys.settrace(previous)
    return work[0], figures


@pytest.mark.parametrize("shape", SHAPES)
def test_work_grows_linearly(shape: str, monkeypatch: pytest.MonkeyPatch) -> None:
    small, small_figures = _work(SHAPES[shape](150), monkeypatch)
    large, large_figures = _work(SHAPES[shape](600), monkeypatch)
    assert large_figures >= 4 * small_figures > 0
    assert large / small <= LINEAR, (shape, small, large)


# --- the indexes agree with the searches they replace ----------------------------------------

_PIECES = ["赣州", "某某", "有限公司", "集团", "公司", "乡", "大塘", "村", "的", "医院", "，", "1"]


def _texts(pieces: list[str], count: int) -> Iterator[str]:
    rng = random.Random(11)
    for _ in range(count):
        yield "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))


def _subject(text: str, lower: int, upper: int) -> str | None:
    """The rules of `clauses.Subjects`, searched again for one sentence and clause end."""
    found: list[tuple[int, str]] = [
        (m.end(), m.group()) for m in clauses._SUBJECT.finditer(text, lower, upper)
    ]
    for at in range(lower, upper):
        if at == lower or text[at - 1] in clauses._OPENS_AT:
            m = clauses._OPENER.match(text, at, upper)
            if m:
                found.append((m.end(), m.group()))
    found += [(m.end(), m.group(1)) for m in clauses._BUILDER.finditer(text, lower, upper)]
    found.sort(key=lambda pair: pair[0])
    names = [clauses._subject_name(name) for _, name in found][-4:]
    return next((name for name in reversed(names) if name), None)


def test_subjects_are_those_a_search_of_the_sentence_finds() -> None:
    for text in _texts([*_PIECES, "数" * 12], 400):
        subjects = clauses.Subjects(text)
        for lower in range(0, len(text) + 1, 7):
            sentence = (lower, len(text))
            # a figure's clause ends at a comma or the sentence end, never inside a name
            ends = [u for u in range(lower, len(text)) if text[u] == "，"] + [len(text)]
            for upper in ends:
                assert subjects(sentence, upper) == _subject(text, lower, upper), (text, upper)


@pytest.mark.parametrize("pattern", [context._TARGET_STRONG, context._FORECAST])
def test_status_words_are_those_a_search_finds(pattern: re.Pattern[str]) -> None:
    pieces = ["确保", "力争", "目标", "任务", "不少于", "预计", "将", "近", "将近", "测算", "数"]
    for text in _texts(pieces, 300):
        found = context._Occurrences(pattern, text)
        for lower in range(len(text) + 1):
            for upper in range(lower, len(text) + 1):
                expected = pattern.search(text, lower, upper) is not None
                assert found.within(lower, upper) == expected, (text, lower, upper)


def _in_sentence_walk(periods: when.ArticlePeriods, pos: int, sentence: int, status: str) -> object:
    """`ArticlePeriods.in_sentence` as a walk back over every own phrase."""
    for phrase in reversed(periods.own):
        if phrase.start >= pos or phrase.end > pos:
            continue
        if phrase.start < sentence:
            return None
        future = periods.future(phrase)
        if future and status == "actual":
            continue
        if future and status == "forecast" and phrase.stock:
            continue
        return phrase
    return None


def test_period_phrases_are_those_a_walk_back_finds() -> None:
    rng = random.Random(5)
    pieces = ["1至5月", "一季度", "9月底", "上半年", "截至3月末", "全年", "去年", "数", "。", "\n"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        periods = when.ArticlePeriods(text, 2024, 6, set(), [0])
        for pos in range(len(text) + 1):
            for sentence in range(0, pos + 1, 3):
                for status in ("actual", "forecast", "target"):
                    expected = _in_sentence_walk(periods, pos, sentence, status)
                    assert periods.in_sentence(pos, sentence, status) == expected, (text, pos)


def test_the_reported_article_is_read_as_before() -> None:
    result = extract(SHAPES["one sentence"](3), None, "2024-06")
    assert [str(p.value) for p in result.figures] == ["1", "2", "3"]
    assert {p.period for p in result.figures} == {"2024-01..2024-05"}
