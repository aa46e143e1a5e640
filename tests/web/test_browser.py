"""The browser side in a real headless Chromium (Debian's, driven by Playwright), against
a real ``storybot run``: sign-in, the console, playing alone and in a room, security.

Screenshots go to ``artifacts/web/`` (ignored by git) for a person to look at.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser, Page, WebSocket, async_playwright, expect

from bot.identity import ChannelKey
from tests.fakes.telegram_api import FakeTelegram, message
from tests.web.conftest import PASSWORD, Running, signed_in, start, web_settings

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "web"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium (.ci/run installs it)"
)
SLOW = {"offline": {"chunk_delay": 0.01, "seed": 7}}
"""The offline storyteller at a pace where streaming can be seen."""


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=ARGS
        )
        try:
            yield launched
        finally:
            await launched.close()


def page_errors(page: Page) -> list[str]:
    """Script errors and console errors (a CSP violation is one) the page meets."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda note: errors.append(note.text) if note.type == "error" else None)
    return errors


async def sign_in(page: Page, live: Running, password: str = PASSWORD) -> None:
    await page.goto(live.url + "/web/")
    await page.get_by_label("Operator password").fill(password)
    await page.get_by_role("button", name="Sign in").click()


def story_frames(page: Page) -> list[dict[str, Any]]:
    """Every event the page's WebSockets receive, as they arrive."""
    frames: list[dict[str, Any]] = []

    def watch(socket: WebSocket) -> None:
        socket.on("framereceived", lambda payload: frames.append(json.loads(payload)))

    page.on("websocket", watch)
    return frames


async def add_pool_prompt(page: Page, text: str) -> None:
    """On the console's Prompts tab, add ``text`` to the shared pool with the form."""
    await page.get_by_role("link", name="Prompts").click()
    await page.get_by_label("New prompt for the shared pool").fill(text)
    await page.get_by_role("button", name="Add prompt").click()


async def test_sign_in_then_add_and_delete_a_prompt_with_toasts(
    running: Running, browser: Browser
) -> None:
    page = await browser.new_page()
    errors = page_errors(page)
    await sign_in(page, running)
    await expect(page).to_have_url(re.compile(r"/web/console$"))
    await add_pool_prompt(page, "A <b>bold</b> heron & a map")
    await expect(page.locator(".toast", has_text="Prompt added.")).to_be_visible()
    item = page.locator("#pool li", has_text="A <b>bold</b> heron & a map")
    await expect(item).to_be_visible()  # shown as the text typed, markup and all
    assert await page.locator("#pool b").count() == 0
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / "console-prompts.png"), full_page=True)
    await item.get_by_role("button", name="Delete").click()
    await page.get_by_role("button", name="Yes, do it").click()
    await expect(page.locator(".toast", has_text="Prompt deleted.")).to_be_visible()
    await expect(item).to_have_count(0)
    assert (ARTIFACTS / "console-prompts.png").stat().st_size > 10_000
    await page.get_by_role("link", name="Live").click()
    await expect(page.locator("#charts figure")).to_have_count(5)
    assert errors == []  # no script error, no CSP violation


@pytest.mark.parametrize("running", [SLOW], indirect=True)
async def test_a_story_streams_and_a_choice_can_be_pressed(
    running: Running, browser: Browser
) -> None:
    page = await browser.new_page(viewport={"width": 390, "height": 844}, color_scheme="dark")
    frames = story_frames(page)
    errors = page_errors(page)
    await sign_in(page, running)
    await page.goto(running.url + "/web/play")
    await expect(page.locator("#status")).to_have_text("Connected.")
    await page.get_by_label(re.compile("Your move")).fill("a fox who collects <i>keys</i>")
    await page.get_by_role("button", name="Send").click()
    choices = page.locator("#log li.message .choices button")
    await expect(choices.first).to_be_visible(timeout=15_000)
    first = next(f for f in frames if f["type"] == "message")
    edits = [f for f in frames if f["type"] == "edit" and f["id"] == first["id"]]
    assert len(edits) >= 3, "the story arrived in one piece instead of streaming"
    assert len(first["text"]) < len(edits[-1]["text"])
    await expect(
        page.locator("#log li.said", has_text="a fox who collects <i>keys</i>")
    ).to_be_visible()
    assert await page.locator("#log i").count() == 0
    await page.screenshot(path=str(ARTIFACTS / "play-phone.png"), full_page=True)
    label = await choices.first.inner_text()
    await choices.first.click()
    await expect(page.locator("#log li.said", has_text="chose option 1")).to_be_visible()
    await expect(page.locator("#log li.message", has_text=f"You chose: {label}")).to_be_visible(
        timeout=15_000
    )
    await page.get_by_text("World book", exact=True).click()  # a panel's form writes the command
    await page.get_by_label("Name").fill("Juniper")
    await page.get_by_label("Description").fill("a fox with a brass key")
    await page.get_by_role("button", name="Add entry").click()
    said = page.locator("#log li.said", has_text="/story world add Juniper: a fox with a brass key")
    await expect(said).to_be_visible()
    await expect(page.locator("#log li.message", has_text="Juniper").last).to_be_visible()
    background = await page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(22, 23, 26)"  # the dark scheme, as the phone asked
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing wider than the phone
    assert errors == []


@pytest.mark.parametrize("running", [SLOW], indirect=True)
async def test_two_browsers_in_one_room_see_each_others_turns(
    running: Running, browser: Browser
) -> None:
    ada = await (await browser.new_context()).new_page()
    bob = await (await browser.new_context()).new_page()
    await sign_in(ada, running)
    await bob.goto(running.url + "/web/")
    await bob.get_by_label("Your name in the story").fill("Bob")
    await bob.get_by_role("button", name="Play").click()
    for page in (ada, bob):
        await page.goto(running.url + "/web/play?room=lobby")
        await expect(page.locator("#status")).to_have_text("Connected.")
    await ada.get_by_label(re.compile("Your move")).fill("a lighthouse that walks")
    await ada.get_by_role("button", name="Send").click()
    for page in (ada, bob):
        await expect(
            page.locator("#log li.said", has_text="a lighthouse that walks")
        ).to_be_visible()
        await expect(page.locator("#log li.message .choices button").first).to_be_visible(
            timeout=15_000
        )
    await bob.get_by_label(re.compile("Your move")).fill("the keeper wakes up")
    await bob.get_by_role("button", name="Send").click()
    await expect(ada.locator("#log li.said", has_text="Bob:")).to_contain_text(
        "the keeper wakes up"
    )
    await expect(ada.locator("#log li.message")).to_have_count(2, timeout=15_000)
    await ada.screenshot(path=str(ARTIFACTS / "room.png"), full_page=True)


async def test_a_prompt_is_edited_in_place_and_a_cancel_changes_nothing(
    running: Running, browser: Browser
) -> None:
    page = await browser.new_page()
    errors = page_errors(page)
    await sign_in(page, running)
    await add_pool_prompt(page, "a heron with a map")
    item = page.locator("#pool li").first  # the only one: its text leaves it while edited
    await expect(item).to_contain_text("a heron with a map")
    await item.get_by_role("button", name="Edit").click()
    await item.get_by_label("Prompt text").fill("nothing kept")
    await item.get_by_role("button", name="Cancel").click()
    await expect(item).to_contain_text("a heron with a map")
    await item.get_by_role("button", name="Edit").click()
    field = item.get_by_label("Prompt text")
    await expect(field).to_have_value("a heron with a map")
    await field.fill("a heron with a map that redraws itself")
    await item.get_by_role("button", name="Save").click()
    await expect(page.locator(".toast", has_text="Prompt saved.")).to_be_visible()
    await expect(item).to_contain_text("a heron with a map that redraws itself")
    pool = await (await page.request.get(running.url + "/api/v1/prompts")).json()
    assert [p["text"] for p in pool["pool"]["items"]] == ["a heron with a map that redraws itself"]
    assert errors == []


async def test_a_page_that_reconnects_gets_what_it_missed(
    running: Running, browser: Browser
) -> None:
    page = await browser.new_page()
    await sign_in(page, running)
    await page.goto(running.url + "/web/play?room=attic")
    await expect(page.locator("#status")).to_have_text("Connected.")
    room = running.web.rooms.get(ChannelKey.of("web", "room", "attic"))
    assert room is not None
    for listener in list(room.listeners):
        await listener.socket.close(code=1012, message=b"restart")  # the connection drops
    room.publish({"type": "said", "who": "Zed", "text": "said while you were away"})
    await expect(page.locator("#log li.said", has_text="said while you were away")).to_be_visible(
        timeout=10_000
    )
    await expect(page.locator("#status")).to_have_text("Connected.")


async def test_the_console_reads_a_telegram_channels_story(
    tmp_path: Path, browser: Browser
) -> None:
    async with FakeTelegram() as tg:
        settings = web_settings(
            tmp_path,
            telegram={
                "token": "123:abc",
                "api_base_url": tg.base_url,
                "file_base_url": tg.file_base_url,
            },
        )
        live = await start(settings)
        try:
            await tg.inject(message("/story a clockmaker who hears the future"))
            await tg.wait_for(
                lambda: (
                    any(c.params.get("reply_markup") for c in tg.of("editMessageText"))
                    or any(c.params.get("reply_markup") for c in tg.of("sendMessage"))
                ),
                what="the story with its choice buttons",
                within=20,
            )
            page = await browser.new_page()
            await sign_in(page, live)
            await page.get_by_role("link", name="telegram:111").click()
            await expect(page.locator("#channel-detail h2")).to_have_text("telegram:111")
            await page.locator("#channel-detail a", has_text="#").first.click()
            view = page.locator("#story-view")
            await expect(view.locator("h2")).to_contain_text("a clockmaker who hears the future")
            await expect(view.locator("article").first).not_to_be_empty()
            await page.screenshot(path=str(ARTIFACTS / "console-story.png"), full_page=True)
            await page.get_by_role("button", name="Forget this channel").click()
            await expect(page.locator("#confirm-text")).to_contain_text("telegram:111")
            await page.get_by_role("button", name="Yes, do it").click()
            await expect(page.locator(".toast", has_text="Forgotten.")).to_be_visible()
            await expect(page.locator("#channel-list")).to_contain_text("0–0 of 0")
        finally:
            live.stop.set()
            await asyncio.wait_for(live.task, 20)


async def test_a_state_change_without_the_csrf_token_is_refused(
    running: Running, browser: Browser
) -> None:
    page = await browser.new_page()
    await sign_in(page, running)
    status = await page.evaluate(
        """async () => (await fetch('/api/v1/prompts', {method: 'POST',
            headers: {'Content-Type': 'application/json'}, body: '{"text": "sneaky"}'})).status"""
    )
    assert status == 403
    signed_out = await page.evaluate(
        "async () => (await fetch('/web/signout', {method: 'POST'})).status"
    )
    assert signed_out == 403
    pool = await (await page.request.get(running.url + "/api/v1/prompts")).json()
    assert pool["pool"]["items"] == []


async def test_an_idle_session_ends_on_the_injected_clock(
    running: Running, browser: Browser
) -> None:
    now = [10_000.0]
    running.web.sessions.clock = lambda: now[0]
    page = await browser.new_page()
    await sign_in(page, running)
    await expect(page).to_have_url(re.compile(r"/web/console$"))
    now[0] += 59 * 60
    await page.reload()
    await expect(page).to_have_url(re.compile(r"/web/console$"))
    now[0] += 61 * 60
    await page.reload()
    await expect(page).to_have_url(re.compile(r"/web/$"))
    await expect(page.get_by_label("Operator password")).to_be_visible()


async def test_wrong_passwords_are_rate_limited(running: Running, browser: Browser) -> None:
    page = await browser.new_page()
    for _ in range(5):
        await sign_in(page, running, "not the password")
        await expect(page.get_by_role("alert")).to_have_text("That password is not right.")
    await sign_in(page, running)  # the right one, too soon
    await expect(page.get_by_role("alert")).to_contain_text("Too many wrong passwords")
    await page.screenshot(path=str(ARTIFACTS / "sign-in-limited.png"))


async def test_long_lists_come_in_pages(running: Running, browser: Browser) -> None:
    async with signed_in(running) as client:
        for n in range(55):
            made = await client.post("/api/v1/prompts", json={"text": f"prompt number {n}"})
            assert made.status_code == 201
    page = await browser.new_page()
    await sign_in(page, running)
    await page.get_by_role("link", name="Prompts").click()
    await expect(page.locator("#pool li")).to_have_count(50)
    await expect(page.locator("#pool-pages")).to_contain_text("1–50 of 55")
    await page.locator("#pool-pages").get_by_role("button", name="Next").click()
    await expect(page.locator("#pool li")).to_have_count(5)
    await expect(page.locator("#pool-pages")).to_contain_text("51–55 of 55")
    await expect(page.locator("#pool li").first).to_contain_text("prompt number 50")
