from django.contrib import admin
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.urls import include, path
from django.views.decorators.http import require_GET
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerView,
)

from claims.matching import matching_mode
from claims.views import fact_check_page, fact_check_version_page, home_page


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness for load balancers and the smoke test: the process serves and the DB answers.

    `matching` says how claims are matched: "meaning" (the sentence encoder loaded), or
    "wording" with `matching_problem` saying why (still healthy: matching works, less well).
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    mode, problem = matching_mode()
    body = {"status": "ok", "matching": mode}
    if problem:
        body["matching_problem"] = problem
    return JsonResponse(body)


urlpatterns = [
    path("", home_page, name="home"),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("api/v1/", include("claims.api.urls")),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI and ReDoc come from our static files (drf-spectacular-sidecar), not a CDN.
    path("api/v1/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path(
        "api/v1/redoc/",
        # Our template: drf-spectacular's loads web fonts from Google.
        SpectacularRedocView.as_view(url_name="schema", template_name="api/redoc.html"),
        name="api-redoc",
    ),
    path("fact-checks/<int:claim_id>/", fact_check_page, name="fact-check"),
    path(
        "fact-checks/<int:claim_id>/v<int:number>/",
        fact_check_version_page,
        name="fact-check-version",
    ),
]

# Under /api/ every error, even one no view saw (an unknown path, a crash), has the API's shape.
handler404 = "config.api.not_found"
handler500 = "config.api.server_error"
