"""sources.conf: every SOURCES_* setting declared once, parsed from the environment at start-up
and read from django.conf.settings at call time."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from sources import conf


def test_the_environment_maps_onto_the_same_settings_with_the_same_defaults() -> None:
    values = conf.from_environ({})

    assert values["SOURCES_ALLOWED_PORTS"] == [80, 443]
    assert values["SOURCES_MAX_BYTES"] == 10 * 1024 * 1024
    assert values["SOURCES_USER_AGENT"] == "claimtracker/1.0 (+{SOURCES_CONTACT_URL})"
    assert values["SOURCES_TEXT_EXTRACTOR"] == "sources.text.page_text"
    # Settings that were never read from the environment still are not.
    assert "SOURCES_ALLOWED_NETWORKS" not in values
    assert "SOURCES_ROBOTS_CACHE_SECONDS" not in values


def test_environment_values_are_parsed_and_a_project_default_replaces_the_apps() -> None:
    values = conf.from_environ(
        {
            "SOURCES_ALLOWED_PORTS": "80, 443,8080",
            "SOURCES_ALLOW_PRIVATE_NETWORKS": "false",
            "SOURCES_PER_HOST_INTERVAL": "",  # empty: the default
        },
        defaults={"SOURCES_TEXT_EXTRACTOR": "claims.adapters.page_text"},
    )

    assert values["SOURCES_ALLOWED_PORTS"] == [80, 443, 8080]
    assert values["SOURCES_ALLOW_PRIVATE_NETWORKS"] is False
    assert values["SOURCES_PER_HOST_INTERVAL"] == 1.0
    assert values["SOURCES_TEXT_EXTRACTOR"] == "claims.adapters.page_text"


@pytest.mark.parametrize(
    ("name", "value", "problem"),
    [
        ("SOURCES_MAX_BYTES", "ten", "not a number"),
        ("SOURCES_LEASE_SECONDS", "-1", "negative"),
        ("SOURCES_RESPECT_ROBOTS", "perhaps", "not a boolean"),
        ("SOURCES_ALLOWED_PORTS", "80,http", "not a number"),
        ("SOURCES_USER_AGENT", "bot\u00e9/1", "not a usable header value"),
    ],
)
def test_a_bad_environment_value_stops_start_up_naming_the_variable(name, value, problem) -> None:
    with pytest.raises(ImproperlyConfigured, match=problem) as caught:
        conf.from_environ({name: value})

    assert name in str(caught.value)


def test_get_reads_the_settings_at_call_time(settings) -> None:
    settings.SOURCES_SWEEP_BATCH = 7
    settings.SOURCES_CONTACT_URL = "https://desk.example.org/about"
    assert conf.get().sweep_batch == 7
    assert conf.get().user_agent == "claimtracker/1.0 (+https://desk.example.org/about)"

    settings.SOURCES_SWEEP_BATCH = "9"  # as the environment would give it
    assert conf.get().sweep_batch == 9


def test_a_list_changed_in_place_is_read_again(settings) -> None:
    settings.SOURCES_ALLOWED_PORTS = [80, 443]
    assert conf.get().allowed_ports == (80, 443)

    settings.SOURCES_ALLOWED_PORTS.append(8080)

    assert conf.get().allowed_ports == (80, 443, 8080)


def test_a_missing_setting_has_its_declared_default(settings) -> None:
    del settings.SOURCES_GONE_AFTER
    del settings.SOURCES_FACTCHECK_LANGUAGE

    assert conf.get().gone_after == 3
    assert conf.get().factcheck_language == "en"


def test_an_empty_fact_check_url_or_language_means_the_default(settings) -> None:
    settings.SOURCES_FACTCHECK_API_URL = ""
    settings.SOURCES_FACTCHECK_LANGUAGE = " "

    assert conf.get().factcheck_api_url == "https://factchecktools.googleapis.com"
    assert conf.get().factcheck_language == "en"
