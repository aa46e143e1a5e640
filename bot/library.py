"""The channel's non-writing commands: help, settings, prompts, export, undo, forget.

None of these call the storyteller, so they answer at once.
"""

from __future__ import annotations

import random
import re
from collections.abc import Awaitable, Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.commands import NATIVE_PLATFORMS, SPEC_BY_NAME, Command, usage, visible_specs
from bot.config import StoryConfig
from bot.replies import error, info, no_story
from bot.starter_prompts import STARTER_PROMPTS
from bot.story_settings import KEYS, SettingError, StorySettings, describe_keys
from bot.types import Attachment, Final, Request
from storage.base import Store

MANAGE_WORDS = {"remove", "delete", "rm"}
TIME_OF_DAY = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")

ScheduleHook = Callable[[str], Awaitable[None]]
"""Told the channel key whenever its subscription changes, so the scheduler can follow."""


class ChannelLibrary:
    def __init__(self, store: Store, config: StoryConfig, provider_name: str) -> None:
        self.store = store
        self.config = config
        self.provider_name = provider_name
        self.on_schedule_change: ScheduleHook | None = None

    def needs_manager(self, command: Command, args: str) -> bool:
        """Changing settings, removing prompts and forgetting need the manage flag."""
        if SPEC_BY_NAME[command.value].manager_only:
            return True
        first = args.split(maxsplit=1)[0].lower() if args.strip() else ""
        if command is Command.SETTINGS:
            return bool(first)
        return command is Command.PROMPTS and first in MANAGE_WORDS

    async def settings(self, channel: str) -> StorySettings:
        return StorySettings.from_json(await self.store.get_settings(channel))

    async def random_prompt(self, channel: str, rng: random.Random) -> str:
        """A prompt drawn evenly from the starter set, the channel's own and the feed pool."""
        local = [*STARTER_PROMPTS, *(p.text for p in await self.store.list_prompts(channel))]
        pick = rng.randrange(len(local) + await self.store.count_feed_prompts())
        if pick < len(local):
            return local[pick]
        return await self.store.feed_prompt_at(pick - len(local)) or rng.choice(local)

    async def run(self, request: Request, command: Command, args: str) -> Final:
        match command:
            case Command.SETTINGS:
                return await self._settings(request, args)
            case Command.PROMPTS:
                return await self._prompts(request, args)
            case Command.EXPORT:
                return await self._export(request)
            case Command.UNDO:
                return await self._undo(request)
            case Command.FORGET:
                return await self._forget(request, args)
            case Command.SUBSCRIBE:
                return await self._subscribe(request, args)
            case Command.UNSUBSCRIBE:
                return await self._unsubscribe(request)
            case _:
                return info(self.help_text(request.platform), command="help")

    def help_text(self, platform: str = "") -> str:
        lines = [
            "Storybot writes stories with this channel. Commands:",
            *(f"{usage(spec.command, platform)} - {spec.summary}" for spec in visible_specs()),
            "",
        ]
        if platform not in NATIVE_PLATFORMS:
            lines.append("Any other text after /story starts a new story from it.")
        lines.append(f"Stories are written by {self.provider_name}.")
        return "\n".join(lines)

    async def _settings(self, request: Request, args: str) -> Final:
        current = await self.settings(request.channel)
        key, _, value = args.strip().partition(" ")
        if not key:
            return info(
                f"Story settings for this channel:\n{current.describe()}\n\n"
                "Change one with /story settings <key> <value>.",
                command="settings",
            )
        if key.lower() not in KEYS:
            return error(f"Unknown setting `{key}`. {describe_keys()}", command="settings")
        if not value.strip():
            hint = KEYS[key.lower()][1]
            return error(
                f"Give a value: /story settings {key.lower()} <value> ({hint}).",
                command="settings",
            )
        try:
            updated = current.with_value(key, value)
        except SettingError as exc:
            return error(str(exc), command="settings")
        await self.store.set_settings(request.channel, request.platform, updated.to_json())
        shown = updated.describe().splitlines()
        line = next(item for item in shown if item.startswith(key.lower() + ":"))
        return info(f"Done. {line}", command="settings", private=False)

    async def _prompts(self, request: Request, args: str) -> Final:
        action, _, rest = args.strip().partition(" ")
        action = action.lower()
        rest = rest.strip()
        if not action or action == "list":
            own = await self.store.list_prompts(request.channel)
            lines = ["Starter prompts:"]
            lines += [f"s{i}. {text}" for i, text in enumerate(STARTER_PROMPTS, start=1)]
            if own:
                lines += ["", "This channel's prompts:"]
                lines += [f"{p.id}. {p.text}" for p in own]
            lines += ["", "Add one with /story prompts add <text>; /story random picks one."]
            return info("\n".join(lines), command="prompts")
        if action == "add":
            if not rest:
                return error(
                    "Give the prompt's text: /story prompts add <text>.", command="prompts"
                )
            if len(rest) > self.config.max_prompt_length:
                return error(
                    f"That prompt is {len(rest)} characters; the limit is "
                    f"{self.config.max_prompt_length}.",
                    command="prompts",
                )
            if await self.store.count_prompts(request.channel) >= self.config.max_prompts:
                return error(
                    f"This channel already has {self.config.max_prompts} prompts. Remove one "
                    "with /story prompts remove <id> first.",
                    command="prompts",
                )
            prompt = await self.store.add_prompt(
                request.channel, rest, request.user_name or request.user_id
            )
            return info(
                f"Added prompt {prompt.id}: {prompt.text}", command="prompts", private=False
            )
        if action in MANAGE_WORDS:
            if re.fullmatch(r"[sS]\d+", rest):
                return error("Starter prompts cannot be removed.", command="prompts")
            if not rest.isdigit() or len(rest) > 18:
                return error(
                    "Give the prompt's number: /story prompts remove <id> (see /story prompts).",
                    command="prompts",
                )
            if not await self.store.remove_prompt(request.channel, int(rest)):
                return error(
                    f"There is no prompt {rest} in this channel; /story prompts lists them.",
                    command="prompts",
                )
            return info(f"Removed prompt {rest}.", command="prompts", private=False)
        return error(
            "Use /story prompts, /story prompts add <text> or /story prompts remove <id>.",
            command="prompts",
        )

    async def _export(self, request: Request) -> Final:
        story = await self.store.active_story(request.channel)
        if story is None:
            return no_story("export", request.platform)
        parts = await self.store.all_parts(story.id)
        lines = [f"# {title_of(story.premise)}", "", f"*Premise:* {story.premise}", ""]
        for part in parts:
            lines += [f"## Part {part.seq}", ""]
            if part.direction:
                lines += [f"*Direction:* {part.direction}", ""]
            lines += [part.text, ""]
            if part.status.value != "complete":
                lines += [f"*(This part was {part.status.value}.)*", ""]
        document = "\n".join(lines).encode("utf-8")
        return info(
            f"The story so far, {len(parts)} part{'s' if len(parts) != 1 else ''}, "
            "as a Markdown file.",
            command="export",
            private=False,
            attachments=(Attachment(f"story-{story.id}.md", document),),
        )

    async def _undo(self, request: Request) -> Final:
        story = await self.store.active_story(request.channel)
        if story is None:
            return no_story("undo", request.platform)
        dropped = await self.store.drop_last_part(story.id)
        if dropped is None:
            return error(
                "Only the opening is left. Rewrite it with /story retry, or start anew with "
                "/story new <prompt>.",
                command="undo",
            )
        return info(
            f"Dropped part {dropped.seq}. The story now ends at part {dropped.seq - 1}; "
            "/story continue writes a new one.",
            command="undo",
            private=False,
        )

    async def _forget(self, request: Request, args: str) -> Final:
        if args.strip().lower() != "confirm":
            return error(
                "This deletes every story, setting and prompt stored for this channel. "
                "To go ahead: "
                + (
                    usage(Command.FORGET, request.platform)
                    if request.platform in NATIVE_PLATFORMS
                    else "/story forget confirm"
                ),
                command="forget",
                outcome="confirm",
            )
        await self.store.forget_channel(request.channel)
        return info(
            "Forgotten. Nothing is stored for this channel any more.",
            command="forget",
            private=False,
        )

    async def _subscribe(self, request: Request, args: str) -> Final:
        if self.on_schedule_change is None:
            return error(
                "The story of the day works when Storybot runs as a service (storybot run), "
                "not here.",
                command="subscribe",
            )
        at_time, _, zone = args.strip().partition(" ")
        match = TIME_OF_DAY.match(at_time)
        if match is None:
            return error(
                "Give a time of day, e.g. /story subscribe 09:00 Europe/Berlin "
                "(the timezone is optional; UTC by default).",
                command="subscribe",
            )
        zone = zone.strip() or "UTC"
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            return error(
                f"Unknown timezone `{zone[:60]}`. Use a name like Europe/Berlin, "
                "America/New_York or UTC.",
                command="subscribe",
            )
        normal = f"{int(match.group(1)):02d}:{match.group(2)}"
        await self.store.subscribe(request.channel, request.platform, normal, zone)
        await self.on_schedule_change(request.channel)
        return info(
            f"Every day at {normal} ({zone}) this channel gets a fresh story. "
            "/story unsubscribe stops it.",
            command="subscribe",
            private=False,
        )

    async def _unsubscribe(self, request: Request) -> Final:
        removed = await self.store.unsubscribe(request.channel)
        if self.on_schedule_change is not None:
            await self.on_schedule_change(request.channel)
        if not removed:
            return error("This channel has no story of the day.", command="unsubscribe")
        return info("The story of the day is stopped here.", command="unsubscribe", private=False)


def title_of(premise: str) -> str:
    """A short title for exports: the premise's first words."""
    words = premise.split()
    title = " ".join(words[:8])
    return title + ("…" if len(words) > 8 else "")
