-- Synthetic events for volume tests and benchmarks: :n events added to the `events` layer (which
-- must exist: build-layers or the test fixture creates it), shaped like a conflict-event dataset
-- for Mali rather than spread evenly:
--   * clustered around 12 towns, weighted roughly as conflict datasets are (Gao, Mopti, Kidal,
--     Timbuktu and Ménaka carry most of them);
--   * one in five exactly on the town's point (as datasets geocode to a town), the rest scattered
--     up to about 0.6° around it;
--   * dates from 2012-01-01 to 2024-12-31, denser in recent years; one in ten known only to the
--     month;
--   * the five categories in fixed shares.
-- Deterministic: setseed makes the same :n give the same rows. Ids are 'syn-<i>'; re-running with
-- the same :n replaces nothing (ON CONFLICT DO NOTHING). Used by bench/*.sh (psql -v n=...) and by
-- the test fixture org.sahelmap.testing.BulkEvents (which substitutes :n).
SELECT setseed(0.42);
WITH towns(k, name, lon, lat, w0, w1) AS (
  VALUES (0, 'Gao', -0.04435, 16.27167, 0.00, 0.17),
         (1, 'Mopti', -4.19556, 14.48444, 0.17, 0.31),
         (2, 'Kidal', 1.40778, 18.44111, 0.31, 0.44),
         (3, 'Timbuktu', -3.00742, 16.77348, 0.44, 0.55),
         (4, 'Ménaka', 2.40036, 15.91881, 0.55, 0.65),
         (5, 'Ségou', -6.26667, 13.43167, 0.65, 0.72),
         (6, 'Bamako', -7.97522, 12.60915, 0.72, 0.79),
         (7, 'Tessalit', 1.01131, 20.19863, 0.79, 0.84),
         (8, 'Ansongo', 0.50164, 15.65972, 0.84, 0.89),
         (9, 'Douentza', -2.94975, 15.00194, 0.89, 0.94),
         (10, 'Tinzaouaten', 2.9992, 19.9553, 0.94, 0.97),
         (11, 'Niono', -5.99333, 14.25222, 0.97, 1.00)),
draws AS (
  SELECT i, random() AS rt, random() AS rx, random() AS ry, random() AS rexact, random() AS rd,
         random() AS rp, random() AS rc
  FROM generate_series(1, :n) AS i),
placed AS (
  SELECT d.*, t.name, t.lon, t.lat,
         CASE WHEN d.rexact < 0.2 THEN 0 ELSE 1 END AS scatter,
         date '2012-01-01' + floor(sqrt(d.rd) * 4748)::int AS day,
         CASE WHEN d.rc < 0.45 THEN 'military' WHEN d.rc < 0.60 THEN 'security_partnership'
              WHEN d.rc < 0.75 THEN 'diplomatic' WHEN d.rc < 0.88 THEN 'economic'
              ELSE 'report' END AS category
  FROM draws d JOIN towns t ON d.rt >= t.w0 AND d.rt < t.w1),
dated AS (
  SELECT p.*,
         CASE WHEN p.rp < 0.1 THEN date_trunc('month', p.day)::date ELSE p.day END AS d0,
         CASE WHEN p.rp < 0.1 THEN (date_trunc('month', p.day) + interval '1 month - 1 day')::date
              ELSE p.day END AS d1
  FROM placed p)
INSERT INTO feature (layer_id, id, properties, geom, t_start, t_end)
SELECT 'events', 'syn-' || i,
       jsonb_build_object(
         'id', 'syn-' || i,
         'title', 'Synthetic ' || replace(category, '_', ' ') || ' event ' || i || ' near ' || name,
         'summary', 'Generated for volume tests; not a real event.',
         'start', d0::text, 'end', d1::text,
         'date_precision', CASE WHEN rp < 0.1 THEN 'month' ELSE 'day' END,
         'place_name', name,
         'location_basis', CASE WHEN scatter = 0 THEN 'named_in_text' ELSE 'approximate_area' END,
         'location_confidence', CASE WHEN scatter = 0 THEN 'medium' ELSE 'low' END,
         'category', category,
         'actors', jsonb_build_array('Synthetic actor ' || (i % 40)),
         'layer', NULL,
         'citation_document', NULL, 'citation_paragraph', NULL,
         'citation_start', NULL, 'citation_end', NULL),
       ST_SetSRID(ST_MakePoint(lon + scatter * (rx - 0.5) * 1.2, lat + scatter * (ry - 0.5) * 1.2), 4326),
       d0::timestamp AT TIME ZONE 'UTC',
       (d1::timestamp AT TIME ZONE 'UTC') + interval '1 day - 1 microsecond'
FROM dated
ON CONFLICT (layer_id, id) DO NOTHING;
UPDATE layer SET updated_at = clock_timestamp() WHERE id = 'events';
ANALYZE feature;
