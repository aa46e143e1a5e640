"""The browser's pages: server-rendered with Jinja2 (autoescaped), scripts only from
``/web/static`` (the CSP forbids inline ones), forms that work without JavaScript.

Signing in, joining with an invite and entering as a guest happen before there is
a session, so their forms carry a double-submit token (a cookie and a hidden
field that must match) against login CSRF; everything after carries the session's
own token. The console page is a shell: its data comes from the JSON API.
"""

from __future__ import annotations

import mimetypes
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any

import jinja2
from aiohttp import web

from adapters.web.guard import Attempts, Passwords, same
from adapters.web.play import channel_for
from adapters.web.sessions import Role, Session, SessionsFull
from adapters.web.site import CSRF_FIELD, FORM_COOKIE, Problem, Site
from bot.console import Console

STATIC_TYPES = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml"}
GUEST_NAME_CHARS = 30
GUESTS_PER_SIGN_IN = 4
"""Guest sessions an address may open per sign-in attempt it is allowed (20 per 15 min)."""


def _templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("adapters.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


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

    def __post_init__(self) -> None:
        self.guests = Attempts(self.attempts.most * GUESTS_PER_SIGN_IN)
        """New guests per address: their own count, so guests behind one address (a
        school, a café) cannot lock the operator out of signing in there."""
        self.templates = _templates()
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
                return self.render(
                    request,
                    "message.html",
                    status=problem.status,
                    title="Sorry",
                    text=problem.detail,
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
        """A page, with a fresh double-submit token for any pre-session form on it."""
        form = request.cookies.get(FORM_COOKIE) or secrets.token_urlsafe(24)
        session = self.site.session(request)
        html = self.templates.get_template(template).render(
            form_token=form,
            session=session,
            csrf=session.csrf if session else "",
            access=self.site.config.access,
            **values,
        )
        response = web.Response(text=html, status=status, content_type="text/html", headers=headers)
        response.headers["Cache-Control"] = "no-store"
        response.set_cookie(
            FORM_COOKIE, form, path="/web/", httponly=True, samesite="Strict",
            secure=self.site.https(request),
        )  # fmt: skip
        return response

    async def _form(self, request: web.Request) -> dict[str, str]:
        """A posted form, refused unless it came from one of this site's pages."""
        if not self.site.origin_allowed(request, cors=False):
            raise Problem(403, "That form came from another site.")
        posted = await request.post()
        return {key: value for key, value in posted.items() if isinstance(value, str)}

    def _pre_session(self, request: web.Request, form: dict[str, str]) -> None:
        if not same(form.get(CSRF_FIELD), request.cookies.get(FORM_COOKIE) or "\0"):
            raise Problem(403, "The form has expired; reload the page and try again.")

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
        if wait:
            return self.render(
                request, "landing.html", status=429, headers={"Retry-After": str(int(wait))},
                error=f"Too many wrong passwords. Try again in {int(wait // 60) + 1} minutes.",
            )  # fmt: skip
        if not await self.passwords.check(form.get("password", "")[:1024]):
            self.attempts.failed(address)
            return self.render(
                request, "landing.html", status=401, error="That password is not right."
            )
        self.attempts.succeeded(address)
        token = self._open(Role.OPERATOR, "operator", "Operator")
        return self._signed_in(request, token, "/web/console")

    def _open(self, role: Role, user_id: str, name: str, invite: int | None = None) -> str:
        try:
            return self.site.sessions.open(role, user_id, name, invite=invite)[0]
        except SessionsFull:
            raise Problem(503, "Too many people are signed in; try again later.") from None

    async def sign_out(self, request: web.Request) -> web.Response:
        form = await self._form(request)
        self.site.checked(request, form.get(CSRF_FIELD), operator=False)
        response = redirect("/web/")
        self.site.end(request, response)
        return response

    async def guest(self, request: web.Request) -> web.Response:
        if self.site.config.access != "open":
            raise Problem(403, "Playing here needs an invite.")
        form = await self._form(request)
        self._pre_session(request, form)
        address = self.site.client(request)
        if self.guests.wait(address):
            raise Problem(429, "Too many new players from your address; try again later.")
        self.guests.failed(address)  # each new guest counts: a bound per address
        name = " ".join(form.get("name", "").split())[:GUEST_NAME_CHARS] or "Guest"
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
            raise Problem(404, "Invites are not in use here.")
        invite = await self.console.invited(request.match_info["token"][:100])
        if invite is None:
            raise Problem(404, "This invite link is not valid (it may have been revoked).")
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
            raise Problem(404, "No such file.")
        body, kind = found
        return web.Response(
            body=body, content_type=kind, headers={"Cache-Control": "public, max-age=300"}
        )


def redirect(to: str) -> web.Response:
    """303 See Other: after a form, the browser asks for the next page with GET."""
    return web.Response(status=303, headers={"Location": to})
