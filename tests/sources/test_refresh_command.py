"""`manage.py refresh_sources`: one line per source on stdout, each failure once."""

from __future__ import annotations

import io
import logging

import pytest
from django.core.management import call_command

from sources.models import Source
from tests.sources.httpservers import status_page

pytestmark = pytest.mark.django_db


def test_a_failure_is_reported_once_on_stdout_and_nothing_goes_to_stderr(web, caplog):
    server = web({"/down": status_page(503)})
    source = Source.objects.create(kind=Source.Kind.EVIDENCE, url=server.url("/down"))
    out, err = io.StringIO(), io.StringIO()

    with caplog.at_level(logging.INFO):
        call_command("refresh_sources", "--source", str(source.pk), stdout=out, stderr=err)

    assert out.getvalue().count("HTTP 503") == 1
    assert f"{source.pk}\tfailed" in out.getvalue()
    assert "Refreshed 1 sources: 1 failed." in out.getvalue()
    assert err.getvalue() == ""
    assert not [r for r in caplog.records if r.name == "sources.refresh"], "no second copy"


def test_nothing_due_is_news_not_an_error():
    out, err = io.StringIO(), io.StringIO()

    call_command("refresh_sources", "--due", stdout=out, stderr=err)

    assert out.getvalue().strip() == "Refreshed 0 sources: nothing due."
    assert err.getvalue() == ""
