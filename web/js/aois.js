// Requests for the writable collection `aois`. Every AOI travels with its ETag (its version): a
// save sends it as If-Match, and a 412 comes back as a ConflictError holding the current AOI so
// the page can tell the analyst and offer to reload.

import { writeHeaders } from './session.js';

const ITEMS = '/ogc/collections/aois/items';

export class AoiError extends Error {
  constructor(status, body) {
    super(body?.description ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.code;
    this.location = body?.location ?? null;
  }
}

export class ConflictError extends AoiError {
  constructor(body, etag) {
    super(412, body);
    this.current = body?.current ?? null;
    this.etag = etag;
  }
}

async function send(method, url, { body, etag } = {}) {
  // The author is the signed-in account (the server knows it); writes carry the CSRF token.
  const headers = { Accept: 'application/geo+json', ...(method === 'GET' ? {} : writeHeaders()) };
  if (body !== undefined) headers['Content-Type'] = 'application/geo+json';
  if (etag) headers['If-Match'] = etag;
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (response.status === 412) throw new ConflictError(json, response.headers.get('ETag'));
  if (!response.ok) throw new AoiError(response.status, json);
  return { json, etag: response.headers.get('ETag') };
}

const item = (id) => `${ITEMS}/${encodeURIComponent(id)}`;

export async function list() {
  return (await send('GET', `${ITEMS}?limit=10000`)).json.features;
}

export async function get(id) {
  const { json, etag } = await send('GET', item(id));
  return { feature: json, etag };
}

export async function create(feature, { repair = false } = {}) {
  const { json, etag } = await send('POST', ITEMS + (repair ? '?repair=true' : ''), { body: feature });
  return { feature: json, etag };
}

export async function save(id, feature, etag, { repair = false } = {}) {
  const r = await send('PUT', item(id) + (repair ? '?repair=true' : ''), { body: feature, etag });
  return { feature: r.json, etag: r.etag };
}

export async function remove(id, etag) {
  return (await send('DELETE', item(id), { etag })).etag;
}

export async function restore(id, etag) {
  const { json, etag: next } = await send('POST', `${item(id)}/restore`, { etag });
  return { feature: json, etag: next };
}

export async function analysis(id, datetime) {
  const q = datetime ? `?datetime=${encodeURIComponent(datetime)}` : '';
  return (await send('GET', `${item(id)}/analysis${q}`)).json;
}

/**
 * A GeoPackage file, read by the server (the page cannot read SQLite): its features as the text
 * of a GeoJSON FeatureCollection in WGS84, for aoiimport.js like any GeoJSON file.
 */
export async function readGeoPackage(file) {
  const headers = { Accept: 'application/geo+json', 'Content-Type': 'application/geopackage+sqlite3', ...writeHeaders() };
  const response = await fetch('/api/aois/import', { method: 'POST', headers, body: file });
  const text = await response.text();
  if (!response.ok) {
    let body = null;
    try { body = JSON.parse(text); } catch { /* a proxy's page, not ours: the status says enough */ }
    throw new AoiError(response.status, body);
  }
  return text;
}

export function exportUrl(ids) {
  return `/ogc/collections/aois/export${ids?.length ? `?ids=${ids.map(encodeURIComponent).join(',')}` : ''}`;
}
