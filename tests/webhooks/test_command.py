"""`manage.py deliver_webhooks` sends what is due, and nothing that is not."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from claims.models import WebhookDelivery

pytestmark = pytest.mark.django_db


def test_deliver_webhooks_sends_what_is_due(receivers, subscribe, publish):
    receiver = receivers(answers=[200, 503])
    subscribe(receiver)
    publish()  # inside the test's transaction: no after-commit attempt, the rows wait
    publish()
    assert WebhookDelivery.objects.filter(attempts=0).count() == 2

    out = StringIO()
    call_command("deliver_webhooks", stdout=out)
    assert out.getvalue().strip() == "2 attempted: 1 delivered, 1 to retry, 0 failed"
    assert all(request.verified for request in receiver.wait_for(2))

    out = StringIO()
    call_command("deliver_webhooks", stdout=out)  # the retry is not due yet
    assert out.getvalue().strip().startswith("0 attempted")
    WebhookDelivery.objects.filter(status="pending").update(next_attempt_at=timezone.now())
    call_command("deliver_webhooks", stdout=StringIO())
    assert not WebhookDelivery.objects.filter(status="pending").exists()
    assert len(receiver.wait_for(3)) == 3
