"""What each writing command asks of the storyteller: a :class:`~bot.writing.Plan`, or
a short answer when the request cannot be written (no story, a stale button, bad input,
another player's turn).

Everything the commands share (streaming, storing, the final reply) is in
:mod:`bot.writing`; only their differences are here, and the story's craft that
every generation carries: the world-book entries that came up, the author's
note and the cast, inside the bounded context.
"""

from __future__ import annotations

import random
import time
from dataclasses import replace

from bot import replies, worldbook
from bot.commands import Command, Parsed, is_number
from bot.config import StoryConfig
from bot.library import ChannelLibrary
from bot.memory import Memory
from bot.providers.base import StoryContext, Task, estimate_tokens
from bot.types import Final, Request
from bot.writing import Plan, Storing, part_ref
from storage.base import Player, StoryStatus, TurnState

WRITING = frozenset(
    {
        Command.NEW,
        Command.RANDOM,
        Command.CONTINUE,
        Command.CHOOSE,
        Command.RETRY,
        Command.END,
        Command.RECAP,
    }
)
STEERING = frozenset({Command.CONTINUE, Command.CHOOSE})
"""What only the player whose turn it is may do, when turns are on."""


def cast_lines(players: tuple[Player, ...]) -> tuple[str, ...]:
    """Who plays whom, as the storyteller is told (user content, never system text)."""
    return tuple(
        f"{p.character}, played by {p.user_name}" + (f": {p.description}" if p.description else "")
        for p in players
    )


def whose_turn(state: TurnState, now: float, turn_seconds: float) -> Player | None:
    """The player whose turn it is: the stored one until their time runs out, then the next."""
    players, story = state.players, state.story
    if not players or story is None:
        return None
    ids = [p.user_id for p in players]
    current = ids.index(story.turn_user) if story.turn_user in ids else 0
    since = story.turn_since or now
    if story.turn_user in ids and now - since >= turn_seconds:
        current += int((now - since) // turn_seconds)
    return players[current % len(players)]


class Flows:
    def __init__(
        self,
        memory: Memory,
        library: ChannelLibrary,
        config: StoryConfig,
        *,
        rng: random.Random,
        seed: int | None,
    ) -> None:
        self.memory = memory
        self.library = library
        self.config = config
        self.rng = rng
        self.seed = seed
        self.now = time.time

    async def plan(self, request: Request, parsed: Parsed, state: TurnState) -> Plan | Final:
        """The plan for a writing command, or the answer that replaces it."""
        command, args = parsed.command, parsed.args
        if command is Command.NEW:
            return self._new(request, args, state)
        if command is Command.RANDOM:
            premise = await self.library.random_prompt(request.channel, self.rng)
            return self._new(request, premise, state, shown=replies.random_prompt(premise))
        story = state.story
        if story is None:
            return replies.no_story(command, request.dialect)
        if command in STEERING and state.settings.turns:
            turn = whose_turn(state, self.now(), self.config.turn_seconds)
            if turn is not None and turn.user_id != request.sender.id:
                return replies.not_your_turn(turn.character, turn.user_name, command)
        if command is Command.CHOOSE:
            return self._choose(request, args, state)
        if command is Command.RETRY:
            return self._retry(state)
        context, triggered = self._context(state)
        if command is Command.END:
            return Plan(
                Command.END,
                Task.ENDING,
                self._seeded(context),
                Storing.APPEND,
                story,
                choices=False,
                finish=StoryStatus.ENDED,
                suffix=replies.ended(request.dialect),
                triggered=triggered,
            )
        if command is Command.RECAP:
            return Plan(Command.RECAP, Task.RECAP, context, Storing.NOTHING, story)
        return self._continue(request, args, state, Command.CONTINUE)

    def _context(
        self, state: TurnState, direction: str = "", *, drop_last: bool = False
    ) -> tuple[StoryContext, tuple[int, ...]]:
        """The bounded context with the story's craft: the world-book entries that came up
        in what the storyteller is shown or in the direction, the note and the cast. They
        come out of the same budget as the recent parts, so the prompt stays bounded."""
        story = state.story
        assert story is not None
        plain = self.memory.context(
            story, state.settings, state.recent, direction=direction, drop_last=drop_last
        )
        entries = worldbook.select(state.world, plain.recent, direction, self.config.world_tokens)
        world = tuple(worldbook.rendered(entry) for entry in entries)
        cast = cast_lines(state.players)
        if not (world or cast or story.note):
            return plain, ()
        reserved = sum(estimate_tokens(line) for line in (*world, *cast, story.note))
        context = self.memory.context(
            story,
            state.settings,
            state.recent,
            direction=direction,
            drop_last=drop_last,
            reserved=reserved,
        )
        dressed = replace(context, world=world, note=story.note, cast=cast)
        return dressed, tuple(entry.id for entry in entries)

    def _new(
        self, request: Request, premise: str, state: TurnState, shown: str = ""
    ) -> Plan | Final:
        premise = premise.strip()
        if not premise:
            return replies.info(self.library.help_text(request), command=Command.HELP.value)
        if len(premise) > self.config.max_prompt_length:
            return self._too_long("prompt", premise, Command.NEW)
        context = StoryContext(premise, state.settings, part_number=1, seed=self.seed)
        command = Command.RANDOM if shown else Command.NEW
        return Plan(command, Task.OPEN, context, Storing.START, shown=shown)

    def _continue(
        self, request: Request, direction: str, state: TurnState, command: Command, shown: str = ""
    ) -> Plan | Final:
        assert state.story is not None
        if len(direction) > self.config.max_prompt_length:
            return self._too_long("direction", direction, command)
        player = next((p for p in state.players if p.user_id == request.sender.id), None)
        if player is not None and direction and command is Command.CONTINUE:
            # A player's direction is their character's action, and the story says who.
            direction = f"{player.character}, played by {player.user_name}, {direction}"
        context, triggered = self._context(state, direction)
        return Plan(
            command,
            Task.CONTINUE,
            self._seeded(context),
            Storing.APPEND,
            state.story,
            direction=direction,
            shown=shown,
            triggered=triggered,
            pass_turn=bool(state.settings.turns and state.players),
        )

    def _choose(self, request: Request, args: str, state: TurnState) -> Plan | Final:
        story = state.story
        assert story is not None
        if request.ref is not None and request.ref != part_ref(story.id, story.last_seq):
            return replies.stale_choice()
        labels = state.recent[-1].choices  # the turn's read always includes the last part
        if not labels:
            return replies.no_choices(request.dialect)
        number = args.strip().rstrip(".")
        if not is_number(number) or not 1 <= int(number) <= len(labels):
            return replies.pick_between(len(labels), request.dialect)
        label = labels[int(number) - 1]
        return self._continue(request, label, state, Command.CHOOSE, replies.you_chose(label))

    def chosen(self, request: Request, state: TurnState, number: int, shown: str) -> Plan | Final:
        """The option a closed vote chose, written as a choice with the vote's result shown."""
        labels = state.recent[-1].choices if state.recent else ()
        if not 1 <= number <= len(labels):
            return replies.pick_between(len(labels), request.dialect)
        label = labels[number - 1]
        return self._continue(request, label, state, Command.CHOOSE, shown)

    def _retry(self, state: TurnState) -> Plan:
        story = state.story
        assert story is not None
        last = state.recent[-1]
        triggered: tuple[int, ...] = ()
        if story.last_seq == 1:
            task, context = Task.OPEN, StoryContext(story.premise, state.settings, part_number=1)
        else:
            task = Task.CONTINUE
            context, triggered = self._context(state, last.direction, drop_last=True)
        return Plan(
            Command.RETRY,
            task,
            self._seeded(context, attempt=1),
            Storing.REPLACE,
            story,
            direction=last.direction,
            triggered=triggered,
        )

    def _seeded(self, context: StoryContext, attempt: int = 0) -> StoryContext:
        return replace(context, seed=None if self.seed is None else self.seed + attempt)

    def _too_long(self, what: str, text: str, command: Command) -> Final:
        return replies.too_long(what, len(text), self.config.max_prompt_length, command)
