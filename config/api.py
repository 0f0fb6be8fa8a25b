"""API plumbing shared by the apps: one error shape, strict input, conditional requests (ETags,
If-Match, and the early 304 and page cache of a list every client sees alike).

Every error the API returns is JSON of the form
    {"code": "<stable machine code>", "message": "<what happened and what to do>",
     "errors": [{"field": "<name>", "code": "...", "message": "..."}],   # validation only
     ...extra keys such as "allowed_actions"}
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponseBase, JsonResponse
from rest_framework import exceptions, pagination, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

# Ids are bigints: anything longer is not an id (and would overflow the database driver).
# The views' lookup_value_regex; config.openapi publishes such path ids as integers.
ID_PATTERN = "[0-9]{1,18}"

CODES_BY_CLASS: dict[type[Exception], str] = {
    exceptions.ParseError: "malformed_request",
    exceptions.NotAuthenticated: "not_authenticated",
    exceptions.AuthenticationFailed: "authentication_failed",
    exceptions.PermissionDenied: "permission_denied",
    exceptions.NotFound: "not_found",
    exceptions.MethodNotAllowed: "method_not_allowed",
    exceptions.NotAcceptable: "not_acceptable",
    exceptions.UnsupportedMediaType: "unsupported_media_type",
    exceptions.Throttled: "throttled",
}


class APIError(exceptions.APIException):
    """An error with its own code and message, and optional extra keys for the body."""

    def __init__(self, *, status_code: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(detail=message, code=code)
        self.status_code = status_code
        self.code = code
        self.extra = extra


def _flatten(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    if isinstance(detail, dict):
        out = []
        for key, value in detail.items():
            name = key if key != "non_field_errors" else ""
            out += _flatten(value, f"{prefix}.{name}" if prefix and name else (name or prefix))
        return out
    if isinstance(detail, list):
        if all(isinstance(item, exceptions.ErrorDetail | str) for item in detail):
            return [_error(prefix, item) for item in detail]
        out = []
        for index, item in enumerate(detail):
            out += _flatten(item, f"{prefix}[{index}]")
        return out
    return [_error(prefix, detail)]


def _error(field: str, detail: Any) -> dict[str, str]:
    return {"field": field, "code": getattr(detail, "code", "invalid"), "message": str(detail)}


def exception_handler(exc: Exception, context: dict) -> Response | None:
    from claims.workflow import WorkflowError  # the workflow's refusals speak the same shape

    if isinstance(exc, WorkflowError):
        exc = APIError(
            status_code=exc.status,
            code=exc.code,
            message=exc.message,
            allowed_actions=exc.allowed_actions,
        )
    elif isinstance(exc, RequestDataTooBig):
        exc = APIError(
            status_code=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
            code="body_too_large",
            message="The request body is too large. Send at most the size the server allows "
            "(DATA_UPLOAD_MAX_MEMORY_SIZE), or give a URL instead of the text.",
        )
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, RecursionError):
        # The JSON parser recurses once per nesting level: a body nested thousands deep
        # exhausts the stack before any of our code sees it.
        exc = APIError(
            status_code=status.HTTP_400_BAD_REQUEST,
            code="malformed_request",
            message="The JSON is nested too deeply. Send a flat JSON object with the fields "
            "this endpoint documents.",
        )
    elif isinstance(exc, DjangoValidationError):
        # A value that reached the ORM unvalidated (a crafted cursor, a filter): the client's
        # input, not our failure.
        exc = exceptions.ValidationError(
            {"non_field_errors": exc.messages}, code=getattr(exc, "code", None) or "invalid"
        )

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(exc.detail)
        summary = "; ".join(
            f"{item['field']}: {item['message']}" if item["field"] else item["message"]
            for item in errors
        )
        response.data = {
            "code": "invalid",
            "message": f"The request is invalid. {summary}",
            "errors": errors,
        }
        return response
    code = getattr(exc, "code", None) or CODES_BY_CLASS.get(type(exc)) or "error"
    if isinstance(exc, exceptions.APIException) and not isinstance(exc, APIError):
        code = CODES_BY_CLASS.get(type(exc), exc.default_code)
    message = str(exc.detail) if isinstance(exc, exceptions.APIException) else str(exc)
    if isinstance(exc, exceptions.ParseError | exceptions.UnsupportedMediaType):
        message = f"{message} Send a JSON object with Content-Type: application/json."
    body: dict[str, Any] = {"code": code, "message": message}
    body.update(getattr(exc, "extra", {}))
    response.data = body
    return response


def _error_response(status_code: int, code: str, message: str) -> JsonResponse:
    return JsonResponse({"code": code, "message": message}, status=status_code)


def not_found(request: HttpRequest, exception: Exception | None = None):
    """handler404: the API's error shape under /api/ (a path no route matches, such as an id
    too long to be one), Django's page elsewhere."""
    if request.path.startswith("/api/"):
        return _error_response(
            404, "not_found", "No such resource: check the path against /api/v1/schema/."
        )
    from django.views import defaults

    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest):
    """handler500: the API's error shape under /api/ (nothing about the failure leaks)."""
    if request.path.startswith("/api/"):
        return _error_response(
            500,
            "server_error",
            "The server failed to answer this request. It has been logged; try again later.",
        )
    from django.views import defaults

    return defaults.server_error(request)


class StrictSerializer(serializers.Serializer):
    """Refuses unknown fields and fields the server owns, naming them, instead of ignoring them.

    `server_owned` names fields a client sees in responses but may never write.
    """

    server_owned: tuple[str, ...] = ()

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, dict):
            writable = {name for name, field in self.fields.items() if not field.read_only}
            read_only = {name for name, field in self.fields.items() if field.read_only}
            read_only |= set(self.server_owned) - writable
            problems = {}
            for key in data:
                if key in read_only:
                    problems[key] = [
                        exceptions.ErrorDetail(
                            "This field is set by the server and cannot be written.",
                            code="read_only",
                        )
                    ]
                elif key not in writable:
                    problems[key] = [
                        exceptions.ErrorDetail(
                            f"Unknown field. Writable fields: {', '.join(sorted(writable))}.",
                            code="unknown_field",
                        )
                    ]
            if problems:
                raise exceptions.ValidationError(problems)
        return super().to_internal_value(data)


class StrictCharField(serializers.CharField):
    """A string field that refuses numbers and booleans instead of quietly turning them to text."""

    default_error_messages = {"invalid": "Not a valid string: send text in double quotes."}

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictModelSerializer(StrictSerializer, serializers.ModelSerializer):
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
    }


def etag_for(*parts: object) -> str:
    digest = hashlib.sha1("|".join(map(str, parts)).encode(), usedforsecurity=False).hexdigest()
    return f'"{digest[:20]}"'


def _etags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


def not_modified(request: Request, etag: str) -> bool:
    header = request.headers.get("If-None-Match", "")
    return bool(header) and (header.strip() == "*" or etag in _etags(header))


def version_etag(kind: str, pk: int, version: int) -> str:
    """A strong ETag that carries the row's version, so an If-Match can be checked under lock."""
    return f'"{kind}-{pk}-v{version}"'


def expected_version(request: Request, kind: str, pk: int) -> int | None:
    """The version an If-Match names (None without If-Match); 412 if it names no version of it."""
    header = request.headers.get("If-Match", "").strip()
    if not header or header == "*":
        return None
    prefix = f'"{kind}-{pk}-v'
    for tag in _etags(header):
        if tag.startswith(prefix) and tag.endswith('"') and tag[len(prefix) : -1].isdigit():
            return int(tag[len(prefix) : -1])
    raise APIError(
        status_code=status.HTTP_412_PRECONDITION_FAILED,
        code="stale_version",
        message="Your If-Match does not name a version of this resource. Send the ETag from "
        "your last GET.",
    )


def if_match(request: Request) -> str | None:
    """The tag an If-Match names, for a service to compare under lock (None without one, or
    for "*"). A list of tags is refused: a write names the one state it was made against."""
    header = request.headers.get("If-Match", "").strip()
    if not header or header == "*":
        return None
    tags = _etags(header)
    if len(tags) != 1:
        raise APIError(
            status_code=status.HTTP_412_PRECONDITION_FAILED,
            code="stale_version",
            message="Send one ETag in If-Match: the one from your last GET.",
        )
    return next(iter(tags))


def with_etag(response: Response, etag: str) -> Response:
    response["ETag"] = etag
    return response


def not_modified_response(etag: str) -> Response:
    response = Response(status=status.HTTP_304_NOT_MODIFIED)
    response["ETag"] = etag
    return response


class ConditionalListMixin:
    """ETag from the newest change to what the list shows and the request; 304 on a match.

    The view's `list_state()` names the state of every list it builds (the claims feeds: the
    newest change to any public verdict version, claims.api.feeds). The rest of the tag is what
    else the body depends on: the view, the full path (filters, cursor, page_size, ?format=) and
    the media type negotiated from Accept. Nothing in these lists may depend on who asks.

    `answers_early()` says whether a matching tag may be answered before DRF authenticates
    (true only while the list is public). Pages are cached for API_FEED_CACHE_SECONDS under
    their tag.
    """

    _etag: str | None = None  # computed by the early check, reused by list()

    def list_state(self) -> object:
        raise NotImplementedError("A ConditionalListMixin view names its lists' state.")

    def answers_early(self) -> bool:
        return False

    def list_etag(self, request: Request, media_type: str) -> str:
        return etag_for(
            type(self).__name__,
            self.list_state(),
            request.get_full_path(),
            media_type,
        )

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = self._not_modified_early(request, *args, **kwargs)
        if response is not None:
            return response
        return super().dispatch(request, *args, **kwargs)

    def _not_modified_early(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> HttpResponseBase | None:
        """The 304 of a public list, answered before DRF authenticates, throttles and filters.

        Pollers mostly hold the current tag, and the answer is the same for everyone, so it
        costs the one query that proves the tag current. A private list (answers_early() false:
        the claims feeds with CLAIMS_PUBLIC_FEED off) never takes this path: its clients are
        authenticated first, in DRF's dispatch.
        Only an exact tag does: "*" matches any URL, so it waits for the filters to be
        validated (a bad filter still gets its 400). Anything else returns None and goes the
        usual way; content negotiation is DRF's own, so a 406 stays a 406.
        """
        if request.method not in ("GET", "HEAD") or not self.answers_early():
            return None
        header = request.headers.get("If-None-Match", "").strip()
        if not header or header == "*":
            return None
        self.args, self.kwargs = args, kwargs
        drf_request = self.initialize_request(request, *args, **kwargs)
        self.request = drf_request
        self.headers = self.default_response_headers
        self.format_kwarg = self.get_format_suffix(**kwargs)
        try:
            renderer, media_type = self.perform_content_negotiation(drf_request)
        except exceptions.NotAcceptable:
            return None
        drf_request.accepted_renderer, drf_request.accepted_media_type = renderer, media_type
        self._etag = self.list_etag(drf_request, renderer.media_type)
        if not not_modified(drf_request, self._etag):
            return None
        return self.finalize_response(
            drf_request, not_modified_response(self._etag), *args, **kwargs
        )

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        etag = self._etag or self.list_etag(request, request.accepted_renderer.media_type)
        wildcard = request.headers.get("If-None-Match", "").strip() == "*"
        # A 304 costs no filtering and no serialization. An exact tag was only ever given to a
        # 200 for this very URL, so its filters were valid; "*" waits for them.
        if not wildcard and not_modified(request, etag):
            return not_modified_response(etag)
        # The tag names the body (the lists' state, the path, the media type), so a page built
        # once for it is served again from the cache until the list changes: pollers without a
        # tag, and the many clients asking for the same first page, cost one query.
        # The absolute URL is in the key too: the page's next/previous links carry the host.
        # An exact page was only ever cached for a 200, so its filters were valid.
        timeout = settings.API_FEED_CACHE_SECONDS
        key = f"feed-page:{etag_for(etag, request.build_absolute_uri())}" if timeout else None
        if key and not wildcard and (data := cache.get(key)) is not None:
            response = Response(data)
            response["ETag"] = etag
            return response
        queryset = self.filter_queryset(self.get_queryset())
        if wildcard:
            return not_modified_response(etag)
        page = self.paginate_queryset(queryset)
        response = self.get_paginated_response(self.page_data(page))
        response["ETag"] = etag
        if key:
            # Plain containers: DRF's ReturnList holds its serializer, which must not be pickled.
            cache.set(key, {**response.data, "results": list(response.data["results"])}, timeout)
        return response

    def page_data(self, page: list) -> list:
        return self.get_serializer(page, many=True).data


class PageNumberPagination(pagination.PageNumberPagination):
    """Page numbers for desk lists; the page size is the client's to choose, up to a cap."""

    page_size_query_param = "page_size"
    max_page_size = 200


class KnownQueryParametersMixin:
    """A list (and any action named in `action_query_parameters`) refuses query parameters it
    does not read, with 400 naming each one and what the endpoint takes: a misspelt filter
    (`?seen_befor=true`) would otherwise return the whole unfiltered list as if it were the
    answer. A list reads its filters (the filter backends' own parameters), its paginator's
    and `format`."""

    action_query_parameters: dict[str, frozenset[str]] = {}

    def known_query_parameters(self) -> frozenset[str] | None:
        """What this request's action reads from the query string; None: not checked."""
        action = getattr(self, "action", None)
        # ?format= picks the renderer (REST framework's URL_FORMAT_OVERRIDE) everywhere.
        format_override = {api_settings.URL_FORMAT_OVERRIDE} - {None}
        if action in self.action_query_parameters:
            return self.action_query_parameters[action] | format_override
        if action != "list":
            return None
        names = set(format_override)
        for backend in self.filter_backends:  # type: ignore[attr-defined]
            names |= _filter_parameters(backend(), self)
        paginator = self.paginator  # type: ignore[attr-defined]
        if paginator is not None:
            names |= {p["name"] for p in paginator.get_schema_operation_parameters(self)}
        return frozenset(names)

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        known = self.known_query_parameters()
        if known is None:
            return
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            takes = ", ".join(sorted(known - {api_settings.URL_FORMAT_OVERRIDE})) or "none"
            raise exceptions.ValidationError(
                {
                    name: exceptions.ErrorDetail(
                        f"Unknown query parameter: this endpoint reads {takes}. Check the "
                        "spelling, or remove it.",
                        code="unknown",
                    )
                    for name in unknown
                }
            )


def _filter_parameters(backend: Any, view: Any) -> set[str]:
    """The query parameters a filter backend reads for `view`."""
    get_filterset_class = getattr(backend, "get_filterset_class", None)
    if get_filterset_class is not None:  # django-filter: its FilterSet's filters
        filterset_class = get_filterset_class(view, view.get_queryset())
        return set(filterset_class.base_filters) if filterset_class is not None else set()
    return {p["name"] for p in backend.get_schema_operation_parameters(view)}
