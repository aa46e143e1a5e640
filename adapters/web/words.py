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
    "connecting": N_("Connecting…"),
    "connected": N_("Connected."),
    "writing": N_("Writing…"),
    "signed_out": N_("Signed out. Sign in again to go on."),
    "reconnecting": N_("Connection lost; reconnecting…"),
    "not_connected": N_("Not connected yet; try again in a moment."),
    "choices": N_("Choices"),
    "a_file": N_("A file: "),
    "never": N_("never"),
}
"""What play.js and common.js show, by name; the page carries them in its language."""


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


def script_words(language: str) -> dict[str, str]:
    words = translator(language).gettext
    return {name: words(message) for name, message in SCRIPT_WORDS.items()}


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
