// Draws one mission collection with the styles of styles.js: areas, graded bands, lines, exact
// points as solid dots and uncertainty areas dashed and hatched.
import { missionStyle } from '../styles.js';
import { missionPopup } from '../ui/popup.js';
import { pane, POPUP } from './base.js';
import { el } from '../ui/dom.js';

const L = window.L;

/** rank: the collection's place among the mission layers (styles.missionOrder), 0 lowest. */
export function missionLayer(map, collection, geojson, rank) {
  const paneName = pane(map, `mission-${collection.id}`, 400 + rank);
  return L.geoJSON(geojson, {
    pane: paneName,
    style: (f) => missionStyle(collection, f.properties, f.geometry.type),
    pointToLayer: (f, latlng) => L.circleMarker(latlng,
      { ...missionStyle(collection, f.properties, 'Point'), pane: paneName }),
    onEachFeature: (f, layer) => {
      layer.bindPopup(() => missionPopup(collection, f), POPUP);
      // An element: Leaflet would parse a string as HTML.
      if (f.properties?.name) layer.bindTooltip(el('span', { text: f.properties.name }), { sticky: true, className: 'hover-name' });
    },
  });
}
