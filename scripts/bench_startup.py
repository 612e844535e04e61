"""Start-up benchmark: ganxian commands against bare imports, timed in the same go.

Usage: python scripts/bench_startup.py [--runs N]

Prints the median wall time of each command over N runs (default 11) and its ratio to the
baseline `python -c "import typer, pydantic, tomllib"` (plus `import rich.table` for the
table view). The goal is a ratio of at most 1.3 for both.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = str(ROOT / "data" / "indicators.toml")


def median_seconds(command: list[str], runs: int) -> float:
    env = {**os.environ, "NO_COLOR": "1"}
    subprocess.run(command, check=True, capture_output=True, env=env)  # warm the file cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    runs = parser.parse_args().runs
    py = sys.executable
    cases = [
        (
            "baseline: import typer, pydantic, tomllib",
            [py, "-c", "import typer, pydantic, tomllib"],
            None,
        ),
        ("baseline + rich.table", [py, "-c", "import typer, pydantic, tomllib, rich.table"], None),
        (
            "ganxian report --format json",
            [py, "-m", "ganxian_cli", "report", "--data", DATA, "--format", "json"],
            0,
        ),
        ("ganxian report (table)", [py, "-m", "ganxian_cli", "report", "--data", DATA], 1),
        ("ganxian validate", [py, "-m", "ganxian_cli", "validate", DATA], 0),
    ]
    baselines: list[float] = []
    for label, command, base in cases:
        seconds = median_seconds(command, runs)
        if base is None:
            baselines.append(seconds)
            print(f"{label:45s} {seconds * 1000:7.1f} ms")
        else:
            ratio = seconds / baselines[base]
            print(f"{label:45s} {seconds * 1000:7.1f} ms  {ratio:.2f}x baseline{' + rich' * base}")


if __name__ == "__main__":
    main()
