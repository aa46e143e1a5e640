"""Storytellers. :func:`build_provider` picks the one the configuration names."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from bot.config import ConfigError, LLMEndpoint, Settings
from bot.providers.base import ANY_LANGUAGE, Languages, Provider
from bot.providers.offline import OfflineStoryteller
from bot.providers.offline.languages import SUPPORTED, language_code
from bot.providers.openai import OpenAIProvider
from bot.providers.resilience import CircuitBreaker, Clock, FallbackProvider, RetryPolicy

FALLBACKS = ("offline", "none", "backup")


def build_provider(
    settings: Settings, *, clock: Clock = time.monotonic, retry: RetryPolicy | None = None
) -> Provider:
    """The storyteller the configuration names, wrapped in its safety net.

    ``llm.provider = "offline"`` gives the built-in storyteller. ``"openai"``
    gives the OpenAI-compatible endpoint behind a circuit breaker, falling back
    as ``llm.fallback`` says: to the offline storyteller (the default), to a
    second endpoint ``llm.backup`` (itself falling back to offline), or to
    nothing (``"none"``: the reader is told the storyteller is unavailable).
    ``clock`` and ``retry`` exist so tests need not wait.
    """
    llm = settings.llm
    offline = OfflineStoryteller(
        chunk_delay=settings.offline.chunk_delay, seed=settings.offline.seed
    )
    if llm.provider == "offline":
        return offline
    fallback_name = llm.fallback.strip().lower()
    if fallback_name not in FALLBACKS:
        raise ConfigError(
            f"llm.fallback (STORYBOT_LLM__FALLBACK) must be one of {', '.join(FALLBACKS)}, "
            f"not {llm.fallback!r}"
        )

    def guarded(primary: Provider, fallback: Provider | None) -> FallbackProvider:
        breaker = CircuitBreaker(llm.breaker_failures, llm.breaker_reset, clock=clock)
        return FallbackProvider(primary, fallback, breaker)

    fallback: Provider | None = None
    if fallback_name == "offline":
        fallback = offline
    elif fallback_name == "backup":
        if llm.backup is None:
            raise ConfigError(
                "llm.backup (STORYBOT_LLM__BACKUP__BASE_URL, ...__MODEL) must be set "
                "when llm.fallback is 'backup'"
            )
        fallback = guarded(
            OpenAIProvider(llm.backup, retry=retry, label=_label(llm.backup)), offline
        )
    return guarded(OpenAIProvider(llm, retry=retry, label=_label(llm)), fallback)


def languages_written(settings: Settings) -> Languages:
    """The story languages the configured storyteller writes, so that a channel setting
    it cannot honour is refused when set. A model writes any; with a fallback the
    model's reach is what a setting promises (the fallback is the exception)."""
    if settings.llm.provider == "offline":
        return Languages(SUPPORTED, language_code)
    return ANY_LANGUAGE


def _label(endpoint: LLMEndpoint) -> str:
    """How ``/story help`` names the storyteller: the model and the host, never the key."""
    host = urlsplit(endpoint.base_url).hostname or endpoint.base_url
    return f"the {endpoint.model} model at {host}"
