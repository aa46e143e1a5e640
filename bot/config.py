"""Configuration: defaults < TOML file < environment (``STORYBOT_``, ``__`` nests).

Every platform's section is declared here, in the core, so that reading the
configuration never imports a platform library. Secrets are ``SecretStr``: they
print as ``**********`` everywhere, ``check-config`` included.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, Literal

from dotenv import dotenv_values
from pydantic import (
    AfterValidator,
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


def _is_url(value: str) -> str:
    if not _URL.match(value):
        raise ValueError(f"{value[:80]!r} is not an http(s) URL")
    return value


_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)
Url = Annotated[str, AfterValidator(_is_url)]


class StoryConfig(Section):
    max_prompt_length: int = Field(
        500, ge=20, le=20_000, description="characters in a prompt or direction"
    )
    max_queue: int = Field(
        5, ge=1, le=1000, description="requests waiting per channel before users are asked to wait"
    )
    max_turns: int = Field(
        2000, ge=1, le=1_000_000, description="requests admitted at once across all channels"
    )
    context_tokens: int = Field(
        1200, ge=200, le=100_000, description="budget for recent parts in the storyteller's context"
    )
    summary_tokens: int = Field(
        400, ge=50, le=10_000, description="size of the rolling summary of older parts"
    )
    max_prompts: int = Field(100, ge=1, le=10_000, description="prompts per channel library")
    world_tokens: int = Field(
        300, ge=0, le=50_000, description="budget for world-book entries in the context"
    )
    vote_seconds: int = Field(
        60, ge=5, le=86_400, description="how long a group vote on a part's options stays open"
    )
    turn_seconds: int = Field(
        600, ge=10, le=604_800, description="with turns on, how long a player's turn lasts"
    )
    user_daily_tokens: int = Field(0, ge=0, description="daily token budget per user; 0 is off")
    channel_daily_tokens: int = Field(
        0, ge=0, description="daily token budget per channel; 0 is off"
    )


class OfflineConfig(Section):
    chunk_delay: float = Field(
        0.03, ge=0, le=5, description="seconds between streamed chunks of the offline storyteller"
    )
    seed: int | None = Field(None, description="a fixed seed makes offline stories reproducible")


def _supported_language(value: str) -> str:
    from bot import i18n  # reads the catalogs present; keeps importing config cheap

    language = i18n.supported(value)
    if language is None:
        raise ValueError(f"must be one of {', '.join(i18n.LANGUAGES)}, not {value!r}")
    return language


class I18nConfig(Section):
    default: Annotated[str, AfterValidator(_supported_language)] = Field(
        "en",
        description="the language of replies when neither the channel's `ui` setting nor "
        "the user's platform locale names one Storybot speaks (en, de, fr, ja)",
    )


class LLMEndpoint(Section):
    base_url: Url = Field(
        "https://api.openai.com/v1", description="the OpenAI-compatible server's API root"
    )
    api_key: SecretStr | None = Field(None, description="sent as a Bearer token when set")
    model: str = Field("gpt-4o-mini", description="the model to ask")
    temperature: float = Field(0.9, ge=0, le=2, description="sampling temperature")
    max_tokens: int = Field(900, ge=16, le=32_000, description="most tokens per answer")
    connect_timeout: float = Field(10, gt=0, description="seconds to connect to the server")
    first_token_timeout: float = Field(
        60, gt=0, description="seconds until the first text (a local model may load first)"
    )
    between_tokens_timeout: float = Field(30, gt=0, description="seconds of silence mid-answer")
    total_timeout: float = Field(
        300, gt=0, description="seconds for a whole answer, retries included"
    )
    max_connections: int = Field(
        100, ge=1, le=10_000, description="connections to the server at once"
    )
    pool_timeout: float = Field(
        60,
        gt=0,
        description="seconds a request may wait for a free connection (not a server failure)",
    )


class LLMConfig(LLMEndpoint):
    provider: Literal["offline", "openai"] = Field(
        "offline", description="`offline` or `openai` (any OpenAI-compatible server)"
    )
    fallback: Literal["offline", "none", "backup"] = Field(
        "offline", description="when the server fails: `offline`, `backup` (`llm.backup`) or `none`"
    )
    backup: LLMEndpoint | None = Field(
        None, description="a second endpoint for `fallback = backup` (same keys as `llm`)"
    )
    breaker_failures: int = Field(
        3, ge=1, description="failures in a row that open the circuit breaker"
    )
    breaker_reset: float = Field(
        60, gt=0, description="seconds before an open breaker lets one request try again"
    )

    @model_validator(mode="after")
    def _backup_needs_an_endpoint(self) -> LLMConfig:
        if self.fallback == "backup" and self.backup is None:
            raise ValueError(
                "llm.fallback (STORYBOT_LLM__FALLBACK) is 'backup' but there is no backup "
                "endpoint: set STORYBOT_LLM__BACKUP__BASE_URL and STORYBOT_LLM__BACKUP__MODEL "
                "(or [llm.backup] in the TOML file), or choose fallback 'offline' or 'none'"
            )
        return self


class TelegramConfig(Section):
    token: SecretStr | None = Field(None, description="a token from @BotFather; enables Telegram")
    api_base_url: Url = Field(
        "https://api.telegram.org/bot", description="the Bot API (a self-hosted one, say)"
    )
    file_base_url: Url = Field(
        "https://api.telegram.org/file/bot", description="the Bot API's file downloads"
    )
    webhook_url: Url | None = Field(
        None, description="webhook mode instead of long polling: the public URL Telegram posts to"
    )
    webhook_secret: SecretStr | None = Field(
        None, description="checked on every webhook request (random if unset)"
    )
    private_interval: float = Field(
        1.0, ge=0, description="seconds between edits while streaming in private chats"
    )
    group_interval: float = Field(
        3.0, ge=0, description="seconds between edits while streaming in groups"
    )
    poll_timeout: int = Field(10, ge=0, le=60, description="long-polling wait, in seconds")


class SlackConfig(Section):
    bot_token: SecretStr | None = Field(None, description="xoxb-...; enables Slack")
    app_token: SecretStr | None = Field(None, description="xapp-...: Socket Mode")
    signing_secret: SecretStr | None = Field(
        None, description="HTTP mode: verifies requests to /slack/events"
    )
    api_base_url: Url = Field("https://slack.com/api/", description="the Web API root")
    admin_users: CommaList = Field(
        default_factory=list, description="extra managers (comma-separated user ids)"
    )
    edit_interval: float = Field(1.0, ge=0, description="seconds between edits while streaming")
    thread_needs_mention: bool = Field(
        True, description="thread replies steer only when they mention the bot"
    )

    _split = field_validator("admin_users", mode="before")(_split_commas)


class DiscordConfig(Section):
    token: SecretStr | None = Field(None, description="the bot's token; enables Discord")
    guild_ids: IntCommaList = Field(
        default_factory=list,
        description="sync /story to these servers at once (comma-separated ids)",
    )
    api_base_url: Url = Field("https://discord.com/api/v10", description="the REST API root")
    gateway_url: str = Field(
        "wss://gateway.discord.gg/", pattern=r"^wss?://", description="the gateway"
    )
    edit_interval: float = Field(1.0, ge=0, description="seconds between edits while streaming")
    shard_count: int | None = Field(
        None,
        ge=1,
        le=100_000,
        description="gateway shards across all instances (required past 2,500 servers)",
    )
    shard_ids: IntCommaList = Field(
        default_factory=list,
        description="the shards this instance runs (comma-separated; default: all)",
    )

    _split = field_validator("guild_ids", "shard_ids", mode="before")(_split_commas)

    @model_validator(mode="after")
    def _shards_within_the_count(self) -> DiscordConfig:
        if self.shard_ids and self.shard_count is None:
            raise ValueError(
                "discord.shard_ids (STORYBOT_DISCORD__SHARD_IDS) needs discord.shard_count "
                "(STORYBOT_DISCORD__SHARD_COUNT), the number of shards across all instances"
            )
        wrong = [n for n in self.shard_ids if not 0 <= n < (self.shard_count or 0)]
        if wrong or len(set(self.shard_ids)) != len(self.shard_ids):
            raise ValueError(
                f"discord.shard_ids (STORYBOT_DISCORD__SHARD_IDS) must be distinct numbers from "
                f"0 to {(self.shard_count or 1) - 1}; got {self.shard_ids}"
            )
        return self


class DatabaseConfig(Section):
    url: SecretStr | None = Field(
        None,
        description="PostgreSQL instead of SQLite (`postgresql://user:password@host/db`); "
        "several instances may share it",
    )
    path: str | None = Field(
        None, description="the same as `database_path`, for those who spell it this way"
    )
    pool_size: int = Field(
        10, ge=1, le=200, description="connections to PostgreSQL per instance (plus one listening)"
    )
    connect_timeout: float = Field(10, gt=0, le=300, description="seconds to reach PostgreSQL")
    instance: str | None = Field(
        None,
        max_length=100,
        pattern=r"^[A-Za-z0-9._:@-]+$",
        description="this instance's name in metrics and /readyz (default: host name and pid)",
    )

    @field_validator("url")
    @classmethod
    def _postgres_only(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None:
            return None
        scheme = value.get_secret_value().partition("://")[0].lower()
        if scheme not in ("postgresql", "postgres"):
            raise ValueError(
                f"must be a postgresql:// URL (got a {scheme or 'scheme-less'} one); leave it "
                "unset for SQLite at database_path (STORYBOT_DATABASE_PATH)"
            )
        return value


class HttpConfig(Section):
    host: str = Field("127.0.0.1", description="where the HTTP server listens")
    port: int = Field(8080, ge=0, le=65535, description="its port (health, metrics, webhooks)")
    max_connections: int = Field(1000, ge=1, le=1_000_000, description="connections open at once")
    header_timeout: float = Field(
        10, gt=0, le=3600, description="seconds a new connection has to send a request head"
    )
    request_timeout: float = Field(
        30, gt=0, le=3600, description="seconds per request, WebSockets excepted"
    )
    keepalive_timeout: float = Field(15, gt=0, le=3600, description="seconds idle between requests")


class WebConfig(Section):
    enabled: bool = Field(
        False, description="serve the browser chat, the operator console and /api/v1 (see Web)"
    )
    access: Literal["operator", "invite", "open"] = Field(
        "operator", description="who may play in the browser: `operator`, `invite` or `open`"
    )
    password_hash: SecretStr | None = Field(
        None, description="the operator password's Argon2 hash (`storybot web set-password`)"
    )
    public_url: Url | None = Field(
        None, description="the address browsers use, e.g. https://story.example.org (invite links)"
    )
    cors_origins: CommaList = Field(
        default_factory=list, description="other origins that may call /api/v1 (comma-separated)"
    )
    trust_proxy: bool = Field(
        False, description="take the client address and https from X-Forwarded-For/-Proto"
    )
    idle_minutes: float = Field(60, gt=0, le=1440, description="a session ends after this idle")
    max_session_hours: float = Field(12, gt=0, le=168, description="a session ends after this")
    max_sessions: int = Field(1000, ge=1, le=100_000, description="signed-in sessions at once")
    max_rooms: int = Field(200, ge=1, le=100_000, description="rooms open in memory at once")
    room_connections: int = Field(
        50, ge=1, le=10_000, description="browser connections per room or player"
    )
    max_sockets: int = Field(
        500,
        ge=1,
        le=100_000,
        description="browser WebSockets open at once (at most half of http.max_connections)",
    )
    replay_events: int = Field(
        300, ge=10, le=100_000, description="events kept per room for reconnecting pages"
    )
    message_bytes: int = Field(
        16_384, ge=1024, le=1_048_576, description="largest WebSocket message from a browser"
    )
    messages_per_minute: int = Field(
        30, ge=1, le=10_000, description="WebSocket messages per session per minute"
    )
    signin_attempts: int = Field(
        5, ge=1, le=1000, description="failed sign-ins per address per 15 minutes"
    )

    _split = field_validator("cors_origins", mode="before")(_split_commas)

    @model_validator(mode="after")
    def _operators_need_a_password(self) -> WebConfig:
        if self.enabled and self.access != "open" and self.password_hash is None:
            raise ValueError(
                "web.enabled is true but no operator password is set: run "
                "`storybot web set-password` and set STORYBOT_WEB__PASSWORD_HASH (or the "
                "web__password_hash credential), or set web.access to 'open'"
            )
        return self


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="STORYBOT_",
        env_nested_delimiter="__",
        env_file=".env",
        env_file_encoding="utf-8",
        dotenv_filtering="only_existing",  # a .env may hold other tools' variables too
        extra="forbid",
        validate_default=True,
    )

    database: DatabaseConfig = DatabaseConfig()
    database_path: str = Field(
        "data/storybot.db",
        description="the SQLite file when `database.url` is unset (`run` expects its folder)",
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "INFO", description="DEBUG, INFO, WARNING or ERROR"
    )
    story: StoryConfig = StoryConfig()
    offline: OfflineConfig = OfflineConfig()
    i18n: I18nConfig = I18nConfig()
    llm: LLMConfig = LLMConfig()
    telegram: TelegramConfig = TelegramConfig()
    slack: SlackConfig = SlackConfig()
    discord: DiscordConfig = DiscordConfig()
    http: HttpConfig = HttpConfig()
    web: WebConfig = WebConfig()
    feeds: Annotated[list[Url], NoDecode] = Field(
        default_factory=list, description="prompt feed URLs (RSS, Atom or JSON; comma-separated)"
    )
    feed_interval_hours: float = Field(6, gt=0, description="how often feeds are fetched")
    retention_days: int = Field(
        90, ge=0, description="keep archived stories this long; 0 keeps all"
    )
    shutdown_grace: float = Field(15, ge=0, description="seconds stories may finish after SIGTERM")

    _split = field_validator("feeds", mode="before")(_split_commas)

    @model_validator(mode="after")
    def _one_sqlite_path(self) -> Settings:
        """``STORYBOT_DATABASE_PATH`` keeps working; ``STORYBOT_DATABASE__PATH`` (beside
        ``STORYBOT_DATABASE__URL``) says the same, and saying two different things is an error."""
        path = self.database.path
        if path is None or path == self.database_path:
            return self
        if "database_path" in self.model_fields_set:
            raise ValueError(
                f"database_path (STORYBOT_DATABASE_PATH) is {self.database_path!r} but "
                f"database.path (STORYBOT_DATABASE__PATH) is {path!r}: set one of them"
            )
        self.database_path = path
        return self

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
        # Highest first: credentials and overrides (init; a credential yields to a variable
        # set in the environment, see credentials_settings), the environment, .env, TOML.
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings, dotenv_settings]
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
    """One line per problem, naming the key and the variable that really sets it.

    A list item's error names the list's variable (``STORYBOT_DISCORD__GUILD_IDS``,
    not the ``..._GUILD_IDS__0`` pydantic's location would spell).
    """
    lines = []
    for error in exc.errors():
        names = [str(part) for part in error["loc"] if not isinstance(part, int)]
        items = "".join(f"[{part}]" for part in error["loc"] if isinstance(part, int))
        key = ".".join(names) + items
        env = "STORYBOT_" + "__".join(names).upper()
        message = str(error["msg"]).removeprefix("Value error, ")
        lines.append(f"{key} ({env}): {message}" if names else message)
    return "invalid configuration:\n  " + "\n  ".join(lines)


def variable_names(model: type[BaseModel] = Settings, prefix: str = "STORYBOT_") -> set[str]:
    """Every environment variable that sets something, nested sections included."""
    names = {"STORYBOT_CONFIG"} if prefix == "STORYBOT_" else set()
    for name, field in model.model_fields.items():
        env = f"{prefix}{name.upper()}"
        names.add(env)
        for inner in (field.annotation, *getattr(field.annotation, "__args__", ())):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                names |= variable_names(inner, env + "__")
    return names


def unknown_variables(found: Iterable[str]) -> list[str]:
    """A line for each ``STORYBOT_`` name that sets nothing, with the closest real one.

    ``STORYBOT_HTTP_PORT`` (one underscore) is silently ignored otherwise.
    """
    known = variable_names()
    lines = []
    for name in sorted({n.upper() for n in found if n.upper().startswith("STORYBOT_")} - known):
        near = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = f"; did you mean {near[0]}?" if near else ""
        lines.append(f"{name} matches no setting and is ignored{hint}")
    return lines


def dotenv_names(path: str = ".env") -> list[str]:
    """The variable names a ``.env`` file in the working directory sets."""
    return list(dotenv_values(path)) if Path(path).is_file() else []


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
