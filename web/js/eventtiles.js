// Event vector tiles (OGC API Tiles, WebMercatorQuad, Mapbox Vector Tile) as plain data: the URL of
// a tile under the current filters, and a decoded tile as events and clusters in the tile's own
// pixel coordinates. Decoding is @mapbox/vector-tile's (npm, pinned in web-deps/); no DOM and no
// Leaflet here, so the live map and the PNG exports share it.
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { path, reason, tileBytes } from './api.js';
import { CATEGORIES } from './styles.js';

export const TILE_SIZE = 256;
const LAYER = 'events';

/** The query string every events request shares: time window, categories, text. */
export function filterParams({ time, filter }) {
  const p = new URLSearchParams();
  if (time) p.set('datetime', `${time.from}/${time.to}`);
  if (filter?.categories?.length) p.set('category', [...filter.categories].sort().join(','));
  if (filter?.q) p.set('q', filter.q);
  return p;
}

export function tileUrl({ z, x, y }, query) {
  const q = filterParams(query).toString();
  return path('tile',
    { collectionId: LAYER, tileMatrixSetId: 'WebMercatorQuad', tileMatrix: z, tileRow: y, tileCol: x }, q);
}

/**
 * Decoded tiles by URL, most recently used last. A tile is asked for once and shared by whoever
 * wants it (the map, its prefetcher, an export), so a zoom or pan onto tiles fetched ahead costs no
 * request. Entries live CACHE_MS: the server's ETag says when a layer changed, and until live
 * updates tell the page, a tile may be at most that old when drawn again.
 */
const CACHE_TILES = 256;
const CACHE_MS = 120_000;
const cache = new Map();

/**
 * Fetches and decodes one tile: {events: [{id, x, y, properties}], clusters: [{x, y, count,
 * byCategory, bounds: [w, s, e, n]}]}, x and y in pixels of a 256 px tile. Features outside the
 * tile proper (a tile's buffer) are kept: they are drawn so symbols on a tile's edge stay whole.
 * A 204 is an empty tile. signal abandons the wait, not the request: a tile asked for is still
 * worth having in the cache (a map zoomed back, a prefetch that was already wanted), unless the
 * signal's reason is SUPERSEDED and nobody else waits for it: then the request is cancelled too.
 * priority 'low' is for prefetches, so they queue behind the tiles in view.
 */
export function fetchTile(coords, query, { signal, priority = 'auto' } = {}) {
  const url = tileUrl(coords, query);
  let entry = fresh(url);
  if (entry) {
    cache.delete(url);
  } else {
    const request = new AbortController();
    entry = { at: performance.now(), request, waiting: new Set(), kept: false,
      tile: load(url, coords, priority, request.signal) };
    // A failure is not remembered: the next ask tries again.
    entry.tile.then((t) => { entry.decoded = t; }, () => { if (cache.get(url) === entry) cache.delete(url); });
  }
  // Asked for without a way to give up (prefetch, export): wanted whatever the map does next.
  if (!signal) entry.kept = true;
  cache.set(url, entry);
  while (cache.size > CACHE_TILES) cache.delete(cache.keys().next().value);
  return signal ? abandonable(entry, url, signal) : entry.tile;
}

/**
 * The reason the map gives when it drops tiles made for filters that no longer hold (a timeline
 * dragged through ten windows): such a tile is unlikely to be wanted again, so a request of it
 * still queued in the browser is cancelled rather than left to take a connection and the server's
 * time from the tiles of the window the user stopped on.
 */
export const SUPERSEDED = 'superseded';

/** Drops every decoded tile: the events changed on the server (the live feed said so). */
export function forgetTiles() {
  cache.clear();
}

/** Whether a tile is in the cache already (fetched or on its way). */
export function isCached(coords, query) {
  return Boolean(fresh(tileUrl(coords, query)));
}

/** The cache's entry for a URL if it is younger than CACHE_MS, else undefined. */
function fresh(url) {
  const entry = cache.get(url);
  return entry && performance.now() - entry.at < CACHE_MS ? entry : undefined;
}

async function load(url, coords, priority, signal) {
  const bytes = await tileBytes(url, { priority, signal }).catch((e) => {
    throw e.name === 'AbortError' ? e : new Error(`tile ${coords.z}/${coords.y}/${coords.x}: ${reason(e)}`, { cause: e });
  });
  return bytes ? decodeTile(bytes) : { events: [], clusters: [] };
}

function abandonable(entry, url, signal) {
  const abandoned = () => new DOMException('tile no longer wanted', 'AbortError');
  if (signal.aborted) return Promise.reject(abandoned());
  entry.waiting.add(signal);
  return new Promise((resolve, reject) => {
    const giveUp = () => {
      entry.waiting.delete(signal);
      if (signal.reason === SUPERSEDED && !entry.waiting.size && !entry.kept && !entry.decoded) {
        entry.request.abort();
        if (cache.get(url) === entry) cache.delete(url);
      }
      reject(abandoned());
    };
    signal.addEventListener('abort', giveUp, { once: true });
    const settled = () => { entry.waiting.delete(signal); signal.removeEventListener('abort', giveUp); };
    entry.tile.then((t) => { settled(); resolve(t); }, (e) => { settled(); reject(e); });
  });
}

export function decodeTile(bytes) {
  const layer = new VectorTile(new PbfReader(bytes)).layers[LAYER];
  const out = { events: [], clusters: [] };
  if (!layer) return out;
  const scale = TILE_SIZE / layer.extent;
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    const [[pt]] = f.loadGeometry();
    const p = f.properties;
    const x = pt.x * scale;
    const y = pt.y * scale;
    if (p.count !== undefined) {
      const byCategory = {};
      for (const c of Object.keys(CATEGORIES)) if (p[`n_${c}`]) byCategory[c] = Number(p[`n_${c}`]);
      out.clusters.push({ x, y, count: Number(p.count), byCategory,
        bounds: [p.min_lon, p.min_lat, p.max_lon, p.max_lat].map(Number) });
    } else {
      out.events.push({ id: String(p.id), x, y, properties: { ...p } });
    }
  }
  return out;
}

/** Tile coordinates {z, x, y} covering a lon/lat box at zoom z (clamped to the world). */
export function tilesCovering([w, s, e, n], z) {
  const max = 2 ** z - 1;
  const tx = (lon) => Math.min(max, Math.max(0, Math.floor(((lon + 180) / 360) * 2 ** z)));
  const ty = (lat) => {
    const r = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
    return Math.min(max, Math.max(0, Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z)));
  };
  const out = [];
  for (let x = tx(w); x <= tx(e); x++) for (let y = ty(n); y <= ty(s); y++) out.push({ z, x, y });
  return out;
}

/** Lon/lat of pixel (x, y) of tile {z, x, y}. */
export function tileLonLat({ z, x: tx, y: ty }, x, y) {
  const world = TILE_SIZE * 2 ** z;
  const lon = ((tx * TILE_SIZE + x) / world) * 360 - 180;
  const n = Math.PI * (1 - (2 * (ty * TILE_SIZE + y)) / world);
  return [lon, (Math.atan(Math.sinh(n)) * 180) / Math.PI];
}

/**
 * The events of a lon/lat box at a zoom as the tiles give them, in lon/lat, each once (a tile's
 * buffer copies are left out): {events: [{id, lon, lat, properties}], clusters: [{lon, lat, count,
 * byCategory}]}. For drawing a view somewhere else than on the live map (exports).
 */
export async function eventsInBox(bbox, z, query) {
  const tiles = await Promise.all(tilesCovering(bbox, tileZoom(z)).map(async (c) => [c, await fetchTile(c, query)]));
  return flatten(tiles);
}

/**
 * The same from the tiles already decoded only, at once (a print started by Ctrl+P cannot wait
 * for the network): at the live map's zoom they are all there; a missing tile is left out.
 */
export function eventsInBoxNow(bbox, z, query) {
  return flatten(tilesCovering(bbox, tileZoom(z))
    .map((c) => [c, fresh(tileUrl(c, query))?.decoded]).filter(([, t]) => t));
}

const tileZoom = (z) => Math.max(0, Math.min(16, Math.round(z)));

function flatten(tiles) {
  const inside = (p) => p.x >= 0 && p.y >= 0 && p.x < TILE_SIZE && p.y < TILE_SIZE;
  const out = { events: [], clusters: [] };
  for (const [c, t] of tiles) {
    for (const e of t.events.filter(inside)) {
      const [lon, lat] = tileLonLat(c, e.x, e.y);
      out.events.push({ id: e.id, lon, lat, properties: e.properties });
    }
    for (const k of t.clusters.filter(inside)) {
      const [lon, lat] = tileLonLat(c, k.x, k.y);
      out.clusters.push({ lon, lat, count: k.count, byCategory: k.byCategory });
    }
  }
  return out;
}
