"""Every benchmark runs end to end at toy sizes and its correctness checks hold.

Timing is never asserted: these prove the benchmarks measure what they claim
(turns stored, order kept, text whole, calls spaced), so ``make bench`` cannot
silently report numbers from a broken run.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from bench import concurrency, delivery, flatness, overhead
from bench.report import Row, Section, percentile, table, write_json
from bench.seed import fold_cycle


def _numbers_are_real(section: Section) -> None:
    assert section.rows
    for row in section.rows:
        assert math.isfinite(row.value), row
        assert row.value >= 0, row


def test_overhead_runs_turns_and_the_floor() -> None:
    section = overhead.run(overhead.OverheadConfig(turns=20, warmup=5, tokens=20))
    assert section.checks == {"every turn answered and stored its part": True}
    _numbers_are_real(section)
    assert set(section.details["ms"]) == set(overhead.VARIANTS)
    assert all(row.baseline is not None for row in section.rows)


def test_flatness_compares_small_and_large_databases() -> None:
    config = flatness.FlatnessConfig(
        large_parts=300, small_channels=2, large_channels=40, turns=20, warmup=2
    )
    section = flatness.run(config)
    assert section.correct, section.checks
    _numbers_are_real(section)
    ratios = [row for row in section.rows if row.metric.startswith("p99 ratio")]
    assert [row.metric for row in ratios] == ["p99 ratio, parts", "p99 ratio, channels"]


def test_fold_cycle_is_a_real_range() -> None:
    cycle = fold_cycle()
    assert len(cycle) >= 1
    assert cycle.start >= 1


def test_concurrency_keeps_order_and_reports_both_sides() -> None:
    config = concurrency.ConcurrencyConfig(
        channels=20,
        tokens=10,
        interval=0.002,
        edit_interval=0.01,
        ordered_channels=5,
        ordered_turns=3,
        ordered_tokens=5,
    )
    section = concurrency.run(config)
    assert section.checks == {
        "bare streams complete": True,
        "every reply shown whole": True,
        "every part stored": True,
        "turns delivered in order per channel": True,
        "turns stored in order per channel": True,
    }
    _numbers_are_real(section)
    assert section.details["engine"]["peak_rss_mb"] > 0
    assert section.details["baseline"]["peak_rss_mb"] > 0


def test_delivery_splits_spaces_and_delivers_whole() -> None:
    config = delivery.DeliveryConfig(
        tokens=150, token_interval=0.001, interval_scale=0.01, length_scale=0.02
    )
    section = delivery.run(config)
    assert section.correct, section.checks
    _numbers_are_real(section)
    platforms = section.details["platforms"]
    assert set(platforms) == {platform.name for platform in delivery.PLATFORMS}
    for result in platforms.values():
        assert result["messages"] > 1  # the small limits forced splitting
        assert result["calls"] < config.tokens


def test_percentile_is_nearest_rank() -> None:
    samples = list(range(1, 101))
    assert percentile(samples, 50) == 50
    assert percentile(samples, 99) == 99
    assert percentile([7], 99) == 7


def test_table_and_json_show_every_row_and_check(tmp_path: Path) -> None:
    section = Section("demo", "Demo")
    section.rows.append(Row("turn p50", 1.5, "ms", 0.2, "floor", "<= 1 ms", False))
    section.checks["order kept"] = True
    info = {"nproc": 2, "cpu": "Test CPU", "python": "3.11", "implementation": "CPython",
            "platform": "Linux", "loadavg": [0.1, 0.2, 0.3]}  # fmt: skip
    text = table([section], info)
    assert "turn p50" in text
    assert "| NO" in text
    assert "check: order kept" in text
    target = tmp_path / "results.json"
    write_json([section], info, 1.0, target)
    payload = json.loads(target.read_text())
    assert payload["sections"][0]["rows"][0]["ok"] is False
    assert payload["sections"][0]["checks"] == {"order kept": True}


def test_every_benchmark_section_is_named_as_it_is_run() -> None:
    """One name per benchmark: the ``--only`` key is the table's and the JSON's name."""
    import inspect

    import bench.__main__ as runner

    for key, run in runner.BENCHMARKS.items():
        source = inspect.getsource(inspect.getmodule(run))  # type: ignore[arg-type]
        assert f'"{key}"' in source, f"{key}'s section is named differently"
