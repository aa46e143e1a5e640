"""The language of a turn: the channel's ``ui`` setting, else the sender's platform
locale, else ``i18n.default``; decided once and carried on the final reply."""

from __future__ import annotations

import asyncio

import pytest

from bot.config import Settings, StoryConfig
from bot.engine import Engine
from bot.identity import Sender
from bot.memory import Memory, offline_summariser
from bot.providers import languages_written
from bot.providers.offline import OfflineStoryteller
from bot.types import Final, ReplyKind
from storage.sqlite import SqliteStore
from tests.conftest import Ask, collect, make_request
from tests.fakes.provider import ScriptedProvider


def someone(locale: str | None) -> Sender:
    return Sender("u1", "Ada", locale=locale)


async def test_a_german_sender_gets_german_help(ask: Ask) -> None:
    final = await ask("help", sender=someone("de"))
    assert final.language == "de"
    assert "Storybot schreibt Geschichten mit diesem Kanal. Befehle:" in final.text
    assert "/story recap - eine kurze Zusammenfassung der bisherigen Geschichte" in final.text
    assert "Storybot writes stories" not in final.text


async def test_a_japanese_sender_gets_japanese_help(ask: Ask) -> None:
    final = await ask("", sender=someone("ja-JP"))
    assert final.language == "ja"
    assert "コマンド：" in final.text
    assert "/story new <お題>" in final.text  # the command stays; its placeholder is read
    assert "Commands:" not in final.text


async def test_the_channel_setting_wins_over_the_sender(ask: Ask) -> None:
    done = await ask("settings ui Français", sender=someone("de"))
    assert done.language == "fr"  # the reader asked for French: the confirmation is in it
    assert done.text == "C'est fait. ui: Français"
    final = await ask("help", sender=someone("de"))
    assert final.language == "fr"
    assert "Storybot écrit des histoires avec ce canal. Commandes :" in final.text
    await ask("settings ui auto", sender=someone("de"))
    assert (await ask("help", sender=someone("de"))).language == "de"


async def test_an_unknown_locale_falls_back_to_the_default(ask: Ask) -> None:
    final = await ask("help", sender=someone("tlh"))
    assert final.language == "en"
    assert final.text.startswith("Storybot writes stories with this channel. Commands:")


async def test_the_default_is_the_operators_choice(
    store: SqliteStore, provider: ScriptedProvider, story_config: StoryConfig
) -> None:
    memory = Memory(store, story_config, offline_summariser(400))
    engine = Engine(store, provider, story_config, memory, seed=1, language="ja")
    _, final = await collect(engine.handle(make_request("help", sender=someone("xx"))))
    assert final is not None
    assert final.language == "ja"
    assert "コマンド：" in final.text


async def test_an_error_and_a_story_carry_the_language(ask: Ask) -> None:
    error = await ask("continue", sender=someone("fr"))
    assert error.kind is ReplyKind.ERROR
    assert error.language == "fr"
    assert "Il n'y a pas encore d'histoire dans ce canal." in error.text
    story = await ask("a dragon", sender=someone("fr"))
    assert story.kind is ReplyKind.STORY
    assert story.language == "fr"


async def test_plurals_follow_the_language(ask: Ask) -> None:
    await ask("a dragon", sender=someone("de"))
    one = await ask("stories", sender=someone("de"))
    assert "(1 Teil, zuletzt gespielt am " in one.text
    await ask("continue", sender=someone("de"))
    two = await ask("stories", sender=someone("de"))
    assert "(2 Teile, zuletzt gespielt am " in two.text


async def test_a_bad_ui_value_lists_the_languages(ask: Ask) -> None:
    final = await ask("settings ui Klingon", sender=someone("de"))
    assert final.kind is ReplyKind.ERROR
    assert "de (Deutsch)" in final.text
    assert "ja (日本語)" in final.text
    assert "`ui` muss eines davon sein" in final.text


async def test_the_language_does_not_leak_into_the_reading_task(ask: Ask) -> None:
    """Each step of the stream runs in the turn's language and puts the reader's back."""
    from bot import i18n

    await ask("help", sender=someone("ja"))
    assert i18n.speaking() == "en"


async def test_two_channels_answer_in_their_own_languages_at_once(engine: Engine) -> None:
    async def help_in(channel: str, locale: str) -> Final:
        request = make_request("help", channel=channel, sender=someone(locale))
        _, final = await collect(engine.handle(request))
        assert final is not None
        return final

    finals = await asyncio.gather(
        *(help_in(f"c{i}", loc) for i, loc in enumerate("de fr ja en".split()))
    )
    assert [f.language for f in finals] == ["de", "fr", "ja", "en"]
    assert "Befehle:" in finals[0].text
    assert "Commandes :" in finals[1].text
    assert "コマンド：" in finals[2].text
    assert "Commands:" in finals[3].text


async def test_help_outside_a_turn_takes_a_language(engine: Engine) -> None:
    assert "Befehle:" in engine.help_text(language="de")
    assert "Commands:" in engine.help_text()


# A setting the storyteller cannot honour (issue 14)


@pytest.fixture
def offline_engine(store: SqliteStore, story_config: StoryConfig) -> Engine:
    memory = Memory(store, story_config, offline_summariser(400))
    settings = Settings(llm={"provider": "offline"})
    storyteller = OfflineStoryteller(chunk_delay=0)
    return Engine(
        store, storyteller, story_config, memory, seed=1, writes=languages_written(settings)
    )


async def test_the_offline_storyteller_refuses_a_language_it_does_not_write(
    offline_engine: Engine, store: SqliteStore
) -> None:
    _, final = await collect(offline_engine.handle(make_request("settings language Klingon")))
    assert final is not None
    assert final.kind is ReplyKind.ERROR
    assert "writes only English, Deutsch, Français, and 日本語" in final.text
    assert "stays English" in final.text
    settings = await store.get_settings(make_request().channel)
    assert settings.language == "English"  # refused, not kept


async def test_the_offline_storyteller_takes_a_language_it_writes(
    offline_engine: Engine, store: SqliteStore
) -> None:
    _, final = await collect(offline_engine.handle(make_request("settings language Deutsch")))
    assert final is not None
    assert final.kind is ReplyKind.INFO
    assert (await store.get_settings(make_request().channel)).language == "Deutsch"


async def test_the_refusal_is_in_the_readers_language(offline_engine: Engine) -> None:
    request = make_request("settings language Klingon", sender=someone("de"))
    _, final = await collect(offline_engine.handle(request))
    assert final is not None
    assert "schreibt nur English, Deutsch, Français und 日本語" in final.text


async def test_a_model_storyteller_takes_any_language(ask: Ask) -> None:
    final = await ask("settings language Klingon")
    assert final.kind is ReplyKind.INFO
    assert "language: Klingon" in final.text


async def test_menus_outside_a_turn_take_the_users_language(ask: Ask, engine: Engine) -> None:
    await ask("a dragon")
    await ask("retry")  # the part it replaced is kept as a branch
    channel = make_request().channel
    [(_, german)] = await engine.story_branches(channel, "de")
    assert german.startswith("nach Teil 0 (Neuversuch): ")
    [(_, english)] = await engine.story_branches(channel)
    assert "(retry)" in english


async def test_figures_are_grouped_as_the_language_writes_them(ask: Ask) -> None:
    final = await ask("x" * 1501, sender=someone("de"))
    assert "Diese Idee hat 1.501 Zeichen; erlaubt sind 500." in final.text
    english = await ask("x" * 1501)
    assert "That prompt is 1,501 characters; the limit is 500." in english.text


async def test_a_near_miss_on_the_ui_setting_is_a_typo_not_a_story(ask: Ask) -> None:
    final = await ask("setting ui de")
    assert final.outcome == "typo"


async def test_help_names_the_storyteller_in_the_readers_language(offline_engine: Engine) -> None:
    _, final = await collect(offline_engine.handle(make_request("help", sender=someone("de"))))
    assert final is not None
    assert final.text.endswith("Die Geschichten schreibt der eingebaute Offline-Erzähler.")


def test_a_models_name_keeps_the_model_and_host() -> None:
    from bot.i18n import spoken
    from bot.replies import storyteller_name

    with spoken("fr"):
        named = storyteller_name("the gpt-4o-mini model at api.openai.com")
    assert named == "le modèle gpt-4o-mini sur api.openai.com"


async def test_the_backup_notice_and_a_provider_error_reach_the_reader_translated(
    store: SqliteStore, story_config: StoryConfig
) -> None:
    from bot.providers.base import ProviderError
    from bot.providers.openai import KEY_REFUSED
    from bot.providers.resilience import CircuitBreaker, FallbackProvider
    from tests.providers.test_resilience import Failing

    memory = Memory(store, story_config, offline_summariser(400))
    backed = FallbackProvider(Failing(), ScriptedProvider(), CircuitBreaker(3, 60))
    engine = Engine(store, backed, story_config, memory, seed=1)
    _, story = await collect(engine.handle(make_request("a dragon", sender=someone("de"))))
    assert story is not None
    assert story.text.startswith(
        "Der Ersatz-Erzähler hat diesen Teil geschrieben, weil der eigentliche gerade nicht "
        "verfügbar ist.\n\nPart 1 of a dragon"
    )
    refused = ProviderError("HTTP 401", user_message=KEY_REFUSED)
    alone = FallbackProvider(Failing(refused), None, CircuitBreaker(3, 60))
    engine = Engine(store, alone, story_config, memory, seed=1)
    request = make_request("a cat", channel="c2", sender=someone("ja"))
    _, error = await collect(engine.handle(request))
    assert error is not None
    assert error.kind is ReplyKind.ERROR
    assert error.text == "語り手のAPIキーが拒否されました。ボットの運営者に確認を依頼してください。"
