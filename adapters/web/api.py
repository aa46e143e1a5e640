"""The JSON API under ``/api/v1``: the handlers of the operations declared in
:mod:`adapters.web.operations`, which also write the OpenAPI document.

Handlers only translate: path and query into arguments, the core's answers
(:class:`bot.console.Console`) into the models of :mod:`adapters.web.schemas`.
Every operation but reading the document and the session ones needs an
operator's session; every POST, PUT and DELETE also needs the session's CSRF token.
"""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import TypeVar

from aiohttp import web
from pydantic import BaseModel, ValidationError

from adapters.web import schemas as s
from adapters.web.guard import Attempts, Passwords
from adapters.web.openapi import document
from adapters.web.operations import LIMIT, MOST_ID, OFFSET, OPERATIONS, PREFIX, Operation, Query
from adapters.web.sessions import Role, SessionsFull
from adapters.web.site import CSRF_HEADER, Problem, Site
from bot.console import (
    MOST_USAGE_DAYS,
    ChannelSummary,
    Console,
    Invite,
    Part,
    Prompt,
    Subscription,
)
from bot.identity import ChannelKey

MOST_BODY = 64 * 1024
M = TypeVar("M", bound=BaseModel)


# reading requests


def _id(request: web.Request, name: str) -> int:
    text = request.match_info[name]
    if not text.isascii() or not text.isdigit() or not 0 < int(text) < MOST_ID:
        raise Problem(404, f"{name} must be a positive whole number, and {text[:20]!r} is not.")
    return int(text)


def _key(request: web.Request) -> ChannelKey:
    try:
        return ChannelKey.from_text(request.match_info["key"])
    except ValueError:
        raise Problem(404, "That is not a channel key (platform:id, e.g. telegram:42).") from None


def _number(request: web.Request, query: Query) -> int:
    text = request.query.get(query.name)
    if text is None:
        assert isinstance(query.default, int)
        return query.default
    low, high = query.minimum or 0, query.maximum or MOST_ID
    if not text.isascii() or not text.isdigit() or not low <= int(text) <= high:
        raise Problem(400, f"{query.name} must be a whole number from {low} to {high}.")
    return int(text)


async def _body(request: web.Request, model: type[M]) -> M:
    if request.content_type != "application/json":
        raise Problem(415, "Send the body as JSON (Content-Type: application/json).")
    if request.content_length is not None and request.content_length > MOST_BODY:
        raise Problem(413, f"A body may be at most {MOST_BODY} bytes.")
    raw = await request.content.read(MOST_BODY + 1)
    if len(raw) > MOST_BODY:
        raise Problem(413, f"A body may be at most {MOST_BODY} bytes.")
    try:
        return model.model_validate(json.loads(raw))
    except (ValueError, ValidationError) as exc:
        raise Problem(400, f"The body is not what {model.__name__} expects: {_why(exc)}") from None


def _why(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in exc.errors()
        )[:500]
    return "it is not valid JSON"


def _json(model: BaseModel, status: int = 200) -> web.Response:
    return web.json_response(model.model_dump(mode="json"), status=status)


# the core's answers as API bodies


def channel_out(summary: ChannelSummary) -> s.ChannelOut:
    return s.ChannelOut(
        key=summary.channel.text,
        platform=summary.channel.platform,
        story_id=summary.story_id,
        premise=summary.premise,
        parts=summary.parts,
        players=summary.players,
        last_activity=summary.last_activity,
    )


def prompt_out(prompt: Prompt) -> s.PromptOut:
    return s.PromptOut(id=prompt.id, text=prompt.text, author=prompt.author)


def part_out(part: Part) -> s.PartOut:
    return s.PartOut(
        seq=part.seq,
        text=part.text,
        direction=part.direction,
        author=part.author,
        choices=list(part.choices),
        status=part.status.value,
    )


def subscription_out(sub: Subscription) -> s.SubscriptionOut:
    return s.SubscriptionOut(
        channel=sub.channel.text,
        platform=sub.platform,
        at_time=sub.at_time,
        timezone=sub.timezone,
        failures=sub.failures,
        enabled=sub.enabled,
        last_run=sub.last_run,
    )


def invite_out(invite: Invite) -> s.InviteOut:
    return s.InviteOut(
        id=invite.id, name=invite.name, created_at=invite.created_at, revoked=invite.revoked
    )


Endpoint = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class Api:
    site: Site
    console: Console
    passwords: Passwords
    attempts: Attempts
    invite_link: Callable[[web.Request, str], str]
    on_revoke: Callable[[int], None]

    def routes(self, app: web.Application) -> None:
        """Every operation, its CORS preflight, and the OpenAPI document."""
        spec = document(OPERATIONS)

        async def openapi(request: web.Request) -> web.Response:
            return web.json_response(spec)

        app.router.add_get(PREFIX + "/openapi.json", self.site.wrap("openapi", openapi, api=True))
        preflighted: set[str] = set()
        for op in OPERATIONS:
            handler = self._guarded(op, getattr(self, "_" + op.id))
            app.router.add_route(op.method, op.route, self.site.wrap(op.route, handler, api=True))
            if op.route not in preflighted:
                preflighted.add(op.route)
                preflight = self.site.wrap(op.route, self.site.preflight, api=True)
                app.router.add_route("OPTIONS", op.route, preflight)

    def _guarded(self, op: Operation, handler: Endpoint) -> Endpoint:
        if not op.operator:
            return handler

        async def operator_only(request: web.Request) -> web.StreamResponse:
            self.site.checked(request, request.headers.get(CSRF_HEADER), operator=True)
            return await handler(request)

        return operator_only

    # session

    async def _getSession(self, request: web.Request) -> web.Response:
        session = self.site.session(request)
        if session is None:
            raise Problem(401, "Nobody is signed in here.")
        return _json(
            s.SessionOut(role=session.role.value, name=session.name, csrf_token=session.csrf)
        )

    async def _signIn(self, request: web.Request) -> web.Response:
        if not self.site.origin_allowed(request):
            raise Problem(403, "Sign in from this site's own pages.")
        address = self.site.client(request)
        wait = self.attempts.wait(address)
        if wait:
            raise Problem(
                429,
                "Too many wrong passwords; wait and try again.",
                **{"Retry-After": str(int(wait))},
            )
        form = await _body(request, s.SignIn)
        if not await self.passwords.check(form.password):
            self.attempts.failed(address)
            raise Problem(401, "That password is not right.")
        self.attempts.succeeded(address)
        try:
            token, session = self.site.sessions.open(Role.OPERATOR, "operator", "Operator")
        except SessionsFull:
            raise Problem(503, "Too many sessions are open; try again later.") from None
        response = _json(
            s.SessionOut(role=session.role.value, name=session.name, csrf_token=session.csrf)
        )
        self.site.start(request, response, token)
        return response

    async def _signOut(self, request: web.Request) -> web.Response:
        self.site.checked(request, request.headers.get(CSRF_HEADER), operator=False)
        response = web.Response(status=204)
        self.site.end(request, response)
        return response

    # channels and stories

    async def _listChannels(self, request: web.Request) -> web.Response:
        page = await self.console.channels(_number(request, OFFSET), _number(request, LIMIT))
        items = [channel_out(c) for c in page.items]
        return _json(
            s.ChannelPage(items=items, offset=page.offset, limit=page.limit, total=page.total)
        )

    async def _getChannel(self, request: web.Request) -> web.Response:
        found = await self.console.channel(_key(request))
        stories = [
            s.StoryListingOut(id=x.id, premise=x.premise, status=x.status.value, parts=x.parts,
                              last_played=x.last_played)
            for x in found.stories
        ]  # fmt: skip
        sub = found.subscription
        return _json(
            s.ChannelDetailOut(
                channel=channel_out(found.summary),
                stories=stories,
                settings=found.settings,
                subscription=subscription_out(sub) if sub is not None else None,
                prompts=[prompt_out(p) for p in found.prompts],
            )
        )

    async def _forgetChannel(self, request: web.Request) -> web.Response:
        return _json(s.Done(message=await self.console.forget(_key(request))))

    async def _listChannelPrompts(self, request: web.Request) -> web.Response:
        prompts = (await self.console.channel(_key(request))).prompts
        items = [prompt_out(p) for p in prompts]
        return _json(
            s.PromptPage(items=items, offset=0, limit=max(1, len(items)), total=len(items))
        )

    async def _addChannelPrompt(self, request: web.Request) -> web.Response:
        key = _key(request)
        form = await _body(request, s.NewPrompt)
        return _json(prompt_out(await self.console.add_channel_prompt(key, form.text)), 201)

    async def _editChannelPrompt(self, request: web.Request) -> web.Response:
        key, prompt_id = _key(request), _id(request, "prompt_id")
        form = await _body(request, s.NewPrompt)
        return _json(prompt_out(await self.console.edit_channel_prompt(key, prompt_id, form.text)))

    async def _removeChannelPrompt(self, request: web.Request) -> web.Response:
        await self.console.remove_channel_prompt(_key(request), _id(request, "prompt_id"))
        return web.Response(status=204)

    async def _getStory(self, request: web.Request) -> web.Response:
        view = await self.console.story(_id(request, "story_id"))
        story = view.story
        branches = [
            s.BranchOut(id=b.id, parent_id=b.parent_id, fork_seq=b.fork_seq, parts=b.parts,
                        kind=b.kind, created_at=b.created_at, opening=b.opening)
            for b in view.branches
        ]  # fmt: skip
        return _json(
            s.StoryOut(
                id=story.id,
                channel=story.channel.text,
                premise=story.premise,
                status=story.status.value,
                parts=story.last_seq,
                created_at=story.created_at,
                summary=story.summary,
                note=story.note,
                branches=branches,
            )
        )

    async def _listParts(self, request: web.Request) -> web.Response:
        return await self._parts(request, None)

    async def _listBranchParts(self, request: web.Request) -> web.Response:
        return await self._parts(request, _id(request, "branch_id"))

    async def _parts(self, request: web.Request, branch: int | None) -> web.Response:
        page = await self.console.parts(
            _id(request, "story_id"), _number(request, OFFSET), _number(request, LIMIT), branch
        )
        items = [part_out(p) for p in page.items]
        return _json(
            s.PartPage(items=items, offset=page.offset, limit=page.limit, total=page.total)
        )

    async def _exportStory(self, request: web.Request) -> web.Response:
        wanted = request.query.get("format", "markdown")
        if wanted not in ("markdown", "twine"):
            raise Problem(400, "format is markdown or twine.")
        document = await self.console.export(_id(request, "story_id"), wanted == "twine")
        return web.Response(
            body=document.content,
            content_type="text/markdown" if wanted == "markdown" else "text/plain",
            charset="utf-8",
            headers={"Content-Disposition": f'attachment; filename="{document.filename}"'},
        )

    # prompts

    async def _listPrompts(self, request: web.Request) -> web.Response:
        page = await self.console.pool(_number(request, OFFSET), _number(request, LIMIT))
        starters = [s.StarterOut(id=i, text=t) for i, t in self.console.starter_prompts()]
        pool = s.PromptPage(
            items=[prompt_out(p) for p in page.items], offset=page.offset, limit=page.limit,
            total=page.total,
        )  # fmt: skip
        return _json(s.LibraryOut(starters=starters, pool=pool))

    async def _addPrompt(self, request: web.Request) -> web.Response:
        form = await _body(request, s.NewPrompt)
        return _json(prompt_out(await self.console.add_pool_prompt(form.text)), 201)

    async def _editPrompt(self, request: web.Request) -> web.Response:
        prompt_id, form = _id(request, "prompt_id"), await _body(request, s.NewPrompt)
        return _json(prompt_out(await self.console.edit_pool_prompt(prompt_id, form.text)))

    async def _removePrompt(self, request: web.Request) -> web.Response:
        await self.console.remove_pool_prompt(_id(request, "prompt_id"))
        return web.Response(status=204)

    # scheduled content, usage, figures

    async def _listFeeds(self, request: web.Request) -> web.Response:
        feeds = [
            s.FeedOut(url=f.url, fetched_at=f.fetched_at, last_error=f.last_error)
            for f in await self.console.feeds()
        ]
        return _json(s.FeedList(items=feeds))

    async def _listSubscriptions(self, request: web.Request) -> web.Response:
        subs = [subscription_out(x) for x in await self.console.subscriptions()]
        return _json(s.SubscriptionList(items=subs))

    async def _unsubscribe(self, request: web.Request) -> web.Response:
        return _json(s.Done(message=await self.console.unsubscribe(_key(request))))

    async def _getUsage(self, request: web.Request) -> web.Response:
        days = _number(request, Query("days", 1, MOST_USAGE_DAYS, 7))
        today = datetime.now(UTC).date()
        usage = await self.console.usage(
            today, days, _number(request, OFFSET), _number(request, LIMIT)
        )
        rows = [
            s.UsageRowOut(day=u.day.isoformat(), channel=u.channel.text, requests=u.requests,
                          prompt_tokens=u.prompt_tokens, completion_tokens=u.completion_tokens)
            for u in usage.rows.items
        ]  # fmt: skip
        page = usage.rows
        return _json(
            s.UsageOut(
                items=rows,
                offset=page.offset,
                limit=page.limit,
                total=page.total,
                channel_budget=usage.channel_budget,
                user_budget=usage.user_budget,
            )
        )

    async def _getFigures(self, request: web.Request) -> web.Response:
        figures = self.console.figures()
        return _json(s.FiguresOut(at=time.time(), **asdict(figures)))

    # invites

    async def _listInvites(self, request: web.Request) -> web.Response:
        return _json(s.InviteList(items=[invite_out(i) for i in await self.console.invites()]))

    async def _createInvite(self, request: web.Request) -> web.Response:
        form = await _body(request, s.NewInvite)
        invite, token = await self.console.invite(form.name)
        link = self.invite_link(request, token)
        return _json(s.CreatedInvite(invite=invite_out(invite), link=link), 201)

    async def _revokeInvite(self, request: web.Request) -> web.Response:
        invite_id = _id(request, "invite_id")
        await self.console.revoke(invite_id)
        self.on_revoke(invite_id)
        return web.Response(status=204)
