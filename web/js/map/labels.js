// Place names as text on the map, in their own pane above the areas. After every zoom or move the
// labels are placed greedily by priority: one that would overlap a more important one is hidden.
import { PLACE_LABELS } from '../styles.js';
import { pane } from './base.js';

const L = window.L;

/** entries: [{name, lat, lon, priority, minZoom, className}] */
export function labelLayer(map, entries) {
  const paneName = pane(map, 'labels', 590);
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
  const place = () => declutter(map, markers, hidden);
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
      const box = { x1: p.x - 6, y1: p.y - 10, x2: p.x + 9 + w, y2: p.y + 10 };
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

/** Named points of the mission layers: always labelled first, in the layer's colour. */
export function missionEntries(collectionId, geojson, color) {
  return geojson.features.filter((f) => f.geometry?.type === 'Point' && f.properties?.name)
    .map((f) => ({ name: f.properties.name, lat: f.geometry.coordinates[1],
      lon: f.geometry.coordinates[0], priority: 10, minZoom: 0, className: `mission-label`,
      color, collectionId }));
}

/** Small dots for the places of the context layer. */
export function placeDots(map, places) {
  const paneName = pane(map, 'context-places', 260);
  return L.geoJSON(places, { pane: paneName, interactive: false,
    pointToLayer: (f, latlng) => L.circleMarker(latlng, { pane: paneName,
      radius: f.properties.kind === 'town' ? 2.5 : 3.5, color: '#4a4239', weight: 1,
      fillColor: f.properties.kind === 'capital' ? '#4a4239' : '#fff', fillOpacity: 1 }) });
}
