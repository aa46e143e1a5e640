"""The offline storyteller: its interface, seeds, streaming, and the state it keeps."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.providers.base import Generation, Message, StoryContext, StoryState, Task, Usage
from bot.providers.offline import OfflineStoryteller, language_code, tell, tell_with_state
from bot.providers.offline.model import VERSION
from bot.providers.offline.store import load
from bot.providers.offline.text import is_japanese
from bot.providers.story_text import parse_choices, story_body, strip_choices
from bot.story_settings import StorySettings

PRIYA = "Detective Priya Nair must find the stolen crown in New Avalon with Mr. Okafor"
LANGUAGES = {"English": "en", "Deutsch": "de", "français": "fr", "日本語": "ja"}
PREMISES = {
    "English": PRIYA,
    "Deutsch": "Kommissarin Priya Nair muss mit Herrn Okafor die gestohlene Krone in Neu-Avalon "
    "finden",
    "français": "L'inspectrice Priya Nair doit retrouver la couronne volée à Nouvelle-Avalon avec "
    "M. Okafor",
    "日本語": "探偵のプリヤ・ナイルは、オカフォー氏と一緒に"
    "ニュー・アヴァロンで盗まれた王冠を探さなければならない",
}


def context(premise: str = PRIYA, **changes: Any) -> StoryContext:
    keys = ("genre", "tone", "length", "language", "rating", "choices")
    settings = StorySettings(**{k: changes.pop(k) for k in list(changes) if k in keys})
    changes.setdefault("seed", 7)
    return StoryContext(premise=premise, settings=settings, **changes)


def generation(task: Task, ctx: StoryContext) -> Generation:
    return Generation(task, "", (Message("user", "hi"),), 900, ctx)


def story(premise: str = PRIYA, parts: int = 6, **settings: Any) -> list[tuple[str, str]]:
    """Parts written one after another as the engine would, each with its state."""
    written: list[tuple[str, str]] = []
    state = ""
    for number in range(1, parts + 1):
        task = Task.OPEN if number == 1 else Task.CONTINUE
        recent = tuple(text for text, _ in written[-3:])
        ctx = context(premise, part_number=number, recent=recent, state=state, **settings)
        text, state = tell_with_state(task, ctx)
        written.append((text, state))
    return written


# --- Interface ------------------------------------------------------------------------------


async def test_stream_is_the_text_in_chunks_then_the_state_then_usage() -> None:
    teller = OfflineStoryteller(chunk_delay=0, seed=3)
    ctx = context(length="long")
    chunks = [c async for c in teller.stream(generation(Task.OPEN, ctx))]
    texts = [c for c in chunks if isinstance(c, str)]
    assert "".join(texts) == tell(Task.OPEN, ctx)
    assert all(1 <= len(c.split()) <= 3 for c in texts)
    assert isinstance(chunks[-2], StoryState)
    assert load(chunks[-2].text).cast
    assert isinstance(chunks[-1], Usage)
    assert chunks[-1].completion_tokens > 100
    assert teller.name == "the built-in offline storyteller"
    await teller.aclose()


async def test_japanese_streams_by_characters() -> None:
    teller = OfflineStoryteller(chunk_delay=0)
    ctx = context(PREMISES["日本語"], language="日本語")
    texts = [c async for c in teller.stream(generation(Task.OPEN, ctx)) if isinstance(c, str)]
    assert len(texts) > 50
    assert all(len(chunk) <= 6 for chunk in texts)
    assert is_japanese("".join(texts))


@pytest.mark.parametrize("task", [Task.RECAP, Task.SUMMARY])
async def test_no_state_after_recaps_and_summaries(task: Task) -> None:
    first, state = tell_with_state(Task.OPEN, context())
    ctx = context(recent=(first,), state=state, part_number=2)
    chunks = [c async for c in OfflineStoryteller(chunk_delay=0).stream(generation(task, ctx))]
    assert not any(isinstance(c, StoryState) for c in chunks)


async def test_chunk_delay_paces_the_stream() -> None:
    teller = OfflineStoryteller(chunk_delay=0.002, seed=3)
    started = time.monotonic()
    chunks = [c async for c in teller.stream(generation(Task.OPEN, context(length="short")))]
    assert time.monotonic() - started >= 0.002 * (len(chunks) - 3)


def test_same_seed_same_story_and_another_seed_another() -> None:
    assert tell(Task.OPEN, context(seed=11)) == tell(Task.OPEN, context(seed=11))
    assert tell(Task.OPEN, context(seed=11)) != tell(Task.OPEN, context(seed=12))
    assert len({tell(Task.OPEN, context(seed=None)) for _ in range(6)}) >= 5


async def test_constructor_seed_is_used_and_context_seed_wins() -> None:
    async def text(teller: OfflineStoryteller, ctx: StoryContext) -> str:
        chunks = teller.stream(generation(Task.OPEN, ctx))
        return "".join([c async for c in chunks if isinstance(c, str)])

    unseeded = context(seed=None)
    a = await text(OfflineStoryteller(chunk_delay=0, seed=5), unseeded)
    assert a == await text(OfflineStoryteller(chunk_delay=0, seed=5), unseeded)
    assert await text(OfflineStoryteller(chunk_delay=0, seed=5), context(seed=6)) != a


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("English", "en"), ("english", "en"), ("Deutsch", "de"), ("German", "de"),
        ("français", "fr"), ("Francais", "fr"), ("French", "fr"), ("日本語", "ja"),
        ("Japanese", "ja"), (" deutsch ", "de"), ("Spanish", None), ("Klingon", None), ("", None),
    ],
)  # fmt: skip
def test_language_code_knows_each_language_by_its_own_name(name: str, code: str | None) -> None:
    assert language_code(name) == code


def test_unsupported_language_writes_english() -> None:
    assert tell(Task.OPEN, context(language="Español")) == tell(Task.OPEN, context())


# --- State -------------------------------------------------------------------------------


def test_the_state_is_versioned_json_with_the_whole_cast() -> None:
    _, state = tell_with_state(Task.OPEN, context())
    data = json.loads(state)
    assert data["version"] == VERSION
    names = {(c["title"], c["name"]) for c in data["cast"]}
    assert ("Detective", "Priya Nair") in names
    assert ("Mr.", "Okafor") in names
    assert not any(c["name"] in ("Mr", "Priya", "New Avalon") for c in data["cast"])
    assert any(p["noun"]["words"] == "New Avalon" for p in data["places"])
    goal = next(t for t in data["things"] if t["role"] == "goal")
    assert goal["noun"]["head"] == "crown"
    assert data["goal"]["cond"] == "stolen"


def test_a_restart_is_the_same_as_carrying_on() -> None:
    """The state string is all that survives a restart: the next part is the same from it."""
    written = story(parts=3)
    _last_text, last_state = written[-1]
    recent = tuple(text for text, _ in written)
    ctx = context(part_number=4, recent=recent, state=last_state, direction="")
    again = context(part_number=4, recent=recent, state=str(last_state), direction="")
    assert tell(Task.CONTINUE, ctx) == tell(Task.CONTINUE, again)


@pytest.mark.parametrize(
    "state",
    ["", "garbage", "{}", "[]", "null", '{"version": 0}', '{"version": 1, "cast": "x"}',
     json.dumps({"version": VERSION, "cast": []}), '{"version": 1, "cast": [{"id": 3}]}'],
)  # fmt: skip
def test_an_unreadable_or_old_state_is_rebuilt_from_the_text(state: str) -> None:
    first = tell(Task.OPEN, context())
    ctx = context(recent=(first,), part_number=2, state=state, summary="Cast: Priya, Zed")
    text, new_state = tell_with_state(Task.CONTINUE, ctx)
    assert "Priya" in text
    assert load(new_state).hero.name == "Priya Nair"


def test_a_state_in_another_language_is_rebuilt_in_the_new_one() -> None:
    _, english = tell_with_state(Task.OPEN, context())
    ctx = context(PREMISES["Deutsch"], language="Deutsch", part_number=2, state=english)
    text, state = tell_with_state(Task.CONTINUE, ctx)
    assert load(state).lang == "de"
    assert "Wie geht es weiter?" in text


def test_retry_with_the_previous_state_writes_another_part_from_the_same_point() -> None:
    written = story(parts=2)
    first_text, first_state = written[0]
    ctx = context(part_number=2, recent=(first_text,), state=first_state)
    retried = context(part_number=2, recent=(first_text,), state=first_state, seed=8)
    assert tell(Task.CONTINUE, ctx) == written[1][0]
    assert tell(Task.CONTINUE, retried) != written[1][0]


# --- Never crashing -------------------------------------------------------------------------

WEIRD = ["", "   ", "🐉🔥✨", "x" * 2000, "word " * 400, "<script>alert(1)</script>", "?!?!...",
         "A" * 2000, "ドラゴンと灯台の物語", "DRAGON!!!", "named", "the the the", "Mr.", "Mr. Mr.",
         "{hero} {0} %s {}", "[H:a|b] <x|y>", "1. 2. 3.", "\n\n\n", "'s 's ’s",
         "Lady", "の"]  # fmt: skip


@pytest.mark.parametrize("premise", WEIRD)
@pytest.mark.parametrize("language", list(LANGUAGES))
@pytest.mark.parametrize("task", list(Task))
def test_weird_text_never_breaks_it(premise: str, language: str, task: Task) -> None:
    ctx = context(premise, direction=premise, summary=premise, recent=(premise,), seed=None,
                  language=language, part_number=2, state=premise)  # fmt: skip
    text = tell(task, ctx)
    assert text.strip()
    assert "<script>" not in text
    assert "{" not in text
    if task is not Task.SUMMARY:  # a summary may quote the premise, brackets and all
        assert "[H:" not in text
    if task in (Task.OPEN, Task.CONTINUE):
        assert len(parse_choices(text)) == 3


@settings(max_examples=120, deadline=None)
@given(
    premise=st.text(max_size=200),
    direction=st.text(max_size=80),
    language=st.sampled_from(list(LANGUAGES)),
    task=st.sampled_from([Task.OPEN, Task.CONTINUE, Task.ENDING, Task.RECAP]),
)
def test_any_text_at_all_is_survived(
    premise: str, direction: str, language: str, task: Task
) -> None:
    ctx = context(premise, direction=direction, language=language, part_number=3, seed=1)
    assert tell(task, ctx).strip()


def test_no_choices_when_they_are_off_and_none_in_endings() -> None:
    assert parse_choices(tell(Task.OPEN, context(choices=False))) == ()
    ending = tell(Task.ENDING, context(part_number=3))
    assert parse_choices(ending) == ()
    assert ending.endswith("\n\nThe End.")
    assert story_body(ending) == strip_choices(ending).removesuffix("The End.").rstrip()
