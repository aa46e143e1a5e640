"""The OpenAPI 3.1 document of ``/api/v1``, written from the operation table and the
pydantic models: the schemas are the models' own JSON Schemas (2020-12, which
OpenAPI 3.1 speaks), so what the document promises is what the handlers send."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from adapters.web import schemas
from adapters.web.operations import Operation
from adapters.web.site import COOKIE, CSRF_HEADER, PROBLEM

VERSION = "1.0.0"
REF = "#/components/schemas/{model}"
_DESCRIPTIONS = {
    200: "OK",
    201: "Created",
    204: "Done; no body",
    400: "The request is malformed or a value is out of range",
    401: "Not signed in (or a wrong password)",
    403: "Not allowed: not an operator, a missing CSRF token, or another site's page",
    404: "No such thing",
    409: "It conflicts with what is stored",
    413: "The body is too large",
    415: "The body is not JSON",
    429: "Too many attempts; see Retry-After",
    503: "The service cannot take it now",
}


def _models(operations: tuple[Operation, ...]) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = [schemas.ProblemOut]
    for op in operations:
        if op.answer is not None and op.answer not in found:
            found.append(op.answer)
    return found


def _parameters(op: Operation) -> list[dict[str, Any]]:
    params: list[dict[str, Any]] = []
    for name in op.path_names:
        schema: dict[str, Any] = (
            {"type": "string", "minLength": 3, "pattern": "^[a-z][a-z0-9_-]*:.+$"}
            if name == "key"
            else {"type": "integer", "minimum": 1, "maximum": 2**53 - 1}
        )
        params.append({"name": name, "in": "path", "required": True, "schema": schema})
    for query in op.query:
        if query.choices:
            schema = {"type": "string", "enum": list(query.choices), "default": query.default}
        else:
            schema = {"type": "integer", "default": query.default}
            if query.minimum is not None:
                schema["minimum"] = query.minimum
            if query.maximum is not None:
                schema["maximum"] = query.maximum
        params.append(
            {
                "name": query.name,
                "in": "query",
                "required": False,
                "description": query.description or query.name,
                "schema": schema,
            }
        )
    return params


def _responses(op: Operation) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    success: dict[str, Any] = {"description": _DESCRIPTIONS.get(op.status, "OK")}
    if op.answer is not None:
        ref = {"$ref": REF.format(model=op.answer.__name__)}
        success["content"] = {"application/json": {"schema": ref}}
    elif op.media:
        success["content"] = {media: {"schema": {"type": "string"}} for media in op.media}
    if op.status == 200 and op.id == "signIn":
        success["headers"] = {
            "Set-Cookie": {
                "description": f"the session cookie, {COOKIE}",
                "schema": {"type": "string"},
            }
        }
    answers[str(op.status)] = success
    problem = {PROBLEM: {"schema": {"$ref": REF.format(model="ProblemOut")}}}
    for status in op.errors:
        answers[str(status)] = {"description": _DESCRIPTIONS[status], "content": problem}
    return answers


def _operation(op: Operation) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "operationId": op.id,
        "summary": op.summary,
        "tags": list(op.tags),
        "responses": _responses(op),
    }
    params = _parameters(op)
    if params:
        doc["parameters"] = params
    if op.body is not None:
        ref = {"$ref": REF.format(model=op.body.__name__)}
        doc["requestBody"] = {"required": True, "content": {"application/json": {"schema": ref}}}
    if op.operator:
        doc["security"] = [{"session": []}] if op.method == "GET" else [{"session": [], "csrf": []}]
    elif op.method != "GET" and op.id != "signIn":
        doc["security"] = [{"session": [], "csrf": []}]
    else:
        doc["security"] = [{}, {"session": []}]
    return doc


def document(operations: tuple[Operation, ...]) -> dict[str, Any]:
    """The whole document, as a dict ready for ``json.dumps``."""
    _, definitions = models_json_schema(
        [(model, "serialization") for model in _models(operations)]
        + [(op.body, "validation") for op in operations if op.body is not None],
        ref_template=REF,
    )
    paths: dict[str, dict[str, Any]] = {}
    for op in operations:
        paths.setdefault(op.route, {})[op.method.lower()] = _operation(op)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Storybot API",
            "version": VERSION,
            "description": (
                "The operator's view of Storybot: channels on every platform, stories and "
                "their branches, the prompt library, feeds, subscriptions, usage and "
                "invites. Sign in with POST /session; send the session's csrf_token as "
                f"{CSRF_HEADER} with every POST and DELETE. Errors are RFC 9457 problem "
                "details."
            ),
        },
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {
            "schemas": definitions.get("$defs", {}),
            "securitySchemes": {
                "session": {"type": "apiKey", "in": "cookie", "name": COOKIE},
                "csrf": {"type": "apiKey", "in": "header", "name": CSRF_HEADER},
            },
        },
    }
