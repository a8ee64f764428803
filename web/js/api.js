// The one module that talks to the server (OGC API Features). Errors are typed: ApiError carries
// the HTTP status and the server's {code, description}.

export class ApiError extends Error {
  constructor(status, code, description, url) {
    super(`${url}: ${status} ${code ?? ''} ${description ?? ''}`.trim());
    this.status = status;
    this.code = code;
    this.description = description;
  }
}

async function getJson(url) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new ApiError(0, 'network', e.message, url);
  }
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new ApiError(response.status, body.code, body.description, url);
  }
  return response.json();
}

export async function collections() {
  return (await getJson('/ogc/collections')).collections;
}

export function items(collectionId) {
  return getJson(`/ogc/collections/${encodeURIComponent(collectionId)}/items?limit=10000`);
}

/**
 * Whether the server serves cited passages: asked once from its OpenAPI document, so the page
 * never requests a route that does not exist (which would show as an error in the console).
 */
let citationsServed;
export function servesCitations() {
  citationsServed ??= getJson('/ogc/api')
    .then((doc) => Object.keys(doc.paths ?? {}).some((path) => path.includes('citation')))
    .catch(() => false);
  return citationsServed;
}

/** The cited passage of an event, or null where the server has none (404) or no such route yet. */
export async function citation(eventId) {
  if (!(await servesCitations())) return null;
  try {
    return await getJson(`/ogc/collections/events/items/${encodeURIComponent(eventId)}/citation`);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return null;
    throw e;
  }
}
