-- Areas of interest (AOIs) drawn by analysts. The current version of each live AOI is a row of the
-- generic feature table (layer 'aois'), so every reader of collections (items, GDAL, exports) sees
-- it unchanged; the full history lives here and is never rewritten.

-- The collection exists even on an empty database. build-layers replaces only the layers it
-- computes, so this row (and the AOIs under it) survives every rebuild.
INSERT INTO layer (id, title, description, kind, metadata, display_order)
VALUES (
  'aois',
  'Areas of interest',
  'Areas drawn and saved by analysts. Writable: POST to items, PUT/DELETE an item with If-Match;'
    || ' every save is kept under items/{id}/versions.',
  'aois',
  '{"writable": true, "versions": "items/{id}/versions", "analysis": "items/{id}/analysis"}'::jsonb,
  200)
ON CONFLICT (id) DO NOTHING;

-- One row per AOI ever created: the row writers lock (SELECT ... FOR UPDATE) before comparing
-- versions, so of two concurrent writers holding the same version exactly one wins.
CREATE TABLE aoi (
  id         text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  version    integer NOT NULL CHECK (version >= 1),
  deleted    boolean NOT NULL DEFAULT false,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL
);

-- Every save, in order: create, update, delete (soft; keeps the last geometry) and restore.
CREATE TABLE aoi_version (
  aoi_id    text NOT NULL REFERENCES aoi (id),
  version   integer NOT NULL CHECK (version >= 1),
  operation text NOT NULL CHECK (operation IN ('create', 'update', 'delete', 'restore')),
  name      text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  notes     text NOT NULL DEFAULT '' CHECK (length(notes) <= 5000),
  tags      jsonb NOT NULL DEFAULT '[]'::jsonb,
  radius_m  double precision CHECK (radius_m IS NULL OR radius_m > 0),
  geom      geometry(Geometry, 4326) NOT NULL CHECK (ST_IsValid(geom)),
  saved_by  text NOT NULL,
  saved_at  timestamptz NOT NULL,
  PRIMARY KEY (aoi_id, version)
);
