"""Measure `ganxian extract` against hand-checked figures: recall, precision, accuracy.

    python scripts/extract_quality.py [-v] [--wrap N]

Articles: tests/articles/*.txt, each with NAME.expected.toml (`[[figures]]` with value, unit,
and qualifier, yoy, period, status where not the default), plus the shipped source article
(from $GANXIAN_SHARED/seeds or ../shared/seeds, when present) against data/indicators.toml.
A figure is found when an extracted one has the same value and unit; qualifier, sign of growth,
period and status are then compared on the found ones. Stocks: expected figures of a stock
indicator (`stock = true`, in the data file or the expected file) found and proposed as a
stock; wrong stocks: proposed stocks that are no expected stock.

--wrap N hard-wraps every line of each article at N characters first, as text copied out of a
PDF or a fixed-width page comes: the extractor must still see one paragraph, not N-character
titles.
"""

from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ganxian_cli.analysis.extract import extract, read_article  # noqa: E402
from ganxian_cli.datafile.loader import load  # noqa: E402
from ganxian_cli.model.periods import parse_period  # noqa: E402

ARTICLES = ROOT / "tests" / "articles"
SHARED = Path(os.environ.get("GANXIAN_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seeds" / "000_011b906044fe82a3.txt"


@dataclass
class Score:
    name: str
    expected: int
    extracted: int
    found: int
    qualifier: int
    approx_total: int
    approx_right: int
    decline_total: int
    decline_right: int
    yoy: int
    period: int
    status: int
    missed: list[str]
    extra: list[str]
    stocks: int = 0  # expected figures of a stock indicator
    stocks_right: int = 0  # of them, found and proposed as a stock
    stocks_wrong: int = 0  # proposed as a stock, but no expected stock

    def row(self) -> list[str]:
        def pct(n: int, d: int) -> str:
            return f"{100 * n / d:.1f}%" if d else "—"

        return [
            self.name,
            str(self.expected),
            str(self.extracted),
            pct(self.found, self.expected),
            pct(self.found, self.extracted),
            pct(self.qualifier, self.found),
            f"{self.approx_right}/{self.approx_total}",
            f"{self.decline_right}/{self.decline_total}",
            pct(self.yoy, self.found),
            pct(self.period, self.found),
            pct(self.status, self.found),
            f"{self.stocks_right}/{self.stocks}" if self.stocks else "—",
            str(self.stocks_wrong),
        ]


HEADER = [
    "article",
    "expected",
    "proposed",
    "recall",
    "precision",
    "qualifier",
    "约/近/余 right",
    "下降 right",
    "yoy",
    "period",
    "status",
    "stocks",
    "wrong stocks",
]


def _expected_from_toml(path: Path) -> list[dict[str, Any]]:
    with path.open("rb") as handle:
        data = tomllib.load(handle, parse_float=Decimal)
    return [_defaults(f) for f in data["figures"]]


def _spelled(period: str) -> str:
    """A period as ganxian spells it: 2031-01..2031-06 is 2031-H1 (the same months)."""
    try:
        return str(parse_period(period))
    except ValueError:
        return period


def _defaults(f: dict[str, Any]) -> dict[str, Any]:
    return {
        "value": Decimal(str(f["value"])),
        "unit": f["unit"],
        "qualifier": f.get("qualifier", "exact"),
        "yoy": Decimal(str(f["yoy"])) if f.get("yoy") is not None else None,
        "period": _spelled(str(f["period"])),
        "status": f.get("status", "actual"),
        "quote": f.get("quote", ""),
        "stock": f.get("stock", False) is True,
    }


def _expected_from_data(path: Path) -> list[dict[str, Any]]:
    dataset = load(str(path)).dataset
    return [
        _defaults(
            {
                "value": f.value,
                "unit": f.unit or ind.unit,
                "qualifier": f.qualifier,
                "yoy": f.yoy,
                "period": str(f.period),
                "status": f.status,
                "quote": f.quote or "",
                "stock": ind.stock,
            }
        )
        for _, ind, _, f in dataset.figures()
    ]


def _overlap(a: str, b: str) -> int:
    return len(set(a) & set(b))


def hard_wrap(text: str, width: int) -> str:
    """Every line cut into lines of *width* characters (the last one shorter)."""
    lines = []
    for line in text.split("\n"):
        lines += [line[i : i + width] for i in range(0, len(line), width)] or [""]
    return "\n".join(lines)


def score(
    name: str, article: Path, expected: list[dict[str, Any]], published: str, wrap: int = 0
) -> Score:
    text, _ = read_article(article.read_bytes(), str(article))
    if wrap:
        text = hard_wrap(text, wrap)
    proposed = extract(text, None, published).figures
    used: set[int] = set()
    s = Score(name, len(expected), len(proposed), 0, 0, 0, 0, 0, 0, 0, 0, 0, [], [])
    for e in expected:
        candidates = [
            i
            for i, p in enumerate(proposed)
            if i not in used and p.value == e["value"] and p.unit == e["unit"]
        ]
        if e["qualifier"] != "exact":
            s.approx_total += 1
        negative = (e["yoy"] is not None and e["yoy"] < 0) or e["value"] < 0
        if negative:
            s.decline_total += 1
        if not candidates:
            s.missed.append(f"{e['value']}{e['unit']} {e['quote']}")
            continue
        best = max(candidates, key=lambda i: _overlap(proposed[i].quote, e["quote"]))
        used.add(best)
        p = proposed[best]
        s.found += 1
        s.stocks_right += e["stock"] and p.stock
        s.stocks_wrong += p.stock and not e["stock"]
        if p.stock != e["stock"]:
            s.missed.append(f"  stock: {e['value']}{e['unit']} expected {e['stock']}  | {p.quote}")
        s.qualifier += p.qualifier == e["qualifier"]
        if e["qualifier"] != "exact":
            s.approx_right += p.qualifier == e["qualifier"]
        s.yoy += p.yoy == e["yoy"]
        if negative:
            s.decline_right += p.yoy == e["yoy"] and p.value == e["value"]
        s.period += p.period == e["period"]
        s.status += p.status == e["status"]
        if (p.period, p.status, p.qualifier, p.yoy) != (
            e["period"],
            e["status"],
            e["qualifier"],
            e["yoy"],
        ):
            s.missed.append(
                f"  differs: {e['value']}{e['unit']} expected "
                f"{e['period']} {e['status']} {e['qualifier']} yoy={e['yoy']}, got "
                f"{p.period} {p.status} {p.qualifier} yoy={p.yoy}  | {p.quote}"
            )
    s.stocks = sum(1 for e in expected if e["stock"])
    s.stocks_wrong += sum(1 for i, p in enumerate(proposed) if i not in used and p.stock)
    s.extra = [f"{p.value}{p.unit} {p.quote}" for i, p in enumerate(proposed) if i not in used]
    return s


def scores(wrap: int = 0) -> list[Score]:
    results: list[Score] = []
    for expected in sorted(ARTICLES.glob("*.expected.toml")):
        name = expected.name.removesuffix(".expected.toml")
        with expected.open("rb") as handle:
            published = tomllib.load(handle)["published"]
        results.append(
            score(name, ARTICLES / f"{name}.txt", _expected_from_toml(expected), published, wrap)
        )
    if SEED.exists():
        data = ROOT / "data" / "indicators.toml"
        results.append(
            score("shipped (赣县区 2022-06)", SEED, _expected_from_data(data), "2022-06", wrap)
        )
    return results


def markdown(results: list[Score]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(r.row()) + " |" for r in results]
    return "\n".join(lines)


def main() -> None:
    wrap = int(sys.argv[sys.argv.index("--wrap") + 1]) if "--wrap" in sys.argv else 0
    results = scores(wrap)
    print(markdown(results))
    if "-v" in sys.argv:
        for r in results:
            print(f"\n## {r.name}")
            for m in r.missed:
                print("missed" if not m.startswith("  ") else "", m)
            for x in r.extra:
                print("extra ", x)


if __name__ == "__main__":
    main()
