"""ClaimReview from other fact-checkers, brought in (issue 15).

- `claimreview_import`: a document's text (JSON or HTML) in, the reviews found and the ones
  skipped out. Pure Python, with `jsonld` (lenient JSON-LD and schema.org values) and
  `ratings` (their textual ratings mapped to ours).
- `services`: read a file, a URL (through the sources fetcher) or content, and store the
  reviews as ExternalReview rows in one transaction; import a followed feed and record how it
  went.
- `selectors`: the reads of the API, the desk and the claim matcher.

The doors: `manage.py import_claimreview`, claims.api.external_reviews, the desk's
claims.admin.external_reviews; the hourly task claims.import_claimreview_feeds.
"""
