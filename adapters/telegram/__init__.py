"""Telegram through python-telegram-bot: ``create(app, web)`` is what ``storybot run`` calls.

The adapter is imported inside :func:`create`, so the formatting helpers in
``adapters.telegram.render`` can be imported (and tested) on their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aiohttp import web

    from adapters.telegram.adapter import TelegramAdapter
    from bot.app import App

__all__ = ["create"]


def create(app: App, web_app: web.Application) -> TelegramAdapter:
    """Build the adapter; in webhook mode this adds ``/telegram/webhook`` to ``web_app``."""
    from adapters.telegram.adapter import TelegramAdapter

    return TelegramAdapter(app, web_app)
