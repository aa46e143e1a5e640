"""The operator console's window on the bot: every channel on every platform, any story
and its branches, the prompt library, feeds, story-of-the-day subscriptions, usage
against budgets, invites for browser players, and the live figures.

It is the core's answer to "what is going on?", for any front end (the browser's
JSON API renders it). Nothing here decides twice: channel prompts are added by the
channel library's own rules, and forgetting a channel or stopping its story of the
day is a request in that channel's line, answered by the engine as if a manager had
typed it. Every list is a bounded page.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Generic, TypeVar

from bot import replies
from bot.commands import Command, Parsed
from bot.config import Settings
from bot.engine import Engine
from bot.i18n import _
from bot.identity import ChannelKey, Sender
from bot.library import markdown_file, twine_file
from bot.metrics import Figures, Metrics
from bot.redact import hide_url_credentials
from bot.starter_prompts import STARTER_PROMPTS
from bot.types import Attachment, Final, ReplyKind, Request, manages
from storage.base import (
    Branch,
    ChannelSummary,
    ChannelUsage,
    Failure,
    Invite,
    Part,
    Prompt,
    StorageError,
    Store,
    Story,
    StoryListing,
    Subscription,
)

OPERATOR = Sender("operator", "Operator")
"""Who the console's requests come from: a manager everywhere."""
MOST_PER_PAGE = 100
POOL_LIMIT = 10_000
"""Prompts the shared pool may hold (feeds stop adding beyond their own limits)."""
MOST_USAGE_DAYS = 92
MOST_INVITES = 500
INVITE_NAME_CHARS = 40
T = TypeVar("T")


class Trouble(StrEnum):
    NOT_FOUND = "not_found"
    INVALID = "invalid"
    CONFLICT = "conflict"


class ConsoleError(Exception):
    """The console cannot do what was asked; the message says why, for a person."""

    def __init__(self, message: str, trouble: Trouble = Trouble.INVALID) -> None:
        super().__init__(message)
        self.trouble = trouble


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: Sequence[T]
    offset: int
    limit: int
    total: int


@dataclass(frozen=True, slots=True)
class ChannelDetail:
    summary: ChannelSummary
    stories: list[StoryListing]
    settings: str
    subscription: Subscription | None
    prompts: list[Prompt]


@dataclass(frozen=True, slots=True)
class StoryView:
    story: Story
    branches: list[Branch]


@dataclass(frozen=True, slots=True)
class FeedView:
    url: str
    """As configured, with any credentials in it hidden."""
    fetched_at: float | None
    last_error: str | None


@dataclass(frozen=True, slots=True)
class Usage:
    rows: Page[ChannelUsage]
    channel_budget: int
    """Tokens a channel may use per day; 0 is no budget."""
    user_budget: int


def token_hash(token: str) -> str:
    """What the database keeps of an invite link's token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _bounded(offset: int, limit: int) -> tuple[int, int]:
    if offset < 0 or not 1 <= limit <= MOST_PER_PAGE:
        raise ConsoleError(f"offset must be 0 or more and limit between 1 and {MOST_PER_PAGE}")
    return offset, limit


class Console:
    def __init__(self, store: Store, engine: Engine, settings: Settings, metrics: Metrics) -> None:
        self.store = store
        self.engine = engine
        self.settings = settings
        self.metrics = metrics

    # channels and stories

    async def channels(self, offset: int, limit: int) -> Page[ChannelSummary]:
        offset, limit = _bounded(offset, limit)
        items = await self.store.channel_summaries(offset, limit)
        return Page(items, offset, limit, await self.store.count_channels())

    async def channel(self, channel: ChannelKey) -> ChannelDetail:
        summary = await self.store.channel_summary(channel)
        if summary is None:
            raise ConsoleError(
                _("No channel {channel} is stored.").format(channel=channel.text), Trouble.NOT_FOUND
            )
        return ChannelDetail(
            summary,
            await self.store.list_stories(channel, MOST_PER_PAGE),
            (await self.store.get_settings(channel)).describe(),
            await self.store.subscription(channel),
            await self.store.list_prompts(channel),
        )

    async def story(self, story_id: int) -> StoryView:
        story = await self._story(story_id)
        return StoryView(story, await self.store.branches(story.id))

    async def parts(
        self, story_id: int, offset: int, limit: int, branch: int | None = None
    ) -> Page[Part]:
        """A page of the story's current line, or of one of its branches' lines."""
        offset, limit = _bounded(offset, limit)
        story = await self._story(story_id)
        if branch is None:
            line = await self.store.all_parts(story.id)
        else:
            if branch not in {b.id for b in await self.store.branches(story.id)}:
                raise ConsoleError(
                    _("Story {story} has no branch {branch}.").format(
                        story=story_id, branch=branch
                    ),
                    Trouble.NOT_FOUND,
                )
            line = await self.store.line(branch)
        return Page(line[offset : offset + limit], offset, limit, len(line))

    async def export(self, story_id: int, twine: bool) -> Attachment:
        story = await self._story(story_id)
        if twine:
            return (await twine_file(self.store, story))[0]
        return markdown_file(story, await self.store.all_parts(story.id))

    async def _story(self, story_id: int) -> Story:
        story = await self.store.story(story_id)
        if story is None:
            raise ConsoleError(
                _("There is no story {story}.").format(story=story_id), Trouble.NOT_FOUND
            )
        return story

    async def forget(self, channel: ChannelKey) -> str:
        """Everything stored for the channel goes, in the channel's line like ``forget``."""
        await self.channel(channel)
        return await self._as_manager(channel, Parsed(Command.FORGET, "confirm"))

    async def unsubscribe(self, channel: ChannelKey) -> str:
        if await self.store.subscription(channel) is None:
            raise ConsoleError(
                _("{channel} has no story of the day.").format(channel=channel.text),
                Trouble.NOT_FOUND,
            )
        return await self._as_manager(channel, Parsed(Command.UNSUBSCRIBE))

    async def _as_manager(self, channel: ChannelKey, command: Parsed) -> str:
        request = Request(channel, OPERATOR, command=command, may_manage=manages)
        final: Final | None = None
        stream = self.engine.handle(request)
        try:
            async for event in stream:
                if isinstance(event, Final):
                    final = event
        finally:
            await stream.aclose()
        if final is None:
            raise ConsoleError(_("The bot is busy in that channel; try again in a moment."))
        if final.kind is ReplyKind.ERROR:
            raise ConsoleError(final.text, Trouble.CONFLICT)
        return final.text

    # prompts

    @staticmethod
    def starter_prompts() -> list[tuple[str, str]]:
        """The built-in prompts as ``(S1, text)``: part of the code, so read-only."""
        return [(f"S{number}", text) for number, text in enumerate(STARTER_PROMPTS, 1)]

    async def pool(self, offset: int, limit: int) -> Page[Prompt]:
        offset, limit = _bounded(offset, limit)
        items = await self.store.pool_prompts(offset, limit)
        return Page(items, offset, limit, await self.store.count_feed_prompts())

    async def add_pool_prompt(self, text: str) -> Prompt:
        text = self._prompt_text(text)
        if await self.store.count_feed_prompts() >= POOL_LIMIT:
            raise ConsoleError(
                _("The shared pool holds {count} prompts, its most.").format(count=POOL_LIMIT)
            )
        prompt = await self.store.add_pool_prompt(text, OPERATOR.name)
        if prompt is None:
            raise ConsoleError(_("The shared pool has that prompt already."), Trouble.CONFLICT)
        return prompt

    async def remove_pool_prompt(self, prompt_id: int) -> None:
        if not await self.store.remove_pool_prompt(prompt_id):
            raise ConsoleError(
                _("The shared pool has no prompt {prompt}.").format(prompt=prompt_id),
                Trouble.NOT_FOUND,
            )

    async def add_channel_prompt(self, channel: ChannelKey, text: str) -> Prompt:
        await self.channel(channel)
        added = await self.engine.library.add_prompt(channel, text.strip(), OPERATOR.name)
        if isinstance(added, Final):
            raise ConsoleError(added.text)
        return added

    async def remove_channel_prompt(self, channel: ChannelKey, prompt_id: int) -> None:
        if not await self.store.remove_prompt(channel, prompt_id):
            raise ConsoleError(
                _("{channel} has no prompt {prompt}.").format(
                    channel=channel.text, prompt=prompt_id
                ),
                Trouble.NOT_FOUND,
            )

    async def edit_pool_prompt(self, prompt_id: int, text: str) -> Prompt:
        return await self._edit_prompt(None, prompt_id, text)

    async def edit_channel_prompt(self, channel: ChannelKey, prompt_id: int, text: str) -> Prompt:
        await self.channel(channel)
        return await self._edit_prompt(channel, prompt_id, text)

    async def _edit_prompt(self, channel: ChannelKey | None, prompt_id: int, text: str) -> Prompt:
        """A prompt's new text, under the rules adding one follows."""
        text = self._prompt_text(text)
        try:
            edited = await self.store.edit_prompt(channel, prompt_id, text)
        except StorageError as exc:
            if exc.kind is not Failure.CONSTRAINT:
                raise
            raise ConsoleError(
                _("The shared pool has that prompt already."), Trouble.CONFLICT
            ) from None
        if edited is not None:
            return edited
        if channel is None:
            missing = _("The shared pool has no prompt {prompt}.").format(prompt=prompt_id)
        else:
            missing = _("{channel} has no prompt {prompt}.").format(
                channel=channel.text, prompt=prompt_id
            )
        raise ConsoleError(missing, Trouble.NOT_FOUND)

    def _prompt_text(self, text: str) -> str:
        text = text.strip()
        if not text:
            raise ConsoleError(_("A prompt needs some text."))
        limit = self.settings.story.max_prompt_length
        if len(text) > limit:
            raise ConsoleError(replies.too_long("prompt", len(text), limit, Command.PROMPTS).text)
        return text

    # scheduled content and usage

    async def feeds(self) -> list[FeedView]:
        """Every configured feed and how its last fetch went (never a URL's credentials)."""
        states = {state.url: state for state in await self.store.feed_statuses()}
        views = []
        for url in self.settings.feeds:
            state = states.get(url)
            views.append(
                FeedView(
                    hide_url_credentials(url),
                    state.fetched_at if state else None,
                    hide_url_credentials(state.last_error) if state and state.last_error else None,
                )
            )
        return views

    async def subscriptions(self) -> list[Subscription]:
        return await self.store.all_subscriptions()

    async def usage(self, today: date, days: int, offset: int, limit: int) -> Usage:
        offset, limit = _bounded(offset, limit)
        if not 1 <= days <= MOST_USAGE_DAYS:
            raise ConsoleError(f"days must be between 1 and {MOST_USAGE_DAYS}")
        since = today - timedelta(days=days - 1)
        rows = await self.store.channel_usage(since, offset, limit + 1)
        total = offset + len(rows)  # at least; one more than a page means "there is more"
        story = self.settings.story
        return Usage(
            Page(rows[:limit], offset, limit, total),
            story.channel_daily_tokens,
            story.user_daily_tokens,
        )

    def figures(self) -> Figures:
        return self.metrics.figures()

    # invites

    async def invite(self, name: str) -> tuple[Invite, str]:
        """A new named player and the secret token of their link (shown once, kept hashed)."""
        name = " ".join(name.split())
        if not 1 <= len(name) <= INVITE_NAME_CHARS:
            raise ConsoleError(
                _("An invite needs a name of 1 to {most} characters.").format(
                    most=INVITE_NAME_CHARS
                )
            )
        if len(await self.store.invites(MOST_INVITES)) >= MOST_INVITES:
            raise ConsoleError(
                _("There are {count} invites, the most; revoke some.").format(count=MOST_INVITES)
            )
        token = secrets.token_urlsafe(24)
        return await self.store.add_invite(name, token_hash(token)), token

    async def invites(self) -> list[Invite]:
        return await self.store.invites(MOST_INVITES)

    async def revoke(self, invite_id: int) -> None:
        if not await self.store.revoke_invite(invite_id):
            raise ConsoleError(
                _("No open invite {invite}.").format(invite=invite_id), Trouble.NOT_FOUND
            )

    async def invited(self, token: str) -> Invite | None:
        """The invite a link's token stands for, unless it was revoked."""
        return await self.store.invite_by_token(token_hash(token))

    async def still_invited(self, invite_id: int) -> bool:
        invite = await self.store.invite(invite_id)
        return invite is not None and not invite.revoked
