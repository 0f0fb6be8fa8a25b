"""The editors' desk: the admin as a working tool for researchers and editors.

Every change made here goes through claims.services, the same functions the API calls, so each
one writes its ClaimEvent and obeys the one workflow in claims.workflow. The admin never saves a
claim, verdict or evidence row itself: ModelAdmin's own add/change/delete paths are closed.

Django's autodiscovery imports this package; importing the modules below registers the desk.

- site: who gets in (desk members only), the login form, the site's titles.
- changelist: ClaimAdmin and its list (what needs attention first, filters, bulk actions).
- claim_page: a claim's page, which replaces ClaimAdmin's change view, and its forms' handlers.
- articles: the article pages (list, ingest, an article with its claims), ClaimAdmin's views.
- families: the suggested families page (same claim in several articles), ClaimAdmin's view.
- verdicts: VerdictAdmin, read-only.
- tokens: API tokens, seen and revoked (superusers only).
- webhooks: webhook endpoints (disable, enable, rotate) and deliveries (replay); editors only.
- pages, forms, presentation: what those pages share; nothing in them registers anything.
"""

# Imported for what importing them does: each registers its ModelAdmin, or sets admin.site up.
from claims.admin import changelist, external_reviews, site, tokens, verdicts, webhooks

__all__ = ["changelist", "external_reviews", "site", "tokens", "verdicts", "webhooks"]
