// Draws one mission collection with the styles of styles.js: areas, graded bands, lines, exact
// points as solid dots and uncertainty areas dashed and hatched.
import { missionStyle } from '../styles.js';
import { missionPopup } from '../ui/popup.js';
import { pane, POPUP } from './base.js';
import { el } from '../ui/dom.js';

const L = window.L;

// Mission areas stack from z-index 400 in their order; collections of lines only (the border)
// from 430, above every area but under the AOIs (450): Kidal's region follows the border for
// hundreds of km, and its outline drawn later would paint over the border line.
const AREAS_Z = 400;
const LINES_Z = 430;

const linesOnly = (geojson) => geojson.features.length > 0
  && geojson.features.every((f) => /LineString/.test(f.geometry?.type ?? ''));

/** rank: the collection's place among the mission layers (styles.missionOrder), 0 lowest. */
export function missionLayer(map, collection, geojson, rank) {
  const paneName = pane(map, `mission-${collection.id}`, (linesOnly(geojson) ? LINES_Z : AREAS_Z) + rank);
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
