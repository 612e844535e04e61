"""Start-up benchmark: ganxian commands against bare imports, timed in the same go.

Usage: python scripts/bench_startup.py [--runs N]

Prints, for each command, the median over N runs (default 15) of its wall time and of its CPU
time (user + system of the child process, which other jobs on a busy machine barely change),
and the ratio of the CPU time to two references measured in the same go:

- the baseline: `python -c "import typer, pydantic, tomllib"` (plus `import rich.table` for the
  table view);
- the floor: the baseline plus one one-field pydantic model, the least any pydantic CLI pays;
- the floor without teardown: the floor ending in `os._exit(0)`, as ganxian's entry point ends
  (the interpreter then does not tear its modules down one by one).

The issue's goal is at most 1.1x the floor; the stricter column compares like with like.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = str(ROOT / "data" / "indicators.toml")
MODEL = "\nclass M(pydantic.BaseModel): x: int"
QUICK = "\nimport os; os._exit(0)"


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of *command*."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def medians(commands: list[list[str]], runs: int) -> list[tuple[float, float]]:
    """Median (wall, CPU) of each command; the commands take turns so drift hits all alike."""
    env = {**os.environ, "NO_COLOR": "1"}
    for command in commands:
        subprocess.run(command, check=True, capture_output=True, env=env)  # warm the caches
    times: list[list[tuple[float, float]]] = [[] for _ in commands]
    for _ in range(runs):
        for n, command in enumerate(commands):
            times[n].append(measure(command, env))
    return [
        (statistics.median(w for w, _c in t), statistics.median(c for _w, c in t)) for t in times
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    # An installed wheel has its bytecode compiled by pip; an editable checkout under
    # PYTHONDONTWRITEBYTECODE would otherwise recompile every module on every run.
    compileall.compile_dir(str(ROOT / "ganxian_cli"), quiet=1)
    py = sys.executable
    base, rich = "import typer, pydantic, tomllib", "import typer, pydantic, tomllib, rich.table"
    g = [py, "-m", "ganxian_cli"]
    # (label, command, index of its baseline, index of its floor; the floor without teardown
    # is the next case after the floor)
    cases: list[tuple[str, list[str], int | None, int | None]] = [
        (f"baseline `{base}`", [py, "-c", base], None, None),
        ("baseline + `import rich.table`", [py, "-c", rich], None, None),
        ("floor: baseline + one one-field pydantic model", [py, "-c", base + MODEL], 0, None),
        ("floor without teardown", [py, "-c", base + MODEL + QUICK], 0, None),
        ("floor + `import rich.table`", [py, "-c", rich + MODEL], 1, None),
        ("floor + `import rich.table` without teardown", [py, "-c", rich + MODEL + QUICK], 1, None),
        ("`ganxian report --format json`", [*g, "report", "--data", DATA, "-f", "json"], 0, 2),
        ("`ganxian report` (table)", [*g, "report", "--data", DATA], 1, 4),
        ("`ganxian validate`", [*g, "validate", DATA], 0, 2),
    ]
    results = medians([command for _label, command, _b, _f in cases], runs)
    print(f"median of {runs} interleaved runs; ratios of CPU time")
    print()
    print("| command | wall | CPU | × baseline | × floor | × floor without teardown |")
    print("|---|---|---|---|---|---|")
    for (label, _command, b, f), (wall, cpu) in zip(cases, results, strict=True):
        to_base = f"{cpu / results[b][1]:.2f}" if b is not None else "1.00"
        to_floor = f"{cpu / results[f][1]:.2f}" if f is not None else ""
        strict = f"{cpu / results[f + 1][1]:.2f}" if f is not None else ""
        print(
            f"| {label} | {wall * 1000:.0f} ms | {cpu * 1000:.0f} ms | {to_base} | {to_floor} "
            f"| {strict} |"
        )


if __name__ == "__main__":
    main()
