-- What event tiles and the histogram read, kept narrow: a point's lon/lat and the category as
-- stored columns (computed by PostgreSQL from geom and properties, so they cannot disagree), and a
-- covering index over them. A z6 tile over Gao and Mopti aggregates tens of thousands of events;
-- from this index that is an index-only scan of a few MB instead of reading every wide row of the
-- table (properties average ~500 bytes) through feature_geom_gix.
-- Version 5.1: V5 was already committed when this was added; V6 and V7 belong to other work.
ALTER TABLE feature
  ADD COLUMN category text GENERATED ALWAYS AS (properties->>'category') STORED,
  ADD COLUMN point_lon double precision
    GENERATED ALWAYS AS (CASE WHEN GeometryType(geom) = 'POINT' THEN ST_X(geom) END) STORED,
  ADD COLUMN point_lat double precision
    GENERATED ALWAYS AS (CASE WHEN GeometryType(geom) = 'POINT' THEN ST_Y(geom) END) STORED;

CREATE INDEX feature_points_idx ON feature (layer_id, point_lon, point_lat)
  INCLUDE (category, t_start, t_end, seq);
