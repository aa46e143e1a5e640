"""Which language a page is in, and the words its scripts show, translated on the server.

A page follows the player's pick (``?lang=de``, kept in a cookie) and otherwise the
browser's ``Accept-Language``, else ``i18n.default``. Templates are rendered by a Jinja
environment per language with that catalog installed (``jinja2.ext.i18n``); scripts
get their words in a JSON block in the page (:data:`SCRIPT_WORDS`, ``{name}``
placeholders filled in the browser), so no English is written in a ``.js`` file and
the CSP's ban on inline scripts stays (a JSON block is data, never run).
"""

from __future__ import annotations

from functools import cache

import jinja2
from aiohttp import web

from bot.i18n import N_, accepted, choose, supported, translator

LANGUAGE_COOKIE = "storybot_lang"
LANGUAGE_QUERY = "lang"

SCRIPT_WORDS: dict[str, str] = {
    "connected": N_("Connected."),
    "writing": N_("Writing…"),
    "signed_out": N_("Signed out. Sign in again to go on."),
    "reconnecting": N_("Connection lost; reconnecting…"),
    "not_connected": N_("Not connected yet; try again in a moment."),
    "choices": N_("Choices"),
    "a_file": N_("A file: "),
    "never": N_("never"),
}
"""What play.js and common.js show, by name; every page carries them in its language."""

CONSOLE_WORDS: dict[str, str] = {
    "pages": N_("Pages"),
    "shown": N_("{first}–{last} of {total}"),
    "previous": N_("Previous"),
    "next": N_("Next"),
    "no_story": N_("(no story)"),
    "channel": N_("Channel"),
    "current_story": N_("Current story"),
    "parts": N_("Parts"),
    "players": N_("Players"),
    "last_activity": N_("Last activity"),
    "delete_prompt_of": N_("Delete prompt {id} of {channel}?"),
    "prompt_deleted": N_("Prompt deleted."),
    "delete": N_("Delete"),
    "edit": N_("Edit"),
    "save": N_("Save"),
    "cancel": N_("Cancel"),
    "prompt_text": N_("Prompt text"),
    "prompt_saved": N_("Prompt saved."),
    "edit_prompt_n": N_("Edit prompt {id}"),
    "prompt_added": N_("Prompt added."),
    "new_channel_prompt": N_("New prompt for this channel"),
    "add_prompt": N_("Add prompt"),
    "forget_question": N_("Forget everything stored for {channel}? This cannot be undone."),
    "forget_channel": N_("Forget this channel"),
    "story_of_the_day_at": N_("Story of the day at {time} {timezone}"),
    "stories": N_("Stories"),
    "story": N_("Story"),
    "premise": N_("Premise"),
    "status": N_("Status"),
    "last_played": N_("Last played"),
    "prompts": N_("Prompts"),
    "branch_n": N_("branch {id}"),
    "after_part": N_("after part {n}"),
    "part_n": N_("Part {n}"),
    "story_title": N_("Story {id}: {premise}"),
    "story_facts": N_("{channel} · {status} · parts: {parts}"),
    "branch_fact": N_(" · branch {id}"),
    "download_markdown": N_("Download as Markdown"),
    "as_twine": N_("as Twine"),
    "branch": N_("Branch"),
    "made_by": N_("Made by"),
    "forks": N_("Forks"),
    "opening": N_("Opening"),
    "later_parts": N_("Later parts"),
    "earlier_parts": N_("Earlier parts"),
    "delete_prompt_n": N_("Delete prompt {id}"),
    "delete_the_prompt": N_("Delete the prompt “{text}”?"),
    "feed": N_("Feed"),
    "last_fetched": N_("Last fetched"),
    "last_error": N_("Last error"),
    "none": N_("none"),
    "no_feeds": N_("No feeds are configured."),
    "at": N_("At"),
    "failures": N_("Failures"),
    "enabled": N_("Enabled"),
    "last_run": N_("Last run"),
    "yes": N_("yes"),
    "no": N_("no"),
    "stop_question": N_("Stop the story of the day in {channel}?"),
    "stopped": N_("Stopped."),
    "stop": N_("Stop"),
    "no_subscriptions": N_("No channel has a story of the day."),
    "budget": N_("Daily budget per channel: {tokens} tokens."),
    "no_budget": N_("No daily budget per channel."),
    "day": N_("Day"),
    "requests": N_("Requests"),
    "tokens": N_("Tokens"),
    "of_budget": N_("Of budget"),
    "turns_per_minute": N_("Turns per minute"),
    "llm_latency": N_("LLM latency, s"),
    "queue_depth": N_("Queue depth"),
    "errors_per_minute": N_("Platform errors per minute"),
    "open_sockets": N_("Open WebSockets"),
    "player": N_("Player"),
    "created": N_("Created"),
    "state": N_("State"),
    "revoked": N_("revoked"),
    "open": N_("open"),
    "revoke_question": N_("Revoke {name}'s invite? They are signed out at once."),
    "invite_revoked": N_("Invite revoked."),
    "revoke": N_("Revoke"),
    "invite_created": N_("Invite created; copy the link now, it is shown once."),
}
"""What console.js shows, by name; the console page carries them besides the others."""


def page_language(request: web.Request, default: str | None = None) -> str:
    """The language to show ``request``'s page in: the player's pick, else the browser's."""
    picked = supported(request.query.get(LANGUAGE_QUERY)) or supported(
        request.cookies.get(LANGUAGE_COOKIE)
    )
    if picked is not None:
        return picked
    return choose(*accepted(request.headers.get("Accept-Language", "")), default=default or "en")


def picked(request: web.Request) -> str | None:
    """A language the player just picked with ``?lang=``, to keep in the cookie."""
    return supported(request.query.get(LANGUAGE_QUERY))


def script_words(language: str, *, console: bool = False) -> dict[str, str]:
    """The scripts' words in ``language`` (with the console's, for the console page)."""
    words = translator(language).gettext
    wanted = SCRIPT_WORDS | CONSOLE_WORDS if console else SCRIPT_WORDS
    return {name: words(message) for name, message in wanted.items()}


@cache
def templates(language: str) -> jinja2.Environment:
    """The pages' templates with ``language``'s catalog installed: ``_()`` and
    ``{% trans %}`` in them speak it (one environment per language, made once)."""
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("adapters.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
    )
    environment.install_gettext_translations(translator(language), newstyle=True)  # type: ignore[attr-defined]
    environment.policies["ext.i18n.trimmed"] = True
    return environment
