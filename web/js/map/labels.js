// Place names as text on the map, in their own pane above the areas and markers (a capital's name
// must stay readable under a crowd of events; the pane lets clicks through). After every zoom or move the
// labels are placed greedily by priority: right of their place, else left, else hidden (declutter).
import { areaShifts } from '../arealabels.js';
import { PLACE_DOT, PLACE_LABELS, UNCERTAIN_KINDS } from '../styles.js';
import { pane } from './base.js';

const L = window.L;

/**
 * entries: [{name, lat, lon, priority, minZoom, maxZoom, className, dotless, centred}]; a centred
 * entry (a country's or a region's name) is written across its point, with no dot and no other side.
 */
export function labelLayer(map, entries) {
  const paneName = pane(map, 'labels', 605);
  map.getPane(paneName).style.pointerEvents = 'none';
  const group = L.layerGroup();
  const markers = entries.map((e) => {
    const el = document.createElement('span');
    el.textContent = e.name;
    if (e.color) el.style.color = e.color;
    const m = L.marker([e.lat, e.lon], { pane: paneName, interactive: false, keyboard: false,
      icon: L.divIcon({ className: `place-label ${e.className ?? ''}`, html: el, iconSize: null,
        iconAnchor: e.centred ? [0, 0] : [-7, 9] }) });
    m.entry = e;
    group.addLayer(m);
    return m;
  });
  markers.sort((a, b) => b.entry.priority - a.entry.priority);
  let hidden = new Set();
  const place = () => {
    // A kind's dots appear with its names, not before: unnamed dots read as noise on a projector.
    for (const [kind, rule] of Object.entries(PLACE_LABELS)) {
      map.getContainer().classList.toggle(`hide-${kind}`, map.getZoom() < rule.minZoom);
    }
    declutter(map, markers, hidden);
  };
  // Placed while on the map only: a group replaced after a rebuild must stop placing its labels.
  group.on('add', () => { map.on('zoomend moveend', place); setTimeout(place); });
  group.on('remove', () => map.off('zoomend moveend', place));
  group.declutter = place;
  group.setHidden = (collectionIds) => { hidden = new Set(collectionIds); place(); };
  return group;
}

/** Room kept around a label's text and a place's dot, so names never touch each other or a dot. */
const PAD = 2;
const DOT = 4;
const overlaps = (a, b) => a.x1 < b.x2 && a.x2 > b.x1 && a.y1 < b.y2 && a.y2 > b.y1;

/**
 * Greedy by priority: each label goes right of its place, or else left of it, where its text
 * covers neither a label already placed nor a placed label's dot (nor, if it can help it, any
 * other place's dot), and its own dot is clear of their text; otherwise it is hidden. Boxes are
 * measured from the page, so they follow the font (larger while presenting) and the real width.
 */
function declutter(map, markers, hidden) {
  const zoom = map.getZoom();
  const wanted = markers.filter((m) => m.getElement() && zoom >= m.entry.minZoom
    && zoom <= (m.entry.maxZoom ?? Infinity) && !hidden.has(m.entry.collectionId));
  const shown = new Set(wanted);
  // Every candidate is shown, on its right, before anything is measured: a label hidden by the last
  // pass measures 0 px wide and would slip past every other label.
  for (const m of markers) {
    const el = m.getElement();
    if (!el) continue;
    el.style.display = shown.has(m) ? '' : 'none';
    el.classList.remove(...Object.values(SIDE_CLASS));
    // Only a centred name is moved by margins: a place's label keeps the margins of its icon anchor.
    if (m.entry.centred) { el.style.marginTop = ''; el.style.marginLeft = ''; }
  }
  const origin = map.getContainer().getBoundingClientRect();
  const measured = wanted.map((m) => {
    const r = (m.getElement().firstChild ?? m.getElement()).getBoundingClientRect();
    return { x1: r.left - origin.left - PAD, y1: r.top - origin.top - PAD, x2: r.right - origin.left + PAD, y2: r.bottom - origin.top + PAD };
  });
  const texts = [];
  const dots = [];
  const names = [];
  const points = wanted.map((m) => map.latLngToContainerPoint(m.getLatLng()));
  // An area's label (fort, gold site, battle) sits beside its outline, with no dot to keep clear.
  const allDots = points.map((p, i) => (wanted[i].entry.dotless || wanted[i].entry.centred ? null
    : { x1: p.x - DOT, y1: p.y - DOT, x2: p.x + DOT, y2: p.y + DOT }));
  wanted.forEach((m, i) => {
    const p = points[i];
    const dot = allDots[i];
    const right = measured[i];
    const free = (box) => !texts.some((t) => overlaps(box, t)) && !dots.some((d) => d && overlaps(box, d));
    // A town that is also a mission place (Kidal, Gao) is named once, by the mission's label.
    const twin = names.some((n) => n.name === m.entry.name && Math.abs(n.p.x - p.x) + Math.abs(n.p.y - p.y) < 24);
    const clear = !twin && !(dot && texts.some((t) => overlaps(dot, t)));
    // Better still a side that covers no place's dot at all, even one whose name comes later.
    const bare = (box) => free(box) && !allDots.some((d, j) => d && j !== i && overlaps(box, d));
    const sides = m.entry.centred ? shifted(right, m.entry, zoom) : around(right, p);
    const box = !clear ? null : sides.find(bare) ?? sides.find(free) ?? null;
    const el = m.getElement();
    if (!box) { el.style.display = 'none'; return; }
    if (box.side) el.classList.add(SIDE_CLASS[box.side]);
    if (m.entry.centred) {
      el.style.marginTop = box.dy ? `${box.dy}px` : '';
      el.style.marginLeft = box.dx ? `${box.dx}px` : '';
    }
    texts.push(box);
    dots.push(dot);
    names.push({ name: m.entry.name, p });
  });
}

/** The class that moves a place's label from its right to another side (see app.css). */
const SIDE_CLASS = { left: 'label-left', above: 'label-above', below: 'label-below' };

/**
 * Where a place's name may go, in order: right of its dot (measured there), left, above, below.
 * Above and below let two capitals a line apart both be named (Ouagadougou and Niamey at zoom 4).
 */
function around(right, p) {
  const w = right.x2 - right.x1;
  const h = right.y2 - right.y1;
  const centredX = { x1: p.x - w / 2, x2: p.x + w / 2 };
  return [right,
    { x1: 2 * p.x - right.x2, y1: right.y1, x2: 2 * p.x - right.x1, y2: right.y2, side: 'left' },
    { ...centredX, y1: p.y - DOT - h, y2: p.y - DOT, side: 'above' },
    { ...centredX, y1: p.y + DOT, y2: p.y + DOT + h, side: 'below' }];
}

/** Where a centred name may go (a capital often sits right at its country's middle): areaShifts. */
function shifted(box, entry, zoom) {
  return areaShifts(entry, box.x2 - box.x1, box.y2 - box.y1, zoom)
    .map(([dx, dy]) => ({ x1: box.x1 + dx, x2: box.x2 + dx, y1: box.y1 + dy, y2: box.y2 + dy, dx, dy }));
}

export function placeEntries(places) {
  return places.features.map((f) => {
    const rule = PLACE_LABELS[f.properties.kind] ?? PLACE_LABELS.town;
    const [lon, lat] = f.geometry.coordinates;
    return { name: f.properties.name, lat, lon, priority: rule.priority, minZoom: rule.minZoom,
      className: `kind-${f.properties.kind}`, collectionId: 'places' };
  });
}

/**
 * Named places of the mission layers, labelled before any other in the layer's colour: points at
 * themselves, approximate areas (site, fort, battle) at the middle of their outline.
 */
export function missionEntries(collectionId, geojson, color) {
  return geojson.features.filter((f) => f.properties?.name
      && (f.geometry?.type === 'Point' || UNCERTAIN_KINDS.has(f.properties.kind)))
    .map((f) => {
      const point = f.geometry.type === 'Point';
      const [lon, lat] = point ? f.geometry.coordinates : ringMiddle(f.geometry);
      // "Intahaka gold site (area of uncertainty)": the outline already says it is approximate.
      const name = f.properties.name.replace(/\s*\([^)]*\)\s*$/, '');
      return { name, lat, lon, priority: point ? 10 : 9, minZoom: point ? 0 : 4, dotless: !point,
        className: point ? 'mission-label' : 'mission-label area-label', color, collectionId };
    });
}

/** East edge, middle latitude of the first outer ring: the label sits just right of the area. */
function ringMiddle(geometry) {
  const ring = geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0][0];
  const lons = ring.map((c) => c[0]);
  const lats = ring.map((c) => c[1]);
  return [Math.max(...lons), (Math.min(...lats) + Math.max(...lats)) / 2];
}

/** Small dots for the places of the context layer. */
export function placeDots(map, places) {
  const paneName = pane(map, 'context-places', 260);
  return L.geoJSON(places, { pane: paneName, interactive: false,
    pointToLayer: (f, latlng) => L.circleMarker(latlng, { ...PLACE_DOT, pane: paneName,
      className: `place-dot kind-${f.properties.kind}`,
      radius: f.properties.kind === 'town' ? 2.5 : PLACE_DOT.radius,
      fillColor: f.properties.kind === 'capital' ? PLACE_DOT.color : PLACE_DOT.fillColor }) });
}
