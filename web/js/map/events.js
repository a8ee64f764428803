// Events on the map, at any number: drawn from the server's vector tiles (clusters with their
// counts at low zoom, one symbol per event where a tile holds few enough to read) on canvas tiles,
// so the page never holds more than the tiles in view. Only the few events the user is looking at
// (the selected one, a slide's highlighted ones, the one hovered in the list) are DOM markers.
import { categorySvg, eventUncertainty } from '../styles.js';
import { clusterRadius, drawCluster, drawMarker } from '../symbols.js';
import { fetchTile, SUPERSEDED, TILE_SIZE, tileLonLat } from '../eventtiles.js';
import { eventPopup } from '../ui/popup.js';
import { pane, POPUP } from './base.js';
import { prefetchAround } from './prefetch.js';
import { el } from '../ui/dom.js';

const L = window.L;
const FAN_RADIUS_PX = 11;
const MARKER_PX = 16;
const MAX_FANNED = 13;
/** Pixels drawn beyond each tile's edges, so a symbol near an edge is drawn whole. */
const OVERDRAW_PX = 28;

/**
 * query(): the current {time, filter}; item(id) → the event's GeoJSON Feature; citation as for the
 * popup; onSelect(id), onHover(id|null), onCluster(cluster, latLngBounds) for a click on a cluster.
 */
export function eventsLayer(map, { query, item, citation, onHover, onSelect, onCluster }) {
  const stats = { drawMs: [], drawn: 0, requested: 0 };
  const prefetch = prefetchAround(map, { maxZoom: map.getMaxZoom() });
  const tiles = tileSwap(map, eventTiles(stats), pane(map, 'events-tiles', 590), query, prefetch);
  // For the browser benchmark: when the first full set of event tiles was on screen.
  tiles.shown().once('load', () => performance.mark('events-drawn'));
  const { group } = tiles;
  const known = new Map();
  async function feature(id) {
    if (!known.has(id)) known.set(id, item(id).catch((e) => { known.delete(id); throw e; }));
    return known.get(id);
  }
  const markers = eventMarkers(map, group, citation, onSelect);
  const hitAt = (containerPoint) => symbolAt(map, tiles.shown(), containerPoint);
  const busy = busyWatch(map);
  catchClicks(map, { active: () => map.hasLayer(group) && !busy(), hitAt,
    onEvent: (id) => {
      onSelect(id);
      feature(id).then(markers.openPopup).catch((err) => console.warn('Event unavailable:', err));
    },
    onCluster });
  watchHover(map, () => map.hasLayer(group), busy, hitAt, onHover);
  const symbols = () => drawnSymbols(map, tiles.shown());

  return {
    layer: group,
    refresh: tiles.refresh,
    /** Events seen elsewhere (the list): their features, so hovering or opening them costs nothing. */
    remember(features) {
      for (const f of features) if (!known.has(f.id)) known.set(f.id, Promise.resolve(f));
    },
    /** Slides' highlighted events: enlarged, with their title beside them; [] clears. */
    emphasise: emphasiser(markers, feature),
    highlight: highlighter(markers, feature),
    /** Flies to the event and opens its popup. */
    async focus(id) {
      const f = await feature(id);
      map.flyTo(latLngOf(f), Math.max(map.getZoom(), 7), { duration: 0.8 });
      map.once('moveend', () => markers.openPopup(f));
    },
    /** Opens the popup where the map is (restoring a permalink). */
    async open(id) {
      try { markers.openPopup(await feature(id)); } catch (e) { console.warn('Event unavailable:', e); }
    },
    /** Where an event's symbol is drawn now, in container pixels, or null. */
    pointOf: (id) => symbols().find((d) => d.kind === 'event' && d.id === id) ?? null,
    symbols,
    whenDrawn: tiles.whenDrawn,
    /** For tests and benchmarks: what is drawn now. */
    stats: () => drawStats(tiles.shown(), tiles.next(), stats, markers.group, prefetch),
  };
}

const latLngOf = (f) => L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]);

/**
 * The events' tile layer in the layer group, and its replacement when the filters change: shown is
 * the layer on screen, whose symbols a click finds; next its replacement, loading.
 */
function tileSwap(map, Tiles, tilePane, query, prefetch) {
  const tileLayer = () => filteredTiles(Tiles, tilePane, query(), prefetch);
  let shown = tileLayer();
  let next = null;
  const group = L.layerGroup([shown]);
  return {
    group,
    shown: () => shown,
    next: () => next,
    /**
     * Re-queries the tiles when the time window or the filter changed. The tiles of the old filters
     * stay on screen until those of the new ones have all been drawn, so the map never flashes empty.
     */
    refresh({ changed = false } = {}) {
      // The newest layer carries the filters it was made for: nothing to do if they still hold,
      // unless the events themselves changed (changed: the live feed says a layer moved on).
      if (!changed && JSON.stringify(query()) === JSON.stringify((next ?? shown).query)) return;
      if (!map.hasLayer(group)) {
        group.removeLayer(shown);
        shown = tileLayer();
        group.addLayer(shown);
        return;
      }
      if (next) { next.superseded = true; group.removeLayer(next); }
      shown.superseded = true;
      const layer = tileLayer();
      next = layer;
      layer.once('load', () => {
        if (next !== layer) return;
        group.removeLayer(shown);
        shown = layer;
        next = null;
      });
      group.addLayer(layer);
    },
    /** Resolves once every tile in view has been fetched and drawn (for benchmarks and tests). */
    whenDrawn: () => new Promise((resolve) => {
      // A frame first: a move made just before this call starts its tiles on Leaflet's next update.
      const check = () => {
        const layer = next ?? shown;
        if (layer.isLoading() || next || !map.hasLayer(group)) layer.once('load', () => requestAnimationFrame(check));
        else resolve();
      };
      requestAnimationFrame(check);
    }),
  };
}

/**
 * The few events shown as DOM markers (in their own group inside the events' group): the one whose
 * popup is open, with its area when its place is only known to an area, and those marker() makes.
 */
function eventMarkers(map, parent, citation, onSelect) {
  const group = L.layerGroup().addTo(parent);
  // Out of the group, not just off the map: marker.remove() leaves it in the group, and the next
  // time the events layer is shown again (a slide that hid it, then Esc) Leaflet would draw it back.
  const drop = (m) => { if (m) group.removeLayer(m); };
  let selectedMarker = null;
  let selectedArea = null;
  const marker = (f, cls) => L.marker(latLngOf(f), {
    icon: L.divIcon({ className: `event-marker ${cls} cat-${f.properties.category}`,
      html: categorySvg(f.properties.category), iconSize: [16, 16], iconAnchor: [8, 8] }),
    title: f.properties.title, alt: f.properties.title, keyboard: false, interactive: true,
  }).on('add', function () { this.getElement().dataset.event = f.properties.id; })
    .on('click', () => { onSelect(f.properties.id); openPopup(f); })
    .addTo(group);
  function openPopup(f) {
    let box;
    const popup = L.popup({ ...POPUP, offset: [0, -4] }).setLatLng(latLngOf(f));
    popup.setContent(() => (box ??= eventPopup(f, citation, () => popup.update())));
    drop(selectedMarker);
    drop(selectedArea);
    selectedMarker = marker(f, 'selected');
    // An area-level place is shown as its area while the event is open.
    const km = Number(f.properties.uncertainty_km);
    selectedArea = km > 0 ? L.circle(latLngOf(f), { radius: km * 1000, className: 'event-uncertainty',
      ...eventUncertainty(f.properties.category) }).addTo(group) : null;
    popup.on('remove', () => { drop(selectedMarker); drop(selectedArea); selectedMarker = null; selectedArea = null; });
    popup.openOn(map);
  }
  return { group, marker, drop, openPopup };
}

/** emphasise(ids): a slide's highlighted events enlarged, with their title beside them; [] clears. */
function emphasiser(markers, feature) {
  const emphasised = new Map();
  let turn = 0;
  return async (ids) => {
    // Only the newest call may add markers: a slide's events still loading when the presenter
    // closes (emphasise([])) must not appear on the user's map afterwards.
    const mine = ++turn;
    for (const [id, m] of emphasised) if (!ids.includes(id)) { markers.drop(m); emphasised.delete(id); }
    const fs = await Promise.all(ids.filter((id) => !emphasised.has(id))
      .map((id) => feature(id).catch(() => null)));
    if (mine !== turn) return;
    for (const f of fs.filter((x) => x && !emphasised.has(x.properties.id))) {
      const m = markers.marker(f, 'emphasis');
      // An element, not a string: Leaflet writes a string tooltip as HTML, and titles are user text.
      m.bindTooltip(el('span', { text: f.properties.title ?? '' }), { permanent: true, direction: 'top', offset: [0, -14], className: 'event-callout' });
      m.setZIndexOffset(1000);
      emphasised.set(f.properties.id, m);
    }
  };
}

/** highlight(id): the event hovered in the list marked on the map; null clears. */
function highlighter(markers, feature) {
  let shown = null;
  return (id) => {
    markers.drop(shown);
    shown = null;
    if (!id) return;
    feature(id).then((f) => {
      markers.drop(shown);
      shown = markers.marker(f, 'highlight');
    }).catch(() => {});
  };
}

/**
 * Events are drawn above the mission layers but on a canvas that takes no pointer events, so a
 * click is caught on its way down (capture phase): on an event symbol it is the event's, and does
 * not also open the mission feature underneath (Kidal's town point lies under Kidal's events).
 */
function catchClicks(map, { active, hitAt, onEvent, onCluster }) {
  map.getContainer().addEventListener('click', (e) => {
    if (!active()) return;
    if (e.target.closest('.leaflet-control, .leaflet-popup, .event-marker')) return;
    const hit = hitAt(map.mouseEventToContainerPoint(e));
    if (!hit) return;
    e.stopPropagation();
    if (hit.kind === 'event') { onEvent(hit.id); return; }
    const [w, s, e2, n] = hit.bounds;
    onCluster(hit, L.latLngBounds([s, w], [n, e2]));
  }, true);
}

/**
 * Whether a click on the map is a point, not a choice of event or cluster: while drawing, measuring,
 * or placing a candidate from the review queue (map/reviewpoint.js).
 */
function busyWatch(map) {
  const drawing = drawingWatch(map);
  return () => drawing() || ['measuring', 'review-picking'].some((c) => map.getContainer().classList.contains(c));
}

/**
 * Pixel positions and hit radii of a tile's symbols. Events at one spot are fanned out, up to
 * MAX_FANNED; more than that at one spot (a dataset that geocodes to the town) are drawn as a
 * cluster of that spot, whose click lists them.
 */
function layout({ events, clusters }, coords) {
  const inside = (x, y) => x >= 0 && y >= 0 && x < TILE_SIZE && y < TILE_SIZE;
  const drawn = mergeOverlapping(clusters).map((c) => ({ kind: 'cluster', ...c, r: clusterRadius(c.count), inside: inside(c.x, c.y) }));
  const bySpot = new Map();
  for (const e of events) {
    const k = `${Math.round(e.x)},${Math.round(e.y)}`;
    bySpot.set(k, [...(bySpot.get(k) ?? []), e]);
  }
  for (const group of bySpot.values()) {
    if (group.length > MAX_FANNED) {
      const byCategory = {};
      for (const e of group) byCategory[e.properties.category] = (byCategory[e.properties.category] ?? 0) + 1;
      const [lon, lat] = tileLonLat(coords, group[0].x, group[0].y);
      drawn.push({ kind: 'cluster', x: group[0].x, y: group[0].y, count: group.length, byCategory,
        bounds: [lon, lat, lon, lat], r: clusterRadius(group.length), inside: inside(group[0].x, group[0].y) });
      continue;
    }
    group.forEach((e, i) => {
      const [dx, dy] = fanOffset(i, group.length);
      drawn.push({ kind: 'event', id: e.id, category: e.properties.category, x: e.x + dx, y: e.y + dy,
        r: MARKER_PX / 2, inside: inside(e.x, e.y) });
    });
  }
  return drawn;
}

/**
 * The server clusters on a fixed grid, so a town's events can fall in two or three neighbouring
 * cells and their rings overlap. Rings of one tile that overlap are merged here, biggest first:
 * counts and categories add up, the position is the count-weighted mean, the bounds the union.
 */
export function mergeOverlapping(clusters) {
  const kept = [];
  for (const c of [...clusters].sort((a, b) => b.count - a.count)) {
    const into = kept.find((k) => Math.hypot(k.x - c.x, k.y - c.y) < (clusterRadius(k.count) + clusterRadius(c.count)) * 0.85);
    if (!into) { kept.push({ ...c, byCategory: { ...c.byCategory }, bounds: [...c.bounds] }); continue; }
    const n = into.count + c.count;
    into.x = (into.x * into.count + c.x * c.count) / n;
    into.y = (into.y * into.count + c.y * c.count) / n;
    for (const [cat, v] of Object.entries(c.byCategory)) into.byCategory[cat] = (into.byCategory[cat] ?? 0) + v;
    into.bounds = [Math.min(into.bounds[0], c.bounds[0]), Math.min(into.bounds[1], c.bounds[1]),
      Math.max(into.bounds[2], c.bounds[2]), Math.max(into.bounds[3], c.bounds[3])];
    into.count = n;
  }
  return kept;
}

/** One tile's canvas, larger than the tile by OVERDRAW_PX on each side, at the screen's pixel ratio. */
function paint(drawn) {
  const canvas = document.createElement('canvas');
  const size = TILE_SIZE + 2 * OVERDRAW_PX;
  const ratio = window.devicePixelRatio || 1;
  canvas.width = size * ratio;
  canvas.height = size * ratio;
  canvas.style.cssText = `position:absolute;left:${-OVERDRAW_PX}px;top:${-OVERDRAW_PX}px;width:${size}px;height:${size}px`;
  const ctx = canvas.getContext('2d');
  ctx.scale(ratio, ratio);
  ctx.translate(OVERDRAW_PX, OVERDRAW_PX);
  for (const d of drawn) {
    if (d.kind === 'cluster') drawCluster(ctx, d.x, d.y, d);
    else drawMarker(ctx, d.x, d.y, d.category, MARKER_PX);
  }
  return canvas;
}

/** Pixel offset of the i-th of n events at one place: the first in the middle, the rest around it. */
export function fanOffset(i, n) {
  if (n <= 1 || i === 0) return [0, 0];
  const ring = i <= 6 ? 1 : 2;
  const slots = ring === 1 ? Math.min(6, n - 1) : n - 7;
  const k = ring === 1 ? i - 1 : i - 7;
  const angle = (2 * Math.PI * k) / slots - Math.PI / 2;
  return [Math.round(Math.cos(angle) * FAN_RADIUS_PX * ring), Math.round(Math.sin(angle) * FAN_RADIUS_PX * ring)];
}

/** The drawn symbol of layer under a container point, if any: {kind: 'event'|'cluster', ...}. */
function symbolAt(map, layer, containerPoint) {
  const z = layer._tileZoom;
  if (z === undefined) return null;
  const scale = map.getZoomScale(map.getZoom(), z);
  const p = map.project(map.containerPointToLatLng(containerPoint), z);
  let best = null;
  for (const { coords, drawn } of layer.loaded.values()) {
    if (coords.z !== z) continue;
    const lx = p.x - coords.x * TILE_SIZE;
    const ly = p.y - coords.y * TILE_SIZE;
    if (lx < -OVERDRAW_PX || ly < -OVERDRAW_PX || lx > TILE_SIZE + OVERDRAW_PX || ly > TILE_SIZE + OVERDRAW_PX) continue;
    for (const d of drawn) {
      const dist = Math.hypot(d.x - lx, d.y - ly) * scale;
      if (dist <= d.r * scale + 2 && (!best || dist < best.dist)) best = { ...d, dist };
    }
  }
  return best;
}

/** Every symbol layer draws now, with its place in container pixels (for tests and automation). */
function drawnSymbols(map, layer) {
  const z = layer._tileZoom;
  const out = [];
  for (const { coords, drawn } of layer.loaded.values()) {
    if (coords.z !== z) continue;
    for (const d of drawn) {
      const global = L.point(coords.x * TILE_SIZE + d.x, coords.y * TILE_SIZE + d.y);
      const p = map.latLngToContainerPoint(map.unproject(global, z));
      out.push({ kind: d.kind, id: d.id, count: d.count, bounds: d.bounds, x: p.x, y: p.y });
    }
  }
  return out;
}

/** What the layer on screen draws now, and how long drawing took (for tests and benchmarks). */
function drawStats(shown, next, stats, markers, prefetch) {
  const z = shown._tileZoom;
  let symbols = 0; let events = 0; let clustered = 0;
  for (const { coords, drawn } of shown.loaded.values()) {
    if (coords.z !== z) continue;
    symbols += drawn.length;
    for (const d of drawn) {
      if (!d.inside) continue;
      if (d.kind === 'event') events++; else clustered += d.count;
    }
  }
  const ms = stats.drawMs;
  const current = [...shown.loaded.values()].filter((t) => t.coords.z === z);
  return { zoom: z, tiles: current.length, tileKeys: current.map(({ coords: c }) => `${c.z}/${c.x}/${c.y}`),
    loading: shown.isLoading() || Boolean(next), symbols, events,
    clustered, requested: stats.requested, maxDrawMs: ms.reduce((m, d) => Math.max(m, d.ms), 0),
    slowestDraws: [...ms].sort((a, b) => b.ms - a.ms).slice(0, 5),
    domMarkers: markers.getLayers().length, prefetch: prefetch.stats() };
}

/**
 * The canvas tile layer class of the events: each tile fetched for its layer's query, laid out,
 * painted and remembered for hit tests; stats collects the draw times.
 */
function eventTiles(stats) {
  return L.GridLayer.extend({
    createTile(coords, done) {
      const tile = L.DomUtil.create('div', 'event-tile');
      // A layer replaced by a newer one stays on screen until that one has drawn, but fetches
      // nothing more (a pan meanwhile would fetch tiles of the old filters).
      if (this.superseded) { setTimeout(() => done(null, tile)); return tile; }
      const abort = new AbortController();
      tile.abort = abort;
      stats.requested++;
      fetchTile(coords, this.query, { signal: abort.signal }).then((data) => {
        const t0 = performance.now();
        const drawn = layout(data, coords);
        // Most tiles of a wide view hold nothing: those get no canvas at all.
        if (drawn.length) tile.append(paint(drawn));
        stats.drawn++;
        stats.drawMs.push({ ms: performance.now() - t0, symbols: drawn.length, nth: stats.drawn });
        // Only the slowest few are kept (for the benchmark), so a long session does not grow it.
        if (stats.drawMs.length > 50) stats.drawMs = stats.drawMs.sort((a, b) => b.ms - a.ms).slice(0, 5);
        this.loaded.set(this._tileCoordsToKey(coords), { coords, drawn, data });
        done(null, tile);
      }).catch((e) => { if (e.name !== 'AbortError') done(e, tile); });
      return tile;
    },
  });
}

/** A tile layer for the filters q: its tiles, and what each drew (for hit tests). */
function filteredTiles(Tiles, tilePane, q, prefetch) {
  const layer = new Tiles({ pane: tilePane, tileSize: TILE_SIZE, updateWhenZooming: false,
    keepBuffer: 1, maxNativeZoom: 16, className: 'event-tiles' });
  layer.query = q;
  layer.loaded = new Map();
  layer.on('tileunload', (e) => {
    // A tile of filters that no longer hold is given up for good; one pruned by a zoom or a pan
    // may be wanted again, so its request runs on into the cache.
    e.tile.abort?.abort(layer.superseded ? SUPERSEDED : undefined);
    layer.loaded.delete(layer._tileCoordsToKey(e.coords));
  });
  prefetch.watch(layer);
  return layer;
}

/** Whether Leaflet.draw is drawing, editing or deleting now (its clicks are not for events). */
function drawingWatch(map) {
  let drawing = false;
  for (const [start, stop] of [['drawstart', 'drawstop'], ['editstart', 'editstop'], ['deletestart', 'deletestop']]) {
    map.on(`draw:${start}`, () => { drawing = true; });
    map.on(`draw:${stop}`, () => { drawing = false; });
  }
  return () => drawing;
}

/**
 * The pointer over an event symbol: a pointer cursor, and onHover(id) when the event under it
 * changes (null off events, and while busy()). Hit-tested once per frame, while shown().
 */
function watchHover(map, shown, busy, hitAt, onHover) {
  let pending = false;
  let hovered = null;
  map.on('mousemove', (e) => {
    if (pending || !shown()) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      const hit = busy() ? null : hitAt(e.containerPoint);
      map.getContainer().classList.toggle('over-event', Boolean(hit));
      const id = hit?.kind === 'event' ? hit.id : null;
      if (id !== hovered) { hovered = id; onHover(id); }
    });
  });
}
