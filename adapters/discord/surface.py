"""Where one interaction's reply is shown: the delivery layer's Surface for Discord.

Every interaction was deferred first (a "thinking…" message). Then:

- the first message fills in that deferred response (``PATCH …/@original``);
- later messages are follow-ups (``POST /webhooks/{app}/{token}``), which is how
  a story longer than 2,000 characters continues;
- a private answer (an error, say) to a public deferral cannot simply fill it in:
  Discord keeps the deferral's visibility for it. So the thinking message is
  deleted and the answer goes out as an ephemeral follow-up, seen only by the
  asker;
- the interaction token lives 15 minutes. After :attr:`token_ttl` (14 minutes)
  replies go to the channel as normal bot messages, and edits of earlier
  messages go through the channel too (or are posted anew if Discord will not
  let the bot edit them that way).

Every call carries ``allowed_mentions`` with an empty ``parse`` list, so nothing
in a story pings anyone, and a 429 becomes :class:`bot.delivery.RateLimited` so
the delivery layer waits and tries again.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import discord

from adapters.discord.render import NO_MENTIONS, render
from adapters.discord.views import choice_view
from bot.delivery import Choices, Observer, RateLimited, ignore
from bot.types import Attachment

log = logging.getLogger(__name__)

TOKEN_TTL = 14 * 60.0
"""Seconds an interaction token is used for; Discord's own limit is 15 minutes."""


@dataclass(slots=True)
class Sent:
    """A message we showed, and the route that can still edit it."""

    message: Any  # InteractionMessage, WebhookMessage or Message: all have .id and .edit()
    via: str  # "original", "followup" or "channel"


@contextlib.contextmanager
def rate_limits(observe: Observer = ignore) -> Iterator[None]:
    """Turn Discord's 429s that discord.py did not wait out itself into RateLimited."""
    try:
        yield
    except discord.RateLimited as exc:
        observe("rate_limited")
        raise RateLimited(exc.retry_after) from exc
    except discord.HTTPException as exc:
        if exc.status != 429:
            observe(f"http_{exc.status}")
            raise
        observe("rate_limited")
        retry = exc.response.headers.get("Retry-After") if exc.response is not None else None
        try:
            seconds = float(retry) if retry is not None else 1.0
        except ValueError:
            seconds = 1.0
        raise RateLimited(seconds) from exc


class InteractionSurface:
    """Shows one reply stream as the answer to one deferred interaction."""

    def __init__(
        self,
        interaction: discord.Interaction,
        *,
        ephemeral: bool,
        token_ttl: float = TOKEN_TTL,
        clock: Callable[[], float] = time.monotonic,
        observe: Observer = ignore,
    ) -> None:
        self.interaction = interaction
        self.observe = observe
        self.ephemeral = ephemeral
        self.token_ttl = token_ttl
        self.clock = clock
        self.started = clock()
        self.thinking = True  # the deferred response still shows "thinking…"
        self.sent: list[Sent] = []
        self._lock = asyncio.Lock()

    def token_alive(self) -> bool:
        return self.clock() - self.started < self.token_ttl

    def _channel(self) -> discord.PartialMessageable:
        interaction = self.interaction
        channel_id = interaction.channel_id
        if channel_id is None:
            raise RuntimeError("this interaction has no channel to post in")
        return interaction.client.get_partial_messageable(channel_id, guild_id=interaction.guild_id)

    async def drop_thinking(self) -> None:
        """Delete the deferred response while it still shows only "thinking…"."""
        if not self.thinking:
            return
        self.thinking = False
        with contextlib.suppress(discord.HTTPException):
            await self.interaction.delete_original_response()

    async def guard_token(self) -> None:
        """Before the token expires, clear a "thinking…" that would otherwise hang forever.

        Run as a task beside delivery: a turn can wait long in a busy channel's
        queue, and once the token has expired the reply goes to the channel instead.
        """
        await asyncio.sleep(max(0.0, self.started + self.token_ttl - self.clock()))
        async with self._lock:
            await self.drop_thinking()

    async def send(self, text: str, *, choices: Choices | None, private: bool) -> Sent:
        extra: dict[str, Any] = {"allowed_mentions": NO_MENTIONS}
        view = choice_view(choices) if choices is not None else None
        if view is not None:
            extra["view"] = view
        content = render(text)
        async with self._lock:
            with rate_limits(self.observe):
                sent = await self._send(content, private, extra)
        self.sent.append(sent)
        return sent

    async def _send(self, content: str, private: bool, extra: dict[str, Any]) -> Sent:
        interaction = self.interaction
        if not self.token_alive():
            return Sent(await self._channel().send(content, **extra), "channel")
        if self.thinking and private and not self.ephemeral:
            await self.drop_thinking()
        if self.thinking:
            original = await interaction.edit_original_response(content=content, **extra)
            self.thinking = False
            return Sent(original, "original")
        followup = await interaction.followup.send(content, ephemeral=private, wait=True, **extra)
        return Sent(followup, "followup")

    async def edit(self, handle: Sent, text: str, *, choices: Choices | None) -> None:
        extra: dict[str, Any] = {"content": render(text), "allowed_mentions": NO_MENTIONS}
        if choices is not None:
            extra["view"] = choice_view(choices)
        async with self._lock:
            with rate_limits(self.observe):
                if handle.via == "channel" or self.token_alive():
                    await handle.message.edit(**extra)
                else:
                    await self._edit_after_expiry(handle, extra)

    async def _edit_after_expiry(self, handle: Sent, extra: dict[str, Any]) -> None:
        channel = self._channel()
        try:
            handle.message = await channel.get_partial_message(handle.message.id).edit(**extra)
        except (discord.NotFound, discord.Forbidden):
            log.info("cannot edit an interaction message after its token expired; posting anew")
            handle.message = await channel.send(**extra)
        handle.via = "channel"

    async def show_tally(self, choices: Choices) -> None:
        """The pressed message's buttons show the vote's counts."""
        message = self.interaction.message
        if message is None:  # a typed /story choose: no buttons to update
            return
        view = choice_view(choices)
        async with self._lock:
            with rate_limits(self.observe):
                await message.edit(view=view, allowed_mentions=NO_MENTIONS)

    async def typing(self) -> None:
        """The deferral already shows "thinking…"."""
        return None

    async def attach(self, attachment: Attachment, *, private: bool) -> None:
        file = discord.File(io.BytesIO(attachment.content), filename=attachment.filename)
        async with self._lock:
            with rate_limits(self.observe):
                if not self.token_alive():
                    await self._channel().send(file=file, allowed_mentions=NO_MENTIONS)
                    return
                await self.interaction.followup.send(
                    file=file, ephemeral=private, wait=True, allowed_mentions=NO_MENTIONS
                )


class ChannelSurface:
    """Plain bot messages in a channel, for posts nobody asked for (the story of the day)."""

    def __init__(self, channel: discord.PartialMessageable, observe: Observer = ignore) -> None:
        self.channel = channel
        self.observe = observe

    async def send(self, text: str, *, choices: Choices | None, private: bool) -> Sent:
        extra: dict[str, Any] = {"allowed_mentions": NO_MENTIONS}
        view = choice_view(choices) if choices is not None else None
        if view is not None:
            extra["view"] = view
        with rate_limits(self.observe):
            return Sent(await self.channel.send(render(text), **extra), "channel")

    async def edit(self, handle: Sent, text: str, *, choices: Choices | None) -> None:
        extra: dict[str, Any] = {"content": render(text), "allowed_mentions": NO_MENTIONS}
        if choices is not None:
            extra["view"] = choice_view(choices)
        with rate_limits(self.observe):
            await handle.message.edit(**extra)

    async def show_tally(self, choices: Choices) -> None:
        return None  # nobody presses in a post nobody asked for

    async def typing(self) -> None:
        with contextlib.suppress(discord.HTTPException):
            await self.channel.typing()

    async def attach(self, attachment: Attachment, *, private: bool) -> None:
        file = discord.File(io.BytesIO(attachment.content), filename=attachment.filename)
        with rate_limits(self.observe):
            await self.channel.send(file=file, allowed_mentions=NO_MENTIONS)
