"""What each writing command asks of the storyteller: a :class:`~bot.writing.Plan`, or
a short answer when the request cannot be written (no story, a stale button, bad input).

Everything the commands share (streaming, storing, the final reply) is in
:mod:`bot.writing`; only their differences are here.
"""

from __future__ import annotations

import random
from dataclasses import replace

from bot import replies
from bot.commands import Command, Parsed, is_number
from bot.config import StoryConfig
from bot.library import ChannelLibrary
from bot.memory import Memory
from bot.providers.base import StoryContext, Task
from bot.types import Final, Request
from bot.writing import Plan, Storing, part_ref
from storage.base import StoryStatus, TurnState

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
        if command is Command.CHOOSE:
            return self._choose(request, args, state)
        if command is Command.RETRY:
            return self._retry(state)
        context = self.memory.context(story, state.settings, state.recent)
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
            )
        if command is Command.RECAP:
            return Plan(Command.RECAP, Task.RECAP, context, Storing.NOTHING, story)
        return self._continue(request, args, state, Command.CONTINUE)

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
        context = self.memory.context(
            state.story, state.settings, state.recent, direction=direction
        )
        return Plan(
            command,
            Task.CONTINUE,
            self._seeded(context),
            Storing.APPEND,
            state.story,
            direction=direction,
            shown=shown,
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

    def _retry(self, state: TurnState) -> Plan:
        story = state.story
        assert story is not None
        last = state.recent[-1]
        if story.last_seq == 1:
            task, context = Task.OPEN, StoryContext(story.premise, state.settings, part_number=1)
        else:
            task = Task.CONTINUE
            context = self.memory.context(
                story, state.settings, state.recent, direction=last.direction, drop_last=True
            )
        return Plan(
            Command.RETRY,
            task,
            self._seeded(context, attempt=1),
            Storing.REPLACE,
            story,
            direction=last.direction,
        )

    def _seeded(self, context: StoryContext, attempt: int = 0) -> StoryContext:
        return replace(context, seed=None if self.seed is None else self.seed + attempt)

    def _too_long(self, what: str, text: str, command: Command) -> Final:
        return replies.too_long(what, len(text), self.config.max_prompt_length, command)
