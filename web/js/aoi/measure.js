// Perimeter and area shown next to the cursor while an AOI is drawn or its vertices are edited:
// geodesic figures from geo.js (WGS84), not Leaflet.draw's spherical ones, so they agree with the
// figures the server gives once the area is saved.
import { ringAreaKm2, ringPerimeterKm } from '../geo.js';
import { formatKm, formatKm2 } from '../format.js';

const L = window.L;

/** ["Perimeter 812 km", "Area 41,230 km²"] for a ring of Leaflet LatLngs (under 3: its length). */
export function measureLines(latlngs) {
  const points = latlngs.map((p) => [p.lat, p.lng]);
  if (points.length < 2) return [];
  if (points.length < 3) return [`Length ${formatKm(ringPerimeterKm(points) / 2)}`];
  return [`Perimeter ${formatKm(ringPerimeterKm(points))}`, `Area ${formatKm2(ringAreaKm2(points))}`];
}

/**
 * Follows Leaflet.draw on `map`: while a polygon or rectangle is drawn, the ring so far (with the
 * cursor as its next vertex) is measured on every move; while editing, the shape whose vertex
 * was last moved. `handlerOf(type)` gives Leaflet.draw's draw handler for a shape type.
 */
export function drawMeasure(map, handlerOf) {
  // Below the cursor: Leaflet.draw's own hint sits to its right, and a left side would run under
  // the legend and the zoom buttons.
  const readout = L.tooltip({ permanent: true, direction: 'bottom', offset: [0, 22], className: 'aoi-measure' });
  let ring = null; // () => the LatLngs to measure now, or null when not measuring
  let cursor = null;

  const show = () => {
    const lines = ring ? measureLines(ring()) : [];
    if (!lines.length || !cursor) { readout.remove(); return; }
    const box = document.createElement('div');
    for (const line of lines) box.appendChild(document.createElement('div')).textContent = line;
    readout.setLatLng(cursor).setContent(box);
    if (!map.hasLayer(readout)) readout.addTo(map);
    readout.getElement()?.setAttribute('role', 'status');
  };
  const stop = () => { ring = null; readout.remove(); };

  map.on('draw:drawstart', (e) => {
    const handler = handlerOf(e.layerType);
    if (e.layerType === 'polygon') {
      ring = () => {
        const placed = handler._markers.map((m) => m.getLatLng());
        return placed.length && cursor ? [...placed, cursor] : placed;
      };
    } else if (e.layerType === 'rectangle') {
      // From the drag's start and the cursor, not the drawn shape: Leaflet.draw redraws that after
      // this listener has run, so it is one move behind.
      ring = () => {
        if (!handler._isDrawing || !handler._startLatLng || !cursor) return [];
        const box = L.latLngBounds(handler._startLatLng, cursor);
        return [box.getSouthWest(), box.getSouthEast(), box.getNorthEast(), box.getNorthWest()];
      };
    }
  });
  map.on('draw:editvertex', (e) => {
    if (!e.poly) return;
    ring = () => e.poly.getLatLngs().flat(2);
    show();
  });
  map.on('draw:editmove', (e) => { ring = () => e.layer.getLatLngs().flat(2); show(); });
  map.on('mousemove', (e) => { cursor = e.latlng; if (ring) show(); });
  map.on('draw:drawvertex', show);
  map.on('draw:drawstop draw:editstop', stop);
}
