"""What the HTTP server answers besides the platforms: ``/healthz`` (the process runs),
``/readyz`` (what is up, by kind of error only), ``/metrics`` (Prometheus), and the
middleware that keeps every configured secret out of every HTTP body.

Keep ``/readyz`` and ``/metrics`` off a public proxy (README): they say what runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

from bot.instance_label import labelled_registry, render
from bot.metrics import CONTENT_TYPE
from bot.redact import Masker

if TYPE_CHECKING:
    from bot.service import Service


class Probes:
    """The three endpoints, reading the running service."""

    def __init__(self, service: Service) -> None:
        self.service = service

    def add_to(self, app: web.Application) -> None:
        app.router.add_get("/healthz", self.healthz)
        app.router.add_get("/readyz", self.readyz)
        app.router.add_get("/metrics", self.metrics)

    async def healthz(self, _: web.Request) -> web.Response:
        return web.json_response({"status": "alive"})

    async def readyz(self, _: web.Request) -> web.Response:
        """What is up and what is not, by kind of error only: never a library's message,
        which can quote a credential (a refused Telegram token did)."""
        service, store = self.service, self.service.app.store
        missing = [name for name in service.platforms if name not in service.adapters]
        database = await store.health()
        cluster = store.cluster()
        ready = service.runner is not None and not missing and database is None and cluster.alive
        body: dict[str, object] = {
            "ready": ready,
            "connected": sorted(service.adapters),
            "down": service.failed,
            "database": database or "ok",
        }
        if cluster.shared:  # several instances on one database: who holds what
            leader = service.leader
            body["leases"] = {
                "instance": cluster.instance,
                "heartbeat": "ok" if cluster.alive else "lost",
                "scheduler": leader.state if leader is not None else "none",
                "other_instances": cluster.others,
            }
        return web.json_response(body, status=200 if ready else 503)

    async def metrics(self, _: web.Request) -> web.Response:
        app = self.service.app
        app.metrics.active_stories.set(await app.store.count_active_stories())
        cluster = app.store.cluster()
        body = (
            render(labelled_registry(app.metrics.registry, cluster.instance))
            if cluster.shared
            else app.metrics.render()
        )
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE})


def masking(mask: Masker) -> Middleware:
    """Every HTTP answer passes through ``mask``: no configured secret leaves in a body."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        response = await handler(request)
        if isinstance(response, web.Response) and isinstance(response.body, bytes):
            response.body = mask.body(response.body)
        return response

    return middleware
