"""The channel's commands that write no story: help, settings, prompts, export, undo,
forget and the story of the day. None of them calls the storyteller, so they answer
at once. Who may run them was decided before they get here."""

from __future__ import annotations

import random
import re
from collections.abc import Awaitable, Callable
from dataclasses import replace
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot import replies
from bot.commands import GREETING, MANAGE_WORDS, TEXT, Command, Dialect, Parsed, is_number
from bot.config import StoryConfig
from bot.i18n import N_, _, ngettext, spoken
from bot.identity import ChannelKey
from bot.observers import CraftObserver, Unobserved
from bot.providers.base import ANY_LANGUAGE, Languages
from bot.starter_prompts import STARTER_PROMPTS
from bot.story_settings import KEYS, SettingError, StorySettings, describe_keys, hint
from bot.twine import twee
from bot.types import Attachment, Final, Request
from storage.base import ChannelStore, Part, PartStatus, Prompt, Story

LISTED_STORIES = 20
"""Stories ``/story stories`` shows, the most recently played first."""
TIME_OF_DAY = re.compile(r"^([01]?[0-9]|2[0-3]):([0-5][0-9])$")
STARTER = re.compile(r"[sS][0-9]+")

ScheduleHook = Callable[[ChannelKey], Awaitable[None]]
"""Told the channel whenever its subscription changes, so the scheduler can follow."""


class ChannelLibrary:
    def __init__(
        self,
        store: ChannelStore,
        config: StoryConfig,
        storyteller: str,
        *,
        observer: CraftObserver | None = None,
        writes: Languages = ANY_LANGUAGE,
    ) -> None:
        self.store = store
        self.config = config
        self.storyteller = storyteller
        self.writes = writes
        """Which story languages the storyteller writes: a setting it cannot honour is
        refused when it is set, not silently ignored when the story is written."""
        self.observer = observer or Unobserved()
        self.on_schedule_change: ScheduleHook | None = None

    async def random_prompt(self, channel: ChannelKey, rng: random.Random) -> str:
        """A prompt drawn evenly from the starter set, the channel's own and the feed pool."""
        local = [*STARTER_PROMPTS, *(p.text for p in await self.store.list_prompts(channel))]
        pick = rng.randrange(len(local) + await self.store.count_feed_prompts())
        if pick < len(local):
            return local[pick]
        return await self.store.feed_prompt_at(pick - len(local)) or rng.choice(local)

    async def run(self, request: Request, parsed: Parsed) -> Final:
        match parsed.command:
            case Command.SETTINGS:
                return await self._settings(request, parsed)
            case Command.PROMPTS:
                return await self._prompts(request, parsed)
            case Command.EXPORT if parsed.action == "twine":
                return await self._twine(request)
            case Command.EXPORT:
                return await self._export(request)
            case Command.STORIES:
                return await self._stories(request)
            case Command.RESUME:
                return await self._resume(request, parsed)
            case Command.UNDO:
                return await self._undo(request)
            case Command.FORGET:
                return await self._forget(request, parsed)
            case Command.SUBSCRIBE:
                return await self._subscribe(request, parsed)
            case Command.UNSUBSCRIBE:
                return await self._unsubscribe(request)
            case _ if parsed.action == GREETING:
                greeting = await self.greeting(request.channel, request.dialect)
                return replies.info(greeting, command=Command.HELP.value)
            case _:
                return replies.info(self.help_text(request), command=Command.HELP.value)

    def help_text(self, request: Request) -> str:
        return replies.help_text(request.dialect, self.storyteller)

    async def greeting(self, channel: ChannelKey, dialect: Dialect) -> str:
        """The story waiting here and how to go on, or how to begin."""
        story = await self.store.active_story(channel)
        if story is None:
            return replies.first_greeting(dialect)
        parts = await self.store.recent_parts(story.id, story.last_seq - 1, 1)
        last = parts[-1].text if parts else ""
        return replies.welcome_back(title_of(story.premise), story.last_seq, last, dialect)

    async def _settings(self, request: Request, parsed: Parsed) -> Final:
        current = await self.store.get_settings(request.channel)
        key, value = parsed.action, parsed.rest
        if key in ("", "show"):
            return replies.settings_shown(current.describe(), request.dialect)
        if key not in KEYS:
            return replies.unknown_setting(key, describe_keys())
        if not value:
            return replies.setting_needs_value(key, hint(key), request.dialect)
        try:
            updated = current.with_value(key, value)
        except SettingError as exc:
            return replies.error(str(exc), command=Command.SETTINGS.value)
        if key == "language" and not self.writes(updated.language):
            return replies.language_not_written(updated.language, current.language, self.writes)
        await self.store.set_settings(request.channel, updated)
        if key == "ui" and updated.ui:  # the reader asked for this language: confirm in it
            with spoken(updated.ui):
                return replace(self._done(updated, key), language=updated.ui)
        return self._done(updated, key)

    @staticmethod
    def _done(updated: StorySettings, key: str) -> Final:
        line = next(item for item in updated.describe().splitlines() if item.startswith(key + ":"))
        return replies.done(
            _("Done. {setting}").format(setting=line), command=Command.SETTINGS.value
        )

    async def _prompts(self, request: Request, parsed: Parsed) -> Final:
        action, rest, dialect = parsed.action, parsed.rest, request.dialect
        if action in ("", "list"):
            own = await self.store.list_prompts(request.channel)
            listed = [(p.id, p.text) for p in own]
            return replies.prompt_list(list(STARTER_PROMPTS), listed, dialect)
        if action == "add":
            return await self._add_prompt(request, rest)
        if action == "edit":
            return await self._edit_prompt(request, rest)
        if action in MANAGE_WORDS:
            if STARTER.fullmatch(rest):
                return replies.error(
                    _("Starter prompts cannot be removed."), command=Command.PROMPTS.value
                )
            if not is_number(rest):
                return replies.prompt_needs_number(dialect)
            if not await self.store.remove_prompt(request.channel, int(rest)):
                return replies.no_such_prompt(rest, dialect)
            return replies.done(
                _("Removed prompt {number}.").format(number=rest), command=Command.PROMPTS.value
            )
        return replies.prompts_usage(dialect)

    async def _add_prompt(self, request: Request, text: str) -> Final:
        added = await self.add_prompt(
            request.channel, text, request.sender.shown_as, request.dialect
        )
        if isinstance(added, Final):
            return added
        return replies.done(
            _("Added prompt {number}: {text}").format(number=added.id, text=added.text),
            command=Command.PROMPTS.value,
        )

    async def add_prompt(
        self, channel: ChannelKey, text: str, author: str, dialect: Dialect = TEXT
    ) -> Prompt | Final:
        """Add to the channel's library, or the answer that says why not (the operator
        console adds prompts through here too, under the same rules)."""
        if not text:
            return replies.prompt_needs_text(dialect)
        limit = self.config.max_prompt_length
        if len(text) > limit:
            return replies.too_long("prompt", len(text), limit, Command.PROMPTS)
        if await self.store.count_prompts(channel) >= self.config.max_prompts:
            return replies.prompts_full(self.config.max_prompts, dialect)
        return await self.store.add_prompt(channel, text, author)

    async def _edit_prompt(self, request: Request, rest: str) -> Final:
        """``edit <number> <text>``: a prompt's new text, under the rules adding follows."""
        number, text = [*rest.split(None, 1), "", ""][:2]
        text, dialect = text.strip(), request.dialect
        if STARTER.fullmatch(number):
            return replies.error(
                _("Starter prompts cannot be changed."), command=Command.PROMPTS.value
            )
        if not is_number(number):
            return replies.prompt_needs_number(dialect, "edit")
        if not text:
            return replies.prompt_needs_text(dialect)
        limit = self.config.max_prompt_length
        if len(text) > limit:
            return replies.too_long("prompt", len(text), limit, Command.PROMPTS)
        if await self.store.edit_prompt(request.channel, int(number), text) is None:
            return replies.no_such_prompt(number, dialect)
        return replies.done(
            _("Changed prompt {number}.").format(number=number), command=Command.PROMPTS.value
        )

    async def _export(self, request: Request) -> Final:
        story = await self.store.active_story(request.channel)
        if story is None:
            return replies.no_story(Command.EXPORT, request.dialect)
        parts = await self.store.all_parts(story.id)
        return replies.info(
            ngettext(
                "The story so far, {count} part, as a Markdown file.",
                "The story so far, {count} parts, as a Markdown file.",
                len(parts),
            ).format(count=len(parts)),
            command=Command.EXPORT.value,
            private=False,
            attachments=(markdown_file(story, parts),),
        )

    async def _twine(self, request: Request) -> Final:
        """Every branch too, as a Twee 3 file Twine opens (choices as links)."""
        story = await self.store.active_story(request.channel)
        if story is None:
            return replies.no_story(Command.EXPORT, request.dialect)
        document, branches = await twine_file(self.store, story)
        return replies.info(
            ngettext(
                "The story and its {count} branch as a Twine (Twee 3) file.",
                "The story and its {count} branches as a Twine (Twee 3) file.",
                branches,
            ).format(count=branches),
            command=Command.EXPORT.value,
            private=False,
            attachments=(document,),
        )

    async def _stories(self, request: Request) -> Final:
        listed = await self.store.list_stories(request.channel, LISTED_STORIES)
        return replies.story_list(
            [(s.id, title_of(s.premise), s.status.value, s.parts, s.last_played) for s in listed],
            request.dialect,
        )

    async def _resume(self, request: Request, parsed: Parsed) -> Final:
        number = parsed.action.removeprefix("#")
        if not is_number(number):
            return replies.resume_needs_number(request.dialect)
        story = await self.store.resume_story(request.channel, int(number))
        if story is None:
            return replies.no_such_story(number, request.dialect)
        parts = await self.store.recent_parts(story.id, story.last_seq - 1, 1)
        last = parts[-1].text if parts else ""
        return replies.resumed(title_of(story.premise), story.last_seq, last, request.dialect)

    async def _undo(self, request: Request) -> Final:
        story = await self.store.active_story(request.channel)
        if story is None:
            return replies.no_story(Command.UNDO, request.dialect)
        dropped = await self.store.drop_last_part(story.id)
        if dropped is None:
            return replies.only_opening_left(request.dialect)
        self.observer.branched("undo")  # the dropped part is kept as a branch
        return replies.dropped(dropped.seq, request.dialect)

    async def _forget(self, request: Request, parsed: Parsed) -> Final:
        if parsed.action not in ("confirm", "true"):
            return replies.forget_first(request.dialect)
        await self.store.forget_channel(request.channel)
        if self.on_schedule_change is not None:  # its story of the day went with it
            await self.on_schedule_change(request.channel)
        return replies.done(
            _("Forgotten. Nothing is stored for this channel any more."),
            command=Command.FORGET.value,
        )

    async def _subscribe(self, request: Request, parsed: Parsed) -> Final:
        if self.on_schedule_change is None:
            return replies.no_scheduler()
        match = TIME_OF_DAY.match(parsed.action)
        if match is None:
            return replies.subscribe_needs_time(request.dialect)
        zone = parsed.rest or "UTC"
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # "Europe" is a folder of zones
            return replies.unknown_timezone(zone)
        at_time = f"{int(match.group(1)):02d}:{match.group(2)}"
        await self.store.subscribe(request.channel, at_time, zone)
        await self.on_schedule_change(request.channel)
        return replies.subscribed(at_time, zone, request.dialect)

    async def _unsubscribe(self, request: Request) -> Final:
        removed = await self.store.unsubscribe(request.channel)
        if self.on_schedule_change is not None:
            await self.on_schedule_change(request.channel)
        if not removed:
            return replies.error(
                _("This channel has no story of the day."), command=Command.UNSUBSCRIBE.value
            )
        return replies.done(
            _("The story of the day is stopped here."), command=Command.UNSUBSCRIBE.value
        )


UNFINISHED = {
    "cut": N_("This part was cut."),
    "interrupted": N_("This part was interrupted."),
}
"""The note under an unfinished part in an export (the status as a sentence)."""


def markdown_file(story: Story, parts: list[Part]) -> Attachment:
    """The story's current line as a Markdown file (``/story export``, the console)."""
    lines = [
        f"# {title_of(story.premise)}",
        "",
        _("*Premise:* {premise}").format(premise=story.premise),
        "",
    ]
    for part in parts:
        lines += [_("## Part {seq}").format(seq=part.seq), ""]
        if part.direction:
            lines += [_("*Direction:* {direction}").format(direction=part.direction), ""]
        lines += [part.text, ""]
        if part.status is not PartStatus.COMPLETE:
            lines += [f"*({_(UNFINISHED.get(part.status.value, part.status.value))})*", ""]
    return Attachment(f"story-{story.id}.md", "\n".join(lines).encode("utf-8"))


async def twine_file(store: ChannelStore, story: Story) -> tuple[Attachment, int]:
    """The story and every branch as a Twee 3 file, and how many branches it has."""
    line = await store.all_parts(story.id)
    branches = await store.branches(story.id)
    lines = [(branch, await store.line(branch.id)) for branch in branches]
    document = twee(title_of(story.premise), f"{story.id}:{story.created_at}", line, lines)
    return Attachment(f"story-{story.id}.twee", document.encode("utf-8")), len(branches)


def title_of(premise: str) -> str:
    """A short title for exports: the premise's first words."""
    words = premise.split()
    title = " ".join(words[:8])
    return title + ("…" if len(words) > 8 else "")
