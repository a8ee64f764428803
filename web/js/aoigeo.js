// AOI geometry in plain numbers, no Leaflet: circles as polygons and rings in GeoJSON order.

const A = 6378137; // WGS84
const F = 1 / 298.257223563;
const B = A * (1 - F);

/**
 * The point reached going `metres` along the geodesic at `azimuthDeg` from (lon, lat): Vincenty's
 * direct formula on the WGS84 ellipsoid (sub-millimetre for AOI-sized distances).
 */
export function destination(lon, lat, azimuthDeg, metres) {
  const rad = Math.PI / 180;
  const alpha1 = azimuthDeg * rad;
  const sinA1 = Math.sin(alpha1);
  const cosA1 = Math.cos(alpha1);
  const tanU1 = (1 - F) * Math.tan(lat * rad);
  const cosU1 = 1 / Math.sqrt(1 + tanU1 * tanU1);
  const sinU1 = tanU1 * cosU1;
  const sigma1 = Math.atan2(tanU1, cosA1);
  const sinAlpha = cosU1 * sinA1;
  const cos2Alpha = 1 - sinAlpha * sinAlpha;
  const u2 = (cos2Alpha * (A * A - B * B)) / (B * B);
  const bigA = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
  const bigB = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
  let sigma = metres / (B * bigA);
  let prev;
  let cos2SigmaM;
  let sinSigma;
  let cosSigma;
  let iterations = 0;
  do {
    cos2SigmaM = Math.cos(2 * sigma1 + sigma);
    sinSigma = Math.sin(sigma);
    cosSigma = Math.cos(sigma);
    const deltaSigma = bigB * sinSigma * (cos2SigmaM + (bigB / 4) * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
      - (bigB / 6) * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
    prev = sigma;
    sigma = metres / (B * bigA) + deltaSigma;
  } while (Math.abs(sigma - prev) > 1e-12 && ++iterations < 200);
  const tmp = sinU1 * sinSigma - cosU1 * cosSigma * cosA1;
  const lat2 = Math.atan2(sinU1 * cosSigma + cosU1 * sinSigma * cosA1, (1 - F) * Math.sqrt(sinAlpha * sinAlpha + tmp * tmp));
  const lambda = Math.atan2(sinSigma * sinA1, cosU1 * cosSigma - sinU1 * sinSigma * cosA1);
  const c = (F / 16) * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
  const l = lambda - (1 - c) * F * sinAlpha * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
  return [lon + l / rad, lat2 / rad];
}

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
