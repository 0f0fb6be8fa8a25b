"""`/`: a newcomer lands on a page that leads to the desk, the API docs and the latest
fact-checks (it was a 404)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims.models import ClaimStatus
from tests.factories import ready_claim

pytestmark = pytest.mark.django_db


def test_the_landing_page_links_the_desk_the_docs_and_the_feed(client):
    page = client.get("/")
    assert page.status_code == 200
    html = page.content.decode()
    for url in (reverse("admin:index"), reverse("api-docs"), reverse("verdict-list")):
        assert f'href="{url}"' in html
    assert "Nothing published yet" in html


def test_the_landing_page_lists_published_fact_checks_only(client, django_assert_max_num_queries):
    published = ready_claim(ClaimStatus.PUBLISHED)
    draft = ready_claim(ClaimStatus.IN_REVIEW)
    with django_assert_max_num_queries(3):
        html = client.get("/").content.decode()
    assert reverse("fact-check", args=[published.pk]) in html
    assert reverse("fact-check", args=[draft.pk]) not in html
