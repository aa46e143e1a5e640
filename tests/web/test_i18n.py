"""The web pages follow ``Accept-Language`` unless the player picked a language: a plain
HTTP test against a real ``storybot run``, and one in headless Chromium with its locale set."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import httpx
import pytest
from playwright.async_api import async_playwright, expect

from adapters.web.words import CONSOLE_WORDS, LANGUAGE_COOKIE, SCRIPT_WORDS, script_words, templates
from bot.i18n import LANGUAGES, translator
from tests.i18n_catalogs import needs_catalogs, translated
from tests.web.conftest import Running, signed_in

CHROMIUM = Path("/usr/bin/chromium")
JAPANESE_FIRST = "ja,en;q=0.5"
WORDS = re.compile(r'<script type="application/json" id="words">(.*?)</script>', re.S)


def page_lang(page: str) -> str:
    found = re.search(r'<html lang="([^"]+)">', page)
    assert found is not None
    return found.group(1)


def page_words(page: str) -> dict[str, str]:
    found = WORDS.search(page)
    assert found is not None
    return dict(json.loads(found.group(1)))


async def test_a_language_nobody_speaks_gets_the_default(running: Running) -> None:
    async with httpx.AsyncClient(base_url=running.url) as client:
        page = (await client.get("/web/", headers={"Accept-Language": "xx-YY, zz"})).text
    assert page_lang(page) == "en"
    assert "Operator password" in page
    assert page_words(page) == SCRIPT_WORDS  # the scripts' words travel in the page
    assert page_words(page)["connected"] == "Connected."


@needs_catalogs("ja")
async def test_accept_language_makes_the_page_japanese(running: Running) -> None:
    translated("ja", "Operator password", SCRIPT_WORDS["connected"])
    async with httpx.AsyncClient(base_url=running.url) as client:
        answer = await client.get("/web/", headers={"Accept-Language": JAPANESE_FIRST})
    page = answer.text
    japanese = translator("ja").gettext
    assert page_lang(page) == "ja"
    assert html.escape(japanese("Operator password"), quote=False) in page
    assert japanese("Operator password") != "Operator password"
    assert page_words(page)["connected"] == japanese("Connected.")
    assert LANGUAGE_COOKIE not in answer.cookies  # following the browser is no pick


@needs_catalogs("de", "ja")
async def test_the_players_pick_wins_over_the_browser_and_is_kept(running: Running) -> None:
    headers = {"Accept-Language": JAPANESE_FIRST}
    async with httpx.AsyncClient(base_url=running.url) as client:
        picked = await client.get("/web/?lang=de", headers=headers)
        assert page_lang(picked.text) == "de"
        assert picked.cookies.get(LANGUAGE_COOKIE) == "de"
        later = await client.get("/web/", headers=headers)  # the cookie goes along
        assert page_lang(later.text) == "de"


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (.ci/run installs it)")
@needs_catalogs("ja")
async def test_a_japanese_browser_plays_in_japanese(running: Running) -> None:
    translated("ja", "Your name in the story", "Play", SCRIPT_WORDS["connected"], "Continue")
    japanese = translator("ja").gettext
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            context = await browser.new_context(locale="ja-JP")
            page = await context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            await page.goto(running.url + "/web/")
            assert await page.get_attribute("html", "lang") == "ja"
            await page.get_by_label(japanese("Your name in the story")).fill("Ada")
            await page.get_by_role("button", name=japanese("Play"), exact=True).click()
            await expect(page.locator("#status")).to_have_text(japanese("Connected."))
            await expect(page.get_by_role("button", name=japanese("Continue"))).to_be_visible()
            assert errors == []
        finally:
            await browser.close()


STATIC = Path(__file__).resolve().parents[2] / "adapters" / "web" / "static"


def test_every_word_a_script_asks_for_is_one_the_server_sends() -> None:
    """A name missing from the server's lists would show as the bare name, untranslated."""
    known = SCRIPT_WORDS | CONSOLE_WORDS
    for script in sorted(STATIC.glob("*.js")):
        asked = set(re.findall(r'\bt\("(\w+)"', script.read_text()))
        assert asked <= set(known), (script.name, asked - set(known))
    used = {
        name
        for script in STATIC.glob("*.js")
        for name in re.findall(r'\bt\("(\w+)"', script.read_text())
    }
    assert set(known) <= used  # and none is sent for nothing


def test_no_script_writes_a_sentence_of_its_own() -> None:
    """Quoted text starting with a capital and a lower-case letter is an English word
    shown to someone; the scripts have none (headers like Content-Type aside)."""
    allowed = {"Content-Type", "Enter", "Accept"}
    for script in sorted(STATIC.glob("*.js")):
        code = "\n".join(
            line for line in script.read_text().splitlines() if not line.strip().startswith("//")
        )
        quoted = re.findall(r'["`]([A-Z][a-z][^"`]*)["`]', code)
        assert [q for q in quoted if q not in allowed] == [], script.name


async def test_the_console_page_carries_the_console_s_words(running: Running) -> None:
    async with signed_in(running) as client:
        page = (await client.get("/web/console")).text
    assert page_words(page) == SCRIPT_WORDS | CONSOLE_WORDS


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_renders_in_every_language(language: str) -> None:
    """A translation with a placeholder the page does not have, or broken markup in a
    ``{% trans %}`` block, fails here rather than for a player."""
    values = {
        "form_token": "t", "session": None, "csrf": "", "access": "open", "error": "",
        "language": language, "languages": [(code, code) for code in LANGUAGES],
        "words": script_words(language, console=True), "name": "<Ada & Bo>", "token": "x",
        "room": "den", "channel": "web:u", "title": "Sorry", "text": "<b>",
    }  # fmt: skip
    for template in ("landing.html", "join.html", "play.html", "console.html", "message.html"):
        page = templates(language).get_template(template).render(**values)
        assert page_lang(page) == language
        assert "<Ada" not in page  # values are escaped inside translated sentences too
        assert "&lt;Ada &amp; Bo&gt;" in page or template != "join.html"
