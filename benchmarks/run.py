"""Run every benchmark and print one table: `python -m benchmarks.run [name ...]`.

Each module benchmarks/bench_*.py has `run() -> list[(name, value, unit)]`. Benchmarks measure; they do
not pass or fail (timing checks do not belong in the test suite).
"""

from __future__ import annotations

import importlib
import os
import platform
import sys
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")  # the offscreen plugin warns on every window


def print_table(rows: list[tuple[str, float, str]]) -> None:
    width = max((len(r[0]) for r in rows), default=10)
    for name, value, unit in rows:
        shown = f"{value:,.3f}" if unit == "x" else f"{value:,.1f}"
        print(f"  {name:<{width}}  {shown:>12} {unit}")


def main(argv: list[str]) -> int:
    names = argv or sorted(p.stem.removeprefix("bench_") for p in Path(__file__).parent.glob("bench_*.py"))
    print(f"SPP Desktop benchmarks: Python {platform.python_version()}, {platform.machine()}, "
          f"{os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M')}")
    failed = 0
    for name in names:
        print(f"\n{name}")
        started = time.perf_counter()
        try:
            module = importlib.import_module(f"benchmarks.bench_{name}")
            print_table(module.run())
        except Exception:  # one broken benchmark must not hide the others
            failed += 1
            traceback.print_exc()
        print(f"  ({time.perf_counter() - started:.1f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
