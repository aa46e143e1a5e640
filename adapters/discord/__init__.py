"""Discord: ``/story`` as slash commands through discord.py, run by ``storybot run``.

This package is ``adapters.discord``; ``import discord`` inside it is an
absolute import and always means the discord.py library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web as aiohttp_web

from adapters.discord.adapter import DiscordAdapter

if TYPE_CHECKING:
    from bot.app import App

__all__ = ["DiscordAdapter", "create"]


def create(app: App, web: aiohttp_web.Application) -> DiscordAdapter:
    """The service's entry point. Discord needs no HTTP route: it uses the gateway."""
    return DiscordAdapter(app)
