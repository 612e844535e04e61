"""Folder benchmark: commands over 10, 100 and 1,000 region files; CPU time and peak memory.

Usage: python scripts/bench_folder.py [--counts 10 100 1000] [--runs N] [--keep DIR]
       [--only NAME…]

Generates region files of 100-600 figures each (seeded; shapes alternate wide and deep, as in
`bench_scale.py`), then runs, per folder, in turn: T-sum (``tomllib.load(parse_float=Decimal)``
of every file in one process, keeping none), F-sum (the same plus ``Dataset.model_validate``),
`validate FILE…`, `report --data DIR --format json`, `progress --data DIR --format json`,
`--format csv`, as a table (piped: natural width; and at COLUMNS=80) and `--format markdown`,
and `export --data DIR`; `--only` runs those whose name contains one of
the words given (T-sum always runs: the other rows are measured against it). Each cell is
the median of --runs rounds (default 1) of the CPU seconds (user + system) and the peak
resident memory (MiB) of that process alone (GNU ``time``).
Reading one file at a time, a command's peak should stay near F-sum's, whatever the count.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import generate

SUM = """
import sys, tomllib
from decimal import Decimal
{extra}
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        data = tomllib.load(f, parse_float=Decimal)
    {validate}
"""


def region_file(n: int, rng: random.Random) -> str:
    """A valid file of about 100-600 figures, its region named after *n*."""
    figures = rng.randint(100, 600)
    if n % 2:
        text = generate("deep", 2, max(1, figures // 121))
    else:
        text = generate("wide", max(1, figures // 31), 1)
    return text.replace('region = "示例县"', f'region = "测试区{n:04d}"', 1).replace(
        'region_en = "Example County"', f'region_en = "Test District {n:04d}"', 1
    )


def measured(command: list[str], env: dict[str, str], work: Path) -> tuple[float, float]:
    """CPU seconds and peak MiB of one run of *command*, that process alone: GNU time reports
    them (a child of this process would count this process's memory from before its exec)."""
    report = work / "time.txt"
    timed = ["/usr/bin/time", "-f", "%U %S %M", "-o", str(report), *command]
    done = subprocess.run(timed, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace")[-600:]
        raise SystemExit(f"{' '.join(command[:6])} … exited {done.returncode}:\n{message}")
    user, system, kib = report.read_text().split()[-3:]
    return float(user) + float(system), int(kib) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="*", default=[10, 100, 1000])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--keep", help="write the generated folders here and keep them")
    parser.add_argument("--only", nargs="*", default=[], help="rows whose name has one of these")
    args = parser.parse_args()
    py = sys.executable
    env = {**os.environ, "NO_COLOR": "1"}
    work = Path(args.keep or tempfile.mkdtemp(prefix="ganxian-folder-"))
    rng = random.Random(7)
    texts = [region_file(n, rng) for n in range(max(args.counts))]
    print(f"median of {args.runs} run(s): CPU seconds / peak MiB of each process")
    print()
    print("| files | figures | command | CPU s | × T-sum | peak MiB |")
    print("|---:|---:|---|---:|---:|---:|", flush=True)
    try:
        for count in args.counts:
            folder = work / f"d{count}"
            folder.mkdir(parents=True, exist_ok=True)
            for n, text in enumerate(texts[:count]):
                (folder / f"r{n:04d}.toml").write_text(text, encoding="utf-8")
            files = sorted(str(p) for p in folder.glob("*.toml"))
            figures = sum(t.count(".observations]]") for t in texts[:count])
            g = [py, "-m", "ganxian_cli"]
            model = "from ganxian_cli.model.models import Dataset"
            data = ["--data", str(folder)]
            validated = SUM.format(extra=model, validate="Dataset.model_validate(data)")
            rows = [
                ("T-sum", [py, "-c", SUM.format(extra="", validate="pass"), *files]),
                ("F-sum", [py, "-c", validated, *files]),
                ("validate FILE…", [*g, "validate", *files]),
                ("report --format json", [*g, "report", *data, "--format", "json"]),
                ("progress --format json", [*g, "progress", *data, "--format", "json"]),
                ("progress --format csv", [*g, "progress", *data, "--format", "csv"]),
                ("progress (table, piped)", [*g, "progress", *data]),
                ("progress (table, COLUMNS=80)", ["env", "COLUMNS=80", *g, "progress", *data]),
                ("progress --format markdown", [*g, "progress", *data, "--format", "markdown"]),
                ("export --format sqlite", [*g, "export", *data, "--output", str(work / "o.db")]),
            ]
            rows = [
                row
                for n, row in enumerate(rows)
                if n == 0 or not args.only or any(word in row[0] for word in args.only)
            ]
            results: list[list[tuple[float, float]]] = [[] for _ in rows]
            for _ in range(args.runs):
                for n, (_name, command) in enumerate(rows):
                    results[n].append(measured(command, env, work))
            t_sum = statistics.median(cpu for cpu, _mib in results[0])
            for (name, _command), runs in zip(rows, results, strict=True):
                cpu = statistics.median(c for c, _m in runs)
                mib = statistics.median(m for _c, m in runs)
                print(
                    f"| {count} | {figures} | {name} | {cpu:.2f} | {cpu / t_sum:.2f} | {mib:.0f} |",
                    flush=True,
                )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
