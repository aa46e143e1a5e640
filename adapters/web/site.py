"""What every browser-facing handler shares: the session behind a request, cookies,
CSRF and origin checks, security headers, CORS, and errors as problem details.

Handlers are wrapped by :meth:`Site.wrap` rather than by aiohttp middlewares,
because the service serves an adapter's routes on its own application (see
``bot.service.Service.build_adapter``), where a sub-application's middlewares
would not follow them.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import urlsplit

from aiohttp import web

from adapters.web.guard import same
from adapters.web.sessions import Session, Sessions
from bot.config import WebConfig
from bot.console import ConsoleError, Trouble
from bot.i18n import N_
from bot.metrics import Metrics

log = logging.getLogger(__name__)

COOKIE = "storybot_session"
FORM_COOKIE = "storybot_form"
"""A double-submit token for the forms used before there is a session (sign-in, join)."""
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
PROBLEM = "application/problem+json"
_TROUBLE_STATUS = {Trouble.NOT_FOUND: 404, Trouble.INVALID: 400, Trouble.CONFLICT: 409}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class Problem(Exception):
    """An RFC 9457 problem: raised anywhere in a handler, answered as problem+json.

    ``detail`` is English in the API (its clients read ``status``); a page shows it
    translated, so details a page may show are marked ``N_`` where they are raised."""

    def __init__(self, status: int, detail: str, **headers: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.headers = headers

    def response(self, instance: str) -> web.Response:
        body = {
            "type": "about:blank",
            "title": HTTPStatus(self.status).phrase,
            "status": self.status,
            "detail": self.detail,
            "instance": instance,
        }
        return web.json_response(
            body, status=self.status, content_type=PROBLEM, headers=self.headers
        )


@dataclass
class Site:
    config: WebConfig
    sessions: Sessions
    metrics: Metrics

    # who is asking, from where

    def client(self, request: web.Request) -> str:
        """The client's address; behind a trusted proxy, the last X-Forwarded-For hop."""
        if self.config.trust_proxy:
            forwarded = request.headers.get("X-Forwarded-For", "")
            hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
            if hops:
                return hops[-1][:64]
        return request.remote or "unknown"

    def https(self, request: web.Request) -> bool:
        if request.secure:
            return True
        if self.config.trust_proxy and request.headers.get("X-Forwarded-Proto") == "https":
            return True
        return bool(self.config.public_url and self.config.public_url.startswith("https:"))

    def own_origins(self, request: web.Request) -> set[str]:
        """Origins a page of this site can have: the public URL's and the Host's."""
        found = set()
        if self.config.public_url:
            parts = urlsplit(self.config.public_url)
            found.add(f"{parts.scheme}://{parts.netloc}".lower())
        scheme = "https" if self.https(request) else "http"
        host = request.headers.get("X-Forwarded-Host") if self.config.trust_proxy else None
        found.add(f"{scheme}://{host or request.host}".lower())
        return found

    def origin_allowed(self, request: web.Request, *, cors: bool = True) -> bool:
        """An Origin header, when sent, must be this site's (or a listed CORS origin)."""
        origin = request.headers.get("Origin")
        if origin is None:
            return True
        origin = origin.lower()
        return origin in self.own_origins(request) or (
            cors and origin in {o.lower().rstrip("/") for o in self.config.cors_origins}
        )

    # sessions and CSRF

    def session(self, request: web.Request) -> Session | None:
        return self.sessions.get(request.cookies.get(COOKIE))

    def start(self, request: web.Request, response: web.StreamResponse, token: str) -> None:
        response.set_cookie(
            COOKIE,
            token,
            path="/",
            httponly=True,
            samesite="Lax",
            secure=self.https(request),
            max_age=int(self.sessions.most_age),
        )

    def end(self, request: web.Request, response: web.StreamResponse) -> None:
        self.sessions.close(request.cookies.get(COOKIE))
        response.del_cookie(COOKIE, path="/")

    def checked(self, request: web.Request, given: str | None, *, operator: bool) -> Session:
        """The request's session, with its CSRF token checked for a state-changing method."""
        session = self.session(request)
        if session is None:
            raise Problem(401, N_("Sign in first; the session has ended or never began."))
        if operator and not session.operator:
            raise Problem(403, N_("Only operators may do that."))
        if request.method not in SAFE_METHODS:
            if not self.origin_allowed(request):
                raise Problem(403, N_("This request came from a page of another site."))
            if not same(given, session.csrf):
                raise Problem(403, f"The CSRF token is missing or wrong; send {CSRF_HEADER}.")
        return session

    # wrapping handlers

    def wrap(self, route: str, handler: Handler, *, api: bool) -> Handler:
        """Security headers on every answer; for the API, CORS, problems and metrics."""

        async def wrapped(request: web.Request) -> web.StreamResponse:
            try:
                response = await handler(request)
            except Problem as problem:
                response = problem.response(request.path)
            except ConsoleError as exc:
                response = Problem(_TROUBLE_STATUS[exc.trouble], str(exc)).response(request.path)
            except web.HTTPException as exc:
                if not api or exc.status < 400:
                    raise
                response = Problem(exc.status, exc.reason).response(request.path)
            if not response.prepared:
                response.headers.update(SECURITY_HEADERS)
                if api:
                    self.cors(request, response)
            if api:
                self.metrics.api_request(route, response.status)
            return response

        return wrapped

    def cors(self, request: web.Request, response: web.StreamResponse) -> None:
        """Cross-origin reads of the API only for the origins ``web.cors_origins`` lists."""
        origin = request.headers.get("Origin")
        allowed = {o.lower().rstrip("/") for o in self.config.cors_origins}
        if not origin or origin.lower() not in allowed:
            return
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Credentials"] = "true"
        response.headers["Vary"] = "Origin"

    async def preflight(self, request: web.Request) -> web.Response:
        """A CORS preflight: allowed for listed origins, refused (403) for any other."""
        origin = request.headers.get("Origin", "").lower()
        if origin not in {o.lower().rstrip("/") for o in self.config.cors_origins}:
            raise Problem(403, N_("Cross-origin requests are off for this origin."))
        return web.Response(
            status=204,
            headers={
                "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE",
                "Access-Control-Allow-Headers": f"Content-Type, {CSRF_HEADER}",
                "Access-Control-Max-Age": "600",
            },
        )
