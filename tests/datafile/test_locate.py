"""Key paths to lines in hand-edited TOML: what error messages point at."""

from ganxian_cli.datafile.locate import LineIndex
from ganxian_cli.datafile.writer import comment_lines

TEXT = '''schema_version = 1
note = """a
[not.a.table]
key = "inside a string"
"""
"quoted.key" = 2
dotted.inner = 3

[indicators.a]
name = "A" # trailing comment
values = [
  1,
  [2, "]"],
]

[[indicators.a.observations]]
period = "2022"

[[indicators.a.observations]]
period = "2023"
'x y' = { z = 1 }

["indicators"."b"]
unit = "个"
'''


def test_lines_of_paths() -> None:
    index = LineIndex(TEXT)
    assert index.line_of(("schema_version",)) == 1
    assert index.line_of(("quoted.key",)) == 6
    assert index.line_of(("dotted", "inner")) == 7
    assert index.line_of(("indicators", "a")) == 9
    assert index.line_of(("indicators", "a", "name")) == 10
    assert index.line_of(("indicators", "a", "values", 1)) == 11  # inside an array: its key
    assert index.line_of(("indicators", "a", "observations")) == 16
    assert index.line_of(("indicators", "a", "observations", 1, "period")) == 20
    assert index.line_of(("indicators", "a", "observations", 1, "x y", "z")) == 21
    assert index.line_of(("indicators", "b", "unit")) == 24
    assert index.line_of(("not", "a", "table")) is None  # text inside a string is no header
    assert index.line_of(("indicators", "a", "observations", 0, "missing")) == 16  # nearest parent


def test_comment_lines_ignore_hashes_in_strings() -> None:
    assert comment_lines(TEXT) == [10]
    assert comment_lines('a = "#"\nb = \'#\'\nc = """\n# not\n"""\n# yes\n') == [6]
