// The AOI endpoints (the writable collection `aois`), over api.js's request(). Every AOI travels
// with its ETag (its version): a save sends it as If-Match, and a 412 comes back as api.js's
// ConflictError holding the current AOI.

import { path, request } from '../api.js';

export { ApiError, ConflictError } from '../api.js';

const GEOJSON = 'application/geo+json';
const send = (method, url, body, etag) => request(method, url, body, { etag, type: GEOJSON, accept: GEOJSON });

const item = (featureId, query) => path('aoiItem', { featureId }, query);

export async function list() {
  return (await send('GET', path('aoiItems', {}, 'limit=10000'))).body.features;
}

export async function get(id) {
  const { body, etag } = await send('GET', item(id));
  return { feature: body, etag };
}

export async function create(feature, { repair = false } = {}) {
  const { body, etag } = await send('POST', path('aoiItems', {}, repair ? 'repair=true' : ''), feature);
  return { feature: body, etag };
}

export async function save(id, feature, etag, { repair = false } = {}) {
  const r = await send('PUT', item(id, repair ? 'repair=true' : ''), feature, etag);
  return { feature: r.body, etag: r.etag };
}

export async function remove(id, etag) {
  return (await send('DELETE', item(id), undefined, etag)).etag;
}

export async function restore(id, etag) {
  const { body, etag: next } = await send('POST', path('aoiRestore', { featureId: id }), undefined, etag);
  return { feature: body, etag: next };
}

export async function analysis(id, datetime) {
  const q = datetime ? new URLSearchParams({ datetime }) : '';
  return (await send('GET', path('aoiAnalysis', { featureId: id }, q))).body;
}

/**
 * A GeoPackage file, read by the server (the page cannot read SQLite): its features as the text
 * of a GeoJSON FeatureCollection in WGS84, for fileimport.js like any GeoJSON file.
 */
export async function readGeoPackage(file) {
  return (await request('POST', path('aoiImport'), file,
    { type: 'application/geopackage+sqlite3', accept: GEOJSON, asText: true })).body;
}

export function exportUrl(ids) {
  return path('aoiExport', {}, ids?.length ? `ids=${ids.map(encodeURIComponent).join(',')}` : '');
}
