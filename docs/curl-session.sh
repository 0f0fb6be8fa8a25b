#!/usr/bin/env bash
# From ingestion to a published verdict, over the REST API, as the README shows it.
# Run against `make run` (demo accounts): bash docs/curl-session.sh [http://127.0.0.1:8000]
set -euo pipefail
API="${1:-http://127.0.0.1:8000}/api/v1"
PY="${PY:-.venv/bin/python}"
# The demo desk's database, read as `make run` reads it (DEBUG is off unless turned on).
export DJANGO_DEBUG="${DJANGO_DEBUG:-true}"
# The evidence page to cite; the service fetches and archives it (it must be a public address).
EVIDENCE_URL="${EVIDENCE_URL:-https://en.wikipedia.org/wiki/Project_Hula}"
# Prints an expression of the JSON on stdin; quiet on no JSON (call() has said what went wrong).
json() {
  "$PY" -c "import json,sys
try: d = json.load(sys.stdin)
except ValueError: sys.exit(1)
print(eval(sys.argv[1], {'d': d}))" "$1"
}
# curl that stops the script with the API's own error (status and JSON body) on a 4xx/5xx.
call() {
  local out
  if ! out=$(curl -sS --fail-with-body "$@"); then
    printf 'request failed: curl %s\n%s\n' "$*" "$out" >&2
    exit 1
  fi
  printf '%s' "$out"
}

# 1. Fresh tokens for the demo researcher and editor (only the token is printed; --rotate
#    revokes the one a previous run issued, which cannot be shown again).
R="Authorization: Token $("$PY" manage.py create_api_token researcher --rotate)"
E="Authorization: Token $("$PY" manage.py create_api_token editor --rotate)"

# 2. Ingest an article as text: 201 with its claims.
BODY=$("$PY" -c 'import json,sys; print(json.dumps({"text": open(sys.argv[1]).read()}))' \
  claims/demo/kuril-islands-2021-02-15.txt)
call -X POST "$API/articles/" -H "$R" -H 'Content-Type: application/json' -d "$BODY" \
  | json '"article %s: %d claims" % (d["id"], len(d["claims"]))'

# 3. Find the claim about the Allied ships.
CLAIM=$(call "$API/claims/?q=allied+ships" -H "$R" | json 'd["results"][0]["id"]')
echo "claim $CLAIM"

# A second run finds the claim taken through already (the same article is not ingested twice):
# it goes straight to what the public reads.
STATUS=$(call "$API/claims/$CLAIM/" -H "$R" | json 'd["status"]')
if [ "$STATUS" != "new" ]; then
  echo "claim $CLAIM is $STATUS already (an earlier run); skipping to the public feed"
else
  # 4. The researcher starts research, writes the draft verdict, adds evidence and submits.
  call -X POST "$API/claims/$CLAIM/transition/" -H "$R" -H 'Content-Type: application/json' \
    -d '{"action": "start_research"}' | json 'd["status"]'
  call -X PATCH "$API/claims/$CLAIM/verdict/" -H "$R" -H 'Content-Type: application/json' \
    -d '{"rating": "mostly_true", "conclusion": "US ships were lent to the Soviet Union for the 1945 landings (Project Hula).", "explanation": "Declassified records of Project Hula."}' \
    | json 'd["rating"]'
  call -X POST "$API/claims/$CLAIM/evidence/" -H "$R" -H 'Content-Type: application/json' \
    -d "{\"source_url\": \"$EVIDENCE_URL\", \"stance\": \"supports\", \"excerpt\": \"the largest transfer program of the war\"}" \
    | json 'd["source_detail"]["url"]'
  call -X POST "$API/claims/$CLAIM/transition/" -H "$R" -H 'Content-Type: application/json' \
    -d '{"action": "submit"}' | json 'd["status"]'

  # 5. The editor (a second pair of eyes) reads the claim and publishes what they read: the
  #    claim's ETag names its wording, draft and evidence, and goes back as If-Match.
  TAG=$(curl -sf -D - -o /dev/null "$API/claims/$CLAIM/" -H "$E" \
    | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r')
  call -X POST "$API/claims/$CLAIM/transition/" -H "$E" -H 'Content-Type: application/json' \
    -H "If-Match: $TAG" -d '{"action": "publish"}' | json 'd["status"]'
fi

# 6. Anyone can read the feed and the ClaimReview.
call "$API/verdicts/" | json '[(v["claim"]["id"], v["version"], v["rating"]) for v in d["results"]]'
call "$API/claims/$CLAIM/claim-review/" | json 'd["reviewRating"]'
