"""The deployment files for several instances: the compose ``scale`` profile, its
Prometheus and Grafana, and the systemd template unit ``storybot@.service``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.ops.test_packaging import analyze, needs_systemd_analyze, unit_directives

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "systemd" / "storybot@.service"
SINGLE = ROOT / "systemd" / "storybot.service"


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    document = yaml.safe_load((ROOT / "compose.yaml").read_text())
    assert isinstance(document, dict)
    return document


def test_the_scale_profile_runs_two_instances_on_postgres(compose: dict[str, Any]) -> None:
    services = compose["services"]
    scale = {name for name, s in services.items() if "scale" in s.get("profiles", [])}
    assert scale == {"storybot-2", "postgres", "prometheus", "grafana"}
    first, second = services["storybot"], services["storybot-2"]
    assert first["depends_on"]["postgres"] == {"condition": "service_healthy", "required": False}
    assert second["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert second["env_file"] == first["env_file"], "one configuration: the same bot"
    names = {s["environment"]["STORYBOT_DATABASE__INSTANCE"] for s in (first, second)}
    assert names == {"storybot-1", "storybot-2"}
    ports = [p for s in (first, second) for p in s["ports"]]
    assert all(p.startswith("127.0.0.1:") for p in ports)
    assert len({p.split(":")[1] for p in ports}) == 2
    for name in ("postgres", "prometheus", "grafana"):
        assert ":latest" not in services[name]["image"], "pin a version"
    assert {"postgres-data", "prometheus-data"} <= set(compose["volumes"])


def test_prometheus_scrapes_both_instances_and_grafana_shows_the_dashboard(
    compose: dict[str, Any],
) -> None:
    prometheus = yaml.safe_load((ROOT / "config/prometheus/prometheus.yml").read_text())
    (job,) = prometheus["scrape_configs"]
    assert job["job_name"] == "storybot", "the alerts select job=storybot"
    assert job["static_configs"][0]["targets"] == ["storybot:8080", "storybot-2:8080"]
    assert not job.get("honor_labels"), "the scheduler's job label must not replace the job"
    assert prometheus["rule_files"] == ["alerts.yml"]
    mounts = compose["services"]["prometheus"]["volumes"]
    assert "./config/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro" in mounts
    grafana = compose["services"]["grafana"]["volumes"]
    provider = yaml.safe_load(
        (ROOT / "config/grafana/provisioning/dashboards/storybot.yml").read_text()
    )
    folder = provider["providers"][0]["options"]["path"]
    assert any(m.endswith(f"{folder}/storybot.json:ro") for m in grafana)
    source = yaml.safe_load(
        (ROOT / "config/grafana/provisioning/datasources/prometheus.yml").read_text()
    )
    assert source["datasources"][0]["url"] == "http://prometheus:9090"


def test_the_template_unit_is_the_single_unit_per_instance_without_local_state() -> None:
    template = unit_directives(TEMPLATE.read_text())
    single = unit_directives(SINGLE.read_text())
    assert "Service.StateDirectory" not in template, "no local state: it is all in PostgreSQL"
    assert "STORYBOT_DATABASE__INSTANCE=%H-%i" in template["Service.Environment"]
    assert template["Service.EnvironmentFile"] == [
        "-/etc/storybot/storybot.env",
        "/etc/storybot/instance-%i.env",
    ]
    same = {
        key: value
        for key, value in single.items()
        if key.startswith("Service.")
        and key not in ("Service.StateDirectory", "Service.StateDirectoryMode")
        and key not in ("Service.Environment", "Service.EnvironmentFile")
    }
    assert {key: template.get(key) for key in same} == same


@needs_systemd_analyze
def test_the_template_unit_verifies_and_is_as_hardened(tmp_path: Path) -> None:
    installed = tmp_path / "storybot@1.service"
    installed.write_text(
        TEMPLATE.read_text().replace(
            "ExecStart=/opt/storybot/venv/bin/storybot run", f"ExecStart={sys.executable} -V"
        )
    )
    done = analyze("verify", "--no-pager", installed)
    assert (done.returncode, done.stdout + done.stderr) == (0, "")
    done = analyze("security", "--offline=yes", "--threshold=15", "--no-pager", installed)
    assert "Overall exposure level for storybot@1.service: 1.1" in done.stdout
