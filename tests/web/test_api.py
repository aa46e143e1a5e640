"""The JSON API against a real service: sign-in, CSRF, problems, CORS, limits, secrets."""

from __future__ import annotations

import httpx
import pytest

from tests.web.conftest import HASHED, PASSWORD, Running, signed_in

PROBLEM = "application/problem+json"


async def test_nothing_but_the_document_without_a_session(running: Running) -> None:
    async with httpx.AsyncClient(base_url=running.url) as client:
        assert (await client.get("/api/v1/openapi.json")).status_code == 200
        answer = await client.get("/api/v1/channels")
        assert answer.status_code == 401
        assert answer.headers["content-type"].startswith(PROBLEM)
        problem = answer.json()
        assert problem["status"] == 401
        assert problem["title"] == "Unauthorized"
        assert "Sign in" in problem["detail"]
        assert "default-src 'none'" in answer.headers["content-security-policy"]


async def test_a_state_change_without_the_csrf_token_is_refused(running: Running) -> None:
    async with signed_in(running) as client:
        token = client.headers.pop("X-CSRF-Token")
        refused = await client.post("/api/v1/prompts", json={"text": "a quiet storm"})
        assert refused.status_code == 403
        assert "CSRF" in refused.json()["detail"]
        wrong = await client.post(
            "/api/v1/prompts", json={"text": "a quiet storm"}, headers={"X-CSRF-Token": "nope"}
        )
        assert wrong.status_code == 403
        other_site = await client.post(
            "/api/v1/prompts",
            json={"text": "a quiet storm"},
            headers={"X-CSRF-Token": token, "Origin": "https://evil.example"},
        )
        assert other_site.status_code == 403
        made = await client.post(
            "/api/v1/prompts", json={"text": "a quiet storm"}, headers={"X-CSRF-Token": token}
        )
        assert made.status_code == 201
        pool = (await client.get("/api/v1/prompts")).json()["pool"]["items"]
        assert [p["text"] for p in pool] == ["a quiet storm"]


async def test_wrong_passwords_are_rate_limited_per_address(running: Running) -> None:
    async with httpx.AsyncClient(base_url=running.url) as client:
        for _ in range(5):
            wrong = await client.post("/api/v1/session", json={"password": "guess"})
            assert wrong.status_code == 401
        held = await client.post("/api/v1/session", json={"password": PASSWORD})
        assert held.status_code == 429  # even the right one, until the window passes
        assert int(held.headers["Retry-After"]) > 0


async def test_bodies_are_checked_and_answered_as_problems(running: Running) -> None:
    async with signed_in(running) as client:
        not_json = await client.post(
            "/api/v1/prompts", content=b"text", headers={"Content-Type": "text/plain"}
        )
        assert not_json.status_code == 415
        empty = await client.post("/api/v1/prompts", json={"text": ""})
        assert empty.status_code == 400
        assert "text" in empty.json()["detail"]
        extra = await client.post("/api/v1/prompts", json={"text": "x", "admin": True})
        assert extra.status_code == 400
        huge = await client.post("/api/v1/prompts", json={"text": "x" * 70_000})
        assert huge.status_code == 413
        missing = await client.get("/api/v1/stories/99")
        assert missing.status_code == 404
        assert missing.json()["detail"] == "There is no story 99."
        silly = await client.get("/api/v1/stories/99999999999999999999999")
        assert silly.status_code == 404
        page = await client.get("/api/v1/channels?limit=1000")
        assert page.status_code == 400
        assert "limit" in page.json()["detail"]


async def test_cors_is_off_unless_origins_are_listed(running: Running) -> None:
    async with httpx.AsyncClient(base_url=running.url) as client:
        headers = {"Origin": "https://app.example", "Access-Control-Request-Method": "GET"}
        assert (await client.options("/api/v1/channels", headers=headers)).status_code == 403
        answer = await client.get("/api/v1/openapi.json", headers={"Origin": "https://app.example"})
        assert "access-control-allow-origin" not in answer.headers


@pytest.mark.parametrize(
    "running", [{"web": {"cors_origins": "https://app.example"}}], indirect=True
)
async def test_listed_origins_get_cors(running: Running) -> None:
    async with httpx.AsyncClient(base_url=running.url) as client:
        headers = {"Origin": "https://app.example", "Access-Control-Request-Method": "POST"}
        preflight = await client.options("/api/v1/prompts", headers=headers)
        assert preflight.status_code == 204
        assert "X-CSRF-Token" in preflight.headers["access-control-allow-headers"]
        answer = await client.get("/api/v1/openapi.json", headers={"Origin": "https://app.example"})
        assert answer.headers["access-control-allow-origin"] == "https://app.example"


async def test_an_idle_session_expires_on_the_injected_clock(running: Running) -> None:
    now = [5000.0]
    running.web.sessions.clock = lambda: now[0]
    async with signed_in(running) as client:
        now[0] += 59 * 60
        assert (await client.get("/api/v1/channels")).status_code == 200
        now[0] += 60 * 60
        expired = await client.get("/api/v1/channels")
        assert expired.status_code == 401
        assert (await client.get("/web/console", follow_redirects=False)).status_code == 303


async def test_no_secret_in_any_page_or_answer(running: Running) -> None:
    async with signed_in(running) as client:
        texts = [
            (await client.get(path)).text
            for path in (
                "/web/",
                "/web/console",
                "/web/play",
                "/api/v1/openapi.json",
                "/api/v1/channels",
            )
        ]
        texts.append((await client.get("/metrics")).text)
    for text in texts:
        assert HASHED not in text
        assert PASSWORD not in text


async def test_signing_out_ends_the_session(running: Running) -> None:
    async with signed_in(running) as client:
        assert (await client.delete("/api/v1/session")).status_code == 204
        assert (await client.get("/api/v1/session")).status_code == 401
        metrics = (await client.get("/metrics")).text
    assert 'storybot_api_requests_total{route="/api/v1/session",status="204"} 1.0' in metrics
    assert "storybot_web_sessions 0.0" in metrics
