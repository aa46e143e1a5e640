"""Run the benchmarks, print the table, write bench/results.json.

The exit status is 1 only when a correctness check fails (order lost, text
lost, calls too close); a missed speed goal shows as NO in the table but does
not fail the run, because speed depends on the machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench import (
    adapter_overhead,
    concurrency,
    delivery,
    e2e,
    flatness,
    overhead,
    postgres,
    startup,
    story_quality,
)
from bench.report import RESULTS_PATH, Section, machine, table, write_json

BENCHMARKS: dict[str, Callable[[], Section]] = {
    "overhead": overhead.run,
    "flatness": flatness.run,
    "concurrency": concurrency.run,
    "delivery": delivery.run,
    "adapter_overhead": adapter_overhead.run,
    "startup": startup.run,
    "postgres": postgres.run,
    "e2e": e2e.run,
    "story_quality": story_quality.run,
}
"""The soak (five minutes) runs on its own: ``make soak`` or ``python -m bench.soak``."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--only",
        action="append",
        choices=sorted(BENCHMARKS),
        help="run just this benchmark (repeatable)",
    )
    parser.add_argument("--json", type=Path, default=RESULTS_PATH, help="where to write results")
    args = parser.parse_args(argv)
    names = args.only or list(BENCHMARKS)
    info = machine()
    started = time.perf_counter()
    sections: list[Section] = []
    for name in names:
        sys.stderr.write(f"bench: {name}...\n")
        begun = time.perf_counter()
        sections.append(BENCHMARKS[name]())
        sys.stderr.write(f"bench: {name} took {time.perf_counter() - begun:.1f} s\n")
    seconds = time.perf_counter() - started
    write_json(sections, info, seconds, args.json)
    sys.stdout.write(table(sections, info))
    sys.stdout.write(f"\n{seconds:.0f} s in all; results in {args.json}\n")
    return 0 if all(section.correct for section in sections) else 1


if __name__ == "__main__":
    sys.exit(main())
