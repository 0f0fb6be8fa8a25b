from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from sources.models import Snapshot, Source, content_hash
from tests.factories import SnapshotFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_one_source_per_normalized_url():
    SourceFactory(url="https://example.org/a")
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceFactory(url="https://example.org/a")


def test_source_needs_url_or_pasted_document():
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.create(kind=Source.Kind.ARTICLE)
    Source.objects.create(kind=Source.Kind.ARTICLE, document_hash="a" * 64)
    Source.objects.create(kind=Source.Kind.ARTICLE, document_hash="b" * 64)


def test_snapshots_are_immutable():
    snapshot = SnapshotFactory()
    snapshot.text = "Something else."
    with pytest.raises(ValueError, match="immutable"):
        snapshot.save()
    assert Snapshot.objects.get(pk=snapshot.pk).text != "Something else."


def test_snapshot_hash_ignores_whitespace_noise():
    assert content_hash("A  claim.\r\n\nB.") == content_hash("A claim. B.")
    assert content_hash("A claim.") != content_hash("A claim!")
    assert SnapshotFactory(text="One.  Two.").content_hash == content_hash("One. Two.")
