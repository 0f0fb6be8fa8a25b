"""OpenAPI (drf-spectacular) additions: the one error shape on every operation, cross-field
request rules, anonymous access where a permission allows it, and component descriptions that
are the serializer's own.

The schema is also read by client generators (tests/test_generated_client.py builds one with
openapi-python-client and drives the API with it), so it stays within what they understand:
one request media type (JSON), and request bodies that are plain objects, with no anyOf."""

from __future__ import annotations

from typing import Any

import drf_spectacular.openapi

ERROR_SCHEMA = {
    "type": "object",
    "required": ["code", "message"],
    "properties": {
        "code": {"type": "string", "description": "Stable machine-readable code."},
        "message": {"type": "string", "description": "What happened and what to do."},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "field": {"type": "string"},
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                },
            },
        },
        "allowed_actions": {"type": "array", "items": {"type": "string"}},
        "current_etag": {"type": "string"},
    },
}
ERROR_RESPONSES = {
    "400": "Invalid input: the body names each bad field.",
    "401": "No or bad credentials: send 'Authorization: Token <token>'.",
    "403": "Your role may not do this.",
    "404": "No such object, or not visible to you.",
    "405": "Method not allowed here.",
    "406": "The Accept header asks for a format this endpoint does not produce.",
    "409": "Not allowed in the object's current state; see allowed_actions.",
    "412": "If-Match is stale: reload and retry.",
    "413": "The body is too large.",
    "415": "Unsupported Content-Type: send application/json.",
    "429": "Too many requests: slow down (see Retry-After).",
}

# drf-spectacular describes a path id by the views' lookup_value_regex
# (config.api.ID_PATTERN), as a string of digits; the hook publishes it as the integer the
# bodies carry (at most 18 digits: a bigint), so a generated client takes `claim.id` as it is.
ID_PATH_STRING = {"type": "string", "pattern": "^[0-9]{1,18}$"}
ID_PATH_INTEGER = {"type": "integer", "minimum": 0, "maximum": 10**18 - 1}

REQUEST_RULES: dict[str, str] = {}


def request_rule(component: str, rule: str):
    """Record a cross-field rule a request serializer enforces in validate() ("give source or
    source_url"), so the published schema says what the API accepts. Applied by
    `add_error_responses`.

    The rule is stated in the component's description, not as anyOf/not over `required`:
    generators turn such a schema into an untyped body (openapi-python-client gives `Any`), and
    the server answers a body that breaks the rule with 400 naming the field either way.
    """

    def register(cls: type) -> type:
        REQUEST_RULES[component] = rule
        return cls

    return register


def lib_doc_excludes() -> list[type]:
    """drf-spectacular's GET_LIB_DOC_EXCLUDES: its own list, plus our serializer base classes.

    A serializer without a docstring of its own would otherwise describe its component with
    StrictSerializer's ("Refuses unknown fields..."), which is about the implementation, on
    every request schema.
    """
    from drf_spectacular.plumbing import get_lib_doc_excludes

    from config.api import StrictModelSerializer, StrictSerializer

    return [*get_lib_doc_excludes(), StrictSerializer, StrictModelSerializer]


def add_error_responses(result: dict, generator: Any, request: Any, public: bool) -> dict:
    """drf-spectacular hook: document the one error shape on every operation, and the
    cross-field request rules registered with `request_rule`."""
    components = result.setdefault("components", {}).setdefault("schemas", {})
    for name, rule in REQUEST_RULES.items():
        if name in components:
            description = components[name].get("description", "")
            components[name]["description"] = f"{description}\n\n{rule}".strip()
    components["Error"] = ERROR_SCHEMA
    ref = {"$ref": "#/components/schemas/Error"}
    for path in result.get("paths", {}).values():
        for method, operation in path.items():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "path" and parameter.get("schema") == ID_PATH_STRING:
                    parameter["schema"] = ID_PATH_INTEGER
            responses = operation.setdefault("responses", {})
            # Errors come in the operation's own media types (content negotiation picks the
            # renderer before the error happens), plus plain JSON.
            media_types = {"application/json"}
            for response in responses.values():
                media_types.update(response.get("content", {}))
            content = {media_type: {"schema": ref} for media_type in sorted(media_types)}
            # An error a view declares with a description only (428 on transition) has the
            # same body as the rest.
            for code, response in responses.items():
                if code.startswith("4") and "content" not in response:
                    response["content"] = content
            for code, description in ERROR_RESPONSES.items():
                responses.setdefault(code, {"description": description, "content": content})
            if method == "get":
                responses.setdefault("304", {"description": "Not modified (If-None-Match)."})
    return result


class AutoSchema(drf_spectacular.openapi.AutoSchema):
    """Marks operations whose permission lets anonymous readers in (`public_read()` true)."""

    def get_auth(self) -> list[dict]:
        auths = super().get_auth()
        public = any(
            getattr(permission, "public_read", lambda: False)()
            for permission in self.view.get_permissions()
        )
        if public and self.method in ("GET", "HEAD", "OPTIONS") and {} not in auths:
            auths.append({})
        return auths
