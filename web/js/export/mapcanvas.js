// Draws the map onto a 2D canvas ourselves (Web Mercator, Leaflet's zoom scale), with the very
// styles of styles.js, so an export needs no third-party code and no network.
import { drawCluster, drawMarker } from '../symbols.js';
import { areaEntries, areaShifts, riverEntries } from '../arealabels.js';
import { drawRelief } from '../map/relief.js';
import { AOI, AOI_SELECTED, AREA_LABELS, CONTEXT, RIVER_LABELS, PLACE_DOT, PLACE_LABELS, UNCERTAIN_KINDS, colorOf, missionStyle } from '../styles.js';

const latOf = (my) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * my))) * 180) / Math.PI;
const mercY = (lat) => { const r = (lat * Math.PI) / 180; return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2; };

/** A projection for a box of width x height pixels showing {lat, lon, zoom} or {bbox}. */
export function projection(view, width, height) {
  let { lat, lon, zoom } = view;
  if (view.bbox) {
    const [w, s, e, n] = view.bbox;
    lon = (w + e) / 2;
    lat = (s + n) / 2;
    const zx = Math.log2((width * 360) / (256 * (e - w)));
    const zy = Math.log2(height / (256 * Math.abs(mercY(s) - mercY(n))));
    zoom = Math.floor(Math.min(zx, zy) * 2) / 2;
  }
  const world = 256 * 2 ** zoom;
  const cx = ((lon + 180) / 360) * world;
  const cy = mercY(lat) * world;
  return {
    lat, lon, zoom, width, height,
    point: ([x, y]) => [((x + 180) / 360) * world - cx + width / 2, mercY(y) * world - cy + height / 2],
    metresPerPixel: (40075016.686 * Math.cos((lat * Math.PI) / 180)) / world,
    /** The lon/lat box the picture shows: [west, south, east, north]. */
    bbox: [((cx - width / 2) / world) * 360 - 180, latOf((cy + height / 2) / world),
      ((cx + width / 2) / world) * 360 - 180, latOf((cy - height / 2) / world)],
  };
}

function trace(ctx, proj, geometry) {
  const ring = (coords, close) => coords.forEach((c, i) => {
    const [x, y] = proj.point(c);
    if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
    if (close && i === coords.length - 1) ctx.closePath();
  });
  const g = geometry;
  if (g.type === 'Polygon') g.coordinates.forEach((r) => ring(r, true));
  else if (g.type === 'MultiPolygon') g.coordinates.forEach((p) => p.forEach((r) => ring(r, true)));
  else if (g.type === 'LineString') ring(g.coordinates, false);
  else if (g.type === 'MultiLineString') g.coordinates.forEach((l) => ring(l, false));
}

/** The live map's hatch (swatch.js installPatterns): a faint tint under 45° lines of the colour. */
export function hatch(ctx, color) {
  const tile = document.createElement('canvas');
  tile.width = 10; tile.height = 10;
  const t = tile.getContext('2d');
  t.fillStyle = color; t.globalAlpha = 0.08; t.fillRect(0, 0, 10, 10);
  t.strokeStyle = color; t.globalAlpha = 0.55; t.lineWidth = 2.5;
  t.beginPath(); t.moveTo(0, 10); t.lineTo(10, 0); t.moveTo(-5, 5); t.lineTo(5, -5); t.moveTo(5, 15); t.lineTo(15, 5); t.stroke();
  return ctx.createPattern(tile, 'repeat');
}

/** Paints one feature with Leaflet-style path options. */
function paint(ctx, proj, f, style) {
  const g = f.geometry;
  if (!g) return;
  if (g.type === 'Point') {
    const [x, y] = proj.point(g.coordinates);
    ctx.beginPath(); ctx.arc(x, y, style.radius ?? 5, 0, 2 * Math.PI);
  } else { ctx.beginPath(); trace(ctx, proj, g); }
  const fills = style.fill !== false && !/LineString/.test(g.type);
  if (fills && style.fillColor) {
    ctx.globalAlpha = style.fillOpacity ?? 0.2;
    ctx.fillStyle = style.fillColor.startsWith('url(') ? hatch(ctx, style.color) : style.fillColor;
    if (style.fillColor.startsWith('url(')) ctx.globalAlpha = 1;
    ctx.fill('evenodd');
  }
  if (style.stroke !== false && (style.weight ?? 3) > 0) {
    ctx.globalAlpha = style.opacity ?? 1;
    ctx.strokeStyle = style.color ?? '#3388ff';
    ctx.lineWidth = style.weight ?? 3;
    ctx.setLineDash(style.dashArray ? style.dashArray.split(/[ ,]+/).map(Number) : []);
    ctx.lineCap = style.lineCap ?? 'round'; ctx.lineJoin = 'round';
    ctx.stroke();
  }
  ctx.globalAlpha = 1; ctx.setLineDash([]);
}

function label(ctx, text, x, y, { size = 15, weight = 400, color = '#3b342c', italic = false } = {}) {
  ctx.font = `${italic ? 'italic ' : ''}${weight} ${size}px "DejaVu Sans", "Noto Sans", sans-serif`;
  ctx.lineWidth = 4; ctx.strokeStyle = '#fff'; ctx.lineJoin = 'round'; ctx.textBaseline = 'middle';
  ctx.strokeText(text, x, y); ctx.fillStyle = color; ctx.fillText(text, x, y);
  return ctx.measureText(text).width;
}

/**
 * layers: Map id → geojson of the visible collections; missions: their mission collections in map
 * order (styles.missionOrder), whose style they are drawn with; events: {events, clusters} in lon/lat
 * (eventtiles.eventsInBox); emphasised: the highlighted event features, drawn large with a callout;
 * aois: the analysts' AOI features to draw (those in aoisEmphasised heavier, as on screen);
 * relief: the shaded relief (relief.exportRelief), drawn over the land when the countries are.
 * Draws basemap, mission layers, AOIs, places and labels, then events, into the box at (0, 0).
 */
export function drawMap(ctx, proj, { layers, missions = [], events = { events: [], clusters: [] }, emphasised = [],
  aois = [], aoisEmphasised = new Set(), relief = null }) {
  ctx.fillStyle = '#d5e4ee'; ctx.fillRect(0, 0, proj.width, proj.height);
  for (const id of ['countries', 'mali-regions', 'lakes', 'rivers']) {
    for (const f of layers.get(id)?.features ?? []) paint(ctx, proj, f, CONTEXT[id]);
    if (id === 'countries' && relief && layers.has(id)) drawRelief(ctx, proj, relief);
  }
  for (const c of missions) {
    for (const f of layers.get(c.id)?.features ?? []) {
      if (f.geometry?.type !== 'Point') paint(ctx, proj, f, missionStyle(c, f.properties, f.geometry.type));
    }
  }
  // Above the mission layers and under the labels and events, as the live map stacks its panes.
  for (const f of aois) paint(ctx, proj, f, aoisEmphasised.has(f.id) ? AOI_SELECTED : AOI);
  placeLabels(ctx, proj, [...missionPoints(ctx, proj, layers, missions), ...placeNames(ctx, proj, layers),
    ...areaNames(layers, proj)]);
  drawEvents(ctx, proj, events);
  for (const f of emphasised) drawCallout(ctx, proj, f);
}

/** Paints the mission layers' points and names them; names the uncertain areas beside their edge. */
function missionPoints(ctx, proj, layers, missions) {
  const named = [];
  for (const c of missions) {
    for (const f of layers.get(c.id)?.features ?? []) {
      const p = f.properties ?? {};
      if (f.geometry?.type === 'Point') {
        paint(ctx, proj, f, missionStyle(c, p, 'Point'));
        if (p.name) named.push({ name: p.name, at: f.geometry.coordinates, pri: 10, color: colorOf(c), bold: 700 });
      } else if (p.name && UNCERTAIN_KINDS.has(p.kind) && proj.zoom >= 4) {
        const ring = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0];
        const lons = ring.map((pt) => pt[0]); const lats = ring.map((pt) => pt[1]);
        named.push({ name: p.name.replace(/\s*\([^)]*\)\s*$/, ''), at: [Math.max(...lons), (Math.min(...lats) + Math.max(...lats)) / 2],
          pri: 9, color: colorOf(c), bold: 600, italic: true });
      }
    }
  }
  return named;
}

/** Paints the places shown at this zoom and returns their names to place. */
function placeNames(ctx, proj, layers) {
  const named = [];
  for (const f of layers.get('places')?.features ?? []) {
    const rule = PLACE_LABELS[f.properties.kind] ?? PLACE_LABELS.town;
    if (proj.zoom < rule.minZoom) continue;
    const capital = f.properties.kind === 'capital';
    paint(ctx, proj, f, { ...PLACE_DOT, radius: f.properties.kind === 'town' ? 3 : 4.5,
      fillColor: capital ? PLACE_DOT.color : PLACE_DOT.fillColor });
    named.push({ name: f.properties.name, at: f.geometry.coordinates, pri: rule.priority, bold: capital ? 700 : 400 });
  }
  return named;
}

/** Country and region names shown at this zoom, centred on their areas, and river names on their lines. */
function areaNames(layers, proj) {
  const named = [];
  for (const [id, rule] of Object.entries(AREA_LABELS)) {
    if (!layers.has(id) || proj.zoom < rule.minZoom || proj.zoom > rule.maxZoom) continue;
    for (const e of areaEntries(id, layers.get(id), rule)) {
      named.push({ name: e.name.toUpperCase(), at: [e.lon, e.lat], room: e.room, pri: e.priority, bold: 600, centred: true,
        color: id === 'countries' ? '#6e6153' : '#8b7f70', size: id === 'countries' ? 15 : 12 });
    }
  }
  for (const [id, rule] of Object.entries(RIVER_LABELS)) {
    if (!layers.has(id)) continue;
    for (const e of riverEntries(id, layers.get(id), rule)) {
      if (proj.zoom < e.minZoom || proj.zoom > e.maxZoom) continue;
      // lat and along let areaShifts slide the name along its river, as on the live map.
      named.push({ name: e.name, at: [e.lon, e.lat], lat: e.lat, along: e.along, room: 0, pri: e.priority, bold: 400,
        centred: true, color: RIVER_NAME_COLOR, size: 13, italic: true });
    }
  }
  return named;
}

/** As .river-name in app.css: the rivers' own blue, darker so it reads on the land. */
const RIVER_NAME_COLOR = '#2f6690';

/** Writes the names, most important first, each only where it overlaps none already written. */
function placeLabels(ctx, proj, named) {
  const taken = [];
  const free = (b) => !taken.some((t) => b[0] < t[2] && b[2] > t[0] && b[1] < t[3] && b[3] > t[1]);
  named.sort((a, b) => b.pri - a.pri);
  for (const n of named) {
    const [x, y] = proj.point(n.at);
    ctx.font = `${n.bold} 16px sans-serif`;
    const w = ctx.measureText(n.name).width;
    if (x < 0 || y < 0 || x > proj.width || y > proj.height) continue;
    // As on the live map, an area's name moves aside for a name placed before it; a place's does not.
    const box = (dx, dy) => (n.centred ? [x + dx - w / 2, y + dy - 10, x + dx + w / 2, y + dy + 10]
      : [x + 7, y - 10, x + 12 + w, y + 10]);
    const shifts = n.centred ? areaShifts(n, w, 20, proj.zoom) : [[0, 0]];
    const at = shifts.find(([dx, dy]) => free(box(dx, dy)));
    if (!at) continue;
    taken.push(box(...at));
    const [lx, ly] = [x + at[0], y + at[1]];
    const size = n.size ?? (n.pri >= 9 ? 17 : 15);
    if (n.centred) ctx.textAlign = 'center';
    label(ctx, n.name, n.centred ? lx : x + 9, ly, { size, weight: n.bold, color: n.color, italic: n.italic });
    ctx.textAlign = 'start';
  }
}

/** Clusters, then single events; events at one spot are spread round it as the live map spiders them. */
function drawEvents(ctx, proj, events) {
  for (const c of events.clusters) {
    const [x, y] = proj.point([c.lon, c.lat]);
    drawCluster(ctx, x, y, c);
  }
  const placed = new Map();
  for (const e of events.events) {
    const [x, y] = proj.point([e.lon, e.lat]);
    const k = `${Math.round(x)},${Math.round(y)}`;
    const i = placed.get(k) ?? 0;
    placed.set(k, i + 1);
    const a = (i * Math.PI) / 3 - Math.PI / 2;
    const [dx, dy] = i === 0 ? [0, 0] : [Math.cos(a) * 13, Math.sin(a) * 13];
    drawMarker(ctx, x + dx, y + dy, e.properties.category, 18);
  }
}

/** A highlighted event: a large marker and its title in a box above it. */
function drawCallout(ctx, proj, f) {
  const [x, y] = proj.point(f.geometry.coordinates);
  drawMarker(ctx, x, y, f.properties.category, 28);
  ctx.font = '600 17px sans-serif';
  const w = ctx.measureText(f.properties.title).width;
  // Above the marker, like the live map's callouts, so the place's own name stays readable.
  const lx = Math.max(14, Math.min(x - w / 2, proj.width - w - 14));
  const ly = y - 36;
  ctx.fillStyle = '#ffffffee'; ctx.strokeStyle = '#2b2620'; ctx.lineWidth = 1;
  ctx.fillRect(lx - 6, ly - 14, w + 12, 28); ctx.strokeRect(lx - 6, ly - 14, w + 12, 28);
  ctx.fillStyle = '#1f1b16'; ctx.textBaseline = 'middle'; ctx.fillText(f.properties.title, lx, ly);
}
