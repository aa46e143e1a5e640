"""Choice buttons that keep working after a restart, and the modal ``/story edit`` opens.

Each button's ``custom_id`` carries the story part it belongs to and the option
number (``story:choose:<ref>:<n>``), so nothing about it lives in memory: the
class is registered once with ``client.add_dynamic_items`` and any press on any
old message is routed here. The engine checks the ref, so a press on a part the
story has moved past gets a short private "the story has moved on".
"""

from __future__ import annotations

import re
import secrets
from typing import Any, Protocol

import discord

from adapters.discord.render import button_label
from bot.commands import Command, Parsed
from bot.delivery import Choices, with_votes
from bot.i18n import N_, translator

TEMPLATE = re.compile(r"story:choose:(?P<ref>[^\s]{1,80}):(?P<n>[0-9]{1,2})")
MAX_BUTTONS = 25  # five rows of five
MAX_EDIT = 4000
"""Characters a modal's text input holds (Discord's limit on its value)."""
EDIT_TIMEOUT = 30 * 60.0
"""Seconds an unsubmitted edit modal is remembered: Discord does not say when one is dismissed."""
EDIT_TITLE = N_("Edit the last part")
EDIT_LABEL = N_("The part's text")
EDIT_HINT = N_("Change it as you like; the old text is kept as a branch.")
MAX_TITLE = 45
"""Discord's limits on a modal's title and a label's text (45), and a label's description."""
MAX_LABEL = 45
MAX_HINT = 100


def _fit(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


class ChoiceHandler(Protocol):
    async def choose(self, interaction: discord.Interaction, ref: str, number: int) -> None: ...


def custom_id(ref: str, number: int) -> str:
    return f"story:choose:{ref}:{number}"


class ChoiceButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=TEMPLATE):
    """Option ``number`` of story part ``ref``."""

    def __init__(self, ref: str, number: int, label: str = "") -> None:
        super().__init__(
            discord.ui.Button(
                label=label or str(number),
                style=discord.ButtonStyle.primary,
                custom_id=custom_id(ref, number),
            )
        )
        self.ref = ref
        self.number = number

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> ChoiceButton:
        return cls(match["ref"], int(match["n"]), getattr(item, "label", None) or "")

    async def callback(self, interaction: discord.Interaction) -> None:
        handler: ChoiceHandler | None = getattr(interaction.client, "story_handler", None)
        if handler is not None:
            await handler.choose(interaction, self.ref, self.number)


def choice_view(choices: Choices) -> discord.ui.View | None:
    """A persistent view with one button per option, or None if they cannot be built."""
    ref = choices.ref
    if not choices.labels or ref is None or not TEMPLATE.fullmatch(custom_id(ref, 1)):
        return None
    view = discord.ui.View(timeout=None)
    for number, label in enumerate(choices.labels[:MAX_BUTTONS], start=1):
        shown = with_votes(button_label(number, label, limit=72), choices.votes(number))
        view.add_item(ChoiceButton(ref, number, shown))
    return view


class EditHandler(Protocol):
    async def run(
        self,
        interaction: discord.Interaction,
        command: Parsed,
        *,
        private: bool = False,
        ref: str | None = None,
    ) -> None: ...


class EditModal(discord.ui.Modal):
    """One paragraph box holding the last part's text; submitting it runs ``/story edit``.

    It carries the part's ``ref``, so an edit of a part the story has since gone past
    is refused rather than written over the new last part. The custom id is unique
    per opening: discord.py finds an open modal by it.
    """

    def __init__(self, handler: EditHandler, ref: str, text: str, language: str = "en") -> None:
        words = translator(language).gettext
        super().__init__(
            title=_fit(words(EDIT_TITLE), MAX_TITLE),
            timeout=EDIT_TIMEOUT,
            custom_id=f"story:edit:{secrets.token_hex(8)}",
        )
        self.handler = handler
        self.ref = ref
        self.text: discord.ui.TextInput[EditModal] = discord.ui.TextInput(
            style=discord.TextStyle.paragraph,
            default=text,
            min_length=1,
            max_length=MAX_EDIT,
            custom_id="text",
        )
        self.add_item(
            discord.ui.Label(
                text=_fit(words(EDIT_LABEL), MAX_LABEL),
                description=_fit(words(EDIT_HINT), MAX_HINT),
                component=self.text,
            )
        )

    async def on_submit(self, interaction: discord.Interaction) -> None:
        edit = Parsed(Command.EDIT, self.text.value)
        await self.handler.run(interaction, edit, private=False, ref=self.ref)
