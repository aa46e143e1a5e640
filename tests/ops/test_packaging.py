"""Static checks of the deployment files: Dockerfile, systemd unit, alerts, dashboard.

No Docker engine runs here or in CI, so the Dockerfile is checked as text (and its
health check is run for real against a local server). The unit is checked by
``systemd-analyze`` when the machine has it. PyYAML is not a dependency, so the
alert rules are read with a small loader for the YAML subset they use; when PyYAML
happens to be installed, both loaders must agree.
"""

from __future__ import annotations

import asyncio
import fnmatch
import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from aiohttp import web

from bot.cli import EXIT_CONFIG
from bot.credentials import PREFIX as CREDENTIAL_PREFIX

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
UNIT = ROOT / "systemd" / "storybot.service"
ALERTS = ROOT / "config" / "prometheus" / "alerts.yml"
DASHBOARD = ROOT / "config" / "grafana" / "storybot-dashboard.json"

# ---------------------------------------------------------------------------------------------
# Dockerfile


def instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with comments dropped and continuations joined."""
    joined = re.sub(
        r"\\\n",
        " ",
        "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#")),
    )
    result = []
    for line in joined.splitlines():
        if line.strip():
            keyword, _, rest = line.strip().partition(" ")
            result.append((keyword.upper(), rest.strip()))
    return result


def final_stage(steps: list[tuple[str, str]]) -> list[tuple[str, str]]:
    last_from = max(index for index, (keyword, _) in enumerate(steps) if keyword == "FROM")
    return steps[last_from:]


def env_pairs(steps: list[tuple[str, str]]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for keyword, rest in steps:
        if keyword == "ENV":
            pairs.update(re.findall(r"([A-Za-z_][A-Za-z0-9_]*)=(\S*)", rest))
    return pairs


def copy_sources(steps: list[tuple[str, str]]) -> list[str]:
    sources = []
    for keyword, rest in steps:
        if keyword in ("COPY", "ADD") and "--from=" not in rest:
            words = [word for word in rest.split() if not word.startswith("--")]
            sources.extend(words[:-1])
    return sources


@pytest.fixture(scope="module")
def docker_steps() -> list[tuple[str, str]]:
    return instructions(DOCKERFILE.read_text())


def test_images_are_slim_python(docker_steps: list[tuple[str, str]]) -> None:
    args = dict(
        re.findall(r"^(\w+)=(\S+)", rest)[0]
        for keyword, rest in docker_steps
        if keyword == "ARG" and "=" in rest
    )
    images = [
        re.sub(r"\$\{(\w+)\}", lambda m: args[m.group(1)], rest.split()[0])
        for keyword, rest in docker_steps
        if keyword == "FROM"
    ]
    assert len(images) >= 2, "a build stage and a runtime stage"
    for image in images:
        assert re.fullmatch(r"python:3\.(1[1-9])-slim(-\w+)?", image), image


def test_runs_as_an_unprivileged_user(docker_steps: list[tuple[str, str]]) -> None:
    users = [rest for keyword, rest in final_stage(docker_steps) if keyword == "USER"]
    assert users, "the runtime stage sets USER"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0")


def test_data_volume_and_environment(docker_steps: list[tuple[str, str]]) -> None:
    stage = final_stage(docker_steps)
    volumes = " ".join(rest for keyword, rest in stage if keyword == "VOLUME")
    assert '"/data"' in volumes or volumes.split() == ["/data"]
    env = env_pairs(stage)
    assert env["STORYBOT_DATABASE_PATH"] == "/data/storybot.db"
    assert env["STORYBOT_HTTP__HOST"] == "0.0.0.0"


def test_starts_storybot_run(docker_steps: list[tuple[str, str]]) -> None:
    stage = final_stage(docker_steps)
    entrypoint = [json.loads(rest) for keyword, rest in stage if keyword == "ENTRYPOINT"]
    command = [json.loads(rest) for keyword, rest in stage if keyword == "CMD"]
    assert (entrypoint[-1] if entrypoint else []) + command[-1] == ["storybot", "run"]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts["storybot"] == "bot.cli:main"


def test_no_secret_is_baked_in(docker_steps: list[tuple[str, str]]) -> None:
    secretish = re.compile(r"TOKEN|KEY|SECRET|PASSWORD", re.IGNORECASE)
    for keyword, rest in docker_steps:
        if keyword in ("ENV", "ARG"):
            names = re.findall(r"(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)(?==|\s|$)", rest)
            assert not [name for name in names if secretish.search(name)], rest
    # Nor anything shaped like a Slack, OpenAI or Telegram token anywhere in the file.
    assert not re.search(r"xox[abpr]-|sk-\w{8}|\b\d{6,}:[\w-]{30,}", DOCKERFILE.read_text())


def test_copied_files_exist_and_are_not_ignored(docker_steps: list[tuple[str, str]]) -> None:
    sources = copy_sources(docker_steps)
    assert sources
    patterns = [
        line.strip()
        for line in DOCKERIGNORE.read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]

    def ignored(path: str) -> bool:
        verdict = False
        for pattern in patterns:
            negated = pattern.startswith("!")
            bare = pattern.lstrip("!").removeprefix("**/")
            if fnmatch.fnmatch(path, bare) or fnmatch.fnmatch(Path(path).name, bare):
                verdict = not negated
        return verdict

    for source in sources:
        assert (ROOT / source).exists(), source
        assert not ignored(source), f"{source} is excluded by .dockerignore"
    # Every package pyproject.toml installs is in the image.
    includes = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "packages"
    ]["find"]["include"]
    for include in includes:
        assert include.rstrip("*") in sources, include


def test_dockerignore_keeps_local_state_out() -> None:
    lines = set(DOCKERIGNORE.read_text().splitlines())
    for needed in (".git", ".venv", "data", "**/*.db", ".pytest_cache", "**/.env"):
        assert needed in lines, needed


def healthcheck_code(steps: list[tuple[str, str]]) -> list[str]:
    checks = [rest for keyword, rest in final_stage(steps) if keyword == "HEALTHCHECK"]
    assert len(checks) == 1
    command = json.loads(checks[0].split(" CMD ", 1)[1])
    assert command[0] == "python", "slim images have no curl"
    return command


async def test_healthcheck_asks_healthz(docker_steps: list[tuple[str, str]]) -> None:
    """Run the image's health check against a local /healthz: 200 passes, 503 fails."""
    command = healthcheck_code(docker_steps)
    code = command[-1]
    assert "http://127.0.0.1:" in code
    assert "/healthz" in code
    assert "8080" in code
    status = {"code": 200}
    seen: list[str] = []

    async def healthz(request: web.Request) -> web.Response:
        seen.append(request.path)
        return web.json_response({"status": "ok"}, status=status["code"])

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        results = []
        for code_to_serve in (200, 503):
            status["code"] = code_to_serve
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                *command[1:],
                env={"STORYBOT_HTTP__PORT": str(port)},
                stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.DEVNULL,
            )
            results.append(await asyncio.wait_for(process.wait(), 30))
    finally:
        await runner.cleanup()
    assert seen == ["/healthz", "/healthz"]
    assert results[0] == 0
    assert results[1] != 0


# ---------------------------------------------------------------------------------------------
# systemd unit


def unit_directives(text: str) -> dict[str, list[str]]:
    """``Key`` -> every value it is given in [Service] (keys may repeat)."""
    values: dict[str, list[str]] = {}
    section = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        key, _, value = line.partition("=")
        values.setdefault(f"{section}.{key.strip()}", []).append(value.strip())
    return values


@pytest.fixture(scope="module")
def unit() -> dict[str, list[str]]:
    return unit_directives(UNIT.read_text())


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("Type", "notify"),
        ("NotifyAccess", "main"),
        ("DynamicUser", "yes"),
        ("StateDirectory", "storybot"),
        ("ExecStart", "/opt/storybot/venv/bin/storybot run"),
        ("Restart", "on-failure"),
        ("TimeoutStopSec", "30"),
        ("WatchdogSec", "30"),
        ("LimitNOFILE", "65536"),  # the default 1024 ran out under an attack
        ("EnvironmentFile", "-/etc/storybot/storybot.env"),
        ("RestartPreventExitStatus", str(EXIT_CONFIG)),
        ("NoNewPrivileges", "yes"),
        ("ProtectSystem", "strict"),
    ],
)
def test_unit_directive(unit: dict[str, list[str]], key: str, value: str) -> None:
    assert unit[f"Service.{key}"] == [value]


def test_unit_keeps_the_database_in_the_state_directory(unit: dict[str, list[str]]) -> None:
    environment = " ".join(unit["Service.Environment"]).split()
    assert "STORYBOT_DATABASE_PATH=%S/storybot/storybot.db" in environment


def test_unit_credentials_match_what_the_app_reads(unit: dict[str, list[str]]) -> None:
    """Credentials loaded from a directory are named ``<ID>_<file>``: the ID gives the prefix."""
    (credential,) = unit["Service.LoadCredential"]
    ident, _, path = credential.partition(":")
    assert ident + "_" == CREDENTIAL_PREFIX
    assert path.startswith("/etc/storybot/")


def test_unit_can_serve_and_reach_the_internet(unit: dict[str, list[str]]) -> None:
    families = set(" ".join(unit["Service.RestrictAddressFamilies"]).split())
    assert families == {"AF_INET", "AF_INET6", "AF_UNIX"}
    assert "yes" not in unit.get("Service.PrivateNetwork", [])
    assert not unit.get("Service.IPAddressDeny")
    # Left off on purpose: see the comment in the unit.
    assert "yes" not in unit.get("Service.MemoryDenyWriteExecute", [])


SYSTEMD_ANALYZE = shutil.which("systemd-analyze")
needs_systemd_analyze = pytest.mark.skipif(
    SYSTEMD_ANALYZE is None, reason="systemd-analyze is not installed on this machine"
)


def analyze(*args: str | Path) -> subprocess.CompletedProcess[str]:
    assert SYSTEMD_ANALYZE is not None
    done = subprocess.run(
        [SYSTEMD_ANALYZE, *map(str, args)], capture_output=True, text=True, timeout=60, check=False
    )
    if "unrecognized option" in done.stderr:
        pytest.skip(f"this systemd-analyze is too old: {done.stderr.strip()}")
    return done


@needs_systemd_analyze
def test_unit_exposure_is_at_most_1_5() -> None:
    done = analyze("security", "--offline=yes", "--threshold=15", "--no-pager", UNIT)
    match = re.search(r"Overall exposure level for storybot\.service: (\d+\.\d+)", done.stdout)
    assert match, done.stdout + done.stderr
    assert float(match.group(1)) <= 1.5
    assert done.returncode == 0, done.stderr


@needs_systemd_analyze
def test_unit_verifies(tmp_path: Path) -> None:
    """Only the not-yet-installed ExecStart may be reported; with a real binary, nothing."""
    done = analyze("verify", "--no-pager", UNIT)
    complaints = [
        line
        for line in (done.stdout + done.stderr).splitlines()
        if line.strip() and "Command /opt/storybot/venv/bin/storybot is not executable" not in line
    ]
    assert complaints == []
    installed = tmp_path / "storybot.service"
    installed.write_text(
        UNIT.read_text().replace(
            "ExecStart=/opt/storybot/venv/bin/storybot run", f"ExecStart={sys.executable} -V"
        )
    )
    done = analyze("verify", "--no-pager", installed)
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


# ---------------------------------------------------------------------------------------------
# Prometheus rules and Grafana dashboard

COUNTERS = {
    "storybot_requests_total": {"platform", "command", "outcome"},
    "storybot_llm_requests_total": {"provider", "outcome"},
    "storybot_llm_tokens_total": {"provider", "kind"},
    "storybot_platform_errors_total": {"platform", "kind"},
    "storybot_scheduler_runs_total": {"job", "outcome"},
    "storybot_votes_total": {"event"},
    "storybot_world_triggered_total": set(),
    "storybot_edits_total": set(),
    "storybot_branches_total": {"kind"},
    "storybot_imports_total": set(),
}
HISTOGRAMS = {
    "storybot_request_duration_seconds": {"platform", "command"},
    "storybot_llm_duration_seconds": {"provider"},
}
GAUGES = {
    "storybot_active_stories": set(),
    "storybot_queue_depth": set(),
    "storybot_llm_waiting": set(),
    "storybot_feed_prompts": set(),
    "storybot_http_connections": set(),
    "storybot_http_limited": {"kind"},
    "storybot_build_info": {"version"},
    "up": set(),
}
METRICS = {
    **COUNTERS,
    **GAUGES,
    **{f"{name}_sum": labels for name, labels in HISTOGRAMS.items()},
    **{f"{name}_count": labels for name, labels in HISTOGRAMS.items()},
    **{f"{name}_bucket": labels | {"le"} for name, labels in HISTOGRAMS.items()},
}
# Target labels Prometheus adds; the scheduler's own "job" becomes "exported_job".
TARGET_LABELS = {"job", "instance", "exported_job"}
MODIFIERS = r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)"
PROMQL_WORDS = {
    "and",
    "or",
    "unless",
    "bool",
    "offset",
    "by",
    "without",
    "on",
    "ignoring",
    "group_left",
    "group_right",
    "inf",
    "nan",
}


def promql_names(expr: str) -> tuple[set[str], set[str]]:
    """(metric names, label names) an expression uses; functions and keywords left out."""
    assert expr.count("(") == expr.count(")"), expr
    assert expr.count("{") == expr.count("}"), expr
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)
    matchers = " ".join(re.findall(r"\{[^}]*\}", text))
    labels = set(re.findall(r"([A-Za-z_]\w*)\s*(?:=~|!~|!=|=)", matchers))
    for group in re.findall(MODIFIERS, text):
        labels.update(label.strip() for label in group.split(",") if label.strip())
    text = re.sub(MODIFIERS, " ", text)
    text = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", text)
    names = {
        match.group(0)
        for match in re.finditer(r"(?<![\w.$])[A-Za-z_:][\w:]*(?!\w*\s*\()", text)
        if match.group(0).lower() not in PROMQL_WORDS
    }
    return names, labels


def check_expression(expr: str) -> set[str]:
    names, labels = promql_names(expr)
    unknown = names - METRICS.keys()
    assert not unknown, f"{sorted(unknown)} in {expr}"
    allowed = set().union(*(METRICS[name] for name in names)) | TARGET_LABELS
    assert labels <= allowed, f"{sorted(labels - allowed)} in {expr}"
    return names


def test_promql_names_reads_expressions() -> None:
    """The checker itself finds metrics and labels, and not functions or durations."""
    expr = (
        "histogram_quantile(0.95, sum by (le, platform) "
        '(rate(storybot_request_duration_seconds_bucket{instance=~"$i"}[$__rate_interval]))) '
        '> 1 and on() absent(up{job="x"}) unless storybot_bogus * 1e3'
    )
    names, labels = promql_names(expr)
    assert names == {"storybot_request_duration_seconds_bucket", "up", "storybot_bogus"}
    assert labels == {"le", "platform", "instance", "job"}
    with pytest.raises(AssertionError, match="storybot_bogus"):
        check_expression(expr)


def test_metric_list_matches_what_the_bot_exports() -> None:
    from bot.metrics import Metrics

    exported = dict(
        re.findall(r"^# TYPE (\S+) (\S+)$", Metrics().render().decode(), flags=re.MULTILINE)
    )
    expected = (
        {name: "counter" for name in COUNTERS}
        | {name: "histogram" for name in HISTOGRAMS}
        | {name: "gauge" for name in GAUGES if name != "up"}
    )
    assert {name: exported.get(name) for name in expected} == expected


@pytest.fixture(scope="module")
def alert_rules() -> list[dict[str, Any]]:
    document = yaml.safe_load(ALERTS.read_text())
    assert set(document) == {"groups"}
    rules = []
    for group in document["groups"]:
        assert set(group) == {"name", "rules"}
        rules.extend(group["rules"])
    return rules


def test_alert_rules_are_complete(alert_rules: list[dict[str, Any]]) -> None:
    names = [rule["alert"] for rule in alert_rules]
    assert len(names) == len(set(names))
    for rule in alert_rules:
        assert set(rule) == {"alert", "expr", "for", "labels", "annotations"}, rule["alert"]
        assert re.fullmatch(r"Storybot[A-Z]\w+", rule["alert"])
        assert re.fullmatch(r"\d+[smhd]", rule["for"]), rule["alert"]
        assert rule["labels"]["severity"] in {"critical", "warning", "info"}
        assert set(rule["annotations"]) == {"summary", "description"}
        assert all(rule["annotations"].values())


def test_alerts_use_only_exported_metrics(alert_rules: list[dict[str, Any]]) -> None:
    used: set[str] = set()
    for rule in alert_rules:
        used |= check_expression(rule["expr"])
    for name in (
        "up",
        "storybot_requests_total",
        "storybot_llm_requests_total",
        "storybot_queue_depth",
        "storybot_request_duration_seconds_bucket",
        "storybot_platform_errors_total",
        "storybot_scheduler_runs_total",
    ):
        assert name in used, f"no alert on {name}"


def test_alerts_cover_the_issue(alert_rules: list[dict[str, Any]]) -> None:
    names = {rule["alert"] for rule in alert_rules}
    assert {
        "StorybotDown",
        "StorybotHighErrorRatio",
        "StorybotLLMFailing",
        "StorybotLLMFallingBack",
        "StorybotQueueBuildingUp",
        "StorybotSlowReplies",
        "StorybotRateLimited",
        "StorybotSchedulerJobFailing",
    } <= names
    rate_limited = next(rule for rule in alert_rules if rule["alert"] == "StorybotRateLimited")
    assert 'kind="rate_limited"' in rate_limited["expr"]


@pytest.fixture(scope="module")
def dashboard() -> dict[str, Any]:
    return json.loads(DASHBOARD.read_text())


def test_dashboard_is_importable(dashboard: dict[str, Any]) -> None:
    assert dashboard["schemaVersion"] >= 36
    assert dashboard["id"] is None
    assert dashboard["uid"]
    assert dashboard["title"]
    variables = {variable["name"]: variable for variable in dashboard["templating"]["list"]}
    assert variables["datasource"]["type"] == "datasource"
    assert variables["datasource"]["query"] == "prometheus"
    ids = [panel["id"] for panel in dashboard["panels"]]
    assert len(ids) == len(set(ids))
    for panel in dashboard["panels"]:
        if panel["type"] != "row":
            assert panel["datasource"] == {"type": "prometheus", "uid": "${datasource}"}
            assert panel["targets"], panel["title"]


def test_dashboard_panels_do_not_overlap(dashboard: dict[str, Any]) -> None:
    taken: set[tuple[int, int]] = set()
    for panel in dashboard["panels"]:
        box = panel["gridPos"]
        assert box["x"] + box["w"] <= 24, panel["title"]
        cells = {
            (x, y)
            for x in range(box["x"], box["x"] + box["w"])
            for y in range(box["y"], box["y"] + box["h"])
        }
        assert not cells & taken, panel["title"]
        taken |= cells


def test_dashboard_uses_only_exported_metrics_and_shows_them_all(
    dashboard: dict[str, Any],
) -> None:
    used: set[str] = set()
    for panel in dashboard["panels"]:
        for target in panel.get("targets", []):
            used |= check_expression(target["expr"])
    for variable in dashboard["templating"]["list"]:
        if variable["type"] == "query":
            metric = re.fullmatch(r"label_values\((\w+), *(\w+)\)", variable["definition"])
            assert metric, variable["definition"]
            assert metric.group(1) in METRICS
    wanted = set(COUNTERS) | set(GAUGES) | {f"{name}_bucket" for name in HISTOGRAMS}
    assert wanted <= used, sorted(wanted - used)


# docker compose


COMPOSE = ROOT / "compose.yaml"
EXAMPLE_ENV = ROOT / "config" / "storybot.example.env"


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    document = yaml.safe_load(COMPOSE.read_text())
    assert isinstance(document, dict)
    return document


def test_compose_keeps_stories_in_a_named_volume(compose: dict[str, Any]) -> None:
    storybot = compose["services"]["storybot"]
    assert storybot["build"] == "."
    assert "storybot-data:/data" in storybot["volumes"]
    assert "storybot-data" in compose["volumes"]
    assert storybot["env_file"] == [{"path": ".env", "required": False}]
    assert all(port.startswith("127.0.0.1:") for port in storybot["ports"])
    assert "profiles" not in storybot, "docker compose up must start Storybot"


def test_compose_ollama_is_an_optional_profile_wired_by_the_example_env(
    compose: dict[str, Any],
) -> None:
    ollama = compose["services"]["ollama"]
    assert ollama["profiles"] == ["ollama"]
    assert ":" in ollama["image"], "pin a version"
    assert ":latest" not in ollama["image"], "pin a version"
    assert compose["services"]["storybot"]["depends_on"]["ollama"]["required"] is False
    wired = [line for line in EXAMPLE_ENV.read_text().splitlines() if "ollama:11434" in line]
    assert wired == ["#STORYBOT_LLM__BASE_URL=http://ollama:11434/v1"]


def test_every_variable_in_the_examples_and_compose_is_a_real_setting(
    compose: dict[str, Any],
) -> None:
    from bot.config import variable_names

    known = variable_names()
    named = set(re.findall(r"\b(STORYBOT_[A-Z0-9_]+)=", EXAMPLE_ENV.read_text()))
    for service in compose["services"].values():
        named |= {n for n in service.get("environment") or {} if n.startswith("STORYBOT_")}
    assert named
    assert named - known == set()


def test_local_secrets_stay_out_of_git_and_the_image() -> None:
    assert ".env" in (ROOT / ".gitignore").read_text().splitlines()
    assert "**/.env" in (ROOT / ".dockerignore").read_text().splitlines()
