"""Scale benchmark: every command on big generated files, against the floor of reading them.

Usage: python scripts/bench_scale.py [--bytes N] [--runs N] [--only NAME ...] [--keep DIR]

Generates valid data files in two shapes — *wide* (many indicators of six months each) and
*deep* (a few indicators over many years of months) — of just under --bytes (default the
loader's 4 MiB cap), plus 100 small files, and times each command in a fresh process against:

- the parse floor P (T): ``tomllib.load(parse_float=Decimal)`` of the same file, the standard
  library's pure-Python parser (ganxian reads with the compiled ``tomli``), the column × T;
- the floor F: P plus validating the same pydantic models (``Dataset.model_validate``);
- F without teardown: F ending in ``os._exit(0)``, as ganxian's entry point ends, so that the
  interpreter does not free the loaded objects one by one. Ratios are given to both: F is the
  issue's yardstick, F without teardown the stricter one;
- ganxian's floor L (a row, not a column): its start-up, then reading the file with the compiled
  parser and validating the models, with no check and no output: what any command pays before
  it checks or writes a figure.

Each run is measured in CPU seconds of the child process (user + system), which other jobs on
a shared machine barely change; commands and floors take turns in every round, and each cell
is the median of --runs rounds (default 3). Prints a Markdown table of seconds and ratios to F
and to T.

With --instructions, each command runs once under valgrind's cachegrind and the cells are
millions of instructions executed: deterministic to about 0.1 % where CPU seconds move by
±20 % on a busy machine, but 30–50 times slower (use --bytes 524288; at that size start-up
weighs more in every ratio than it does at the cap).
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CAP = 4 * 1024 * 1024
GOAL = Decimal(400)


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _period(year: int, month: int) -> str:
    """Year to date in canonical form (as `ganxian fmt` writes it): 2022-01, 2022-Q1, 2022-H1."""
    special = {1: f"{year}-01", 3: f"{year}-Q1", 6: f"{year}-H1", 12: str(year)}
    return special.get(month, f"{year}-01..{year}-{month:02d}")


def _group(g: int, years: range, months: range) -> tuple[list[str], list[str], list[str]]:
    """Five indicators that add up and meet a target: a + b = total, its rate and lead."""
    prefix = f"g{g}_"
    theme = "t0"  # one theme keeps the canonical (theme) order of indicators the file order
    out: list[str] = []
    figures: dict[str, list[tuple[str, Decimal, str | None]]] = {
        "a": [],
        "b": [],
        "total": [],
        "rate": [],
        "gap": [],
    }
    for year in years:
        for month in months:
            period = _period(year, month)
            a, b = Decimal(10 * month), Decimal(20 * month)
            total = a + b
            rate = (total / GOAL * 100).quantize(Decimal("0.1"))
            gap = (rate - Decimal(100 * month) / 12).quantize(Decimal("0.01"))
            figures["a"].append((period, a, None))
            figures["b"].append((period, b, None))
            if month == 12:  # canonical order: the year's target before its actual
                figures["total"].append((str(year), GOAL, "target"))
            figures["total"].append((period, total, None))
            figures["rate"].append((period, rate, None))
            figures["gap"].append((period, gap, None))
        if 12 not in months:
            figures["total"].append((str(year), GOAL, "target"))
    units = {"a": "亿元", "b": "亿元", "total": "亿元", "rate": "%", "gap": "个百分点"}
    for key, rows in figures.items():
        ident = prefix + key
        out += [
            f"[indicators.{ident}]",
            f"name = {_q(f'指标{g}{key}')}",
            f"name_en = {_q(f'Indicator {g} {key}')}",
            f"theme = {_q(theme)}",
            f"unit = {_q(units[key])}",
            *(["signed = true"] if key == "gap" else []),
            "",
        ]
        for period, value, status in rows:
            out += [
                f"[[indicators.{ident}.observations]]",
                f"period = {_q(period)}",
                f"value = {value}",
                *([f"status = {_q(status)}"] if status else []),
                f"quote = {_q(f'累计完成{value}{units[key]}')}",
                "",
            ]
    targets = [
        "\n".join(
            [
                "[[targets]]",
                f"target = {_q(f'{prefix}total@{year}#target')}",
                f"actual = {_q(prefix + 'total')}",
                f"rate = {_q(prefix + 'rate')}",
                f"gap = {_q(prefix + 'gap')}",
                "",
            ]
        )
        for year in years
    ]
    relations = [
        "\n".join(
            [
                "[[relations]]",
                'kind = "sum"',
                f"total = {_q(prefix + 'total')}",
                "parts = [",
                f"    {_q(prefix + 'a')},",
                f"    {_q(prefix + 'b')},",
                "]",
                "",
                "[[relations]]",
                'kind = "share"',
                f"part = {_q(prefix + 'a')}",
                f"whole = {_q(prefix + 'total')}",
                "",
            ]
        )
    ]
    return out, targets, relations


def generate(shape: str, groups: int, years: int) -> str:
    """A valid data file: *groups* groups of five indicators over *years* years."""
    head = [
        "schema_version = 1",
        "",
        "[source]",
        'region = "示例县"',
        'region_en = "Example County"',
        'title = "规模测试"',
        "",
    ]
    for n in range(10):
        head += [f"[themes.t{n}]", f'name = "主题{n}"', f'name_en = "Theme {n}"', ""]
    body: list[str] = []
    targets: list[str] = []
    relations: list[str] = []
    months = range(1, 7) if shape == "wide" else range(1, 13)
    for g in range(groups):
        lines, t, r = _group(g, range(2000, 2000 + years), months)
        body += lines
        targets += t
        relations += r
    return "\n".join(head + body) + "\n" + "\n".join(targets) + "\n" + "\n".join(relations)


def sized(shape: str, limit: int) -> tuple[str, int]:
    """The largest file of *shape* under *limit* bytes, and its number of figures."""

    def make(n: int) -> str:
        return generate("wide", n, 1) if shape == "wide" else generate("deep", 2, n)

    def figures(text: str) -> int:
        return text.count(".observations]]")

    n = 1
    while len(make(n * 2).encode()) < limit:
        n *= 2
    lo, hi = n, n * 2  # make(lo) fits, make(hi) does not
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if len(make(mid).encode()) < limit:
            lo = mid
        else:
            hi = mid
    text = make(lo)
    return text, figures(text)


FLOOR = """
import os, sys, tomllib
from decimal import Decimal
{extra}
kept = []
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        data = tomllib.load(f, parse_float=Decimal)
    kept.append({validate})
{end}
"""


# ganxian's own floor: its start-up (every command's module, as a run imports them), then
# reading, the compiled parse and the models, with no check and no output, ending as a run ends
OWN_FLOOR = """
import gc, os, sys
gc.disable()
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
from ganxian_cli.cli import entry
entry._no_plugin_loader()
from ganxian_cli.datafile.loader import load
for path in sys.argv[1:]:
    load(path)
os._exit(0)
"""


def floors(py: str) -> tuple[list[str], list[str], list[str]]:
    """The parse floor P, the floor F and F without the interpreter's teardown."""
    parse = [py, "-c", FLOOR.format(extra="", validate="data", end="")]
    model = {
        "extra": "from ganxian_cli.model.models import Dataset",
        "validate": "Dataset.model_validate(data)",
    }
    full = [py, "-c", FLOOR.format(**model, end="")]
    quick = [py, "-c", FLOOR.format(**model, end="os._exit(0)")]
    return parse, full, quick


def cases(py: str, data: str) -> list[tuple[str, list[str], bool]]:
    """(label, command, writes): commands that write get a fresh copy of the file each run."""
    g = [py, "-m", "ganxian_cli"]
    return [
        ("validate", [*g, "validate", data], False),
        ("report --format json", [*g, "report", "--data", data, "--format", "json"], False),
        ("report (table, piped)", [*g, "report", "--data", data], False),
        ("report --format markdown", [*g, "report", "--data", data, "--format", "markdown"], False),
        ("progress --format json", [*g, "progress", "--data", data, "--format", "json"], False),
        ("compare --format json", [*g, "compare", "--data", data, "--format", "json"], False),
        (
            "record (one figure)",
            [*g, "record", "g0_a", "--period", "1999", "--value", "1", "--data", data],
            True,
        ),
        ("export --format sqlite", [*g, "export", "--format", "sqlite", "--data", data], True),
    ]


TIMEOUT = 600.0  # wall seconds


def timed(command: list[str], env: dict[str, str]) -> float:
    """CPU seconds (user + system) of one run of *command*; infinity past TIMEOUT.

    CPU time, not wall time: on a shared machine other jobs stretch the wall clock but barely
    change the work a process does, and the work is what grows quadratically or not.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        done = subprocess.run(command, capture_output=True, env=env, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return float("inf")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        err = done.stderr.decode(errors="replace")[-600:]
        raise SystemExit(f"{' '.join(command[3:])[:200]} exited {done.returncode}:\n{err}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


VALGRIND = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def counted(command: list[str], env: dict[str, str]) -> float:
    """Millions of instructions one run of *command* executes (under cachegrind)."""
    done = subprocess.run([*VALGRIND, *command], capture_output=True, env=env)
    found = _REFS.search(done.stderr.decode(errors="replace"))
    if done.returncode != 0 or found is None:
        err = done.stderr.decode(errors="replace")[-600:]
        raise SystemExit(f"{' '.join(command[3:])[:200]} exited {done.returncode}:\n{err}")
    return int(found.group(1).replace(",", "")) / 1e6


def run_shape(
    py: str, label: str, files: list[str], work: Path, args: argparse.Namespace
) -> list[tuple[str, float, float, float, float]]:
    """Median seconds of the floors and every command on *files*; rows (label, s, ratio to F,
    ratio to F without teardown, ratio to T)."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    parse, full, quick = floors(py)
    rows: list[tuple[str, list[str], bool]] = [
        ("parse floor P", [*parse, *files], False),
        ("floor F", [*full, *files], False),
        ("F without teardown", [*quick, *files], False),
        (
            "ganxian floor L: start-up, read, compiled parse, models",
            [py, "-c", OWN_FLOOR, *files],
            False,
        ),
    ]
    if len(files) == 1:
        copy = str(work / "copy.toml")
        for name, command, writes in cases(py, files[0]):
            if args.only and not any(o in name for o in args.only):
                continue
            if any(o in name for o in args.skip):
                continue
            if writes:
                command = [copy if c == files[0] else c for c in command]
                if "export" in name:
                    command += ["--output", str(work / "out.db")]
            rows.append((name, command, writes))
    else:
        rows.append(("validate", [py, "-m", "ganxian_cli", "validate", *files], False))
    times: list[list[float]] = [[] for _ in rows]
    measure = counted if args.instructions else timed
    for _ in range(1 if args.instructions else args.runs):
        for n, (_name, command, writes) in enumerate(rows):
            if writes:
                shutil.copyfile(files[0], work / "copy.toml")
            times[n].append(measure(command, env))
    medians = [statistics.median(t) for t in times]
    parse_floor, floor, quick_floor = medians[0], medians[1], medians[2]
    names = [name for name, _command, _writes in rows]
    return [
        (f"{label}: {n}", s, s / floor, s / quick_floor, s / parse_floor)
        for n, s in zip(names, medians, strict=True)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bytes", type=int, default=CAP - 1024, help="size of each big file")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", nargs="*", default=[], help="commands whose name has this")
    parser.add_argument("--skip", nargs="*", default=[], help="commands whose name has this")
    parser.add_argument("--keep", help="write the generated files here and keep them")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count instructions under valgrind (one run each) instead of timing",
    )
    args = parser.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        parser.error("--instructions needs valgrind on PATH")
    compileall.compile_dir(str(ROOT / "ganxian_cli"), quiet=1)
    py = sys.executable
    work = Path(args.keep or tempfile.mkdtemp(prefix="ganxian-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.instructions:
        print("instructions executed, one run each (cachegrind)", flush=True)
    else:
        print(f"median of {args.runs} interleaved runs; ratios of CPU seconds", flush=True)
    print()
    what = "M instructions" if args.instructions else "CPU seconds"
    places = 0 if args.instructions else 2
    print(f"| case | {what} | × F | × F without teardown | × T |")
    print("|---|---|---|---|---|", flush=True)
    try:
        for shape in ("wide", "deep"):
            text, count = sized(shape, args.bytes)
            path = work / f"{shape}.toml"
            path.write_text(text, encoding="utf-8")
            size = f"{len(text.encode()) / 2**20:.2f} MiB, {count} figures"
            _print(run_shape(py, f"{shape} ({size})", [str(path)], work, args), places)
        small = []
        for n in range(100):
            path = work / f"small{n:03d}.toml"
            path.write_text(generate("wide", 2, 1), encoding="utf-8")
            small.append(str(path))
        _print(run_shape(py, "100 files of 62 figures", small, work, args), places)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _print(rows: list[tuple[str, float, float, float, float]], places: int) -> None:
    for label, seconds, ratio, strict, to_t in rows:
        shown = f"> {TIMEOUT:.0f}" if seconds == float("inf") else f"{seconds:.{places}f}"
        print(f"| {label} | {shown} | {ratio:.2f} | {strict:.2f} | {to_t:.2f} |", flush=True)


if __name__ == "__main__":
    main()
