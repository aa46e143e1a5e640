"""The JSON API's operations, declared once: the router (:mod:`adapters.web.api`) serves
them and the OpenAPI document (:mod:`adapters.web.openapi`) describes them, so neither
can name an operation the other lacks."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel

from adapters.web import schemas as s
from bot.console import MOST_PER_PAGE, MOST_USAGE_DAYS

PREFIX = "/api/v1"
MOST_ID = 2**53
"""Larger numbers are no id of ours (and SQLite cannot bind past 2**63)."""


@dataclass(frozen=True, slots=True)
class Query:
    name: str
    minimum: int | None = None
    maximum: int | None = None
    default: int | str | None = None
    choices: tuple[str, ...] = ()
    description: str = ""


OFFSET = Query("offset", 0, 1_000_000_000, 0, description="items to skip")
LIMIT = Query("limit", 1, MOST_PER_PAGE, 50, description="items per page")


@dataclass(frozen=True, slots=True)
class Operation:
    method: str
    path: str
    id: str
    summary: str
    answer: type[BaseModel] | None
    """The success body's model; None for 204, or a file (see ``media``)."""
    status: int = 200
    body: type[BaseModel] | None = None
    query: tuple[Query, ...] = ()
    operator: bool = True
    media: tuple[str, ...] = ()
    """For a file answer: its media types."""
    errors: tuple[int, ...] = (400, 401, 403)
    tags: tuple[str, ...] = field(default=())

    @property
    def route(self) -> str:
        return PREFIX + self.path

    @property
    def path_names(self) -> list[str]:
        return [part[1:-1] for part in self.path.split("/") if part.startswith("{")]


ID_ERRORS = (400, 401, 403, 404)
WRITE_ERRORS = (400, 401, 403, 404, 409, 413, 415)

OPERATIONS: tuple[Operation, ...] = (
    Operation("GET", "/session", "getSession", "who is signed in here", s.SessionOut,
              operator=False, errors=(401,), tags=("session",)),
    Operation("POST", "/session", "signIn", "sign in as an operator", s.SessionOut,
              body=s.SignIn, operator=False, errors=(400, 401, 403, 413, 415, 429, 503),
              tags=("session",)),
    Operation("DELETE", "/session", "signOut", "sign out", None, status=204,
              operator=False, errors=(401, 403), tags=("session",)),
    Operation("GET", "/channels", "listChannels", "every channel, most recently active first",
              s.ChannelPage, query=(OFFSET, LIMIT), tags=("channels",)),
    Operation("GET", "/channels/{key}", "getChannel", "a channel: stories, settings, prompts",
              s.ChannelDetailOut, errors=ID_ERRORS, tags=("channels",)),
    Operation("DELETE", "/channels/{key}", "forgetChannel",
              "forget everything stored for a channel", s.Done, errors=WRITE_ERRORS,
              tags=("channels",)),
    Operation("GET", "/channels/{key}/prompts", "listChannelPrompts", "a channel's own prompts",
              s.PromptPage, errors=ID_ERRORS, tags=("prompts",)),
    Operation("POST", "/channels/{key}/prompts", "addChannelPrompt",
              "add a prompt to a channel's library", s.PromptOut, status=201, body=s.NewPrompt,
              errors=WRITE_ERRORS, tags=("prompts",)),
    Operation("PUT", "/channels/{key}/prompts/{prompt_id}", "editChannelPrompt",
              "change the text of a prompt in a channel's library", s.PromptOut,
              body=s.NewPrompt, errors=WRITE_ERRORS, tags=("prompts",)),
    Operation("DELETE", "/channels/{key}/prompts/{prompt_id}", "removeChannelPrompt",
              "remove a prompt from a channel's library", None, status=204,
              errors=WRITE_ERRORS, tags=("prompts",)),
    Operation("GET", "/stories/{story_id}", "getStory", "a story and its branches", s.StoryOut,
              errors=ID_ERRORS, tags=("stories",)),
    Operation("GET", "/stories/{story_id}/parts", "listParts", "a page of the story's parts",
              s.PartPage, query=(OFFSET, LIMIT), errors=ID_ERRORS, tags=("stories",)),
    Operation("GET", "/stories/{story_id}/branches/{branch_id}/parts", "listBranchParts",
              "a page of one branch's parts (its line from the opening)", s.PartPage,
              query=(OFFSET, LIMIT), errors=ID_ERRORS, tags=("stories",)),
    Operation("GET", "/stories/{story_id}/export", "exportStory",
              "the story as Markdown, or as Twine (Twee 3) with its branches", None,
              query=(Query("format", default="markdown", choices=("markdown", "twine")),),
              media=("text/markdown", "text/plain"), errors=ID_ERRORS, tags=("stories",)),
    Operation("GET", "/prompts", "listPrompts", "the starter prompts and the shared pool",
              s.LibraryOut, query=(OFFSET, LIMIT), tags=("prompts",)),
    Operation("POST", "/prompts", "addPrompt", "add a prompt to the shared pool", s.PromptOut,
              status=201, body=s.NewPrompt, errors=WRITE_ERRORS, tags=("prompts",)),
    Operation("PUT", "/prompts/{prompt_id}", "editPrompt",
              "change the text of a prompt in the shared pool", s.PromptOut,
              body=s.NewPrompt, errors=WRITE_ERRORS, tags=("prompts",)),
    Operation("DELETE", "/prompts/{prompt_id}", "removePrompt",
              "remove a prompt from the shared pool", None, status=204, errors=WRITE_ERRORS,
              tags=("prompts",)),
    Operation("GET", "/feeds", "listFeeds", "the prompt feeds and their last fetch",
              s.FeedList, tags=("schedule",)),
    Operation("GET", "/subscriptions", "listSubscriptions", "every story-of-the-day subscription",
              s.SubscriptionList, tags=("schedule",)),
    Operation("DELETE", "/subscriptions/{key}", "unsubscribe",
              "stop a channel's story of the day", s.Done, errors=WRITE_ERRORS,
              tags=("schedule",)),
    Operation("GET", "/usage", "getUsage", "tokens per channel and day, against the budgets",
              s.UsageOut, query=(Query("days", 1, MOST_USAGE_DAYS, 7), OFFSET, LIMIT),
              tags=("usage",)),
    Operation("GET", "/figures", "getFigures", "live figures from the metrics", s.FiguresOut,
              tags=("usage",)),
    Operation("GET", "/invites", "listInvites", "invited browser players", s.InviteList,
              tags=("invites",)),
    Operation("POST", "/invites", "createInvite", "invite a named player; the link is shown once",
              s.CreatedInvite, status=201, body=s.NewInvite, errors=WRITE_ERRORS,
              tags=("invites",)),
    Operation("DELETE", "/invites/{invite_id}", "revokeInvite",
              "revoke an invite and end its sessions", None, status=204, errors=WRITE_ERRORS,
              tags=("invites",)),
)  # fmt: skip
