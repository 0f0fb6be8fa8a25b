"""Claims' writes that touch several rows or start side effects, one module per concern:

- `ingestion`: articles in (pasted, uploaded, a file, a URL), stored as a source, a snapshot and
  the check-worthy claims extracted from it.
- `workflow`: the editorial workflow (claim_transition), editing and adding claims, the draft
  verdict, and flagging a published claim whose evidence changed.
- `evidence`: evidence added, edited and removed by hand, suggestions reviewed, and
  related-source discovery that makes the suggestions.
- `families`: a claim attached to a published fact-check as another occurrence of it (its
  family), and detached.
- `checked_before`: new and re-worded claims embedded and matched against published
  fact-checks and open claims (the `nlp` queue).

The API, the admin desk, the tasks and the management commands call them through this package
(`from claims import services; services.claim_transition(...)`), which re-exports every public
name, so callers need not know which module holds a service.
"""

from __future__ import annotations

from claims.publication import current_draft
from claims.services.checked_before import (
    claim_record_matches,
    claims_embed_and_match,
    claims_record_external_matches,
    claims_record_matches,
    claims_rematch_around,
    claims_request_embedding,
    claims_request_rematch,
    external_reviews_embed_and_match,
    external_reviews_request_embedding,
)
from claims.services.evidence import (
    EVIDENCE_EDITABLE_FIELDS,
    claim_discover_related,
    claim_request_discovery,
    evidence_accept_suggestion,
    evidence_add,
    evidence_delete,
    evidence_reject_suggestion,
    evidence_update,
)
from claims.services.families import (
    attach_occurrence,
    attach_occurrences,
    detach_occurrence,
    may_head_family,
    require_not_occurrence,
)
from claims.services.ingestion import (
    IngestResult,
    article_ingest,
    article_ingest_url,
    default_min_score,
    document_read,
    snapshot_extract_claims,
)
from claims.services.workflow import (
    CLAIM_EDITABLE_FIELDS,
    claim_create,
    claim_flag_needs_update,
    claim_transition,
    claim_update,
    verdict_update_draft,
)
from claims.workflow import WorkflowError

# Every public service, and two names read through this package since before the split:
# WorkflowError and current_draft (claims.publication).
__all__ = [
    "CLAIM_EDITABLE_FIELDS",
    "EVIDENCE_EDITABLE_FIELDS",
    "IngestResult",
    "WorkflowError",
    "article_ingest",
    "article_ingest_url",
    "attach_occurrence",
    "attach_occurrences",
    "claim_create",
    "claim_discover_related",
    "claim_flag_needs_update",
    "claim_record_matches",
    "claim_request_discovery",
    "claim_transition",
    "claim_update",
    "claims_embed_and_match",
    "claims_record_external_matches",
    "claims_record_matches",
    "claims_rematch_around",
    "claims_request_embedding",
    "claims_request_rematch",
    "current_draft",
    "default_min_score",
    "detach_occurrence",
    "document_read",
    "evidence_accept_suggestion",
    "evidence_add",
    "evidence_delete",
    "evidence_reject_suggestion",
    "evidence_update",
    "external_reviews_embed_and_match",
    "external_reviews_request_embedding",
    "may_head_family",
    "require_not_occurrence",
    "snapshot_extract_claims",
    "verdict_update_draft",
]
