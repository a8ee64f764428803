-- The change feed (issue 17). Every committed change to an AOI, a briefing or a layer adds one
-- row here, in the writing transaction, and announces it with NOTIFY: PostgreSQL delivers a
-- notification only when its transaction commits, so a rolled-back write is never announced, and
-- the row's id lets a client that was away catch up on exactly what it missed.
-- Triggers, not application code, feed it: every writer (the server, import-events, build-layers,
-- a psql session) is covered without having to remember to.

CREATE TABLE change_log (
  id      bigserial PRIMARY KEY,
  at      timestamptz NOT NULL DEFAULT now(),
  kind    text NOT NULL CHECK (kind IN ('aoi', 'briefing', 'layer')),
  target  text NOT NULL,
  version integer,
  action  text NOT NULL,
  actor   text
);

CREATE OR REPLACE FUNCTION change_log_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- ids and versions only (a few hundred bytes, well under NOTIFY's 8000): listeners fetch rows.
  PERFORM pg_notify('sahel_changes', json_build_object(
    'id', NEW.id, 'kind', NEW.kind, 'target', NEW.target, 'version', NEW.version,
    'action', NEW.action, 'actor', NEW.actor, 'at', NEW.at)::text);
  RETURN NULL;
END $$;
CREATE TRIGGER change_log_notify AFTER INSERT ON change_log
  FOR EACH ROW EXECUTE FUNCTION change_log_notify();

CREATE OR REPLACE FUNCTION aoi_version_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO change_log (kind, target, version, action, actor)
    VALUES ('aoi', NEW.aoi_id, NEW.version, NEW.operation, NEW.saved_by);
  RETURN NULL;
END $$;
CREATE TRIGGER aoi_version_changed AFTER INSERT ON aoi_version
  FOR EACH ROW EXECUTE FUNCTION aoi_version_changed();

CREATE OR REPLACE FUNCTION briefing_version_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO change_log (kind, target, version, action, actor)
    VALUES ('briefing', NEW.briefing_id, NEW.version, NEW.operation, NEW.saved_by);
  RETURN NULL;
END $$;
CREATE TRIGGER briefing_version_changed AFTER INSERT ON briefing_version
  FOR EACH ROW EXECUTE FUNCTION briefing_version_changed();

-- A layer's updated_at moves on every change of it or its features (one bump per transaction for
-- a bulk import): one row per bump, not per feature.
CREATE OR REPLACE FUNCTION layer_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.updated_at IS DISTINCT FROM OLD.updated_at THEN
    INSERT INTO change_log (kind, target, action) VALUES ('layer', NEW.id, lower(TG_OP));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER layer_changed AFTER INSERT OR UPDATE ON layer
  FOR EACH ROW EXECUTE FUNCTION layer_changed();
