"""``/story share`` and ``/story import``: a story as it stands, kept for a day under a
short code, and started again from that code in any channel on any platform.

The stored form is validated again on import (:class:`Shared`): a code's content is
whatever was stored under it, so it is read as untrusted input."""

from __future__ import annotations

import re
import secrets
import time
from dataclasses import asdict

from pydantic import BaseModel, ValidationError

from bot import craft_replies as said
from bot.commands import Parsed
from bot.library import title_of
from bot.observers import CraftObserver
from bot.types import Final, Request
from storage.base import NewPart, PartStatus, Player, Store, StorySnapshot, TurnState, WorldEntry

SHARE_HOURS = 24
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
"""No 0/O, 1/I/L: a code is read aloud and typed on phones."""
_CODE = re.compile(r"[A-Z0-9]{4}-?[A-Z0-9]{4}")


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


class Sharing:
    def __init__(self, store: Store, observer: CraftObserver) -> None:
        self.store = store
        self.observer = observer

    async def share(self, request: Request, state: TurnState) -> Final:
        """The story as it stands, kept for a day under a new code."""
        story = state.story
        assert story is not None
        parts = await self.store.all_parts(story.id)
        shared = Shared(
            premise=story.premise,
            note=story.note,
            parts=[
                _SharedPart(
                    text=p.text,
                    direction=p.direction,
                    author=p.author,
                    choices=list(p.choices),
                    status=p.status,
                )
                for p in parts
            ],
            world=[
                _SharedEntry(
                    name=e.name, aliases=list(e.aliases), description=e.description, pinned=e.pinned
                )
                for e in state.world
            ],
            players=[_SharedPlayer(**asdict(p)) for p in state.players],
        )
        code = new_code()
        await self.store.save_share(
            code, shared.model_dump_json(), time.time() + SHARE_HOURS * 3600
        )
        return said.share_code(code, title_of(story.premise), SHARE_HOURS, request.dialect)

    async def load(self, request: Request, parsed: Parsed) -> Final:
        """A shared story, by its code, as this channel's current one."""
        code = parsed.action.upper().replace(" ", "")
        if not _CODE.fullmatch(code):
            return said.unknown_code(parsed.args)
        if "-" not in code:
            code = f"{code[:4]}-{code[4:]}"
        raw = await self.store.shared(code, time.time())
        if raw is None:
            return said.unknown_code(code)
        try:
            snapshot = Shared.model_validate_json(raw).snapshot()
        except ValidationError:
            return said.unknown_code(code)
        story = await self.store.import_story(request.channel, snapshot, request.event_id)
        self.observer.imported()
        return said.imported(title_of(story.premise), story.last_seq, request.dialect)


class _SharedPart(BaseModel):
    text: str
    direction: str = ""
    author: str = ""
    choices: list[str] = []
    status: PartStatus = PartStatus.COMPLETE


class _SharedEntry(BaseModel):
    name: str
    aliases: list[str] = []
    description: str
    pinned: bool = False


class _SharedPlayer(BaseModel):
    user_id: str
    user_name: str
    character: str
    description: str = ""


class Shared(BaseModel):
    """A story as ``/story share`` stores it: validated again when it is imported."""

    premise: str
    note: str = ""
    parts: list[_SharedPart]
    world: list[_SharedEntry] = []
    players: list[_SharedPlayer] = []

    def snapshot(self) -> StorySnapshot:
        return StorySnapshot(
            self.premise,
            tuple(
                NewPart(p.text, p.direction, p.author, tuple(p.choices), p.status)
                for p in self.parts
            ),
            tuple(
                WorldEntry(0, e.name, tuple(e.aliases), e.description, e.pinned) for e in self.world
            ),
            self.note,
            tuple(Player(p.user_id, p.user_name, p.character, p.description) for p in self.players),
        )
