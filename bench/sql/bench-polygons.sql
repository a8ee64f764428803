-- :n benchmark polygons in their own layer `bench-polygons` (replaced on every run): circles of
-- 2-8 km radius (geodesic buffers, 32 segments) around points scattered inside Mali's outline from
-- the `countries` layer, so the server's build-layers must have run first. Deterministic (seeded
-- ST_GeneratePoints). Stored counter-clockwise, as PostgisFeatureStore stores polygons.
DELETE FROM layer WHERE id = 'bench-polygons';
INSERT INTO layer (id, title, description, kind)
  VALUES ('bench-polygons', 'Benchmark polygons', :'n' || ' synthetic circles over Mali', 'context');
INSERT INTO feature (layer_id, id, properties, geom)
SELECT 'bench-polygons', 'poly-' || d.path[1],
       jsonb_build_object('name', 'Area ' || d.path[1], 'radius_km', 2 + d.path[1] % 7),
       ST_ForcePolygonCCW(ST_Buffer(d.geom::geography, (2 + d.path[1] % 7) * 1000, 8)::geometry)
FROM feature m, ST_Dump(ST_GeneratePoints(m.geom, :n, 42)) d
WHERE m.layer_id = 'countries' AND m.id = 'MLI'
ORDER BY d.path[1];
ANALYZE feature;
