"""Who may play: invites made in the console, used in a browser, and revoked."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.web.conftest import Running, signed_in

FORM_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.mark.parametrize("running", [{"web": {"access": "invite"}}], indirect=True)
async def test_an_invited_player_plays_until_the_invite_is_revoked(running: Running) -> None:
    async with signed_in(running) as operator:
        made = await operator.post("/api/v1/invites", json={"name": "Mira <3"})
        assert made.status_code == 201
        invite, link = made.json()["invite"], made.json()["link"]
        assert link.startswith(running.url + "/web/join/")
        listed = (await operator.get("/api/v1/invites")).json()["items"]
        assert [i["name"] for i in listed] == ["Mira <3"]
        assert link.rsplit("/", 1)[1] not in (await operator.get("/api/v1/invites")).text
        async with httpx.AsyncClient(base_url=running.url) as player:
            page = await player.get(link)
            assert "Mira &lt;3" in page.text  # escaped in the page
            token = FORM_TOKEN.search(page.text)
            assert token is not None
            forged = await player.post(link, data={"csrf_token": "forged"})
            assert forged.status_code == 403
            joined = await player.post(link, data={"csrf_token": token.group(1)})
            assert joined.status_code == 303
            assert joined.headers["location"] == "/web/play"
            cookie = joined.headers["set-cookie"]
            assert "HttpOnly" in cookie
            assert "SameSite=Lax" in cookie
            assert (await player.get("/web/play")).status_code == 200
            assert (await player.get("/api/v1/channels")).status_code == 403  # not an operator
            revoked = await operator.delete(f"/api/v1/invites/{invite['id']}")
            assert revoked.status_code == 204
            assert (await player.get("/web/play")).status_code == 303  # signed out at once
            assert (await player.get(link)).status_code == 404


@pytest.mark.parametrize("running", [{"web": {"access": "operator"}}], indirect=True)
async def test_in_operator_mode_nobody_else_plays(running: Running) -> None:
    async with httpx.AsyncClient(base_url=running.url) as guest:
        page = await guest.get("/web/")
        token = FORM_TOKEN.search(page.text)
        assert token is not None
        refused = await guest.post("/web/guest", data={"csrf_token": token.group(1), "name": "X"})
        assert refused.status_code == 403
