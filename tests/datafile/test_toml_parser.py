"""The compiled tomli parser reads every file exactly as the standard library's tomllib does."""

from __future__ import annotations

import tomllib
from decimal import Decimal

import tomli

from ganxian_cli.datafile import loader
from tests.conftest import ROOT, SHARED, needs_shared

TOML_TEST = SHARED / "toml-test"
CASES_LIST = TOML_TEST / "files-toml-1.0.0"
CASES = (
    [TOML_TEST / line for line in CASES_LIST.read_text().split() if line.endswith(".toml")]
    if CASES_LIST.exists()
    else []
)
OWN = sorted({*ROOT.glob("data/*.toml"), *ROOT.glob("tests/**/*.toml")})


def _read(parse: object, text: str) -> str:
    try:
        return repr(parse(text, parse_float=Decimal))  # type: ignore[operator]
    except (tomllib.TOMLDecodeError, tomli.TOMLDecodeError) as exc:
        return f"TOMLDecodeError: {exc}"
    except (ValueError, RecursionError) as exc:
        return type(exc).__name__


def test_the_loader_uses_the_compiled_parser() -> None:
    assert loader.loads is tomli.loads


@needs_shared(CASES_LIST, "toml-test corpus")
def test_same_data_and_same_errors_on_the_conformance_cases() -> None:
    compared = 0
    for path in CASES:
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue  # refused before parsing, whichever parser
        assert _read(tomli.loads, text) == _read(tomllib.loads, text), path
        compared += 1
    assert compared > 500


def test_same_data_on_every_file_of_the_project() -> None:
    assert len(OWN) > 20
    for path in OWN:
        text = path.read_text(encoding="utf-8")
        assert _read(tomli.loads, text) == _read(tomllib.loads, text), path
