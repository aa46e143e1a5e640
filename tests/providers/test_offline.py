"""The offline storyteller: uses the prompt, keeps its cast, streams, never crashes."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.providers import offline_pools as pools
from bot.providers.base import Generation, Message, StoryContext, Task, Usage
from bot.providers.offline import (
    CHOICES_HEADING,
    OPTION_VERBS,
    OfflineStoryteller,
    find_entities,
    parse_choices,
    pool_for,
    read_summary,
    strip_choices,
    summarise,
    tell,
)
from bot.story_settings import StorySettings

DRAGON = "a dragon named Ember who guards a lighthouse on the Glass Coast"
GENRES = (*pools.GENRES, "cyberpunk western")
TARGETS = {"short": 120, "medium": 260, "long": 500}


def context(premise: str = DRAGON, **changes: Any) -> StoryContext:
    options: dict[str, Any] = {"seed": 7}
    settings = StorySettings(
        **{
            k: changes.pop(k)
            for k in list(changes)
            if k in ("genre", "tone", "length", "rating", "choices")
        }
    )
    options.update(changes)
    return StoryContext(premise=premise, settings=settings, **options)


def generation(task: Task, ctx: StoryContext, system: str = "") -> Generation:
    return Generation(
        task=task, system=system, messages=(Message("user", "hi"),), max_tokens=900, context=ctx
    )


def body(text: str) -> str:
    return strip_choices(text).removesuffix("The End.").rstrip()


def sentences(text: str) -> list[str]:
    return re.findall(r"\S.*?(?:[.!?…]+[”\"’')]*(?=\s|$)|$)", " ".join(text.split()))


def opening_and_next(seed: int = 7, **changes: Any) -> tuple[str, str, StoryContext]:
    first = tell(Task.OPEN, context(seed=seed, **changes))
    memory = summarise("", [first], DRAGON)
    later = context(seed=seed, summary=memory, recent=(first,), part_number=2, **changes)
    return first, tell(Task.CONTINUE, later), later


# --- Using the prompt ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("premise", "expected"),
    [
        (DRAGON, ["Ember", "lighthouse", "Glass Coast"]),
        (
            "Captain Mira and her robot Bolt explore the ruins of Mars",
            ["Captain Mira", "Bolt", "Mars"],
        ),
        ("a cat called biscuit who lives in a small village", ["Biscuit", "small village"]),
        (
            "Detective Holmes looks for a stolen painting in London.",
            ["Detective Holmes", "stolen painting", "London"],
        ),
        ("A DRAGON NAMED EMBER WHO GUARDS A LIGHTHOUSE", ["Ember", "lighthouse"]),
    ],
)
@pytest.mark.parametrize("seed", [1, 7, 42])
def test_opening_weaves_in_the_names_places_and_objects_of_the_prompt(
    premise: str, expected: list[str], seed: int
) -> None:
    text = tell(Task.OPEN, context(premise, seed=seed))
    for entity in expected:
        assert entity in text


def test_hero_of_the_prompt_comes_first_and_is_described_by_its_kind() -> None:
    text = tell(Task.OPEN, context(DRAGON))
    first = sentences(text)[0]
    assert "Ember" in first
    assert "dragon" in first


def test_unnamed_hero_gets_an_invented_name_and_keeps_the_subject() -> None:
    text = tell(Task.OPEN, context("a dragon who guards a lighthouse", seed=3))
    first = sentences(text)[0]
    assert any(name in first for name in pools.HERO_NAMES)
    assert "dragon" in first
    assert "lighthouse" in text


def test_entities_ignore_sentence_initial_common_words() -> None:
    found = find_entities("The wind howled. Then she ran. When it rained, Captain Mira smiled.")
    assert found.names == ["Captain Mira"]


def test_entities_tell_places_from_names() -> None:
    found = find_entities("Pip said to Ember that the Isle of Mist lay beyond Port Amber.")
    assert found.names == ["Pip", "Ember"]
    assert found.places == ["the Isle of Mist", "Port Amber"]


# --- Shape and length --------------------------------------------------------------------


@pytest.mark.parametrize("length", list(TARGETS))
@pytest.mark.parametrize("genre", GENRES)
@pytest.mark.parametrize("task", [Task.OPEN, Task.CONTINUE, Task.ENDING])
def test_length_is_near_the_target(length: str, genre: str, task: Task) -> None:
    target = TARGETS[length]
    for seed in range(5):
        ctx = context(
            seed=seed,
            genre=genre,
            length=length,
            part_number=2,
            recent=(tell(Task.OPEN, context(seed=seed, genre=genre)),),
        )
        text = tell(task, ctx)
        assert 0.65 * target <= len(text.split()) <= 1.35 * target
        assert 0.65 * target <= len(body(text).split()) <= 1.35 * target


@pytest.mark.parametrize("task", [Task.OPEN, Task.CONTINUE, Task.ENDING])
def test_paragraphs_have_two_to_four_sentences(task: Task) -> None:
    for seed in range(20):
        text = tell(task, context(seed=seed, length="long", direction="Follow Pip home"))
        paragraphs = body(text).split("\n\n")
        assert len(paragraphs) >= 3
        for paragraph in paragraphs:
            assert 2 <= len(sentences(paragraph)) <= 4, paragraph


# --- Choices -------------------------------------------------------------------------------


@pytest.mark.parametrize("genre", GENRES)
@pytest.mark.parametrize("task", [Task.OPEN, Task.CONTINUE])
def test_choices_are_three_short_numbered_imperatives_using_the_story(
    genre: str, task: Task
) -> None:
    for seed in range(10):
        text = tell(task, context(seed=seed, genre=genre, part_number=2))
        lines = text.splitlines()
        assert lines[-4] == CHOICES_HEADING
        assert [line[:3] for line in lines[-3:]] == ["1. ", "2. ", "3. "]
        options = parse_choices(text)
        assert len(options) == 3
        assert len(set(options)) == 3
        for option in options:
            assert len(option) <= 80
            assert option.split()[0].lower() in OPTION_VERBS
            assert not option.endswith((".", "!", "?"))


def test_some_choices_name_the_story_entities() -> None:
    mentions = 0
    for seed in range(10):
        options = parse_choices(tell(Task.OPEN, context(seed=seed)))
        mentions += sum(
            any(e in o for e in ("Ember", "Glass Coast", "lighthouse"))
            or bool(re.search(r"\b[A-Z][a-z]+\b", o[1:]))
            for o in options
        )
    assert mentions >= 15


@pytest.mark.parametrize("task", [Task.ENDING, Task.RECAP, Task.SUMMARY])
def test_no_choices_for_endings_recaps_and_summaries(task: Task) -> None:
    _, _, later = opening_and_next()
    text = tell(task, later)
    assert parse_choices(text) == ()
    assert CHOICES_HEADING not in text


@pytest.mark.parametrize("task", [Task.OPEN, Task.CONTINUE])
def test_no_choices_when_they_are_off(task: Task) -> None:
    text = tell(task, context(choices=False, part_number=2))
    assert parse_choices(text) == ()
    assert CHOICES_HEADING not in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Story.\n\nWhat now?\n1. Go left\n2. Go right\n3. Wait", ("Go left", "Go right", "Wait")),
        ("Story.\n1) Run\n2) Hide\n", ("Run", "Hide")),
        (
            "Story.\n\n**1.** Open the door\n\n**2.** Knock twice  \n",
            ("Open the door", "Knock twice"),
        ),
        ("Story.\n1. **Swim**\n2. **Sail**", ("Swim", "Sail")),
        ("Lists:\n1. eggs\n2. milk\n\nThen she went home.", ()),
        ("Only one:\n1. Go", ()),
        ("Out of order:\n2. Go\n3. Stay", ()),
        ("", ()),
        ("No options at all.", ()),
    ],
)
def test_parse_choices(text: str, expected: tuple[str, ...]) -> None:
    assert parse_choices(text) == expected


def test_strip_choices_removes_the_options_and_their_question() -> None:
    text = "It was dark.\n\nWhat happens next?\n1. Run\n2. Hide\n3. Sing"
    assert strip_choices(text) == "It was dark."
    assert strip_choices("No choices here.\n") == "No choices here."


# --- Seeds -------------------------------------------------------------------------------


def test_same_seed_same_story() -> None:
    assert tell(Task.OPEN, context(seed=11)) == tell(Task.OPEN, context(seed=11))
    assert tell(Task.OPEN, context(seed=11)) != tell(Task.OPEN, context(seed=12))


async def test_constructor_seed_is_used_and_context_seed_wins() -> None:
    async def text(teller: OfflineStoryteller, ctx: StoryContext) -> str:
        return "".join(
            [c async for c in teller.stream(generation(Task.OPEN, ctx)) if isinstance(c, str)]
        )

    unseeded = context(seed=None)
    a = await text(OfflineStoryteller(chunk_delay=0, seed=5), unseeded)
    b = await text(OfflineStoryteller(chunk_delay=0, seed=5), unseeded)
    assert a == b
    c = await text(OfflineStoryteller(chunk_delay=0, seed=5), context(seed=6))
    assert c == tell(Task.OPEN, context(seed=6))
    assert c != a


def test_no_seed_gives_variety() -> None:
    texts = {tell(Task.OPEN, context(seed=None)) for _ in range(6)}
    assert len(texts) >= 5


def test_system_prompt_and_messages_are_ignored() -> None:
    teller = OfflineStoryteller(chunk_delay=0)
    ctx = context()
    assert teller.write(generation(Task.OPEN, ctx, "be brief")) == teller.write(
        generation(Task.OPEN, ctx, "be long")
    )


# --- Continuing, ending, recapping --------------------------------------------------------


def test_continuation_keeps_the_hero_from_the_summary_cast_line() -> None:
    memory = "Cast: Juniper, Quill\nPlaces: the Glass Coast\nStory so far: Juniper woke up."
    ctx = context(
        "a dragon who guards a lighthouse",
        summary=memory,
        part_number=5,
        recent=("Juniper and Quill talked near the Glass Coast.",),
    )
    text = tell(Task.CONTINUE, ctx)
    assert text.count("Juniper") >= 3
    assert "Glass Coast" in text
    assert not any(name in text for name in set(pools.HERO_NAMES) - {"Juniper"})


def test_continuation_keeps_an_invented_hero_from_the_recent_parts() -> None:
    premise = "a robot who wants to paint"
    first = tell(Task.OPEN, context(premise, seed=4, genre="sci-fi"))
    hero = next(name for name in pools.HERO_NAMES if name in sentences(first)[0])
    text = tell(
        Task.CONTINUE, context(premise, seed=99, genre="sci-fi", recent=(first,), part_number=2)
    )
    assert hero in text


@pytest.mark.parametrize("seed", range(5))
def test_consecutive_parts_differ(seed: int) -> None:
    first, second, later = opening_and_next(seed)
    third = tell(
        Task.CONTINUE,
        context(seed=seed, recent=(first, second), part_number=3, summary=later.summary),
    )
    for before, after in ((first, second), (second, third)):
        shared = set(sentences(body(before))) & set(sentences(body(after)))
        assert len(shared) <= 1, shared
        assert "Ember" in after


def test_continuation_narrates_the_chosen_option() -> None:
    first = tell(Task.OPEN, context())
    option = parse_choices(first)[1]
    text = tell(Task.CONTINUE, context(recent=(first,), direction=option, part_number=2))
    assert f"{option[0].lower()}{option[1:]}." in sentences(text)[0]
    assert "Ember" in sentences(text)[0]


def test_continuation_weaves_in_free_text_and_its_new_names() -> None:
    steer = "a storm rolls in and a fox named Rusk knocks on the door"
    text = tell(Task.CONTINUE, context(direction=steer, part_number=2))
    assert f"“{steer}”" in text
    assert text.count("Rusk") >= 2


def test_make_it_changes_the_tone_instead_of_being_quoted() -> None:
    text = tell(Task.CONTINUE, context(direction="make it spooky", part_number=2))
    assert "make it" not in text
    assert "spooky" in text
    assert "Ember" in text


@pytest.mark.parametrize("genre", GENRES)
def test_ending_resolves_with_the_same_cast_and_says_the_end(genre: str) -> None:
    _, _, later = opening_and_next(genre=genre)
    text = tell(Task.ENDING, later)
    assert text.splitlines()[-1] == "The End."
    assert text.splitlines()[-2] == ""
    assert "Ember" in body(text)
    friend = read_summary(later.summary).cast[1]
    assert friend in body(text)


def test_recap_names_the_cast_in_two_to_five_sentences() -> None:
    first, second, later = opening_and_next()
    memory = summarise(later.summary, [second], DRAGON)
    text = tell(Task.RECAP, context(summary=memory, recent=(first, second), part_number=3))
    assert 2 <= len(sentences(text)) <= 5
    for name in read_summary(memory).cast:
        assert name in text
    assert tell(Task.RECAP, context()).count(".") >= 2


# --- Memory ----------------------------------------------------------------------------------


def test_summary_task_has_the_three_line_shape() -> None:
    first, _, _ = opening_and_next()
    text = tell(Task.SUMMARY, context(recent=(first,)))
    lines = text.splitlines()
    assert [line.split(":")[0] for line in lines] == ["Cast", "Places", "Story so far"]
    assert lines[0].startswith("Cast: Ember, ")
    assert "the Glass Coast" in lines[1]


def test_summarise_does_not_take_common_words_for_names() -> None:
    text = summarise(
        "",
        [
            "The wind howled. Then she ran. When it rained, Captain Mira smiled. "
            "What a day! It was over."
        ],
        "a storm",
    )
    assert read_summary(text).cast == ["Captain Mira"]


def test_summarise_keeps_part_one_through_200_folds_and_stays_bounded() -> None:
    newcomers = [
        "Rusk",
        "Odile",
        "Tamsin",
        "Bartholomew",
        "Yusuf",
        "Ingrid",
        "Kofi",
        "Lucia",
        "Matteo",
        "Noor",
        "Priya",
        "Sven",
        "Zara",
        "Hugo",
        "Anouk",
        "Dmitri",
    ]
    first = tell(Task.OPEN, context())
    memory = summarise("", [first], DRAGON)
    opening_fact = read_summary(memory).story[0]
    part_one_cast = read_summary(memory).cast
    recent: tuple[str, ...] = (first,)
    for number in range(2, 202):
        steer = f"Ember meets a traveller named {newcomers[number % len(newcomers)]}"
        part = tell(
            Task.CONTINUE,
            context(summary=memory, recent=recent, direction=steer, part_number=number),
        )
        assert "Ember" in part
        memory = summarise(memory, [part], DRAGON)
        recent = (part,)
        assert len(memory) <= 1600
    final = read_summary(memory)
    assert final.cast[: len(part_one_cast)] == part_one_cast
    assert len(final.cast) == 12
    assert "the Glass Coast" in final.places
    assert final.story[0] == opening_fact
    assert len(final.story) >= 2


@pytest.mark.parametrize("limit", [120, 300, 800])
def test_summarise_respects_small_limits(limit: int) -> None:
    memory = ""
    for number in range(30):
        part = tell(Task.CONTINUE, context(part_number=number, recent=(), summary=memory))
        memory = summarise(memory, [part], DRAGON, max_chars=limit)
        assert len(memory) <= limit
    assert memory.startswith("Cast: Ember")


def test_summarise_reads_a_free_text_summary_from_elsewhere() -> None:
    text = summarise("Elara found a key in the Dark Forest. She gave it to Tomas.", [], "")
    memory = read_summary(text)
    assert memory.cast == ["Elara", "Tomas"]
    assert memory.places == ["the Dark Forest"]
    assert memory.story[0] == "Elara found a key in the Dark Forest."


# --- Streaming -------------------------------------------------------------------------------


async def test_chunks_join_to_the_whole_text_and_usage_comes_last() -> None:
    teller = OfflineStoryteller(chunk_delay=0, seed=3)
    ctx = context(length="long")
    chunks = [c async for c in teller.stream(generation(Task.OPEN, ctx))]
    texts = [c for c in chunks[:-1] if isinstance(c, str)]
    assert len(texts) == len(chunks) - 1
    assert "".join(texts) == tell(Task.OPEN, ctx, seed=3)
    assert len(texts) > 50
    assert all(1 <= len(c.split()) <= 3 for c in texts)
    usage = chunks[-1]
    assert isinstance(usage, Usage)
    assert usage.completion_tokens > 100
    assert usage.prompt_tokens > 0
    assert teller.name == "the built-in offline storyteller"
    await teller.aclose()


async def test_chunk_delay_paces_the_stream() -> None:
    teller = OfflineStoryteller(chunk_delay=0.002, seed=3)
    started = time.monotonic()
    chunks = [c async for c in teller.stream(generation(Task.OPEN, context(length="short")))]
    assert time.monotonic() - started >= 0.002 * (len(chunks) - 2)


# --- Never crashing -----------------------------------------------------------------------

WEIRD = [
    "",
    "   ",
    "🐉🔥✨",
    "x" * 2000,
    "word " * 400,
    "<script>alert(1)</script>",
    "?!?!...",
    "A" * 2000,
    "ドラゴンと灯台の物語",
    "DRAGON!!!",
    "named",
    "the the the",
    "a",
    "Named Called",
    "{hero} {0} %s {}",
    "Ünïcödé Çharacters named Ünal on the Île de Ré",
    "1. 2. 3.",
    "\n\n\n",
    "one\ntwo\n1) three",
    "'s 's ’s",
    "-- - --",
]


@pytest.mark.parametrize("premise", WEIRD)
@pytest.mark.parametrize("task", list(Task))
def test_weird_prompts_never_break_it(premise: str, task: Task) -> None:
    ctx = context(premise, direction=premise, summary=premise, recent=(premise,), seed=None)
    text = tell(task, ctx)
    assert text.strip()
    assert "<script>" not in text
    assert "{" not in text
    if task in (Task.OPEN, Task.CONTINUE):
        assert len(parse_choices(text)) == 3


@settings(max_examples=150, deadline=None)
@given(
    premise=st.text(max_size=300),
    direction=st.text(max_size=80),
    genre=st.sampled_from(GENRES),
    task=st.sampled_from(list(Task)),
)
def test_any_text_at_all_is_survived(premise: str, direction: str, genre: str, task: Task) -> None:
    ctx = context(premise, direction=direction, genre=genre, recent=(premise,), seed=1)
    text = tell(task, ctx)
    assert text.strip()
    assert len(summarise(premise, [premise, text], premise, max_chars=400)) <= 400


# --- The pools ---------------------------------------------------------------------------

ALL_POOLS = (*pools.GENRES.values(), pools.GENERIC)
TEMPLATES = list(pools.all_templates())


@pytest.mark.parametrize("template", TEMPLATES)
def test_pool_sentences_never_invent_names_or_hide_places(template: str) -> None:
    sentence = template.format(
        hero="Wren",
        friend="Pip",
        place="the Foxglove Manor",
        object="the lighthouse",
        a_kind="a dragon",
        a_companion="a fox",
        tone="warm",
        action="follow the lights",
        quoted="“a storm”",
    )
    found = find_entities(sentence[0].upper() + sentence[1:])
    assert set(found.names) == {n for n in ("Wren", "Pip") if n in sentence}
    if "{place}" in template:
        assert "the Foxglove Manor" in found.places


def test_pools_are_family_friendly_and_complete() -> None:
    banned = re.compile(
        r"\b(kill\w*|blood\w*|dead|die[sd]?|murder\w*|gun\w*|knife|knives|"
        r"corpse|gore|sexy|damn|hell)\b",
        re.I,
    )
    for pool in ALL_POOLS:
        assert len(pool.intros) >= 3
        assert len(pool.scenes) >= 12
        assert len(pool.options) >= 6
        assert all(place.startswith("the ") for place in pool.places)
        assert all(obj.startswith("the ") for obj in pool.objects)
        words = " ".join(
            " ".join(group)
            for group in (
                pool.kinds,
                pool.places,
                pool.objects,
                pool.companions,
                pool.intros,
                pool.wants,
                pool.scenes,
                pool.hooks,
                pool.endings,
                pool.options,
            )
        )
        assert not banned.search(words)
    assert not banned.search(" ".join(TEMPLATES))


@pytest.mark.parametrize(
    ("genre", "expected"),
    [
        ("fantasy", pools.FANTASY),
        ("Science Fiction", pools.SCIFI),
        ("space opera", pools.SCIFI),
        ("fairytale", pools.FAIRY_TALE),
        ("spooky ghost story", pools.HORROR),
        ("cozy mystery", pools.MYSTERY),
        ("rom-com romance", pools.ROMANCE),
        ("slice of life", pools.GENERIC),
        ("", pools.GENERIC),
    ],
)
def test_pool_for_genre(genre: str, expected: pools.Pool) -> None:
    assert pool_for(genre) is expected


def matches(template: str, sentence: str) -> bool:
    pattern = re.sub(r"\\{\w+\\}", ".+", re.escape(template))
    return re.fullmatch(pattern, sentence) is not None


@pytest.mark.parametrize("genre", list(pools.GENRES))
def test_genre_picks_the_opening_sentence_pool(genre: str) -> None:
    for seed in range(5):
        first = sentences(tell(Task.OPEN, context(seed=seed, genre=genre)))[0]
        assert any(matches(t, first) for t in pools.GENRES[genre].intros), first
