-- Briefings: named, ordered lists of slides shown on the live map. The current state of each is a
-- row of briefing; every save (create, update, delete) is kept whole in briefing_version, so nothing
-- a briefer saved is ever silently lost. Writers lock the briefing row before comparing versions.
CREATE TABLE briefing (
  id         text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  version    integer NOT NULL CHECK (version >= 1),
  -- the handling line shown on every slide and export (e.g. a classification marking)
  banner     text NOT NULL DEFAULT '' CHECK (length(banner) <= 200),
  deleted    boolean NOT NULL DEFAULT false,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE briefing_version (
  briefing_id text NOT NULL REFERENCES briefing (id),
  version     integer NOT NULL CHECK (version >= 1),
  operation   text NOT NULL CHECK (operation IN ('create', 'update', 'delete')),
  -- the whole briefing as the API reads and writes it: name, banner, slides
  document    jsonb NOT NULL,
  saved_by    text NOT NULL,
  saved_at    timestamptz NOT NULL,
  PRIMARY KEY (briefing_id, version)
);
