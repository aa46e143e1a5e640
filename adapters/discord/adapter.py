"""The Discord adapter: a discord.py client, the /story tree, and its lifecycle.

An interaction becomes a core :class:`~bot.types.Request`; the engine's reply
goes through :func:`bot.delivery.deliver` onto an :class:`InteractionSurface`.
The client runs inside the app's event loop: ``start()`` logs in, syncs the
commands, connects in a background task and returns once the gateway is ready.

Past 2,500 servers Discord requires shards: with ``discord.shard_count`` set,
discord.py's AutoShardedClient runs this instance's shards
(``discord.shard_ids``, all of them by default), and Discord sends each server's
interactions to the shard that serves it, so the instance that receives one
answers it. Buttons carry the part they belong to, so any instance can answer
a press. Only the instance with shard 0 syncs the commands.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Any

import aiohttp
import discord
import yarl
from discord import app_commands

from adapters.discord.commands import DIALECT, build_story_group
from adapters.discord.craft_commands import add_craft_commands
from adapters.discord.locales import CatalogTranslator, number, said
from adapters.discord.render import MAX_CONTENT, NO_MENTIONS, measure
from adapters.discord.surface import TOKEN_TTL, ChannelSurface, InteractionSurface
from adapters.discord.views import MAX_EDIT, ChoiceButton, EditModal
from bot.commands import Command, Parsed
from bot.config import DiscordConfig
from bot.delivery import Limits, Surface, deliver
from bot.i18n import N_
from bot.identity import ChannelKey, Sender
from bot.platforms import CredentialsRefused
from bot.types import Request, manages, refused

if TYPE_CHECKING:
    from bot.app import App

log = logging.getLogger(__name__)

PLATFORM = "discord"
READY_TIMEOUT = 30.0
GUILD_READY_TIMEOUT = 0.5
"""How long discord.py waits after READY for more guilds before it is ready (its default: 2 s).

Slash commands and buttons carry what they need in the interaction, so the bot
does not have to wait for its whole guild cache; this alone was 2 of the 3.5 s
start-up in the start-up benchmark.
"""
MANAGER_PERMISSIONS = ("administrator", "manage_guild", "manage_channels")
TOO_LONG_TO_EDIT = N_(
    "The last part is {length} characters, more than Discord's edit box holds ({most}). "
    "/story retry rewrites it, or /story branches new goes on from an earlier part."
)
NOT_SHOWN = N_("Sorry, I could not show that reply. Try again in a moment.")
COMMAND_FAILED = N_("Sorry, that did not work. If /story was just updated, try again shortly.")


def channel_key(interaction: discord.Interaction) -> ChannelKey:
    """``discord:<guild>:<channel>`` in a server, ``discord:dm:<channel>`` in a DM."""
    place = interaction.guild_id if interaction.guild_id is not None else "dm"
    return ChannelKey.of(PLATFORM, place, interaction.channel_id)


def place_of(channel: ChannelKey) -> tuple[int | None, int] | None:
    """The (guild, channel) ids of a key (the inverse of :func:`channel_key`), or None."""
    if channel.platform != PLATFORM or len(channel.parts) != 2:
        return None
    guild, channel_id = channel.parts
    if not channel_id.isdecimal() or not (guild == "dm" or guild.isdecimal()):
        return None
    return (None if guild == "dm" else int(guild)), int(channel_id)


def can_manage(interaction: discord.Interaction) -> bool:
    """DMs belong to the user; in a server, Manage Server or Manage Channels is needed."""
    if interaction.guild_id is None:
        return True
    permissions = interaction.permissions
    return any(getattr(permissions, name) for name in MANAGER_PERMISSIONS)


class NoVoice(logging.Filter):
    """discord.py warns at start that PyNaCl and davey are missing; Storybot uses no voice."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "voice will NOT be supported" not in record.getMessage()


logging.getLogger("discord.client").addFilter(NoVoice())


def point_at(config: DiscordConfig) -> None:
    """Aim discord.py at the configured API and gateway (a fake one in tests).

    These are class attributes, so this affects every client in the process;
    one Discord connection per process is the supported setup.
    """
    discord.http.Route.BASE = config.api_base_url.rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(config.gateway_url)


class StoryClient(discord.Client):
    """A plain client with the command tree; buttons find the adapter through it."""

    def __init__(
        self, handler: DiscordAdapter, *, guild_ready_timeout: float, **shards: Any
    ) -> None:
        super().__init__(
            guild_ready_timeout=guild_ready_timeout,
            intents=discord.Intents(guilds=True),  # no privileged intents: interactions need none
            allowed_mentions=NO_MENTIONS,
            **shards,
        )
        self.story_handler = handler
        self.tree = app_commands.CommandTree(self)
        story = build_story_group(handler)
        add_craft_commands(story, handler)
        self.tree.add_command(story)
        self.tree.error(handler.on_command_error)

    async def setup_hook(self) -> None:
        """Runs in ``login``, before the tree is synced: the sync carries the translations."""
        self.add_dynamic_items(ChoiceButton)
        await self.tree.set_translator(CatalogTranslator())


class ShardedStoryClient(StoryClient, discord.AutoShardedClient):
    """The same client running some of the bot's shards (``shard_ids`` of ``shard_count``)."""


class DiscordAdapter:
    name = PLATFORM

    def __init__(
        self,
        app: App,
        *,
        ready_timeout: float = READY_TIMEOUT,
        guild_ready_timeout: float = GUILD_READY_TIMEOUT,
    ) -> None:
        self.app = app
        self.config = app.settings.discord
        self.engine = app.engine
        self.ready_timeout = ready_timeout
        self.token_ttl = TOKEN_TTL
        self.limits = Limits(
            max_length=MAX_CONTENT, interval=self.config.edit_interval, measure=measure
        )
        self.client = self._client(guild_ready_timeout)
        self._task: asyncio.Task[None] | None = None
        self._inflight: set[asyncio.Task[object]] = set()

    def _client(self, guild_ready_timeout: float) -> StoryClient:
        count, ids = self.config.shard_count, self.config.shard_ids
        if count is None:
            return StoryClient(self, guild_ready_timeout=guild_ready_timeout)
        return ShardedStoryClient(
            self, guild_ready_timeout=guild_ready_timeout, shard_count=count, shard_ids=ids or None
        )

    @property
    def syncs_commands(self) -> bool:
        """One instance syncs /story for all: the one with shard 0 (or the only one)."""
        return (
            self.config.shard_count is None
            or not self.config.shard_ids
            or (0 in self.config.shard_ids)
        )

    # lifecycle

    async def start(self) -> None:
        """Log in, sync /story, connect; return once the gateway says READY."""
        if self.config.token is None:
            raise RuntimeError("STORYBOT_DISCORD__TOKEN is not set")
        point_at(self.config)
        try:
            await self.client.login(self.config.token.get_secret_value())
        except discord.LoginFailure as exc:
            await self.client.close()
            raise CredentialsRefused(f"Discord refused the bot token: {exc}") from exc
        except (aiohttp.ClientError, OSError) as exc:
            await self.client.close()
            raise RuntimeError(
                f"cannot reach the Discord API at {self.config.api_base_url}: {exc}"
            ) from exc
        if self.syncs_commands:
            await self._sync_commands()
        self._task = asyncio.create_task(self.client.connect(), name="discord-gateway")
        ready = asyncio.create_task(self.client.wait_until_ready())
        done, _ = await asyncio.wait(
            {self._task, ready}, timeout=self.ready_timeout, return_when=asyncio.FIRST_COMPLETED
        )
        if ready in done:
            log.info("connected to Discord as %s", self.client.user)
            return
        ready.cancel()
        error = self._task.exception() if self._task in done else None
        await self.stop()
        where = f"could not connect to the Discord gateway at {self.config.gateway_url}"
        if error is not None:
            raise RuntimeError(f"{where}: {type(error).__name__}: {error}") from error
        raise RuntimeError(f"{where}: not ready within {self.ready_timeout:g}s")

    async def _sync_commands(self) -> None:
        """Guild syncs show changes at once; a global sync can take a while to appear."""
        tree = self.client.tree
        try:
            if self.config.guild_ids:
                for guild_id in self.config.guild_ids:
                    guild = discord.Object(guild_id)
                    tree.copy_global_to(guild=guild)
                    await tree.sync(guild=guild)
                log.info("synced /story to %d guild(s)", len(self.config.guild_ids))
            else:
                await tree.sync()
                log.info("synced /story globally")
        except discord.HTTPException as exc:
            # The commands registered last time keep working; say so and go on.
            log.error("could not sync the /story commands: %s", exc)

    async def stop(self) -> None:
        """Let replies being written finish (up to ``shutdown_grace``), then disconnect."""
        grace = self.app.settings.shutdown_grace
        if self._inflight and grace > 0:
            _, late = await asyncio.wait(set(self._inflight), timeout=grace)
            if late:
                log.warning("stopping with %d Discord replies unfinished", len(late))
        await self.client.close()
        if self._task is not None:
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await self._task
            self._task = None

    # interactions

    def channel_of(self, interaction: discord.Interaction) -> ChannelKey:
        return channel_key(interaction)

    async def last_choices(self, channel: ChannelKey) -> tuple[str, ...]:
        return await self.engine.last_choices(channel)

    async def channel_prompts(self, channel: ChannelKey) -> list[tuple[int, str]]:
        return await self.engine.channel_prompts(channel)

    async def channel_stories(self, channel: ChannelKey) -> list[tuple[int, str]]:
        return await self.engine.channel_stories(channel)

    async def world_names(self, channel: ChannelKey) -> list[str]:
        return await self.engine.world_names(channel)

    async def story_branches(self, channel: ChannelKey) -> list[tuple[int, str]]:
        return await self.engine.story_branches(channel)

    async def open_editor(self, interaction: discord.Interaction) -> None:
        """``/story edit``: a modal holding the last part's text; submitting it edits."""
        last = await self.engine.last_part_text(channel_key(interaction))
        if last is None:  # no story: the engine says how to start one
            await self.run(interaction, Parsed(Command.EDIT), private=True)
            return
        language = await self.language(interaction)
        try:
            if len(last.text) > MAX_EDIT:
                note = said(TOO_LONG_TO_EDIT, language).format(
                    length=number(len(last.text), language), most=number(MAX_EDIT, language)
                )
                await interaction.response.send_message(
                    note, ephemeral=True, allowed_mentions=NO_MENTIONS
                )
                return
            editor = EditModal(self, last.ref, last.text, language)
            await interaction.response.send_modal(editor)
        except discord.HTTPException as exc:  # answered already, or the token expired
            log.info("could not open the editor for interaction %s: %s", interaction.id, exc)

    async def surface_for(self, channel: ChannelKey) -> tuple[Surface, Limits] | None:
        """Post into a channel outside any interaction, e.g. the story of the day."""
        place = place_of(channel)
        if place is None or self.client.is_closed():
            return None
        guild_id, channel_id = place
        messageable = self.client.get_partial_messageable(channel_id, guild_id=guild_id)
        return ChannelSurface(messageable, self.app.metrics.reporter(PLATFORM)), self.limits

    async def choose(self, interaction: discord.Interaction, ref: str, number: int) -> None:
        """A choice button: the engine checks ``ref`` and answers a stale press privately."""
        await self.run(interaction, Parsed(Command.CHOOSE, str(number)), private=False, ref=ref)

    async def run(
        self,
        interaction: discord.Interaction,
        command: Parsed,
        *,
        private: bool = False,
        ref: str | None = None,
    ) -> None:
        """Take the channel's turn, defer within Discord's 3 s, then deliver the reply.

        ``private`` defers ephemerally, for commands whose answer is known to be
        for the asker alone (help, settings, the prompt list).
        """
        task = asyncio.current_task()
        if task is not None:
            self._inflight.add(task)  # stop() lets it finish
        try:
            await self._answer(interaction, command, private=private, ref=ref)
        finally:
            if task is not None:
                self._inflight.discard(task)

    async def _answer(
        self, interaction: discord.Interaction, command: Parsed, *, private: bool, ref: str | None
    ) -> None:
        user = interaction.user
        request = Request(
            channel_key(interaction),
            Sender(str(user.id), user.display_name, str(interaction.locale)),
            command=command,
            may_manage=manages if can_manage(interaction) else refused,
            dialect=DIALECT,
            event_id=str(interaction.id),
            ref=ref,
            shared=interaction.guild_id is not None,
        )
        stream = self.engine.handle(request)  # takes the channel's place in line now
        try:
            await interaction.response.defer(ephemeral=private, thinking=True)
        except discord.HTTPException as exc:
            # Already acknowledged (a repeated delivery) or expired: nothing to answer.
            log.info("could not defer interaction %s: %s", interaction.id, exc)
            await stream.aclose()
            return
        surface = InteractionSurface(
            interaction,
            ephemeral=private,
            token_ttl=self.token_ttl,
            observe=self.app.metrics.reporter(PLATFORM),
        )
        guard = asyncio.create_task(surface.guard_token())
        try:
            delivered = await deliver(stream, surface, self.limits, typing=False)
            if delivered.final is None:
                await surface.drop_thinking()  # the engine had already handled this event
        except Exception:
            log.exception("could not deliver the reply to interaction %s", interaction.id)
            self.app.metrics.platform_error(PLATFORM, "delivery_failed")
            await self._apologise(surface)
        finally:
            guard.cancel()

    async def language(self, interaction: discord.Interaction) -> str:
        """The language of what the adapter says itself, outside the engine's turns (which
        carry theirs), chosen as a turn's is: the channel's ``ui`` setting, else the
        user's Discord language, else ``i18n.default``."""
        return await self.engine.language_for(channel_key(interaction), str(interaction.locale))

    async def _apologise(self, surface: InteractionSurface) -> None:
        with contextlib.suppress(discord.HTTPException, RuntimeError):
            await surface.drop_thinking()
            await surface.interaction.followup.send(
                said(NOT_SHOWN, await self.language(surface.interaction)),
                ephemeral=True,
                allowed_mentions=NO_MENTIONS,
            )

    async def on_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        """A command the tree could not run (e.g. out of date): say so, privately."""
        log.error("slash command failed: %s", error, exc_info=error)
        with contextlib.suppress(discord.HTTPException):
            message = said(COMMAND_FAILED, await self.language(interaction))
            if interaction.response.is_done():
                await interaction.followup.send(
                    message, ephemeral=True, allowed_mentions=NO_MENTIONS
                )
            else:
                await interaction.response.send_message(
                    message, ephemeral=True, allowed_mentions=NO_MENTIONS
                )
