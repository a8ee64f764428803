// The one module that talks to the server (OGC API Features and the /api writes; aoi/requests.js
// names the AOI endpoints on top of request()). Errors are typed: ApiError carries the HTTP status
// and the server's {code, description}; a 412 on a versioned write is a ConflictError holding the
// current version, so the page can offer to reload.
import { writeHeaders } from './session.js';

export class ApiError extends Error {
  /** body: the whole error body, for refusals that carry more (an import's problem list). */
  constructor(status, code, description, url, body = null) {
    super(`${url}: ${status} ${code ?? ''} ${description ?? ''}`.trim());
    this.status = status;
    this.code = code;
    this.description = description;
    this.body = body;
  }
}

/** A refused If-Match write: `current` is the stored version (null if deleted), `etag` its tag. */
export class ConflictError extends ApiError {
  constructor(body, etag, url) {
    super(412, body?.code, body?.description, url, body);
    this.current = body?.current ?? null;
    this.etag = etag;
  }
}

/** What to tell a user about a refusal: the server's words when it gave some. */
export const reason = (e) =>
  e?.description ?? (e instanceof ApiError && e.status ? `HTTP ${e.status}` : e?.message ?? String(e));

/** A GET of JSON; an aborted request rejects with the AbortError itself. */
const getJson = async (url, { signal } = {}) => (await request('GET', url, undefined, { signal })).body;

// Every path the page asks for comes from the server: /app/config lists them as route patterns
// with {name} parameters (api/PagePaths.java, the constants the routes are registered with), and
// path() fills them in. loadConfig() must have finished before the first path() (main.js and
// reader.js await it first).
let config;
let templates = null;

/**
 * The page's settings from the server, asked once: {paths, onlineBasemap: URL template or null,
 * eventImportMaxBytes, documentUploadMaxBytes}.
 */
export function loadConfig() {
  config ??= getJson('/app/config').then((c) => { templates = c.paths ?? {}; return c; });
  return config;
}

/**
 * The server's path `name` with its {parameters} filled in from params (each URI-encoded), and
 * query (a URLSearchParams or a string) after a `?` when it is not empty.
 */
export function path(name, params = {}, query = '') {
  if (!templates) throw new Error(`path('${name}') before loadConfig() finished`);
  const template = templates[name];
  if (!template) throw new Error(`the server names no path '${name}'`);
  const filled = template.replace(/\{(\w+)\}/g, (_, key) => {
    if (params[key] === undefined) throw new Error(`path '${name}' needs its ${key}`);
    return encodeURIComponent(params[key]);
  });
  const q = String(query ?? '');
  return q ? `${filled}?${q}` : filled;
}

export async function collections() {
  return (await getJson(path('collections'))).collections;
}

/** A whole small collection (the mission and context layers); large ones are drawn from tiles. */
export function items(collectionId) {
  return getJson(path('items', { collectionId }, 'limit=10000'));
}

export function collection(collectionId) {
  return getJson(path('collection', { collectionId }));
}

/** One feature, as GeoJSON. */
export function item(collectionId, featureId) {
  return getJson(path('item', { collectionId, featureId }));
}

/**
 * One page of events matching params (a URLSearchParams of datetime, category, q, and bbox), with
 * the server's numberMatched: {features, numberMatched, numberReturned}.
 */
export function eventsPage(params, { limit, offset = 0, signal } = {}) {
  const p = new URLSearchParams(params);
  p.set('limit', String(limit));
  if (offset) p.set('offset', String(offset));
  return getJson(path('items', { collectionId: 'events' }, p), { signal });
}

/** Events per month under the filters: {total, months: [{month: 'YYYY-MM', count}], categories}. */
export function eventsHistogram(params, { signal } = {}) {
  return getJson(path('histogram', {}, new URLSearchParams(params)), { signal });
}

/**
 * The source documents the server holds, by id, asked once: a passage is requested only where the
 * document's text is available, so the page never asks for a citation that must 404 (a failed
 * request shows as an error in the browser console).
 */
let documentsById;
export function documents() {
  documentsById ??= getJson(path('documents'))
    .then((body) => new Map((body.documents ?? []).map((d) => [d.id, d])))
    .catch(() => new Map());
  return documentsById;
}

/**
 * The cited passage of an event ({passage, paragraph, start, end, document}); where this server
 * lacks the document's text, {document, paragraph, passage: null} from the registry (paragraph
 * from the event); null where the event cites no known document.
 */
export async function citation(eventId, documentId, paragraph = null) {
  const doc = (await documents()).get(documentId);
  if (!doc) return null;
  if (!doc.textAvailable) return { document: doc, paragraph, passage: null };
  try {
    return await getJson(path('citation', { featureId: eventId }));
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/**
 * One request: body is sent as is when a string or Blob, else as JSON; type is its Content-Type,
 * etag goes as If-Match, writes carry the CSRF token; keepalive lets a request outlive the page,
 * signal aborts it. Resolves {body, etag} with the body parsed as JSON (or as text when asText);
 * rejects with a ConflictError (412), an ApiError, or the AbortError of an aborted request.
 */
export async function request(method, url, body, { etag, type = 'application/json',
  accept = 'application/json', asText = false, keepalive = false, signal } = {}) {
  const headers = { Accept: accept, ...(method === 'GET' ? {} : writeHeaders()) };
  if (body !== undefined) headers['Content-Type'] = type;
  if (etag) headers['If-Match'] = etag;
  let response;
  try {
    response = await fetch(url, { method, headers, keepalive, signal,
      body: body === undefined ? undefined
        : typeof body === 'string' || body instanceof Blob ? body : JSON.stringify(body) });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', e.message, url);
  }
  const text = response.status === 204 ? '' : await response.text().catch(() => '');
  let json = null;
  if (text && !(asText && response.ok)) {
    try { json = JSON.parse(text); } catch { json = {}; } // a proxy's page, not ours: the status says enough
  }
  if (response.status === 412) throw new ConflictError(json, response.headers.get('ETag'), url);
  if (!response.ok) throw new ApiError(response.status, json?.code, json?.description, url, json);
  return { body: asText ? text : json, etag: response.headers.get('ETag') };
}

const briefingUrl = (id) => path('briefing', { id });
export const briefings = async () => (await getJson(path('briefings'))).briefings;
/** {body, etag}: the briefing and the version to send back as If-Match. */
export const briefing = (id) => request('GET', briefingUrl(id));
export const createBriefing = (body) => request('POST', path('briefings'), body);
export const saveBriefing = (id, body, etag) => request('PUT', briefingUrl(id), body, { etag });
export const deleteBriefing = (id, etag) => request('DELETE', briefingUrl(id), undefined, { etag });
export const importBriefing = (text) => request('POST', path('briefingImport'), text,
  { type: 'application/geo+json' });
export const briefingExportUrl = (id) => path('briefingExport', { id });
export const briefingPackUrl = (id) => path('briefingPack', { id });

/**
 * Uploads an events file (ours, an ACLED export or a UCDP GED CSV) as it is: {imported, file}, or an
 * ApiError whose body lists the problems (422) as FILE:line N: reason.
 */
export const importEvents = (file) => request('POST',
  path('eventImport', {}, new URLSearchParams({ name: file.name })), file,
  { type: /\.csv$/i.test(file.name) ? 'text/csv' : 'application/geo+json' });

/**
 * An events vector tile's bytes, or null for an empty tile (204). priority is fetch()'s hint (the
 * tiles in view before the prefetched ring); signal aborts a tile no longer wanted.
 */
export async function tileBytes(url, { priority, signal } = {}) {
  const response = await fetch(url, { priority, signal });
  if (response.status === 204) return null;
  if (!response.ok) throw new ApiError(response.status, 'tile', `HTTP ${response.status}`, url);
  return new Uint8Array(await response.arrayBuffer());
}

/** A document's whole registered text by paragraph: {document, paragraphs}, for the reader. */
export const documentText = async (id) =>
  (await request('GET', path('documentText', { documentId: id }))).body;

/** Where this page is (presence): PUT here, DELETE to leave (keepalive: sent as the page closes). */
const presenceUrl = (client) => path('presenceClient', { client });
export const putPresence = (client, here) => request('PUT', presenceUrl(client), here);
export const leavePresence = (client, keepalive) =>
  request('DELETE', presenceUrl(client), undefined, { keepalive });
/** Who is at a place: {people: [{client, name, mode, slide}]}. */
export const presence = async (place) =>
  (await request('GET', path('presence', {}, new URLSearchParams({ place })))).body;

/** The session: GET who this page is, POST {name, password} to sign in, DELETE to sign out. */
export const sessionRequest = async (method, body) => (await request(method, path('session'), body)).body;

// Uploaded documents and the review queue of the events proposed from them.
const documentType = (name) => (/\.pdf$/i.test(name) ? 'application/pdf'
  : /\.html?$/i.test(name) ? 'text/html' : 'text/plain');
export const uploadDocument = (file) => request('POST',
  path('documentUploads', {}, new URLSearchParams({ name: file.name })), file,
  { type: documentType(file.name) });
const CANDIDATE_PATHS = { accept: 'candidateAccept', reject: 'candidateReject', merge: 'candidateMerge' };
const candidateUrl = (id, verb) => path(CANDIDATE_PATHS[verb], { candidateId: id });
export const reviewApi = {
  uploadDocument,
  candidates: async (id) => (await request('GET', path('documentCandidates', { documentId: id }))).body,
  text: documentText,
  accept: async (id, edits) => (await request('POST', candidateUrl(id, 'accept'), edits)).body,
  reject: async (id) => (await request('POST', candidateUrl(id, 'reject'), {})).body,
  merge: async (id, eventId) => (await request('POST', candidateUrl(id, 'merge'), { eventId })).body,
  /** A page of the uploaded documents, newest first: {documents, numberMatched, next}. */
  documents: async (offset = 0) =>
    (await request('GET', path('documentUploads', {}, `limit=20&offset=${offset}`))).body,
  extractAgain: async (id) => (await request('POST', path('documentExtract', { documentId: id }), {})).body,
  /** Events whose text matches q (the events list's own search), for a merge. */
  searchEvents: async (q) => (await eventsPage(new URLSearchParams({ q }), { limit: 8 })).features,
};
