"""Results shared by every benchmark: rows, checks, the table and the JSON file.

Each figure is reported next to its baseline from the same run, so a reader can
tell the engine's cost from the machine's speed; checks record the correctness
facts a benchmark proved along the way (order kept, nothing lost).
"""

from __future__ import annotations

import json
import math
import os
import platform
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

RESULTS_PATH = Path(__file__).with_name("results.json")


@dataclass(frozen=True, slots=True)
class Row:
    """One figure, its baseline and its goal. ``ok`` is None when there is no goal."""

    metric: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_label: str = ""
    goal: str = ""
    ok: bool | None = None


@dataclass(slots=True)
class Section:
    """What one benchmark found."""

    name: str
    title: str
    rows: list[Row] = field(default_factory=list)
    checks: dict[str, bool] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def correct(self) -> bool:
        """Every correctness check passed (timing goals are not part of this)."""
        return all(self.checks.values())

    @property
    def goals_met(self) -> bool:
        return all(row.ok is not False for row in self.rows)


def percentile(samples: Sequence[float], p: float) -> float:
    """Nearest-rank percentile: a value that was actually measured."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def machine() -> dict[str, Any]:
    """What the numbers were measured on; they mean little without it."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor()
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "loadavg": [round(load, 2) for load in os.getloadavg()],
    }


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if float(value).is_integer() and abs(value) >= 10:
        text = f"{int(value):,}"
    elif abs(value) >= 100:
        text = f"{value:,.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.3g}"
    return f"{text} {unit}".rstrip()


def _verdict(ok: bool | None) -> str:
    return "-" if ok is None else ("yes" if ok else "NO")


def table(sections: Sequence[Section], info: dict[str, Any]) -> str:
    """A plain-text table, one line per figure and per check."""
    header = ("benchmark", "metric", "value", "baseline", "goal", "met")
    lines: list[tuple[str, ...]] = []
    for section in sections:
        for row in section.rows:
            baseline = _number(row.baseline, row.unit)
            if row.baseline_label:
                baseline = f"{baseline} ({row.baseline_label})"
            lines.append(
                (
                    section.name,
                    row.metric,
                    _number(row.value, row.unit),
                    baseline,
                    row.goal or "-",
                    _verdict(row.ok),
                )
            )
        for check, ok in section.checks.items():
            lines.append((section.name, f"check: {check}", "", "", "", _verdict(ok)))
    widths = [max(len(r[i]) for r in [header, *lines]) for i in range(len(header))]

    def fmt(cells: tuple[str, ...]) -> str:
        return " | ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))

    out = [
        f"Machine: {info['nproc']} CPUs, {info['cpu']}, "
        f"{info['implementation']} {info['python']}, {info['platform']}, "
        f"load average at start {info.get('loadavg', '?')}",
        "",
        fmt(header),
        "-+-".join("-" * width for width in widths),
    ]
    out += [fmt(line).rstrip() for line in lines]
    return "\n".join(out) + "\n"


def write_json(
    sections: Sequence[Section], info: dict[str, Any], seconds: float, path: Path = RESULTS_PATH
) -> None:
    """Everything measured, for RESULTS.md and for comparing runs."""
    payload = {
        "machine": info,
        "seconds": round(seconds, 1),
        "sections": [
            {
                "name": section.name,
                "title": section.title,
                "rows": [asdict(row) for row in section.rows],
                "checks": section.checks,
                "details": section.details,
            }
            for section in sections
        ],
    }
    path.write_text(json.dumps(payload, indent=2) + "\n")
