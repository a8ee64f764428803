// Place names as text on the map, in their own pane above the areas and markers (a capital's name
// must stay readable under a crowd of events; the pane lets clicks through). After every zoom or move the
// labels are placed greedily by priority: one that would overlap a more important one is hidden.
import { PLACE_DOT, PLACE_LABELS, UNCERTAIN_KINDS } from '../styles.js';
import { pane } from './base.js';

const L = window.L;

/** entries: [{name, lat, lon, priority, minZoom, className}] */
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
        iconAnchor: [-7, 9] }) });
    m.entry = e;
    group.addLayer(m);
    return m;
  });
  markers.sort((a, b) => b.entry.priority - a.entry.priority);
  let hidden = new Set();
  const place = () => {
    // Town dots appear with their names, not before: unnamed dots read as noise on a projector.
    map.getContainer().classList.toggle('towns-hidden', map.getZoom() < PLACE_LABELS.town.minZoom);
    declutter(map, markers, hidden);
  };
  map.on('zoomend moveend', place);
  group.on('add', () => setTimeout(place));
  group.declutter = place;
  group.setHidden = (collectionIds) => { hidden = new Set(collectionIds); place(); };
  return group;
}

function declutter(map, markers, hidden) {
  const taken = [];
  const zoom = map.getZoom();
  for (const m of markers) {
    const el = m.getElement();
    if (!el) continue;
    let show = zoom >= m.entry.minZoom && !hidden.has(m.entry.collectionId);
    if (show) {
      const p = map.latLngToContainerPoint(m.getLatLng());
      const w = el.firstChild?.offsetWidth ?? el.offsetWidth;
      const box = { x1: p.x + 4, y1: p.y - 8, x2: p.x + 9 + w, y2: p.y + 8 };
      show = !taken.some((t) => box.x1 < t.x2 && box.x2 > t.x1 && box.y1 < t.y2 && box.y2 > t.y1);
      if (show) taken.push(box);
    }
    el.style.display = show ? '' : 'none';
  }
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
      return { name, lat, lon, priority: point ? 10 : 9, minZoom: point ? 0 : 4,
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
