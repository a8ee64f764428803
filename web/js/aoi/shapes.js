// AOI geometry in plain numbers, no Leaflet: circles as polygons and rings in GeoJSON order.
// The geodesy itself (WGS84 distances, areas, destinations) lives in geo.js.
import { destination } from '../geo.js';

/** A circle of `radiusM` metres around (lon, lat) as a closed GeoJSON ring of `n` vertices. */
export function circleRing(lon, lat, radiusM, n = 64) {
  const ring = [];
  for (let i = 0; i < n; i++) {
    // Clockwise from north as azimuths go; the server stores rings wound as RFC 7946 asks.
    ring.push(round(destination(lon, lat, (360 * i) / n, radiusM)));
  }
  ring.push(ring[0].slice());
  return ring;
}

/** A GeoJSON Polygon from Leaflet-style [{lat, lng}] vertices (the ring is closed here). */
export function polygonFromLatLngs(latlngs) {
  const ring = latlngs.map((p) => round([p.lng, p.lat]));
  if (ring.length && (ring[0][0] !== ring.at(-1)[0] || ring[0][1] !== ring.at(-1)[1])) ring.push(ring[0].slice());
  return { type: 'Polygon', coordinates: [ring] };
}

/** An AOI Feature as the API takes it. */
export function aoiFeature(geometry, { name, notes = '', tags = [], radius_m = null }) {
  const properties = { name, notes, tags };
  if (radius_m != null) properties.radius_m = radius_m;
  return { type: 'Feature', geometry, properties };
}

/** Tags typed as "a, b , c" → ["a", "b", "c"]. */
export function parseTags(text) {
  return text.split(',').map((t) => t.trim()).filter((t) => t.length > 0);
}

function round([x, y]) {
  return [Math.round(x * 1e7) / 1e7, Math.round(y * 1e7) / 1e7];
}

/**
 * The centre of a ring made by circleRing: half-way between its extreme vertices (the north and
 * south vertices sit on the centre's meridian, the east and west ones symmetric about it).
 */
export function circleCenter(ring) {
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
}
