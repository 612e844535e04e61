"""Start-up benchmark: ganxian commands against bare imports, timed in the same go.

Usage: python scripts/bench_startup.py [--runs N]

Prints the median wall time of each command over N runs (default 15) and its ratio to the
baseline `python -c "import typer, pydantic, tomllib"` (plus `import rich.table` for the
table view). The goal is a ratio of at most 1.3 for both.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = str(ROOT / "data" / "indicators.toml")


def medians(commands: list[list[str]], runs: int) -> list[float]:
    """Median wall time of each command; the commands take turns so drift hits all alike."""
    env = {**os.environ, "NO_COLOR": "1"}
    for command in commands:
        subprocess.run(command, check=True, capture_output=True, env=env)  # warm the caches
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for n, command in enumerate(commands):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=env)
            times[n].append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    # An installed wheel has its bytecode compiled by pip; an editable checkout under
    # PYTHONDONTWRITEBYTECODE would otherwise recompile every module on every run.
    compileall.compile_dir(str(ROOT / "ganxian_cli"), quiet=1)
    py = sys.executable
    cases = [
        (
            "baseline: import typer, pydantic, tomllib",
            [py, "-c", "import typer, pydantic, tomllib"],
            None,
        ),
        ("baseline + rich.table", [py, "-c", "import typer, pydantic, tomllib, rich.table"], None),
        (
            "floor: baseline + one 1-field pydantic model",
            [py, "-c", "import typer, pydantic, tomllib\nclass M(pydantic.BaseModel): x: int"],
            0,
        ),
        (
            "ganxian report --format json",
            [py, "-m", "ganxian_cli", "report", "--data", DATA, "--format", "json"],
            0,
        ),
        ("ganxian report (table)", [py, "-m", "ganxian_cli", "report", "--data", DATA], 1),
        ("ganxian validate", [py, "-m", "ganxian_cli", "validate", DATA], 0),
    ]
    results = medians([command for _label, command, _base in cases], runs)
    baselines = [
        seconds for (_l, _c, base), seconds in zip(cases, results, strict=True) if base is None
    ]
    print(f"median of {runs} runs each, commands interleaved")
    for (label, _command, base), seconds in zip(cases, results, strict=True):
        line = f"{label:45s} {seconds * 1000:7.1f} ms"
        if base is not None:
            line += f"  {seconds / baselines[base]:.2f}x baseline{' + rich' * base}"
        print(line)


if __name__ == "__main__":
    main()
