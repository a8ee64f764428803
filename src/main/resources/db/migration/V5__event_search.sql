-- Free-text search over events (q= on items, tiles and the histogram): a case-insensitive substring
-- of title, summary, place name or actors. A trigram index answers ILIKE '%text%' for text of three
-- or more characters, which a b-tree cannot; the indexed expression must be exactly
-- PostgisFeatureStore.SEARCH_TEXT or the planner will not use it.
-- pg_trgm is a trusted extension (PostgreSQL 13+), so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX feature_search_trgm_idx ON feature USING gin (
  (coalesce(properties->>'title', '') || ' ' || coalesce(properties->>'summary', '') || ' '
   || coalesce(properties->>'place_name', '') || ' '
   || coalesce(properties->>'actors', '')) gin_trgm_ops);
