// The map itself and the offline basemap drawn from our context layers and the shaded relief.
// Online tiles are an option (off by default); with them on, the land fill turns transparent so
// the tiles show.
import { CONTEXT, CONTEXT_ORDER } from '../styles.js';
import { formatLatLon } from '../format.js';
import { reliefOverlay } from './relief.js';
import './simplify.js';

const L = window.L;
export const SAHEL_VIEW = { lat: 17.0, lon: -1.5, zoom: 5 };

export function createMap(element, view) {
  const map = L.map(element, { zoomSnap: 0.5, worldCopyJump: false, minZoom: 2, maxZoom: 14,
    zoomControl: true, keyboard: true, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('© OpenStreetMap contributors (ODbL), Natural Earth, GeoNames');
  const v = view ?? SAHEL_VIEW;
  map.setView([v.lat, v.lon], v.zoom);
  L.control.scale({ imperial: false, position: 'bottomright', maxWidth: 160 }).addTo(map);
  cursorControl().addTo(map);
  // Shapes are not Tab stops: Chromium makes every clickable SVG path focusable, and focusing one
  // outside the view scrolls the map's panes to it (the map "flew" to Beijing on Tab). Features
  // are reached from the panels (layer list, event list), which come first in the Tab order.
  map.on('layeradd', (e) => {
    e.layer._path?.setAttribute('tabindex', '-1');
    e.layer._path?.setAttribute('focusable', 'false');
  });
  return map;
}

/**
 * Every popup's options: panned fully into the map, clear of the zoom, ruler and draw toolbars on the
 * left (56 px) and of the scale and attribution at the foot, so a popup opened from the keyboard
 * or near an edge is neither cut off nor hidden under a control. (Not keepInView: it would pull
 * the map back to the popup after every later move, a slide's flight included.)
 */
export const POPUP = { maxWidth: 340, maxHeight: 420, autoPan: true,
  autoPanPaddingTopLeft: [56, 12], autoPanPaddingBottomRight: [12, 28] };

/** One pane per drawn collection, so each keeps its place in the stack whatever is toggled. */
export function pane(map, name, zIndex) {
  if (!map.getPane(name)) map.createPane(name).style.zIndex = String(zIndex);
  return name;
}

/**
 * A context layer; the countries' land comes with the shaded relief (relief: its reliefMeta, or
 * null for none) in a pane of its own just above the land fill, so every other line and name is
 * drawn over it and it goes with the land when the layer is turned off.
 */
export function contextLayer(map, id, geojson, relief = null) {
  const paneName = pane(map, `context-${id}`, 210 + 2 * CONTEXT_ORDER.indexOf(id));
  const layer = L.geoJSON(geojson, { pane: paneName, style: () => CONTEXT[id], interactive: false });
  if (id !== 'countries' || !relief) return layer;
  return L.featureGroup([layer, reliefOverlay(relief.bounds, pane(map, 'relief', 211))]);
}

/**
 * The offline basemap as the settings want it: with online tiles on, the land fill turns
 * transparent so they show, and the relief goes (the tiles bring their own terrain); relief:
 * whether the user wants the shaded relief at all.
 */
export function setBasemap(countries, { online, relief }) {
  countries.setStyle({ fillOpacity: online ? 0 : CONTEXT.countries.fillOpacity });
  countries.eachLayer((l) => l.show?.(relief && !online));
}

/** Tiles from the URL template the server was configured with (attribution is the provider's). */
export function onlineTiles(urlTemplate) {
  return L.tileLayer(urlTemplate, { maxZoom: 14, opacity: 0.85,
    attribution: 'Online basemap: ' + new URL(urlTemplate.replace(/[{}]/g, '')).host });
}

function cursorControl() {
  const Control = L.Control.extend({
    options: { position: 'bottomright' },
    onAdd(map) {
      const el = L.DomUtil.create('div', 'cursor-coords leaflet-bar');
      el.textContent = '—';
      el.setAttribute('aria-live', 'off');
      map.on('mousemove', (e) => { el.textContent = formatLatLon(e.latlng.lat, e.latlng.lng); });
      map.on('mouseout', () => { el.textContent = '—'; });
      return el;
    },
  });
  return new Control();
}

export function currentView(map) {
  const c = map.getCenter();
  return { lat: c.lat, lon: c.lng, zoom: map.getZoom() };
}
