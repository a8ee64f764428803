// Event tiles fetched ahead of the user: once every tile in view is drawn and the map rests, the
// tiles a next pan or zoom will need (a ring one tile wide around the view, the view one zoom out,
// the middle of the view one zoom in) are fetched at low priority into eventtiles' cache, so that
// move is drawn without waiting for the server. It stops asking as soon as the map moves or the
// filters change; what was already asked for still lands in the cache.
import { fetchTile, isCached, TILE_SIZE } from '../eventtiles.js';

const L = window.L;
/** At most this many requests of ours at once, leaving the browser's other connections to the view. */
const CONCURRENT = 2;
/** The most tiles fetched ahead after one rest (a 1920×1080 view: ~40 ring, ~15 out, ~40 in). */
const MAX_AHEAD = 100;
/** How long the map must rest before fetching ahead: a user still moving gets the bandwidth. */
const REST_MS = 200;

/**
 * maxZoom: the deepest tile zoom. watch(layer) follows an events GridLayer (the newest watched
 * is the one fetched for, under its filters, layer.query); stats() tells what the last rest fetched.
 */
export function prefetchAround(map, { maxZoom }) {
  let round = 0;
  let timer = null;
  let current = null;
  /** The last rest's work, for the benchmark: tiles asked for, and ms until the last landed. */
  const last = { asked: 0, ms: 0, done: true };
  const stop = () => { round++; clearTimeout(timer); };
  map.on('movestart zoomstart', stop);

  function run(mine) {
    const q = current.query;
    const wanted = ahead(map, maxZoom).filter((c) => !isCached(c, q)).slice(0, MAX_AHEAD);
    const t0 = performance.now();
    let running = 0;
    last.done = !wanted.length;
    const next = () => {
      if (round !== mine || !wanted.length || !map.hasLayer(current)) {
        if (running === 0 && round === mine) Object.assign(last, { ms: performance.now() - t0, done: true });
        return;
      }
      running++;
      last.asked++;
      fetchTile(wanted.shift(), q, { priority: 'low' }).catch(() => {}).finally(() => { running--; next(); });
    };
    for (let i = 0; i < CONCURRENT; i++) next();
  }
  return {
    watch(layer) {
      stop();
      current = layer;
      layer.on('loading', () => { if (layer === current) stop(); });
      layer.on('load', () => {
        if (layer !== current) return;
        stop();
        const mine = round;
        Object.assign(last, { asked: 0, ms: 0, done: false });
        timer = setTimeout(() => run(mine), REST_MS);
      });
    },
    stats: () => ({ ...last }),
  };
}

/**
 * The tiles a next move needs, most likely first: the ring around the view at its tile zoom, then
 * the view one zoom out and one zoom in about its middle. Map zooms may be fractional (zoomSnap
 * 0.5); tiles are asked at the rounded zoom and scaled, as Leaflet's GridLayer does.
 */
export function ahead(map, maxZoom) {
  const zoom = map.getZoom();
  const center = map.getCenter();
  const size = map.getSize();
  const tileZoom = (z) => Math.max(0, Math.min(maxZoom, Math.round(z)));
  /** The view at map zoom z in pixels of its tile zoom, grown by `grow` tiles on each side. */
  const viewAt = (z, grow = 0) => {
    const tz = tileZoom(z);
    const half = size.divideBy(2 * map.getZoomScale(z, tz));
    const c = map.project(center, tz);
    const pad = L.point(grow * TILE_SIZE, grow * TILE_SIZE);
    return { tz, px: L.bounds(c.subtract(half).subtract(pad), c.add(half).add(pad)) };
  };
  const seen = new Set();
  const out = [];
  /** The tiles of a view not yet listed, nearest its middle first (a cut-short rest still helps). */
  const add = ({ tz, px }) => {
    const n = 2 ** tz;
    const mid = px.getCenter();
    const found = [];
    for (let y = Math.floor(px.min.y / TILE_SIZE); y <= Math.floor(px.max.y / TILE_SIZE); y++) {
      for (let x = Math.floor(px.min.x / TILE_SIZE); x <= Math.floor(px.max.x / TILE_SIZE); x++) {
        const key = `${tz}/${x}/${y}`;
        if (y < 0 || y >= n || x < 0 || x >= n || seen.has(key)) continue;
        seen.add(key);
        found.push({ z: tz, x, y, d: Math.hypot((x + 0.5) * TILE_SIZE - mid.x, (y + 0.5) * TILE_SIZE - mid.y) });
      }
    }
    out.push(...found.sort((a, b) => a.d - b.d).map(({ z, x, y }) => ({ z, x, y })));
  };
  // The tiles in view are the layer's own; mark them seen so the ring is only what lies around.
  const { tz, px } = viewAt(zoom);
  for (let y = Math.floor(px.min.y / TILE_SIZE); y <= Math.floor(px.max.y / TILE_SIZE); y++) {
    for (let x = Math.floor(px.min.x / TILE_SIZE); x <= Math.floor(px.max.x / TILE_SIZE); x++) seen.add(`${tz}/${x}/${y}`);
  }
  add(viewAt(zoom, 1));
  add(viewAt(zoom - 1));
  add(viewAt(zoom + 1));
  return out;
}
