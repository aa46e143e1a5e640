"""The story-craft commands that write no story: world book, author's note, players,
edit, branches, and share and import (``sharing.py``). Who may run them was decided
before they get here; every one of them answers at once."""

from __future__ import annotations

import time

from bot import craft_replies as said
from bot import replies
from bot.commands import MANAGE_WORDS, Command, Parsed, is_number
from bot.config import StoryConfig
from bot.flows import whose_turn
from bot.i18n import _
from bot.library import title_of
from bot.observers import CraftObserver, Unobserved
from bot.providers.story_text import parse_choices
from bot.sharing import Sharing
from bot.types import Final, Request
from bot.writing import part_ref
from storage.base import (
    NewPart,
    Player,
    Store,
    TurnState,
    WorldEntry,
)

CRAFT = frozenset(
    {
        Command.WORLD,
        Command.NOTE,
        Command.JOIN,
        Command.CAST,
        Command.LEAVE,
        Command.EDIT,
        Command.BRANCH,
        Command.BRANCHES,
        Command.SWITCH,
        Command.SHARE,
        Command.IMPORT,
    }
)
"""The commands :class:`CraftCommands` answers."""
MOST_ENTRIES = 50
MOST_PLAYERS = 12
NAME_CHARS = 60
DESCRIPTION_CHARS = 500
NOTE_CHARS = 500
PART_CHARS = 12_000


def _clean(text: str, most: int) -> str:
    return " ".join(text.split())[:most]


class CraftCommands:
    def __init__(
        self, store: Store, config: StoryConfig, *, observer: CraftObserver | None = None
    ) -> None:
        self.store = store
        self.config = config
        self.observer = observer or Unobserved()
        self.sharing = Sharing(store, self.observer)

    async def run(self, request: Request, parsed: Parsed, state: TurnState) -> Final:
        command = parsed.command
        if command is Command.IMPORT:
            return await self.sharing.load(request, parsed)
        story = state.story
        if story is None:
            return replies.no_story(command, request.dialect)
        match command:
            case Command.WORLD:
                return await self._world(request, parsed, state)
            case Command.NOTE:
                return await self._note(request, parsed, state)
            case Command.JOIN:
                return await self._join(request, parsed, state)
            case Command.CAST:
                return said.cast_list(list(state.players), self._turn(state), request.dialect)
            case Command.LEAVE:
                await self.store.leave(story.id, request.sender.id)
                return replies.done(_("You left the cast."), command=Command.LEAVE.value)
            case Command.EDIT:
                return await self._edit(request, parsed, state)
            case Command.BRANCH:
                return await self._branch(request, parsed, state)
            case Command.BRANCHES:
                branches = await self.store.branches(story.id)
                return said.branch_list(branches, story.last_seq, request.dialect)
            case Command.SWITCH:
                return await self._switch(request, parsed, state)
            case _:
                return await self.sharing.share(request, state)

    def _turn(self, state: TurnState) -> Player | None:
        if not state.settings.turns:
            return None
        return whose_turn(state, time.time(), self.config.turn_seconds)

    async def _world(self, request: Request, parsed: Parsed, state: TurnState) -> Final:
        assert state.story is not None
        story_id, dialect = state.story.id, request.dialect
        action, rest = parsed.action, parsed.rest
        if action in ("", "list"):
            return said.world_list(list(state.world), dialect)
        if action == "add":
            return await self._world_add(story_id, rest, state, request)
        typed = _clean(rest, NAME_CHARS)
        known = _named(state.world, typed)
        name = known.name if known is not None else typed
        if action == "show":
            return said.world_entry(known) if known else said.no_such_entry(typed, dialect)
        if action in MANAGE_WORDS:
            if not await self.store.remove_world_entry(story_id, name):
                return said.no_such_entry(name, dialect)
            return replies.done(
                _("{name} is out of the world book.").format(name=name),
                command=Command.WORLD.value,
            )
        if action in ("pin", "unpin"):
            if not await self.store.pin_world_entry(story_id, name, action == "pin"):
                return said.no_such_entry(name, dialect)
            if action == "pin":
                pinned = _("{name} is always given to the storyteller.")
            else:
                pinned = _("{name} is given when it comes up to the storyteller.")
            return replies.done(pinned.format(name=name), command=Command.WORLD.value)
        return said.world_add_usage(dialect)

    async def _world_add(
        self, story_id: int, rest: str, state: TurnState, request: Request
    ) -> Final:
        names, colon, description = rest.partition(":")
        aliases = [_clean(a, NAME_CHARS) for a in names.split(",")]
        aliases = [a for a in aliases if a]
        description = _clean(description, DESCRIPTION_CHARS)
        if not colon or not aliases or not description:
            return said.world_add_usage(request.dialect)
        if len(state.world) >= MOST_ENTRIES and _named(state.world, aliases[0]) is None:
            return said.world_full(MOST_ENTRIES)
        entry = await self.store.add_world_entry(
            story_id, aliases[0], tuple(aliases[1:6]), description
        )
        return said.world_added(entry)

    async def _note(self, request: Request, parsed: Parsed, state: TurnState) -> Final:
        assert state.story is not None
        if not parsed.args:
            return said.note_shown(state.story.note, request.dialect)
        note = "" if parsed.args.strip().lower() == "clear" else _clean(parsed.args, NOTE_CHARS)
        await self.store.set_note(state.story.id, note)
        if not note:
            return replies.done(_("The author's note is cleared."), command=Command.NOTE.value)
        return replies.done(
            _("Author's note set: {note}").format(note=note), command=Command.NOTE.value
        )

    async def _join(self, request: Request, parsed: Parsed, state: TurnState) -> Final:
        assert state.story is not None
        character, _colon, description = parsed.args.partition(":")
        character = _clean(character, NAME_CHARS)
        if not character:
            return said.join_usage(request.dialect)
        known = {p.user_id for p in state.players}
        if request.sender.id not in known and len(known) >= MOST_PLAYERS:
            return replies.error(
                _("This story already has {count} players.").format(count=MOST_PLAYERS),
                command=Command.JOIN.value,
            )
        player = Player(
            request.sender.id,
            _clean(request.sender.shown_as, NAME_CHARS),
            character,
            _clean(description, 200),
        )
        await self.store.join(state.story.id, player)
        return said.joined(player)

    async def _edit(self, request: Request, parsed: Parsed, state: TurnState) -> Final:
        story = state.story
        assert story is not None
        if request.ref is not None and request.ref != part_ref(story.id, story.last_seq):
            # Opened in an editor (Discord's and Slack's modals) before the story went on.
            return said.edit_overtaken(story.last_seq, request.dialect)
        text = parsed.args.strip()
        if not text:
            return replies.error(
                _("Give the new text: {usage}.").format(usage=request.dialect.usage(Command.EDIT)),
                command=Command.EDIT.value,
            )
        if len(text) > PART_CHARS:
            return replies.too_long("part", len(text), PART_CHARS, Command.EDIT)
        last = state.recent[-1]
        part = NewPart(text, last.direction, request.sender.shown_as, parse_choices(text))
        await self.store.edit_last(story, part)
        self.observer.edited()
        self.observer.branched("edit")  # the old text is kept as a branch
        return said.edited(story.last_seq)

    async def _branch(self, request: Request, parsed: Parsed, state: TurnState) -> Final:
        story = state.story
        assert story is not None
        number = parsed.action
        if not is_number(number) or not 1 <= int(number) < story.last_seq:
            return replies.error(
                _("Give a part from 1 to {last} to go on from: {usage}.").format(
                    last=story.last_seq - 1, usage=request.dialect.usage(Command.BRANCH)
                ),
                command=Command.BRANCH.value,
            )
        branch = await self.store.branch_off(story, int(number) + 1, "branch")
        if branch is None:
            return replies.failed()
        self.observer.branched("branch")
        return said.branched(branch, request.dialect)

    async def _switch(self, request: Request, parsed: Parsed, state: TurnState) -> Final:
        story = state.story
        assert story is not None
        number = parsed.action
        switched = None
        if is_number(number):
            switched = await self.store.switch_to(story, int(number))
        if switched is None:
            return replies.error(
                _("There is no branch {number} of this story; {usage} lists them.").format(
                    number=replies.quoted(number), usage=request.dialect.usage(Command.BRANCHES)
                ),
                command=Command.SWITCH.value,
            )
        self.observer.branched("switch")  # the line it replaced is kept as a branch
        parts = await self.store.recent_parts(switched.id, switched.last_seq - 1, 1)
        last = parts[-1].text if parts else ""
        return said.switched(title_of(switched.premise), switched.last_seq, last, request.dialect)


def _named(entries: tuple[WorldEntry, ...], name: str) -> WorldEntry | None:
    wanted = name.lower()
    return next(
        (e for e in entries if wanted in (e.name.lower(), *(a.lower() for a in e.aliases))),
        None,
    )
