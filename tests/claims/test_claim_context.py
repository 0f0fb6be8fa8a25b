"""An "Also on <outlet>" teaser's headline is kept as a claim (the example article's "20,000
islanders" is stated nowhere else) but marked as a related-article headline, in the database,
the API and on the desk, so nobody takes it for the article's own reporting."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims import services
from claims.extraction import read_text
from tests.claims.test_checked_before import EXAMPLE

pytestmark = pytest.mark.django_db


@pytest.fixture
def ingested():
    text = EXAMPLE.read_text(encoding="utf-8")
    return services.article_ingest(document=read_text(text), raw=text).new_claims


def test_a_teaser_headline_is_stored_marked_and_the_body_is_not(ingested):
    teaser = next(c for c in ingested if "20,000 Russian islanders" in c.text)
    assert teaser.context == "related-article headline"
    assert teaser.speaker == "US"
    assert not teaser.text.startswith("Also on")
    allied = next(c for c in ingested if c.text.startswith("Allied forces"))
    assert allied.context == ""


def test_the_api_and_the_desk_show_the_mark(ingested, api, editor, desk):
    teaser = next(c for c in ingested if "20,000 Russian islanders" in c.text)
    api.force_authenticate(editor)
    assert api.get(f"/api/v1/claims/{teaser.pk}/").json()["context"] == "related-article headline"
    page = desk(editor).get(reverse("admin:claims_claim_change", args=[teaser.pk]))
    assert "from a related-article headline" in page.content.decode()
