"""Slack: stories on mentions, in threads, in DMs and with ``/story`` (slack-bolt AsyncApp)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from adapters.slack.adapter import SlackAdapter

if TYPE_CHECKING:
    from bot.app import App

__all__ = ["SlackAdapter", "create"]


def create(app: App, web_app: web.Application) -> SlackAdapter:
    """Build the adapter; in HTTP mode this adds ``/slack/events`` to ``web_app``."""
    return SlackAdapter(app, web_app)
