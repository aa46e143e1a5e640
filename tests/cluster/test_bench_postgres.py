"""Benchmark 8 runs end to end at toy sizes and its correctness checks hold (timing is
never asserted here: ``make bench`` measures it)."""

from __future__ import annotations

import math

import pytest

from bench import postgres


@pytest.mark.postgres
def test_the_postgres_benchmark_runs_every_part() -> None:
    config = postgres.PostgresConfig(
        turns=20,
        warmup=5,
        tokens=20,
        channels=8,
        seconds=1.0,
        stories=20,
        story_tokens=10,
        story_interval=0.002,
        instances=2,
    )
    section = postgres.run(config)
    assert section.correct, section.checks
    assert len(section.checks) == 4
    for row in section.rows:
        assert math.isfinite(row.value)
        assert row.value > 0, row
    assert section.details["throughput"]["postgres_2"][0]["turns"] > 0
