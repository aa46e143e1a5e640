"""Slack text both ways: incoming markup to plain text, plain text to safe mrkdwn and blocks.

Slack gives special meaning to ``<...>`` sequences (``<!channel>``, ``<@U123>``,
``<https://x|label>``) and to the entities ``&amp; &lt; &gt;``. Escaping exactly
``&``, ``<`` and ``>`` in every piece of user or model text is what keeps a story
from pinging a channel or linking somewhere the bot never meant to; sections are
also marked ``verbatim`` so Slack does not turn bare URLs or ``#names`` into links.
"""

from __future__ import annotations

import re
from typing import Any

from bot.commands import is_number
from bot.delivery import Choices, with_votes
from bot.i18n import N_, translator

SECTION_LIMIT = 3000
"""Characters of mrkdwn in one section block, counted after escaping."""
BUTTON_LABEL_LIMIT = 75
MAX_BUTTONS = 25
CHOICE_ACTION_PREFIX = "story_choose_"
CHOICE_ACTION = re.compile(rf"^{CHOICE_ACTION_PREFIX}\d+$")
CHOICES_BLOCK_ID = "story_choices"
EDIT_CALLBACK = "story_edit"
EDIT_BLOCK = "part"
EDIT_ACTION = "text"
MAX_EDIT = 3000
"""Characters a plain_text_input holds (Slack's limit on ``max_length``)."""
MAX_MODAL_TITLE = 24
"""Slack's limit on a modal's title, submit and close texts."""
MAX_INPUT_LABEL = 2000
MAX_INPUT_HINT = 2000
EDIT_TITLE = N_("Edit the last part")
SAVE = N_("Save")
CANCEL = N_("Cancel")
EDIT_LABEL = N_("The part's text")
EDIT_HINT = N_("Change it as you like; the old text is kept as a branch.")

_SPECIAL = re.compile(r"<([^<>]*)>")
_SPECIAL_MENTIONS = {"here": "@here", "channel": "@channel", "everyone": "@everyone"}


def escape(text: str) -> str:
    """Make plain text safe for mrkdwn and the ``text`` field: no mentions, no links."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def measure(text: str) -> int:
    """The length Slack counts for ``text`` once escaped (what the 3,000 limit applies to)."""
    return len(escape(text))


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _readable(inner: str) -> str:
    """One ``<...>`` sequence as a reader would see it."""
    target, _, label = inner.partition("|")
    if target.startswith(("@", "#")):
        return target[0] + (label or target[1:])
    if target.startswith("!"):
        word = target[1:].split("^", 1)[0]
        if label:
            return label
        return _SPECIAL_MENTIONS.get(word, "@" + word)
    return label or target


def to_plain(text: str, *, bot_user_id: str | None = None) -> str:
    """Slack message text as plain text: the bot's own mention removed, markup made readable.

    What the engine stores and shows again must be plain; anything from here is
    escaped once more when it goes back to Slack.
    """
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(\|[^>]*)?>", " ", text)
    plain = _SPECIAL.sub(lambda match: _readable(match.group(1)), text)
    return re.sub(r"[ \t]{2,}", " ", _unescape(plain)).strip()


def mentions(text: str, user_id: str | None) -> bool:
    """Whether raw Slack text mentions ``user_id``."""
    if not user_id:
        return False
    return re.search(rf"<@{re.escape(user_id)}(\|[^>]*)?>", text) is not None


def section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": escape(text), "verbatim": True}}


def button_value(ref: str | None, number: int) -> str:
    return f"{ref or ''}|{number}"


def parse_button_value(value: str) -> tuple[str | None, int] | None:
    """``(ref, n)`` from a choice button's value, or None if it is not one of ours."""
    ref, sep, number = value.rpartition("|")
    if not sep or not is_number(number):
        return None
    return (ref or None), int(number)


def _label(number: int, label: str) -> str:
    text = f"{number}. {' '.join(label.split())}"
    if len(text) > BUTTON_LABEL_LIMIT:
        text = text[: BUTTON_LABEL_LIMIT - 1].rstrip() + "…"
    return text


def choice_buttons(choices: Choices) -> dict[str, Any]:
    """An actions block with one button per option; each carries the part's ref and n."""
    elements = [
        {
            "type": "button",
            "action_id": f"{CHOICE_ACTION_PREFIX}{number}",
            "text": {
                "type": "plain_text",
                "text": with_votes(_label(number, label), choices.votes(number)),
                "emoji": True,
            },
            "value": button_value(choices.ref, number),
        }
        for number, label in enumerate(choices.labels[:MAX_BUTTONS], start=1)
    ]
    return {"type": "actions", "block_id": CHOICES_BLOCK_ID, "elements": elements}


def message_blocks(text: str, choices: Choices | None = None) -> list[dict[str, Any]]:
    """The blocks of one message: its text, then the choice buttons if any."""
    blocks = [section(text)]
    if choices is not None and choices.labels:
        blocks.append(choice_buttons(choices))
    return blocks


def tally_blocks(blocks: list[dict[str, Any]], choices: Choices) -> list[dict[str, Any]]:
    """A pressed message's blocks with its buttons showing the vote's counts."""
    kept = [block for block in blocks if block.get("type") != "actions"]
    return [*kept, choice_buttons(choices)]


def chosen_blocks(blocks: list[dict[str, Any]], note: str) -> list[dict[str, Any]]:
    """A pressed message's blocks with the buttons replaced by who chose what."""
    kept = [block for block in blocks if block.get("type") != "actions"]
    kept.append({"type": "context", "elements": [{"type": "mrkdwn", "text": escape(note)}]})
    return kept


def _plain(text: str, most: int = MAX_INPUT_LABEL) -> dict[str, Any]:
    """A plain_text object, cut to ``most`` characters (Slack refuses the view otherwise)."""
    return {"type": "plain_text", "text": text if len(text) <= most else text[: most - 1] + "…"}


def edit_view(text: str, metadata: str, language: str = "en") -> dict[str, Any]:
    """The modal ``/story edit`` opens: one multiline input holding the last part's text,
    its words in ``language``.

    Inputs take plain text both ways, so ``text`` goes in unescaped. ``metadata``
    comes back with the submission and names the story and the part.
    """
    words = translator(language).gettext
    return {
        "type": "modal",
        "callback_id": EDIT_CALLBACK,
        "title": _plain(words(EDIT_TITLE), MAX_MODAL_TITLE),
        "submit": _plain(words(SAVE), MAX_MODAL_TITLE),
        "close": _plain(words(CANCEL), MAX_MODAL_TITLE),
        "private_metadata": metadata,
        "blocks": [
            {
                "type": "input",
                "block_id": EDIT_BLOCK,
                "label": _plain(words(EDIT_LABEL), MAX_INPUT_LABEL),
                "hint": _plain(words(EDIT_HINT), MAX_INPUT_HINT),
                "element": {
                    "type": "plain_text_input",
                    "action_id": EDIT_ACTION,
                    "multiline": True,
                    "initial_value": text,
                    "max_length": MAX_EDIT,
                },
            }
        ],
    }
