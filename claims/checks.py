"""System checks: a production desk must not publish ClaimReview under the demo's name and URLs."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, register


@register()
def public_identity_check(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    if settings.DEBUG:
        return []
    demo = {
        "SITE_URL": settings.SITE_URL == settings.DEMO_SITE_URL,
        "CLAIMS_PUBLISHER_NAME": settings.CLAIMS_PUBLISHER_NAME == settings.DEMO_PUBLISHER_NAME,
        "CLAIMS_PUBLISHER_URL": settings.CLAIMS_PUBLISHER_URL == settings.DEMO_SITE_URL,
    }
    return [
        Error(
            f"{name} is still the demo default with DEBUG off.",
            hint=f"Set {name} in the environment: published fact-checks and their ClaimReview "
            "carry it (the public page's address, the fact-checker's name and site).",
            id="claims.E001",
        )
        for name, is_demo in demo.items()
        if is_demo
    ]
