"""A client generated from the published schema works: it imports, and it walks a claim from
ingestion to the public feed against a live server, using only its own typed models and calls.

The client is what openapi-python-client (pinned in requirements-dev.txt) builds from
/api/v1/schema/, so a schema that generators misread (form bodies next to JSON, anyOf request
bodies, untyped models) fails here rather than in a client's build.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from types import ModuleType

import pytest
from django.core.management import call_command

PACKAGE = "claimtracker_client"

ARTICLE = (
    "Unemployment fell to 4.2 percent in 2023, the lowest rate since 1990, the minister said "
    "on Tuesday. She added that the government had built 120,000 new homes last year, twice "
    "as many as in 2019. Critics said the figures were misleading."
)

# A documentation address (TEST-NET-1, RFC 5737): the fetcher refuses it without connecting, so
# the evidence stays unarchived and is cited with a reason, and nothing leaves the machine.
EVIDENCE_URL = "http://192.0.2.10/labour-force-survey-2023"


@pytest.fixture
def generated_client(client, tmp_path: Path) -> Iterator[ModuleType]:
    """The package openapi-python-client generates from the served schema, imported."""
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = tmp_path / "openapi.json"
    schema.write_bytes(response.content)
    # No post-generation hooks: they run ruff from PATH, which is not the generator's job here.
    config = tmp_path / "generator.yaml"
    config.write_text("post_hooks: []\n")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            str(schema),
            "--config",
            str(config),
            "--meta",
            "none",
            "--output-path",
            str(tmp_path / PACKAGE),
            "--fail-on-warning",
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    sys.path.insert(0, str(tmp_path))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(tmp_path))
        for name in [name for name in sys.modules if name.split(".")[0] == PACKAGE]:
            del sys.modules[name]


def _token(username: str) -> str:
    out = StringIO()
    call_command("create_api_token", username, stdout=out)
    return out.getvalue().strip()


def test_every_generated_operation_imports(generated_client):
    api = importlib.import_module(f"{PACKAGE}.api")
    modules = [
        f"{PACKAGE}.api.{group.name}.{module.stem}"
        for group in Path(api.__file__).parent.iterdir()
        if group.is_dir() and not group.name.startswith("__")
        for module in group.glob("*.py")
        if module.stem != "__init__"
    ]
    assert len(modules) > 15
    for name in modules:
        importlib.import_module(name)  # a schema generators misread gives SyntaxError/NameError


@pytest.mark.django_db(transaction=True)
def test_generated_client_walks_a_claim_to_the_public_feed(
    generated_client, live_server, researcher, editor, settings
):
    settings.CLAIMS_PUBLIC_FEED = True
    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = False
    c = generated_client
    articles_create = importlib.import_module(f"{PACKAGE}.api.articles.articles_create")
    claims_list = importlib.import_module(f"{PACKAGE}.api.claims.claims_list")
    claims_retrieve = importlib.import_module(f"{PACKAGE}.api.claims.claims_retrieve")
    transition = importlib.import_module(f"{PACKAGE}.api.claims.claims_transition_create")
    evidence_create = importlib.import_module(f"{PACKAGE}.api.claims.claims_evidence_create")
    verdict_update = importlib.import_module(f"{PACKAGE}.api.claims.claims_verdict_partial_update")
    verdicts_list = importlib.import_module(f"{PACKAGE}.api.verdicts.verdicts_list")
    models = importlib.import_module(f"{PACKAGE}.models")

    # httpx would route loopback through a proxy named in the environment.
    options = {"base_url": live_server.url, "httpx_args": {"trust_env": False}}
    as_researcher = c.AuthenticatedClient(
        token=_token(researcher.username), prefix="Token", **options
    )
    as_editor = c.AuthenticatedClient(token=_token(editor.username), prefix="Token", **options)
    anonymous = c.Client(**options)

    ingested = articles_create.sync_detailed(
        client=as_researcher,
        body=models.ArticleCreateRequest(text=ARTICLE, title="Jobs and homes"),
    )
    assert ingested.status_code == 201, ingested.content
    article = ingested.parsed
    assert isinstance(article, models.Article)

    page = claims_list.sync(client=as_researcher, article=article.id, q="unemployment")
    assert isinstance(page, models.PaginatedClaimList)
    assert page.results, "the ingested article's claim is listed"
    claim = page.results[0]
    assert claim.status == models.ClaimStatusEnum.NEW

    def act(client, action: str, **kwargs):
        response = transition.sync_detailed(
            id=claim.id, client=client, body=models.TransitionRequest(action=action), **kwargs
        )
        assert response.status_code == 200, response.content
        assert isinstance(response.parsed, models.ClaimDetail)
        return response.parsed

    assert act(as_researcher, "start_research").status == models.ClaimStatusEnum.RESEARCHING

    evidence = evidence_create.sync_detailed(
        id=claim.id,
        client=as_researcher,
        body=models.EvidenceRequest(
            source_url=EVIDENCE_URL,
            stance=models.StanceEnum.SUPPORTS,
            excerpt="Unemployment rate, 2023: 4.2%.",
            without_archive_reason="Test fixture: a documentation address, never fetched.",
        ),
    )
    assert evidence.status_code == 201, evidence.content
    assert isinstance(evidence.parsed, models.Evidence)

    draft = verdict_update.sync_detailed(
        id=claim.id,
        client=as_researcher,
        body=models.PatchedVerdictDraftRequest(
            rating=models.RatingEnum.MOSTLY_TRUE,
            conclusion="The survey puts 2023 unemployment at 4.2 percent.",
        ),
    )
    assert draft.status_code == 200, draft.content
    assert isinstance(draft.parsed, models.VerdictDraft)
    assert act(as_researcher, "submit").status == models.ClaimStatusEnum.IN_REVIEW

    read = claims_retrieve.sync_detailed(id=claim.id, client=as_editor)
    assert read.status_code == 200, read.content
    review_tag = read.headers["ETag"]
    refused = transition.sync_detailed(
        id=claim.id, client=as_editor, body=models.TransitionRequest(action="publish")
    )
    assert refused.status_code == 428
    assert isinstance(refused.parsed, models.Error)
    assert refused.parsed.code == "precondition_required"
    published = act(as_editor, "publish", if_match=review_tag)
    assert published.status == models.ClaimStatusEnum.PUBLISHED
    assert published.published_version == 1

    feed = verdicts_list.sync(client=anonymous)
    assert isinstance(feed, models.PaginatedPublishedVerdictList)
    [version] = feed.results
    assert isinstance(version, models.PublishedVerdict)
    assert version.claim["id"] == claim.id
    assert version.version == 1
    assert version.rating == models.RatingEnum.MOSTLY_TRUE
    assert [citation.source_url for citation in version.citations] == [EVIDENCE_URL]
