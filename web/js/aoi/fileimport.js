// AOIs from a dropped or chosen file (GeoJSON, KML, GPX, or a GeoPackage the server has turned
// into GeoJSON), before they go to the server: what can be sent and what cannot. No map here; the
// server still validates every feature it is sent. KML and GPX are read by @tmcw/togeojson
// (Mapbox's maintained converter) from the browser's own XML parser.
import { gpx, kml } from '@tmcw/togeojson';

const AREAL = new Set(['Polygon', 'MultiPolygon']);

/**
 * The features of a GeoJSON text (a FeatureCollection, a Feature or a bare geometry) ready to POST,
 * each with a name (its own, or the file's name and its number), and the problems of those left out:
 * {features: [{index, feature}], problems: [{index, name, message}]}. Throws on text that is not JSON.
 */
/**
 * As aoisFromGeoJson, for a file of any kind we read, chosen by its name: .kml and .gpx through
 * togeojson, anything else as GeoJSON. Throws an Error saying what the file is not.
 */
export function aoisFromFile(text, fileName = 'file') {
  const kind = /\.kml$/i.test(fileName) ? 'kml' : /\.gpx$/i.test(fileName) ? 'gpx' : 'geojson';
  if (kind === 'geojson') {
    try {
      return aoisFromGeoJson(text, fileName);
    } catch (e) {
      if (e instanceof SyntaxError) throw new Error(`it is not a map file we read. ${ACCEPTED}`, { cause: e });
      throw e;
    }
  }
  const xml = new DOMParser().parseFromString(text, 'application/xml');
  if (xml.getElementsByTagName('parsererror').length) throw new Error(`not valid ${kind.toUpperCase()} (XML that does not parse)`);
  const geojson = kind === 'kml' ? kml(xml) : gpx(xml);
  return aoisFromGeoJson(JSON.stringify(geojson), fileName.replace(/\.(kml|gpx)$/i, ''));
}

/** The files the page imports, in the words every "not a map file" message ends with. */
export const ACCEPTED = 'Areas can be imported from GeoJSON (.geojson, .json), KML (.kml), GPX (.gpx) or GeoPackage (.gpkg) files.';

/** A GeoPackage goes to the server to be read (see aois.readGeoPackage). */
export const isGeoPackage = (fileName) => /\.gpkg$/i.test(fileName);

export function aoisFromGeoJson(text, fileName = 'file') {
  const json = JSON.parse(text);
  const list = json?.type === 'FeatureCollection' ? json.features ?? []
    : json?.type === 'Feature' ? [json]
      : json?.type && json.coordinates ? [{ type: 'Feature', geometry: json, properties: {} }] : null;
  if (!Array.isArray(list)) throw new Error(`it is JSON, but not GeoJSON (no FeatureCollection, Feature or geometry in it). ${ACCEPTED}`);
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
