// Draws one mission collection with the styles of styles.js: areas, graded bands, lines, exact
// points as solid dots and uncertainty areas dashed and hatched.
import { MISSION_ORDER, missionStyle } from '../styles.js';
import { missionPopup } from '../ui/popup.js';
import { pane } from './base.js';
import { el } from '../ui/dom.js';

const L = window.L;

export function missionLayer(map, collection, geojson) {
  const id = collection.id;
  const order = MISSION_ORDER.indexOf(id);
  const paneName = pane(map, `mission-${id}`, 400 + (order < 0 ? MISSION_ORDER.length : order));
  return L.geoJSON(geojson, {
    pane: paneName,
    style: (f) => missionStyle(id, f.properties, f.geometry.type),
    pointToLayer: (f, latlng) => L.circleMarker(latlng,
      { ...missionStyle(id, f.properties, 'Point'), pane: paneName }),
    onEachFeature: (f, layer) => {
      layer.bindPopup(() => missionPopup(collection, f), { maxWidth: 340, maxHeight: 420 });
      // An element: Leaflet would parse a string as HTML.
      if (f.properties?.name) layer.bindTooltip(el('span', { text: f.properties.name }), { sticky: true, className: 'hover-name' });
    },
  });
}
