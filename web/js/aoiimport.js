// AOIs from a dropped GeoJSON file, before they go to the server: what can be sent and what cannot.
// Pure (no DOM, no map); the server still validates every feature it is sent.

const AREAL = new Set(['Polygon', 'MultiPolygon']);

/**
 * The features of a GeoJSON text (a FeatureCollection, a Feature or a bare geometry) ready to POST,
 * each with a name (its own, or the file's name and its number), and the problems of those left out:
 * {features: [{index, feature}], problems: [{index, name, message}]}. Throws on text that is not JSON.
 */
export function aoisFromGeoJson(text, fileName = 'file') {
  const json = JSON.parse(text);
  const list = json?.type === 'FeatureCollection' ? json.features ?? []
    : json?.type === 'Feature' ? [json]
      : json?.type && json.coordinates ? [{ type: 'Feature', geometry: json, properties: {} }] : null;
  if (!Array.isArray(list)) throw new Error('not GeoJSON: expected a FeatureCollection, a Feature or a geometry');
  const base = String(fileName).replace(/\.(geo)?json$/i, '');
  const features = [];
  const problems = [];
  list.forEach((f, i) => {
    const index = i + 1;
    const props = f?.properties ?? {};
    const name = typeof props.name === 'string' && props.name.trim() ? props.name
      : list.length === 1 ? base : `${base} ${index}`;
    if (!AREAL.has(f?.geometry?.type)) {
      problems.push({ index, name, message: `a ${f?.geometry?.type ?? 'missing'} geometry is not an area (Polygon or MultiPolygon)` });
      return;
    }
    const tags = Array.isArray(props.tags) ? props.tags.filter((t) => typeof t === 'string') : [];
    const properties = { name, notes: typeof props.notes === 'string' ? props.notes : '', tags };
    if (Number(props.radius_m) > 0) properties.radius_m = Number(props.radius_m);
    features.push({ index, feature: { type: 'Feature', geometry: f.geometry, properties } });
  });
  return { features, problems };
}
