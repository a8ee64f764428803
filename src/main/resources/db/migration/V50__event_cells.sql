-- Events counted ahead per grid cell and month, for the clustered tiles of zooms 0-7 (issue 11).
--
-- A clustered tile at zoom z has 4x4 cells (EventTiles.GRID); at zoom 7 those cells are the tiles
-- of zoom 9, a 512x512 grid on the world, and every coarser cell is a block of them. So one table
-- of counts per (zoom-9 tile, month, category) answers a z0-z7 tile for any time window made of
-- whole months by summing a few hundred rows, where counting the events themselves reads tens of
-- thousands of index entries per tile. PostgisTileStore adds the raw events of the window's two
-- partial months and of the events spanning more than one month, so a tile's counts stay exact.
--
-- Triggers keep it true on every write to feature, whoever writes (the server, import-events,
-- build-layers, psql), in the writing transaction.

-- Web Mercator metres of a longitude and a latitude (EPSG:3857 on the sphere of radius 6378137):
-- the formulas ST_Transform applies to a point, at a fraction of its cost per row. The latitude is
-- clamped to the square world's edge, where the logarithm would diverge at the poles.
CREATE FUNCTION mercator_x(lon double precision) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN lon * (20037508.342789244 / 180);
CREATE FUNCTION mercator_y(lat double precision) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN ln(tan(pi() / 4 + radians(greatest(-85.0511287798066, least(85.0511287798066, lat))) / 2))
    * 6378137;

-- The zoom-9 tile column and row of a point, counted from the world's top left, as
-- PostgisTileStore counts cells (floor of the distance from the origin over the cell size).
CREATE FUNCTION event_cell_x(lon double precision) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN floor((mercator_x(lon) + 20037508.342789244) / (2 * 20037508.342789244 / 512))::integer;
CREATE FUNCTION event_cell_y(lat double precision) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN floor((20037508.342789244 - mercator_y(lat)) / (2 * 20037508.342789244 / 512))::integer;

-- The UTC month a point event lies in when its whole span lies in one month; NULL for events
-- spanning months, undated features and non-points, which tiles always count one by one.
ALTER TABLE feature ADD COLUMN event_month timestamptz GENERATED ALWAYS AS (
  CASE WHEN GeometryType(geom) = 'POINT'
        AND coalesce(t_start, t_end) IS NOT NULL
        AND date_trunc('month', timezone('UTC', coalesce(t_start, t_end)))
          = date_trunc('month', timezone('UTC', coalesce(t_end, t_start)))
  THEN timezone('UTC', date_trunc('month', timezone('UTC', coalesce(t_start, t_end)))) END) STORED;

-- What the tiles read raw: a window's partial months, and the events no month holds. A tile's
-- singles under a time window are read by month too (a box's longitudes hold every year's events,
-- a window few of them); the box index carries event_month so that, for a window of many months,
-- the planner can still read the box index alone.
DROP INDEX feature_points_idx;
CREATE INDEX feature_points_idx ON feature (layer_id, point_lon, point_lat)
  INCLUDE (category, t_start, t_end, seq, event_month);
CREATE INDEX feature_month_points_idx ON feature (layer_id, event_month, point_lon, point_lat)
  INCLUDE (category, t_start, t_end, seq) WHERE event_month IS NOT NULL;
CREATE INDEX feature_unmonthed_points_idx ON feature (layer_id, point_lon, point_lat)
  INCLUDE (category, t_start, t_end, seq) WHERE event_month IS NULL;

CREATE TABLE event_cell (
  layer_id text NOT NULL REFERENCES layer (id) ON DELETE CASCADE,
  cell_x   integer NOT NULL,
  cell_y   integer NOT NULL,
  month    timestamptz NOT NULL,
  category text,
  n        bigint NOT NULL CHECK (n > 0),
  -- sums, not means, so cells add up into coarser cells exactly as the events would
  sum_mx   double precision NOT NULL,
  sum_my   double precision NOT NULL,
  min_lon  double precision NOT NULL,
  min_lat  double precision NOT NULL,
  max_lon  double precision NOT NULL,
  max_lat  double precision NOT NULL,
  UNIQUE NULLS NOT DISTINCT (layer_id, cell_x, cell_y, month, category)
);

-- A (layer, cell, month) whose counts a change may have moved.
CREATE TYPE event_cell_key AS (layer_id text, cell_x integer, cell_y integer, month timestamptz);

-- Recounts the keys the changed rows touch, from feature itself: exact whatever the change
-- (insert, update moving an event, delete, a layer replaced by cascade). Writers of one layer
-- queue on its layer row first (the lock the bump of layer.updated_at at the end of every write
-- takes anyway, so no new order of locks), so each recount sees the others' committed rows (a
-- recount read before another writer's commit would lose that writer's events). Past a few hundred keys
-- one grouped pass over the layer is cheaper than looking each key up (a 200,000-event import
-- touches ~10,000 keys: ~1 s for the pass, ~10 s key by key).
CREATE FUNCTION event_cell_recount(keys event_cell_key[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  l text;
  touched integer;
BEGIN
  FOR l, touched IN
    SELECT k.layer_id, count(*) FROM unnest(keys) k GROUP BY k.layer_id ORDER BY 1
  LOOP
    PERFORM 1 FROM layer WHERE id = l FOR NO KEY UPDATE;
    IF touched > 500 THEN
      DELETE FROM event_cell WHERE layer_id = l;
      INSERT INTO event_cell
        SELECT f.layer_id, event_cell_x(f.point_lon), event_cell_y(f.point_lat), f.event_month,
               f.category, count(*), sum(mercator_x(f.point_lon)), sum(mercator_y(f.point_lat)),
               min(f.point_lon), min(f.point_lat), max(f.point_lon), max(f.point_lat)
        FROM feature f WHERE f.layer_id = l AND f.event_month IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5;
    ELSE
      DELETE FROM event_cell c USING unnest(keys) t
        WHERE t.layer_id = l AND c.layer_id = l AND c.cell_x = t.cell_x AND c.cell_y = t.cell_y
          AND c.month = t.month;
      INSERT INTO event_cell
        SELECT f.layer_id, t.cell_x, t.cell_y, f.event_month, f.category, count(*),
               sum(mercator_x(f.point_lon)), sum(mercator_y(f.point_lat)),
               min(f.point_lon), min(f.point_lat), max(f.point_lon), max(f.point_lat)
        FROM unnest(keys) t
        JOIN feature f ON f.layer_id = l AND f.event_month = t.month
         -- the cell's longitudes (widened by a hair for rounding) narrow the index range; the
         -- equalities decide
         AND f.point_lon BETWEEN t.cell_x * (360.0 / 512) - 180.000001
                             AND (t.cell_x + 1) * (360.0 / 512) - 179.999999
         AND event_cell_x(f.point_lon) = t.cell_x AND event_cell_y(f.point_lat) = t.cell_y
        WHERE t.layer_id = l
        GROUP BY f.layer_id, t.cell_x, t.cell_y, f.event_month, f.category;
    END IF;
  END LOOP;
END $$;

-- One trigger function per kind of change: transition tables are named per trigger, and a trigger
-- with them takes a single event.
CREATE FUNCTION event_cell_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM event_cell_recount(ARRAY(
    SELECT DISTINCT ROW(layer_id, event_cell_x(point_lon), event_cell_y(point_lat),
                        event_month)::event_cell_key
    FROM new_rows WHERE event_month IS NOT NULL));
  RETURN NULL;
END $$;
CREATE FUNCTION event_cell_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM event_cell_recount(ARRAY(
    SELECT DISTINCT ROW(layer_id, event_cell_x(point_lon), event_cell_y(point_lat),
                        event_month)::event_cell_key
    FROM old_rows WHERE event_month IS NOT NULL));
  RETURN NULL;
END $$;
CREATE FUNCTION event_cell_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM event_cell_recount(ARRAY(
    SELECT DISTINCT ROW(layer_id, event_cell_x(point_lon), event_cell_y(point_lat),
                        event_month)::event_cell_key
    FROM (SELECT layer_id, point_lon, point_lat, event_month FROM new_rows
          UNION ALL
          SELECT layer_id, point_lon, point_lat, event_month FROM old_rows) r
    WHERE event_month IS NOT NULL));
  RETURN NULL;
END $$;

CREATE TRIGGER event_cell_inserted AFTER INSERT ON feature REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION event_cell_inserted();
CREATE TRIGGER event_cell_deleted AFTER DELETE ON feature REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION event_cell_deleted();
CREATE TRIGGER event_cell_updated AFTER UPDATE ON feature
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION event_cell_updated();

-- The counts of what is already stored.
INSERT INTO event_cell
  SELECT layer_id, event_cell_x(point_lon), event_cell_y(point_lat), event_month, category,
         count(*), sum(mercator_x(point_lon)), sum(mercator_y(point_lat)),
         min(point_lon), min(point_lat), max(point_lon), max(point_lat)
  FROM feature WHERE event_month IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5;
