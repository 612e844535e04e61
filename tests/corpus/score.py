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
"""

from __future__ import annotations

import json
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
from ganxian_cli.analysis.extract.tables import cell_shown, find_tables, parse_quote  # noqa: E402


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
        figures.append(f)
    return data["published"], figures


def article_of(expected: Path) -> Path:
    name = expected.name.removesuffix(".expected.toml")
    for ext in (".txt", ".html"):
        if (HERE / f"{name}{ext}").exists():
            return HERE / f"{name}{ext}"
    raise FileNotFoundError(name)


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
        "missed": [],
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
    ]


def total(results: list[dict]) -> dict:
    t = {k: sum(r[k] for r in results) for k in results[0] if isinstance(results[0][k], int)}
    t.update(article="all", published="", missed=[], differs=[], extra=[])
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


if __name__ == "__main__":
    main()
