"""Request guards that run before any view."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse

NUL_MESSAGE = (
    "The query string contains a NUL character (%00), which no text field can hold. "
    "Remove it and try again."
)


class RefuseNulInQuery:
    """400 for a NUL character in the query string: PostgreSQL text cannot hold one, so a
    filter or search that passes it on fails in the database (a 500) instead of here."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            if request.path.startswith("/api/"):
                return JsonResponse({"code": "invalid", "message": NUL_MESSAGE}, status=400)
            return HttpResponseBadRequest(NUL_MESSAGE)
        return self.get_response(request)
