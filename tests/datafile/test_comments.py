"""The comment finder agrees with a real TOML parser: a `#` it calls a comment changes nothing."""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal

import pytest

from ganxian_cli.datafile.comments import comment_lines, comment_offsets
from tests.conftest import SHARED, needs_shared

CASES_LIST = SHARED / "toml-test" / "files-toml-1.0.0"
VALID = (
    [
        SHARED / "toml-test" / line
        for line in CASES_LIST.read_text().splitlines()
        if line.startswith("valid/") and line.endswith(".toml")
    ]
    if CASES_LIST.is_file()
    else []
)

TRICKY = [
    'title = """强攻二季度 "确保双过半""""  # KEEP\n',
    'a = """x\\""""  # KEEP\nb = 1 # KEEP\n',
    'a = """x\\"""  # no\n"""\nb = 1 # KEEP\n',
    "a = '''it''''' # KEEP\nb = '''\n# not a comment\n'''\n",
    'a = "# no" # KEEP\n',
    "a = 'c:\\\\' # KEEP\n",
    'a = """\n\\\n  # no\n""" # KEEP\n',
    'a = """"""  # KEEP\n',
]


def _parse(text: str) -> str | None:
    try:
        return repr(tomllib.loads(text, parse_float=Decimal))
    except (tomllib.TOMLDecodeError, ValueError):
        return None


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_strings(text: str) -> None:
    """Every `# KEEP` is a comment, nothing else is (where a misread one would lose data)."""
    expected = [n for n, line in enumerate(text.split("\n"), 1) if "# KEEP" in line]
    assert comment_lines(text) == expected
    _check_against_parser(text)


def _check_against_parser(text: str) -> None:
    original = _parse(text)
    assert original is not None
    offsets = comment_offsets(text)
    # Each comment found is one: changing its text leaves the document's value alone.
    for offset in offsets:
        end = text.find("\n", offset)
        end = len(text) if end < 0 else end
        assert _parse(text[:offset] + "#~changed~" + text[end:]) == original, offset
    # Each line end a comment can be inserted at (same value) is found as a comment there.
    for end in [i for i, ch in enumerate(text) if ch == "\n"] + [len(text)]:
        changed = text[:end] + " #~inserted~" + text[end:]
        value = _parse(changed)
        if value is None:  # not TOML any more (e.g. between CR and LF): nothing to compare
            continue
        line_start = changed.rfind("\n", 0, end) + 1
        found = any(line_start <= o <= end + 1 for o in comment_offsets(changed))
        assert found == (value == original), (end, changed)


@needs_shared(CASES_LIST, "toml-test corpus")
def test_comments_inserted_everywhere_in_the_toml_test_corpus() -> None:
    assert len(VALID) > 150
    for path in VALID:
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:  # pragma: no cover - every valid case is UTF-8
            continue
        if _parse(text) is not None:
            _check_against_parser(text)


def test_linear_on_many_quotes() -> None:
    text = 'a = """' + '\\"' * 200_000 + '"""\n' + "b = '" + "x" * 200_000 + "' # KEEP\n"
    assert comment_lines(text) == [2]
    # Unterminated strings (invalid TOML) are read once too, not once per quote.
    for hostile in ('a = "' + '\\"' * 100_000, '"' * 100_000, "'" * 100_000, "\\" * 100_000):
        assert comment_lines(hostile) == []


def _package_patterns() -> list[tuple[str, str]]:
    """Every compiled regular expression held by a module of the package."""
    import importlib
    import pkgutil
    import re

    import ganxian_cli

    found = []
    for info in pkgutil.walk_packages(ganxian_cli.__path__, "ganxian_cli."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.append((f"{info.name}.{name}", value.pattern))
    return found


def test_no_possessive_quantifier_or_atomic_group() -> None:
    """Python 3.11.2's `re` runs these differently from 3.11.5 and later (a comment after
    `\"\"\"…\"\"\"\"` was missed there), and the package accepts any 3.11."""
    import re

    patterns = _package_patterns()
    assert any(name == "ganxian_cli.datafile.comments._OUTSIDE" for name, _ in patterns)
    # A quantifier (*, +, ?, {m,n}) directly followed by +, or (?>: outside a character class.
    syntax = re.compile(r"\\.|\[(?:\\.|[^\]\\])*\]|(?P<bad>[*+?}]\+|\(\?>)")
    offending = [
        name for name, pattern in patterns if any(m.group("bad") for m in syntax.finditer(pattern))
    ]
    assert offending == []


class _Counting:
    """A compiled pattern whose searches add the characters they read to *read*."""

    def __init__(self, pattern: re.Pattern[str], read: list[int]) -> None:
        self.pattern, self.read = pattern, read

    def search(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        found = self.pattern.search(text, pos, endpos)
        self.read.append((found.end() if found else endpos) - pos)
        return found

    def match(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        found = self.pattern.match(text, pos, endpos)
        self.read.append(found.end() - pos if found else 1)
        return found


HOSTILE = [
    'a = """' + '\\"' * 2_000 + '"""\n' + "b = '" + "x" * 2_000 + "' # KEEP\n",
    'a = "' + '\\"' * 2_000 + " #",
    '"' * 4_000,
    "'" * 4_000,
    "\\" * 4_000 + "#",
    '"""' + '""""""' * 700,
    "'''" + "'" * 4_000 + "#",
    '"""' + '\\"' * 2_000 + "# '''",
    "#\n'''" * 1_000,
    ('a = "x" # c\n' + 'b = """\n"""\n') * 200,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_every_character_is_read_a_bounded_number_of_times(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counted, not timed: the scanner's searches read each character at most twice."""
    import re

    from ganxian_cli.datafile import comments

    read: list[int] = []
    for name, value in list(vars(comments).items()):
        if isinstance(value, re.Pattern):
            monkeypatch.setattr(comments, name, _Counting(value, read))
    comment_offsets(text)
    assert read  # the scanner did run
    assert sum(read) <= 2 * len(text) + len(read)
