"""OpenAPI (drf-spectacular) additions: the one error shape on every operation, cross-field
request rules, and anonymous access where a permission allows it."""

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


REQUEST_CONSTRAINTS: dict[str, dict] = {}


def request_constraints(component: str, **schema: Any):
    """Record cross-field rules (anyOf, not, ...) a request serializer enforces in validate(),
    so the published schema says what the API accepts. Applied by `add_error_responses`."""

    def register(cls: type) -> type:
        REQUEST_CONSTRAINTS[component] = schema
        return cls

    return register


def add_error_responses(result: dict, generator: Any, request: Any, public: bool) -> dict:
    """drf-spectacular hook: document the one error shape on every operation, and the
    cross-field request rules registered with `request_constraints`."""
    components = result.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in REQUEST_CONSTRAINTS.items():
        if name in components:
            components[name].update(schema)
    components["Error"] = ERROR_SCHEMA
    ref = {"$ref": "#/components/schemas/Error"}
    for path in result.get("paths", {}).values():
        for method, operation in path.items():
            responses = operation.setdefault("responses", {})
            # Errors come in the operation's own media types (content negotiation picks the
            # renderer before the error happens), plus plain JSON.
            media_types = {"application/json"}
            for response in responses.values():
                media_types.update(response.get("content", {}))
            content = {media_type: {"schema": ref} for media_type in sorted(media_types)}
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
