-- Schema for layers (collections) and their features. Every layer, computed or curated, lives in the
-- one features table: one spatial index serves every bounding-box query, and a new layer needs no DDL.

-- Normally already enabled by the superuser (scripts/setup-postgis.sh, or the postgis/postgis image);
-- IF NOT EXISTS makes this a no-op then, and enables it where the role is allowed to.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE layer (
  id            text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  title         text NOT NULL,
  description   text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('mission', 'context', 'events', 'aois')),
  -- sources, method (CRS, buffer distances), attribute notes: free-form, shown to users as-is.
  metadata      jsonb NOT NULL DEFAULT '{}'::jsonb,
  computed_at   timestamptz,
  -- bumped on every change of the layer or its features: drives ETag / Last-Modified.
  updated_at    timestamptz NOT NULL DEFAULT now(),
  display_order integer NOT NULL DEFAULT 100
);

CREATE TABLE feature (
  layer_id   text NOT NULL REFERENCES layer (id) ON DELETE CASCADE,
  id         text NOT NULL CHECK (length(id) BETWEEN 1 AND 200),
  -- insertion order: a stable sort key for paging without sorting text ids.
  seq        bigint GENERATED ALWAYS AS IDENTITY,
  properties jsonb NOT NULL DEFAULT '{}'::jsonb,
  geom       geometry(Geometry, 4326) NOT NULL CHECK (ST_IsValid(geom)),
  -- time span of the feature, inclusive, for collections with time (events); NULL otherwise.
  t_start    timestamptz,
  t_end      timestamptz,
  PRIMARY KEY (layer_id, id),
  CHECK (t_start IS NULL OR t_end IS NULL OR t_start <= t_end)
);

CREATE INDEX feature_geom_gix ON feature USING gist (geom);
CREATE UNIQUE INDEX feature_layer_seq_idx ON feature (layer_id, seq);
CREATE INDEX feature_layer_time_idx ON feature (layer_id, t_start, t_end);
