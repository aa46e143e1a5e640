"""The browser's pages: server-rendered with Jinja2 (autoescaped), scripts only from
``/web/static`` (the CSP forbids inline ones), forms that work without JavaScript.

Signing in, joining with an invite and entering as a guest happen before there is
a session, so their forms carry a double-submit token (a cookie and a hidden
field that must match) against login CSRF; everything after carries the session's
own token. The console page is a shell: its data comes from the JSON API.

Every page is in the language :func:`adapters.web.words.page_language` picks for
its request, and so is every sentence a handler shows on one (marked ``N_`` here).
"""

from __future__ import annotations

import mimetypes
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from aiohttp import web

from adapters.web.guard import Attempts, Passwords, same
from adapters.web.play import channel_for
from adapters.web.sessions import Role, Session, SessionsFull
from adapters.web.site import CSRF_FIELD, FORM_COOKIE, Problem, Site
from adapters.web.words import LANGUAGE_COOKIE, page_language, picked, script_words, templates
from bot.console import Console
from bot.i18n import LANGUAGES, N_, NAMES, translator

STATIC_TYPES = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml"}
GUEST_NAME_CHARS = 30
GUESTS_PER_SIGN_IN = 4
"""Guest sessions an address may open per sign-in attempt it is allowed (20 per 15 min)."""
SORRY = N_("Sorry")
GUEST = N_("Guest")
OPERATOR = N_("Operator")
FORM_FROM_ELSEWHERE = N_("That form came from another site.")
FORM_EXPIRED = N_("The form has expired; reload the page and try again.")
TOO_MANY_WRONG = (
    N_("Too many wrong passwords. Try again in {minutes} minute."),
    N_("Too many wrong passwords. Try again in {minutes} minutes."),
)
WRONG_PASSWORD = N_("That password is not right.")
TOO_MANY_SIGNED_IN = N_("Too many people are signed in; try again later.")
INVITE_NEEDED = N_("Playing here needs an invite.")
TOO_MANY_GUESTS = N_("Too many new players from your address; try again later.")
NO_INVITES = N_("Invites are not in use here.")
INVITE_INVALID = N_("This invite link is not valid (it may have been revoked).")
NO_SUCH_FILE = N_("No such file.")


def _static_files() -> dict[str, tuple[bytes, str]]:
    """Every file under static/, read once: served by name, so no path can escape."""
    found: dict[str, tuple[bytes, str]] = {}
    for entry in resources.files("adapters.web").joinpath("static").iterdir():
        suffix = "." + entry.name.rsplit(".", 1)[-1]
        if entry.is_file() and suffix in STATIC_TYPES:
            found[entry.name] = (entry.read_bytes(), STATIC_TYPES[suffix])
    return found


@dataclass
class Pages:
    site: Site
    console: Console
    passwords: Passwords
    attempts: Attempts
    may_play: Callable[[Session], Awaitable[bool]]
    default_language: str = "en"
    """``i18n.default``: for browsers that ask for no language Storybot speaks."""

    def __post_init__(self) -> None:
        self.guests = Attempts(self.attempts.most * GUESTS_PER_SIGN_IN)
        """New guests per address: their own count, so guests behind one address (a
        school, a café) cannot lock the operator out of signing in there."""
        self.static = _static_files()
        mimetypes.init()

    def routes(self, app: web.Application) -> None:
        wrap = self.site.wrap
        for method, path, handler in (
            ("GET", "/web/", self.landing),
            ("POST", "/web/signin", self.sign_in),
            ("POST", "/web/signout", self.sign_out),
            ("POST", "/web/guest", self.guest),
            ("GET", "/web/join/{token}", self.join_page),
            ("POST", "/web/join/{token}", self.join),
            ("GET", "/web/play", self.play),
            ("GET", "/web/console", self.console_page),
            ("GET", "/web/static/{name}", self.static_file),
        ):
            app.router.add_route(
                method, path, wrap(path, self._problems_as_pages(handler), api=False)
            )

    def _problems_as_pages(
        self, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
        async def page(request: web.Request) -> web.StreamResponse:
            try:
                return await handler(request)
            except Problem as problem:
                words = translator(self.language(request)).gettext
                return self.render(
                    request,
                    "message.html",
                    status=problem.status,
                    title=words(SORRY),
                    text=words(problem.detail),  # the details raised here are msgids
                    headers=problem.headers,
                )

        return page

    def render(
        self,
        request: web.Request,
        template: str,
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
        **values: Any,
    ) -> web.Response:
        """A page in the request's language, with a fresh double-submit token for any
        pre-session form on it."""
        form = request.cookies.get(FORM_COOKIE) or secrets.token_urlsafe(24)
        session = self.site.session(request)
        language = self.language(request)
        html = (
            templates(language)
            .get_template(template)
            .render(
                form_token=form,
                session=session,
                csrf=session.csrf if session else "",
                access=self.site.config.access,
                language=language,
                languages=[(code, NAMES[code]) for code in LANGUAGES],
                words=script_words(language, console=template == "console.html"),
                **values,
            )
        )
        response = web.Response(text=html, status=status, content_type="text/html", headers=headers)
        response.headers["Cache-Control"] = "no-store"
        response.set_cookie(
            FORM_COOKIE, form, path="/web/", httponly=True, samesite="Strict",
            secure=self.site.https(request),
        )  # fmt: skip
        if picked(request) is not None:  # the player's pick outlasts the page
            response.set_cookie(
                LANGUAGE_COOKIE, language, path="/", samesite="Lax", max_age=365 * 86400,
                secure=self.site.https(request),
            )  # fmt: skip
        return response

    def language(self, request: web.Request) -> str:
        return page_language(request, self.default_language)

    async def _form(self, request: web.Request) -> dict[str, str]:
        """A posted form, refused unless it came from one of this site's pages."""
        if not self.site.origin_allowed(request, cors=False):
            raise Problem(403, FORM_FROM_ELSEWHERE)
        posted = await request.post()
        return {key: value for key, value in posted.items() if isinstance(value, str)}

    def _pre_session(self, request: web.Request, form: dict[str, str]) -> None:
        if not same(form.get(CSRF_FIELD), request.cookies.get(FORM_COOKIE) or "\0"):
            raise Problem(403, FORM_EXPIRED)

    def _signed_in(self, request: web.Request, token: str, to: str) -> web.Response:
        response = redirect(to)
        self.site.start(request, response, token)
        return response

    # handlers

    async def landing(self, request: web.Request) -> web.Response:
        session = self.site.session(request)
        if session is not None and session.operator:
            return redirect("/web/console")
        if session is not None:
            return redirect("/web/play")
        return self.render(request, "landing.html", error="")

    async def sign_in(self, request: web.Request) -> web.Response:
        form = await self._form(request)
        self._pre_session(request, form)
        address = self.site.client(request)
        wait = self.attempts.wait(address)
        words = translator(self.language(request))
        if wait:
            minutes = int(wait // 60) + 1
            error = words.ngettext(*TOO_MANY_WRONG, minutes).format(minutes=minutes)
            return self.render(
                request, "landing.html", status=429, headers={"Retry-After": str(int(wait))},
                error=error,
            )  # fmt: skip
        if not await self.passwords.check(form.get("password", "")[:1024]):
            self.attempts.failed(address)
            error = words.gettext(WRONG_PASSWORD)
            return self.render(request, "landing.html", status=401, error=error)
        self.attempts.succeeded(address)
        token = self._open(Role.OPERATOR, "operator", words.gettext(OPERATOR))
        return self._signed_in(request, token, "/web/console")

    def _open(self, role: Role, user_id: str, name: str, invite: int | None = None) -> str:
        try:
            return self.site.sessions.open(role, user_id, name, invite=invite)[0]
        except SessionsFull:
            raise Problem(503, TOO_MANY_SIGNED_IN) from None

    async def sign_out(self, request: web.Request) -> web.Response:
        form = await self._form(request)
        self.site.checked(request, form.get(CSRF_FIELD), operator=False)
        response = redirect("/web/")
        self.site.end(request, response)
        return response

    async def guest(self, request: web.Request) -> web.Response:
        if self.site.config.access != "open":
            raise Problem(403, INVITE_NEEDED)
        form = await self._form(request)
        self._pre_session(request, form)
        address = self.site.client(request)
        if self.guests.wait(address):
            raise Problem(429, TOO_MANY_GUESTS)
        self.guests.failed(address)  # each new guest counts: a bound per address
        guest = translator(self.language(request)).gettext(GUEST)
        name = " ".join(form.get("name", "").split())[:GUEST_NAME_CHARS] or guest
        token = self._open(Role.PLAYER, "guest-" + secrets.token_hex(6), name)
        return self._signed_in(request, token, "/web/play")

    async def join_page(self, request: web.Request) -> web.Response:
        invite = await self._invite(request)
        return self.render(
            request, "join.html", name=invite.name, token=request.match_info["token"]
        )

    async def join(self, request: web.Request) -> web.Response:
        form = await self._form(request)
        self._pre_session(request, form)
        invite = await self._invite(request)
        token = self._open(Role.PLAYER, f"invite-{invite.id}", invite.name, invite.id)
        return self._signed_in(request, token, "/web/play")

    async def _invite(self, request: web.Request) -> Any:
        if self.site.config.access != "invite":
            raise Problem(404, NO_INVITES)
        invite = await self.console.invited(request.match_info["token"][:100])
        if invite is None:
            raise Problem(404, INVITE_INVALID)
        return invite

    async def play(self, request: web.Request) -> web.Response:
        session = self.site.session(request)
        if session is None or not await self.may_play(session):
            return redirect("/web/")
        room = request.query.get("room") or None
        channel = channel_for(session, room)
        return self.render(request, "play.html", room=room or "", channel=channel.text)

    async def console_page(self, request: web.Request) -> web.Response:
        session = self.site.session(request)
        if session is None or not session.operator:
            return redirect("/web/")
        return self.render(request, "console.html")

    async def static_file(self, request: web.Request) -> web.Response:
        found = self.static.get(request.match_info["name"])
        if found is None:
            raise Problem(404, NO_SUCH_FILE)
        body, kind = found
        return web.Response(
            body=body, content_type=kind, headers={"Cache-Control": "public, max-age=300"}
        )


def redirect(to: str) -> web.Response:
    """303 See Other: after a form, the browser asks for the next page with GET."""
    return web.Response(status=303, headers={"Location": to})
