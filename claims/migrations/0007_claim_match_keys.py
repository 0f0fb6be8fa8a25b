"""Match keys of a claim's text and a GIN index on them, for claims/match/ (PostgreSQL only).

claim_match_keys(text) is the text's words and its pairs of adjacent words, lower-cased, as a
tsvector ("us tells 20,000" -> 'us', 'tells', '20', '000', 'us tells', 'tells 20', '20 000').
claims/match/ takes as candidates the claims holding the rarest keys of the looked-up text
and ranks only them with pg_trgm's similarity(); see claims.matching.match_candidates. Which keys
are rare comes from the index's ANALYZE statistics (most_common_elems), so its statistics
target is raised: with 1,000 the list holds 10,000 keys. The trigram index claim_text_trgm
stays: it serves the substring search of lists and the admin (?search=).

PL/pgSQL, not SQL: an SQL function with a subquery is not inlined and cost ~1 ms a row; this
one costs ~20 us (to_tsvector alone ~8 us), paid when a claim is written and by the look-up.

Not atomic, on purpose: the index is built CONCURRENTLY (a desk keeps writing claims while a
large table is indexed), and ANALYZE must run after the new statistics target is committed
(inside one transaction it still samples with the old target).
"""

from django.db import migrations

INDEX = "claim_match_keys"
FUNCTION = """
CREATE OR REPLACE FUNCTION claim_match_keys(t text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    words text[] := array_remove(regexp_split_to_array(lower(t), '[^[:alnum:]]+'), '');
    keys text[] := words;
BEGIN
    FOR i IN 1 .. coalesce(array_length(words, 1), 0) - 1 LOOP
        keys := keys || (words[i] || ' ' || words[i + 1]);
    END LOOP;
    RETURN array_to_tsvector(keys);
END
$$
"""
CREATE = f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX} ON claims_claim USING gin (claim_match_keys(text))"
STATISTICS = f"ALTER INDEX {INDEX} ALTER COLUMN 1 SET STATISTICS 1000"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION)
        schema_editor.execute(CREATE)
        schema_editor.execute(STATISTICS)
        schema_editor.execute("ANALYZE claims_claim")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")
        schema_editor.execute("DROP FUNCTION IF EXISTS claim_match_keys(text)")


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("claims", "0006_list_and_feed_indexes")]

    operations = [migrations.RunPython(create, drop)]
