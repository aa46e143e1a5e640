"""The console's API over stories written on a platform: channels, a story and its
branches, exports, usage, subscriptions and forgetting, each in the core's own words."""

from __future__ import annotations

from bot.commands import Command, Parsed
from bot.identity import ChannelKey, Sender
from bot.types import Final, Request, manages
from tests.web.conftest import Running, signed_in

CHANNEL = ChannelKey.of("test", "room-7")


async def play(live: Running, text: str = "", command: Parsed | None = None) -> Final:
    """A turn in a test channel, as any platform would hand it to the engine."""
    request = Request(CHANNEL, Sender("u1", "Ada"), text, command=command, may_manage=manages)
    final = None
    async for event in live.service.app.engine.handle(request):
        if isinstance(event, Final):
            final = event
    assert final is not None
    return final


async def test_a_story_its_branches_and_exports(running: Running) -> None:
    await play(running, "a heron who keeps a lighthouse")
    await play(running, "continue the fog rolls in")
    await play(running, command=Parsed(Command.RETRY))  # the replaced part becomes a branch
    async with signed_in(running) as client:
        channels = (await client.get("/api/v1/channels")).json()
        assert channels["total"] == 1
        summary = channels["items"][0]
        assert summary["key"] == "test:room-7"
        assert summary["parts"] == 2
        detail = (await client.get("/api/v1/channels/test:room-7")).json()
        story_id = detail["stories"][0]["id"]
        assert "genre:" in detail["settings"]
        story = (await client.get(f"/api/v1/stories/{story_id}")).json()
        assert story["premise"] == "a heron who keeps a lighthouse"
        [branch] = story["branches"]
        assert branch["kind"] == "retry"
        parts = (await client.get(f"/api/v1/stories/{story_id}/parts?limit=1")).json()
        assert parts["total"] == 2
        assert [p["seq"] for p in parts["items"]] == [1]
        alternative = await client.get(f"/api/v1/stories/{story_id}/branches/{branch['id']}/parts")
        assert alternative.json()["items"][-1]["direction"] == "the fog rolls in"
        assert (
            await client.get(f"/api/v1/stories/{story_id}/branches/999/parts")
        ).status_code == 404
        markdown = await client.get(f"/api/v1/stories/{story_id}/export")
        assert markdown.headers["content-type"].startswith("text/markdown")
        assert markdown.text.startswith("# a heron who keeps a lighthouse")
        twine = await client.get(f"/api/v1/stories/{story_id}/export?format=twine")
        assert ":: StoryData" in twine.text
        usage = (await client.get("/api/v1/usage?days=1")).json()
        assert [row["channel"] for row in usage["items"]] == ["test:room-7"]
        assert usage["items"][0]["requests"] == 3


async def test_channel_prompts_follow_the_librarys_rules(running: Running) -> None:
    await play(running, "a heron who keeps a lighthouse")
    async with signed_in(running) as client:
        path = "/api/v1/channels/test:room-7/prompts"
        made = await client.post(path, json={"text": "a map that redraws itself"})
        assert made.status_code == 201
        too_long = await client.post(path, json={"text": "x" * 600})
        assert too_long.status_code == 400
        assert "the limit is 500" in too_long.json()["detail"]
        listed = (await client.get(path)).json()["items"]
        assert [p["text"] for p in listed] == ["a map that redraws itself"]
        assert (await client.delete(f"{path}/{listed[0]['id']}")).status_code == 204
        assert (await client.delete(f"{path}/{listed[0]['id']}")).status_code == 404
        unknown = await client.post("/api/v1/channels/test:nowhere/prompts", json={"text": "hi"})
        assert unknown.status_code == 404


async def test_prompts_are_edited_in_place_under_the_same_rules(running: Running) -> None:
    await play(running, "a heron who keeps a lighthouse")
    async with signed_in(running) as client:
        path = "/api/v1/channels/test:room-7/prompts"
        made = (await client.post(path, json={"text": "a map"})).json()
        edited = await client.put(f"{path}/{made['id']}", json={"text": "a map that redraws"})
        assert edited.status_code == 200
        assert edited.json() == {**made, "text": "a map that redraws"}
        assert [p["text"] for p in (await client.get(path)).json()["items"]] == [
            "a map that redraws"
        ]
        too_long = await client.put(f"{path}/{made['id']}", json={"text": "x" * 600})
        assert too_long.status_code == 400
        assert (await client.put(f"{path}/999", json={"text": "hi"})).status_code == 404
        pooled = (await client.post("/api/v1/prompts", json={"text": "a fox"})).json()
        other = (await client.post("/api/v1/prompts", json={"text": "a crane"})).json()
        assert (await client.put(f"{path}/{pooled['id']}", json={"text": "x"})).status_code == 404
        renamed = await client.put(f"/api/v1/prompts/{pooled['id']}", json={"text": "a red fox"})
        assert renamed.json()["text"] == "a red fox"
        taken = await client.put(f"/api/v1/prompts/{other['id']}", json={"text": "a red fox"})
        assert taken.status_code == 409
        assert taken.json()["detail"] == "The shared pool has that prompt already."
        pool = (await client.get("/api/v1/prompts")).json()["pool"]["items"]
        assert [p["text"] for p in pool] == ["a red fox", "a crane"]


async def test_a_subscription_stops_and_a_channel_is_forgotten(running: Running) -> None:
    await play(running, "a heron who keeps a lighthouse")
    assert "09:00" in (await play(running, "subscribe 09:00 Europe/Berlin")).text
    async with signed_in(running) as client:
        subs = (await client.get("/api/v1/subscriptions")).json()["items"]
        assert [(s["channel"], s["timezone"]) for s in subs] == [("test:room-7", "Europe/Berlin")]
        stopped = await client.delete("/api/v1/subscriptions/test:room-7")
        assert stopped.status_code == 200
        assert "stopped" in stopped.json()["message"]
        assert (await client.get("/api/v1/subscriptions")).json()["items"] == []
        forgotten = await client.delete("/api/v1/channels/test:room-7")
        assert forgotten.json()["message"].startswith("Forgotten.")
        assert (await client.get("/api/v1/channels/test:room-7")).status_code == 404
        assert (await client.get("/api/v1/channels")).json()["total"] == 0
