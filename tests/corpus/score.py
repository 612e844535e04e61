"""Measure `ganxian extract` on the made-up corpus in this folder.

    python tests/corpus/score.py [-v] [--json] [--readme]

Each NAME.txt / NAME.html is run through the extractor with the `published` month of its
NAME.expected.toml. A figure is found, as in scripts/extract_quality.py (whose loading and
matching this reuses), when a proposed figure has the same value and unit; among several, the one
whose quote shares the most characters with the expected quote. On the figures found: period,
status, yoy and qualifier right. Signs right: the found figures whose value and (where both have
one) yoy carry the expected sign; besides, "flipped" counts expected figures proposed only with
the opposite sign (a value match on magnitude), which recall cannot see. Cells: expected table
cells found. `--readme` prints the README's table: the articles with tables, and the whole corpus.
Subjects: found figures of a named company or village given that subject (counted
over all expected figures with a subject). Stocks: expected figures marked `stock = true` (a
level at a point of time: 在建项目, 规上企业达…家, 存款余额) found and proposed as a stock; wrong
stocks: proposed stocks that are no expected stock (found as a flow, or not expected at all).
Names (see the README's Scoring section for the rule): found figures whose proposed Chinese name
is the expected `indicator`; English: found figures whose new indicator has English composed
from the glossary and an id made from it (not `indicator_NN`), or that go onto an indicator of
the data file; ids: for an article extracted onto a data file (`ON_FILE`), found figures put
on the file's indicator of the expected name.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import extract_quality as eq  # noqa: E402

from ganxian_cli.analysis.extract import extract, read_article  # noqa: E402
from ganxian_cli.analysis.extract.match import own_name  # noqa: E402
from ganxian_cli.analysis.extract.tables import cell_shown, find_tables, parse_quote  # noqa: E402
from ganxian_cli.analysis.extract.types import Proposal  # noqa: E402
from ganxian_cli.datafile.loader import load as load_data  # noqa: E402
from ganxian_cli.model.models import Dataset  # noqa: E402
from ganxian_cli.output.extract import english  # noqa: E402

# articles also extracted onto a data file: the follow-up to the shipped file
ON_FILE = {"followup_ganxian_halfyear": ROOT / "data" / "indicators.toml"}
# a name's leading words that name the region as a whole (全县, 该区, 本市, 我县)
_REGION_LEAD = re.compile(r"^(?:[全该本我](?:区|县|市|省|州|旗|镇|乡))")
_PLACEHOLDER = re.compile(r"indicator_\d{2,}")


def _sign(x: Decimal | None) -> int:
    return 0 if x is None else (x > 0) - (x < 0)


def load(path: Path) -> tuple[str, list[dict]]:
    with path.open("rb") as handle:
        data = tomllib.load(handle, parse_float=Decimal)
    figures = []
    for raw in data["figures"]:
        f = eq._defaults(raw)
        f["cell"] = raw.get("cell")
        f["restates"] = raw.get("restates")
        f["subject"] = raw.get("subject")
        f["stock"] = raw.get("stock", False)
        f["indicator"] = raw.get("indicator")
        f["name_en"] = raw.get("name_en")
        figures.append(f)
    return data["published"], figures


def article_of(expected: Path) -> Path:
    name = expected.name.removesuffix(".expected.toml")
    for ext in (".txt", ".html"):
        if (HERE / f"{name}{ext}").exists():
            return HERE / f"{name}{ext}"
    raise FileNotFoundError(name)


def _short_forms(subject: str) -> list[str]:
    """*subject* and its spellings without a place of two or three characters (赣州腾远钴业 as
    腾远钴业), longest first."""
    return [subject, *(subject[k:] for k in (2, 3) if len(subject) - k >= 4)]


def _bare(name: str, subject: str | None) -> str:
    """*name* without a leading region word and, for a figure of *subject*, that subject."""
    name = _REGION_LEAD.sub("", name)
    for form in _short_forms(subject) if subject else []:
        if name.startswith(form) and len(name) > len(form):
            return _REGION_LEAD.sub("", name[len(form) :])
    return name


def name_right(p: Proposal, expected: str | None, subject: str | None) -> bool:
    """Whether *p*'s name (as a draft shows it) is the expected indicator name: equal, or
    equal once a leading region word (全县, 该区, 本市, 我县) and, for a figure of a company or
    village, that subject's name at the head of either are taken off."""
    if not expected:
        return False
    shown = own_name(p.name, p.subject)
    return shown == expected or _bare(shown, subject) == _bare(expected, subject)


def english_given(p: Proposal) -> bool:
    """Whether *p* shows a reader an English name: its indicator is the data file's, or a new
    one with English composed from the glossary and an id made from that English."""
    if not p.new_indicator:
        return True
    _, status = english(p)
    return status == "composed" and not _PLACEHOLDER.fullmatch(p.indicator)


def _best(proposed: list[Proposal], e: dict, used: set[int]) -> int | None:
    same = [
        i
        for i, p in enumerate(proposed)
        if i not in used and p.value == e["value"] and p.unit == e["unit"]
    ]
    if not same:
        return None
    return max(same, key=lambda i: eq._overlap(proposed[i].quote, e["quote"]))


def ids_on_file(
    text: str, published: str, expected: list[dict], data: Path
) -> tuple[int, int, list[str]]:
    """(figures found, of them put on the file's indicator named as expected, the wrong ones)
    for the article extracted onto the data file *data*."""
    dataset: Dataset = load_data(data).dataset
    by_name = {i.name: ident for ident, i in dataset.indicators.items()}
    proposed = extract(text, dataset, published).figures
    used: set[int] = set()
    found = right = 0
    wrong: list[str] = []
    for e in expected:
        best = _best(proposed, e, used)
        if best is None:
            continue
        used.add(best)
        found += 1
        want = by_name.get(e["indicator"] or "")
        got = proposed[best].indicator
        if got == want:
            right += 1
        else:
            wrong.append(f"{e['value']}{e['unit']}: expected {want}, got {got}  | {e['quote']}")
    return found, right, wrong


def score_one(expected_path: Path) -> dict:
    published, expected = load(expected_path)
    article = article_of(expected_path)
    text, _ = read_article(article.read_bytes(), str(article))
    proposed = extract(text, None, published).figures
    tables = find_tables(text)
    used: set[int] = set()
    match_of: dict[int, int] = {}  # expected index -> proposed index
    r = {
        "article": article.name,
        "published": published,
        "expected": len(expected),
        "proposed": len(proposed),
        "found": 0,
        "period": 0,
        "status": 0,
        "yoy": 0,
        "qualifier": 0,
        "signs": 0,
        "flipped": 0,
        "declines": 0,
        "declines_right": 0,
        "cells": sum(1 for e in expected if e["cell"]),
        "cells_found": 0,
        "cells_right": 0,
        "restates": sum(1 for e in expected if e["restates"] is not None),
        "restates_right": 0,
        "subjects": sum(1 for e in expected if e["subject"]),
        "subjects_right": 0,
        "stocks": sum(1 for e in expected if e["stock"]),
        "stocks_right": 0,
        "stocks_wrong": 0,
        "names": 0,
        "english": 0,
        "ids": 0,
        "ids_found": 0,
        "missed": [],
        "names_wrong": [],
        "english_missing": [],
        "ids_wrong": [],
        "differs": [],
        "extra": [],
    }
    for n, e in enumerate(expected):
        negative = _sign(e["value"]) < 0 or _sign(e["yoy"]) < 0
        r["declines"] += negative
        same = [
            i
            for i, p in enumerate(proposed)
            if i not in used and p.value == e["value"] and p.unit == e["unit"]
        ]
        if not same:
            flipped = any(
                p.unit == e["unit"] and p.value == -e["value"] and e["value"] != 0
                for i, p in enumerate(proposed)
                if i not in used
            )
            r["flipped"] += flipped
            r["missed"].append(
                f"{e['value']}{e['unit']} {e['period']} {e['status']}"
                f"{' (proposed with the opposite sign)' if flipped else ''}  | {e['quote']}"
            )
            continue
        best = max(same, key=lambda i: eq._overlap(proposed[i].quote, e["quote"]))
        used.add(best)
        match_of[n] = best
        p = proposed[best]
        r["found"] += 1
        r["cells_found"] += bool(e["cell"])
        if e["cell"]:
            r["cells_right"] += (
                str(p.period) == e["period"]
                and p.yoy == e["yoy"]
                and parse_quote(p.quote) is not None
                and cell_shown(p.quote, text, tables)
            )
        if e["subject"]:
            r["subjects_right"] += getattr(p, "subject", None) == e["subject"]
        if name_right(p, e["indicator"], e["subject"]):
            r["names"] += 1
        else:
            r["names_wrong"].append(
                f"{own_name(p.name, p.subject)} -> {e['indicator']}  | {p.quote}"
            )
        if english_given(p):
            r["english"] += 1
        else:
            shown, _ = english(p)
            r["english_missing"].append(f"{p.indicator} {shown} -> {e['name_en']}  | {p.quote}")
        r["stocks_right"] += bool(e["stock"] and p.stock)
        r["stocks_wrong"] += bool(p.stock and not e["stock"])
        if e["stock"] != p.stock:
            r["differs"].append(
                f"{e['value']}{e['unit']}: expected stock {e['stock']}, got {p.stock}  | {p.quote}"
            )
        r["period"] += str(p.period) == e["period"]
        r["status"] += p.status == e["status"]
        r["yoy"] += p.yoy == e["yoy"]
        r["qualifier"] += p.qualifier == e["qualifier"]
        sign_ok = _sign(p.value) == _sign(e["value"]) and (
            p.yoy is None or e["yoy"] is None or _sign(p.yoy) == _sign(e["yoy"])
        )
        r["signs"] += sign_ok
        if negative:
            r["declines_right"] += p.yoy == e["yoy"]
        got = (str(p.period), p.status, p.qualifier, p.yoy)
        want = (e["period"], e["status"], e["qualifier"], e["yoy"])
        if got != want:
            r["differs"].append(
                f"{e['value']}{e['unit']}: expected {' '.join(map(str, want))}, "
                f"got {' '.join(map(str, got))}  | {p.quote}"
            )
    for n, e in enumerate(expected):
        other = e["restates"]
        if other is None or n not in match_of or other not in match_of:
            continue
        mine, theirs = proposed[match_of[n]], proposed[match_of[other]]
        r["restates_right"] += (
            mine.restates == match_of[other] and mine.indicator == theirs.indicator
        )
    r["stocks_wrong"] += sum(1 for i, p in enumerate(proposed) if i not in used and p.stock)
    data = ON_FILE.get(expected_path.name.removesuffix(".expected.toml"))
    if data is not None:
        r["ids_found"], r["ids"], r["ids_wrong"] = ids_on_file(text, published, expected, data)
    r["extra"] = [
        f"{p.value}{p.unit} {p.period} | {p.quote}" for i, p in enumerate(proposed) if i not in used
    ]
    return r


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.0f}%" if d else "—"


HEADER = [
    "article",
    "published",
    "expected",
    "proposed",
    "recall",
    "precision",
    "period",
    "status",
    "signs",
    "declines",
    "flipped",
    "yoy",
    "qualifier",
    "cells",
    "cells right",
    "restates",
    "subjects",
    "stocks",
    "wrong stocks",
    "names",
    "English",
    "ids",
]


def row(r: dict) -> list[str]:
    f = r["found"]
    return [
        r["article"],
        r["published"],
        str(r["expected"]),
        str(r["proposed"]),
        pct(f, r["expected"]),
        pct(f, r["proposed"]),
        pct(r["period"], f),
        pct(r["status"], f),
        pct(r["signs"], f),
        f"{r['declines_right']}/{r['declines']}",
        str(r["flipped"]),
        pct(r["yoy"], f),
        pct(r["qualifier"], f),
        f"{r['cells_found']}/{r['cells']}" if r["cells"] else "—",
        f"{r['cells_right']}/{r['cells']}" if r["cells"] else "—",
        f"{r['restates_right']}/{r['restates']}" if r["restates"] else "—",
        f"{r['subjects_right']}/{r['subjects']}" if r["subjects"] else "—",
        f"{r['stocks_right']}/{r['stocks']}" if r["stocks"] else "—",
        str(r["stocks_wrong"]),
        pct(r["names"], f),
        pct(r["english"], f),
        f"{r['ids']}/{r['ids_found']}" if r["ids_found"] else "—",
    ]


def total(results: list[dict]) -> dict:
    t = {k: sum(r[k] for r in results) for k in results[0] if isinstance(results[0][k], int)}
    t.update(article="all", published="", missed=[], differs=[], extra=[])
    t.update(names_wrong=[], english_missing=[], ids_wrong=[])
    return t


README_COLUMNS = (
    "article",
    "expected",
    "proposed",
    "recall",
    "precision",
    "period",
    "yoy",
    "cells",
    "cells right",
    "restates",
)


def readme_table(results: list[dict]) -> str:
    """The README's table: articles with table cells, then all articles."""
    keep = [HEADER.index(c) for c in README_COLUMNS]
    everything = total(results)
    everything["article"] = f"all {len(results)} articles"
    lines = ["| " + " | ".join(README_COLUMNS) + " |", "|" + "---|" * len(README_COLUMNS)]
    for r in [*(r for r in results if r["cells"]), everything]:
        cells = row(r)
        lines.append("| " + " | ".join(cells[k] for k in keep) + " |")
    return "\n".join(lines)


def main() -> None:
    results = [score_one(p) for p in sorted(HERE.glob("*.expected.toml"))]
    if "--json" in sys.argv:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return
    if "--readme" in sys.argv:
        print(readme_table(results))
        return
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(row(r)) + " |" for r in [*results, total(results)]]
    print("\n".join(lines))
    if "-v" in sys.argv:
        for r in results:
            print(f"\n## {r['article']}")
            for m in r["missed"]:
                print("missed ", m)
            for d in r["differs"]:
                print("differs", d)
            for x in r["extra"]:
                print("extra  ", x)
            for x in r["names_wrong"]:
                print("name   ", x)
            for x in r["english_missing"]:
                print("english", x)
            for x in r["ids_wrong"]:
                print("id     ", x)


if __name__ == "__main__":
    main()
