"""Configuration: defaults < TOML file < environment (``STORYBOT_``, ``__`` nests).

Every platform's section is declared here, in the core, so that reading the
configuration never imports a platform library. Secrets are ``SecretStr``: they
print as ``**********`` everywhere, ``check-config`` included.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from bot.credentials import credentials_settings
from bot.redact import hide_url_credentials

CommaList = Annotated[list[str], NoDecode]
IntCommaList = Annotated[list[int], NoDecode]


def _split_commas(value: Any) -> Any:
    """Lists may be given as ``a,b,c`` in the environment, or as TOML arrays."""
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            import json

            return json.loads(text)
        return [item.strip() for item in text.split(",") if item.strip()]
    return value


class ConfigError(ValueError):
    """Invalid configuration; the message names the key."""


class Section(BaseModel):
    model_config = {"extra": "forbid"}


class StoryConfig(Section):
    max_prompt_length: int = Field(500, ge=20, le=20_000)
    max_queue: int = Field(5, ge=1, le=1000, description="turns waiting per channel")
    max_turns: int = Field(2000, ge=1, le=1_000_000, description="turns admitted at once")
    context_tokens: int = Field(1200, ge=200, le=100_000, description="recent parts budget")
    summary_tokens: int = Field(400, ge=50, le=10_000)
    max_prompts: int = Field(100, ge=1, le=10_000, description="prompts per channel")
    user_daily_tokens: int = Field(0, ge=0, description="0 means no budget")
    channel_daily_tokens: int = Field(0, ge=0, description="0 means no budget")


class OfflineConfig(Section):
    chunk_delay: float = Field(0.03, ge=0, le=5, description="seconds between streamed chunks")
    seed: int | None = None


class LLMEndpoint(Section):
    base_url: Annotated[str, Field(pattern=r"^https?://")] = "https://api.openai.com/v1"
    api_key: SecretStr | None = None
    model: str = "gpt-4o-mini"
    temperature: float = Field(0.9, ge=0, le=2)
    max_tokens: int = Field(900, ge=16, le=32_000)
    connect_timeout: float = Field(10, gt=0)
    first_token_timeout: float = Field(60, gt=0)
    between_tokens_timeout: float = Field(30, gt=0)
    total_timeout: float = Field(300, gt=0)


class LLMConfig(LLMEndpoint):
    provider: Literal["offline", "openai"] = "offline"
    fallback: Literal["offline", "none", "backup"] = "offline"
    backup: LLMEndpoint | None = None
    breaker_failures: int = Field(3, ge=1)
    breaker_reset: float = Field(60, gt=0)

    @model_validator(mode="after")
    def _backup_needs_an_endpoint(self) -> LLMConfig:
        if self.provider == "openai" and self.fallback == "backup" and self.backup is None:
            raise ValueError("fallback = 'backup' needs an [llm.backup] endpoint")
        return self


class TelegramConfig(Section):
    token: SecretStr | None = None
    api_base_url: str = "https://api.telegram.org/bot"
    file_base_url: str = "https://api.telegram.org/file/bot"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    private_interval: float = Field(1.0, ge=0)
    group_interval: float = Field(3.0, ge=0)
    poll_timeout: int = Field(10, ge=0, le=60)


class SlackConfig(Section):
    bot_token: SecretStr | None = None
    app_token: SecretStr | None = None
    signing_secret: SecretStr | None = None
    api_base_url: str = "https://slack.com/api/"
    admin_users: CommaList = []
    edit_interval: float = Field(1.0, ge=0)
    thread_needs_mention: bool = True

    _split = field_validator("admin_users", mode="before")(_split_commas)


class DiscordConfig(Section):
    token: SecretStr | None = None
    guild_ids: IntCommaList = []
    api_base_url: str = "https://discord.com/api/v10"
    gateway_url: str = "wss://gateway.discord.gg/"
    edit_interval: float = Field(1.0, ge=0)

    _split = field_validator("guild_ids", mode="before")(_split_commas)


class HttpConfig(Section):
    host: str = "127.0.0.1"
    port: int = Field(8080, ge=0, le=65535)
    max_connections: int = Field(1000, ge=1, le=1_000_000, description="open at once")
    header_timeout: float = Field(10, gt=0, le=3600, description="seconds to send a request head")
    request_timeout: float = Field(
        30, gt=0, le=3600, description="seconds per request, WebSockets excepted"
    )
    keepalive_timeout: float = Field(15, gt=0, le=3600, description="seconds idle between requests")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="STORYBOT_",
        env_nested_delimiter="__",
        extra="forbid",
        validate_default=True,
    )

    database_path: str = "data/storybot.db"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    story: StoryConfig = StoryConfig()
    offline: OfflineConfig = OfflineConfig()
    llm: LLMConfig = LLMConfig()
    telegram: TelegramConfig = TelegramConfig()
    slack: SlackConfig = SlackConfig()
    discord: DiscordConfig = DiscordConfig()
    http: HttpConfig = HttpConfig()
    feeds: CommaList = []
    feed_interval_hours: float = Field(6, gt=0)
    retention_days: int = Field(90, ge=0)
    shutdown_grace: float = Field(15, ge=0)

    _split = field_validator("feeds", mode="before")(_split_commas)

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: Any) -> Any:
        return value.upper() if isinstance(value, str) else value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if settings_cls.model_config.get("toml_file"):
            sources.append(TomlConfigSettingsSource(settings_cls))
        return tuple(sources)


def load_settings(config_path: str | None = None, **overrides: Any) -> Settings:
    """Read the configuration, or raise :class:`ConfigError` naming the bad key.

    Secrets may also come from files in ``$CREDENTIALS_DIRECTORY`` (systemd's
    ``LoadCredential=``); a variable set in the environment wins over them.

    The TOML path is bound to a subclass made for this call rather than stored
    globally, so loading one configuration never leaks into another.
    """
    path = config_path or os.environ.get("STORYBOT_CONFIG") or None
    settings_cls: type[Settings] = Settings
    if path:
        if not Path(path).is_file():
            raise ConfigError(f"config file {path} does not exist")
        settings_cls = type(
            "Settings", (Settings,), {"model_config": {**Settings.model_config, "toml_file": path}}
        )
    try:
        return settings_cls(**{**credentials_settings(), **overrides})
    except ValidationError as exc:
        raise ConfigError(describe_errors(exc)) from None
    except ValueError as exc:  # malformed TOML or a list that is not JSON
        raise ConfigError(f"cannot read the configuration: {exc}") from None


def describe_errors(exc: ValidationError) -> str:
    lines = []
    for error in exc.errors():
        key = ".".join(str(part) for part in error["loc"])
        env = "STORYBOT_" + "__".join(str(part) for part in error["loc"]).upper()
        lines.append(f"{key} ({env}): {error['msg']}")
    return "invalid configuration:\n  " + "\n  ".join(lines)


def redacted(settings: Settings) -> dict[str, Any]:
    """The effective configuration for printing, with every secret masked.

    ``SecretStr`` fields print as ``**********``. A URL (API bases, webhooks, feeds)
    can carry a password or a token of its own, so every URL-like value is passed
    through :func:`~bot.redact.hide_url_credentials`.
    """

    def hide(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: hide(item) for key, item in value.items()}
        if isinstance(value, list):
            return [hide(item) for item in value]
        if isinstance(value, str) and "://" in value:
            return hide_url_credentials(value)
        return value

    return hide(settings.model_dump(mode="json"))


def secret_values(settings: Settings) -> list[str]:
    """Every secret in the configuration, so log lines can mask them."""
    found: list[str] = []

    def walk(model: BaseModel) -> None:
        for name in type(model).model_fields:
            value = getattr(model, name)
            if isinstance(value, SecretStr):
                found.append(value.get_secret_value())
            elif isinstance(value, BaseModel):
                walk(value)

    walk(settings)
    return found
