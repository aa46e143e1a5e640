"""The browser: a story chat, an operator console and a JSON API (see adapter.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from adapters.web.adapter import WebAdapter

if TYPE_CHECKING:
    from bot.app import App

__all__ = ["WebAdapter", "create"]


def create(app: App, web_app: web.Application) -> WebAdapter:
    return WebAdapter(app, web_app)
