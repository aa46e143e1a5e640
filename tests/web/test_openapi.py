"""The OpenAPI document is valid 3.1, and the API keeps its promises under fuzzing."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.strategies import SearchStrategy
from openapi_spec_validator import validate
from schemathesis import GenerationMode
from schemathesis import checks as sc
from schemathesis.core.result import Ok

from adapters.web.openapi import document
from adapters.web.operations import OPERATIONS
from tests.web.conftest import HASHED, PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def test_the_document_is_valid_openapi_3_1() -> None:
    spec = document(OPERATIONS)
    validate(spec)
    assert spec["openapi"] == "3.1.0"
    ids = [op["operationId"] for path in spec["paths"].values() for op in path.values()]
    assert len(ids) == len(set(ids)) == len(OPERATIONS)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def live_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    """``storybot run`` in its own process with only the web platform, signed in."""
    folder = tmp_path_factory.mktemp("fuzz")
    port = free_port()
    env = {
        **os.environ,
        "STORYBOT_DATABASE_PATH": str(folder / "fuzz.db"),
        "STORYBOT_HTTP__PORT": str(port),
        "STORYBOT_WEB__ENABLED": "true",
        "STORYBOT_WEB__PASSWORD_HASH": HASHED,
        "STORYBOT_WEB__SIGNIN_ATTEMPTS": "1000",
        "STORYBOT_OFFLINE__CHUNK_DELAY": "0",
    }
    log = (folder / "storybot.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"], env=env, cwd=ROOT, stdout=log, stderr=log
    )
    url = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=url) as client:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    if client.get("/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                time.sleep(0.1)
            signed = client.post("/api/v1/session", json={"password": PASSWORD})
            assert signed.status_code == 200, signed.text
            headers = {
                "Cookie": signed.headers["set-cookie"].split(";")[0],
                "X-CSRF-Token": signed.json()["csrf_token"],
            }
            client.post("/api/v1/prompts", json={"text": "a door in the sea"}, headers=headers)
        yield url, headers
    finally:
        process.terminate()
        try:
            code = process.wait(25)
        except subprocess.TimeoutExpired:
            process.kill()
            code = process.wait()
        log.close()
        assert code == 0, (folder / "storybot.log").read_text()[-3000:]


def fuzz(strategy: SearchStrategy[Any], checks: list[Any], headers: dict[str, str]) -> None:
    """Call the API with up to a dozen generated cases, each checked against the document."""

    @given(case=strategy)
    @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
    def call(case: schemathesis.Case) -> None:
        case.call_and_validate(headers=headers, checks=checks)

    call()


def test_the_api_answers_as_documented(live_api: tuple[str, dict[str, str]]) -> None:
    """Every operation, with generated valid and invalid inputs, signed in as the operator:
    no 500s, only documented statuses, content types and bodies, and invalid input
    refused. Bounded examples."""
    url, headers = live_api
    schema = schemathesis.openapi.from_url(url + "/api/v1/openapi.json")
    schema.config.update(base_url=url)
    # The session rides in the headers given below; generated cookies would only fight it.
    schema.config.generation.update(with_security_parameters=False)
    # A body over the API's 64 KB is refused as 413 Content Too Large, as documented.
    rejection = schema.config.checks.negative_data_rejection
    rejection.expected_statuses = [*rejection.expected_statuses, "413"]
    checks = [
        sc.not_a_server_error,
        sc.status_code_conformance,
        sc.content_type_conformance,
        sc.response_schema_conformance,
    ]
    tried = 0
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), result
        operation = result.ok()
        if operation.definition.raw.get("operationId") == "signOut":
            continue  # it would end the fuzzer's own session halfway

        fuzz(operation.as_strategy(), checks, headers)
        raw = operation.definition.raw
        if raw.get("parameters") or raw.get("requestBody"):  # something to get wrong
            negative = operation.as_strategy(generation_mode=GenerationMode.NEGATIVE)
            fuzz(negative, [*checks, sc.negative_data_rejection], headers)
        tried += 1
    assert tried == len(OPERATIONS) - 1
    metrics = httpx.get(url + "/metrics").text
    counted = [
        float(line.rsplit(" ", 1)[1])
        for line in metrics.splitlines()
        if line.startswith("storybot_api_requests_total{")
    ]
    assert sum(counted) > 5 * tried  # the fuzzer really called every operation, many times
    assert 'status="500"' not in metrics
