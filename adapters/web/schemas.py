"""The JSON API's bodies as pydantic models: what handlers send and accept, and,
through their JSON Schemas, what the OpenAPI document says. One definition serves
both, so the document cannot drift from the answers."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ProblemOut(Body):
    """An error, as RFC 9457 problem details."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str | None = None


class SignIn(Body):
    password: str = Field(min_length=1, max_length=1024)


class SessionOut(Body):
    role: Literal["operator", "player"]
    name: str
    csrf_token: str = Field(description="send it as X-CSRF-Token with every POST and DELETE")


class ChannelOut(Body):
    key: str = Field(description="the channel key, e.g. telegram:-100123 or web:room:lobby")
    platform: str
    story_id: int | None
    premise: str
    parts: int
    players: int
    last_activity: float = Field(description="Unix seconds")


class ChannelPage(Body):
    items: list[ChannelOut]
    offset: int
    limit: int
    total: int


class StoryListingOut(Body):
    id: int
    premise: str
    status: Literal["active", "ended", "archived"]
    parts: int
    last_played: float


class SubscriptionOut(Body):
    channel: str
    platform: str
    at_time: str
    timezone: str
    failures: int
    enabled: bool
    last_run: float | None


class PromptOut(Body):
    id: int
    text: str
    author: str


class ChannelDetailOut(Body):
    channel: ChannelOut
    stories: list[StoryListingOut]
    settings: str
    subscription: SubscriptionOut | None
    prompts: list[PromptOut]


class BranchOut(Body):
    id: int
    parent_id: int
    fork_seq: int
    parts: int
    kind: str
    created_at: float
    opening: str


class StoryOut(Body):
    id: int
    channel: str
    premise: str
    status: Literal["active", "ended", "archived"]
    parts: int
    created_at: float
    summary: str
    note: str
    branches: list[BranchOut]


class PartOut(Body):
    seq: int
    text: str
    direction: str
    author: str
    choices: list[str]
    status: Literal["complete", "cut", "interrupted"]


class PartPage(Body):
    items: list[PartOut]
    offset: int
    limit: int
    total: int


class StarterOut(Body):
    id: str
    text: str


class PromptPage(Body):
    items: list[PromptOut]
    offset: int
    limit: int
    total: int


class LibraryOut(Body):
    starters: list[StarterOut] = Field(description="built in, read-only")
    pool: PromptPage = Field(description="the shared pool: feeds' and operators' prompts")


class NewPrompt(Body):
    text: str = Field(min_length=1, max_length=20_000)


class FeedOut(Body):
    url: str
    fetched_at: float | None
    last_error: str | None


class UsageRowOut(Body):
    day: str = Field(description="YYYY-MM-DD (UTC)")
    channel: str
    requests: int
    prompt_tokens: int
    completion_tokens: int


class UsageOut(Body):
    items: list[UsageRowOut]
    offset: int
    limit: int
    total: int = Field(description="rows up to this page, and one more if there are more")
    channel_budget: int = Field(description="daily tokens per channel; 0 is no budget")
    user_budget: int = Field(description="daily tokens per user; 0 is no budget")


class FiguresOut(Body):
    at: float = Field(description="Unix seconds")
    turns: float = Field(description="turns answered since start")
    llm_calls: float
    llm_seconds: float = Field(description="seconds spent in storyteller calls since start")
    queue_depth: float
    platform_errors: float
    web_sessions: float
    web_sockets: float


class InviteOut(Body):
    id: int
    name: str
    created_at: float
    revoked: bool


class NewInvite(Body):
    name: str = Field(min_length=1, max_length=40)


class CreatedInvite(Body):
    invite: InviteOut
    link: str = Field(description="shown once: only a hash of its token is kept")


class Done(Body):
    message: str


class FeedList(Body):
    items: list[FeedOut]


class SubscriptionList(Body):
    items: list[SubscriptionOut]


class InviteList(Body):
    items: list[InviteOut]
