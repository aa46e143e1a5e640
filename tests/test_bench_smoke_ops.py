"""The operations benchmarks run end to end at tiny sizes and prove what they claim to.

Only correctness is asserted (every update answered, every adapter connected,
every soak request replied to, the JSON written); never how fast anything was.
The start-up and soak runs each start ``storybot run`` in a child process
(imports, then the Discord adapter's wait for the guild list), so this file
takes seconds, not milliseconds.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench import adapter_overhead, e2e, soak, startup


def _read(path: Path) -> dict[str, Any]:
    payload = json.loads(path.read_text())
    (section,) = payload["sections"]
    assert payload["machine"]["nproc"] >= 1
    return dict(section)


def _rows(section: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["metric"]: row for row in section["rows"]}


def test_adapter_overhead_answers_every_update_on_both_sides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "overhead.json"

    status = adapter_overhead.main(["--samples", "3", "--warmup", "1", "--json", str(out)])

    section = _read(out)
    assert status == 0
    assert section["checks"]
    assert all(section["checks"].values())
    stats = section["details"]["stats_ms"]
    assert {name: figures["samples"] for name, figures in stats.items()} == {
        "echo": 3,
        "storybot": 3,
        "storybot-new": 3,
    }
    rows = _rows(section)
    continued = rows["p50 update -> first sendMessage, continue (DM text)"]
    assert continued["value"] > 0
    assert continued["baseline"] == stats["echo"]["p50"]
    assert "p50 difference to echo, new story (/story)" in rows
    assert "adapter_overhead" in capsys.readouterr().out


def test_startup_reaches_ready_with_all_three_adapters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "startup.json"
    args = ["--runs", "1", "--warmup", "0", "--idle", "0.2", "--no-checkout-way", "--no-pycache"]

    status = startup.main([*args, "--json", str(out)])

    section = _read(out)
    assert status == 0
    assert section["checks"] == {
        "all three adapters connected before /readyz said ready": True,
        "SIGTERM stops it with exit status 0": True,
        "no ERROR log lines": True,
    }
    rows = _rows(section)
    ready = rows["start-up: exec -> /readyz 200 (median)"]
    assert ready["value"] > 0
    assert ready["baseline"] > 0
    idle = rows["idle RSS after 0.2 s (median)"]
    assert idle["value"] > rows["bare interpreter RSS"]["value"]  # the child's own memory
    (run,) = section["details"]["runs"]
    assert {"telegram connected", "slack connected", "discord connected"} <= set(run["timeline_s"])
    assert "median timeline" in capsys.readouterr().out


def test_soak_gets_a_reply_to_every_request_on_every_platform(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "soak.json"
    args = ["--minutes", "0.025", "--warmup", "0.3", "--rate", "6", "--channels", "2"]
    args += ["--chunk-delay", "0", "--interval", "0.02", "--reply-timeout", "20"]

    soak.main([*args, "--json", str(out)])

    section = _read(out)
    rows = _rows(section)
    sent = rows["requests sent"]["value"]
    assert sent > 0
    assert rows["replies completed"]["value"] == sent
    assert rows["missing replies"]["value"] == 0
    details = section["details"]
    assert details["errors"] == []
    assert section["checks"]["every request got its reply"]
    assert section["checks"]["SIGTERM stops it with exit status 0"]
    platforms = {kind.split()[0] for kind, counts in details["by_kind"].items() if counts["ok"]}
    assert platforms == {"telegram", "slack", "discord"}
    assert rows["RSS after warm-up"]["value"] > 0
    assert capsys.readouterr().out.rstrip().endswith(("PASS", "FAIL"))


def test_e2e_answers_every_chat_through_storybot_and_the_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "e2e.json"
    args = ["--chats", "4", "--rounds", "1", "--warmup", "1", "--words", "30", "--seconds", "0.3"]

    status = e2e.main([*args, "--quiet-wait", "0", "--json", str(out)])

    section = _read(out)
    assert status == 0
    assert section["checks"] == {
        "4: every chat shows the whole story, both sides": True,
        "4: one LLM request per story, none cut": True,
        "4: no errors logged, clean exit": True,
    }
    runs = {run["side"]: run for run in section["details"]["runs"]}
    assert set(runs) == {"floor", "storybot"}
    for run in runs.values():
        assert run["shown"] == run["whole"] == 4
        assert run["calls"]["sendMessage"] == 4  # one message per chat, then edits
        assert run["pacing_violations"] == 0
        assert run["cpu_s"] > 0
        assert run["rss_mb"] > 0
        assert 0.3 <= run["wall_s"] < 30  # no story can be shown before it is written
    rows = _rows(section)
    assert rows["4 chats: CPU per story, ratio to floor"]["goal"] == "<= 1.5x floor"
    assert rows["4 chats: LLM retries, worst round"]["value"] == 0
    assert rows["4 chats: peak RSS (median)"]["value"] > 0
    assert "e2e" in capsys.readouterr().out  # the table names the section as --only does


def test_the_floor_runs_with_the_process_tuning_storybot_has() -> None:
    from bench import e2e_floor
    from bot.app import GC_YOUNG

    assert e2e_floor.GC_YOUNG == GC_YOUNG
