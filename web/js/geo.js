// Geodesy on the WGS84 ellipsoid, pure numbers: distances (Vincenty's inverse formula), destinations
// (Vincenty's direct formula) and polygon areas (on the authalic sphere). The page's one home for it.

const A = 6378137;
const F = 1 / 298.257223563;
const B = A * (1 - F);
const rad = (d) => (d * Math.PI) / 180;

export function geodesicKm(lat1, lon1, lat2, lon2) {
  const L = rad(lon2 - lon1);
  const U1 = Math.atan((1 - F) * Math.tan(rad(lat1)));
  const U2 = Math.atan((1 - F) * Math.tan(rad(lat2)));
  const sinU1 = Math.sin(U1), cosU1 = Math.cos(U1), sinU2 = Math.sin(U2), cosU2 = Math.cos(U2);
  let lambda = L;
  let prev, sinSigma, cosSigma, sigma, cosSqAlpha, cos2SigmaM;
  for (let i = 0; i < 200; i++) {
    const sinL = Math.sin(lambda), cosL = Math.cos(lambda);
    sinSigma = Math.hypot(cosU2 * sinL, cosU1 * sinU2 - sinU1 * cosU2 * cosL);
    if (sinSigma === 0) return 0;
    cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
    sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (cosU1 * cosU2 * sinL) / sinSigma;
    cosSqAlpha = 1 - sinAlpha * sinAlpha;
    cos2SigmaM = cosSqAlpha === 0 ? 0 : cosSigma - (2 * sinU1 * sinU2) / cosSqAlpha;
    const C = (F / 16) * cosSqAlpha * (4 + F * (4 - 3 * cosSqAlpha));
    prev = lambda;
    lambda = L + (1 - C) * F * sinAlpha
      * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM ** 2)));
    if (Math.abs(lambda - prev) < 1e-12) break;
  }
  const uSq = (cosSqAlpha * (A * A - B * B)) / (B * B);
  const bigA = 1 + (uSq / 16384) * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
  const bigB = (uSq / 1024) * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
  const dSigma = bigB * sinSigma * (cos2SigmaM + (bigB / 4) * (cosSigma * (-1 + 2 * cos2SigmaM ** 2)
    - (bigB / 6) * cos2SigmaM * (-3 + 4 * sinSigma ** 2) * (-3 + 4 * cos2SigmaM ** 2)));
  return (B * bigA * (sigma - dSigma)) / 1000;
}

/** Length of a path of [lat, lon] points. */
export function pathKm(points) {
  let km = 0;
  for (let i = 1; i < points.length; i++) {
    km += geodesicKm(points[i - 1][0], points[i - 1][1], points[i][0], points[i][1]);
  }
  return km;
}

/**
 * The point reached going `metres` along the geodesic at `azimuthDeg` from (lon, lat): Vincenty's
 * direct formula (sub-millimetre for AOI-sized distances). Returns [lon, lat].
 */
export function destination(lon, lat, azimuthDeg, metres) {
  const alpha1 = rad(azimuthDeg);
  const sinA1 = Math.sin(alpha1);
  const cosA1 = Math.cos(alpha1);
  const tanU1 = (1 - F) * Math.tan(rad(lat));
  const cosU1 = 1 / Math.sqrt(1 + tanU1 * tanU1);
  const sinU1 = tanU1 * cosU1;
  const sigma1 = Math.atan2(tanU1, cosA1);
  const sinAlpha = cosU1 * sinA1;
  const cos2Alpha = 1 - sinAlpha * sinAlpha;
  const u2 = (cos2Alpha * (A * A - B * B)) / (B * B);
  const bigA = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
  const bigB = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
  let sigma = metres / (B * bigA);
  let prev, cos2SigmaM, sinSigma, cosSigma;
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
  return [lon + (l * 180) / Math.PI, (lat2 * 180) / Math.PI];
}

// The authalic sphere has the ellipsoid's area, and the authalic latitude maps one onto the other
// keeping areas, so a ring's spherical excess there is its ellipsoidal area; what is left is the
// geodesic-vs-great-circle edge difference, far below 0.1 % for AOI-sized shapes.
const E = Math.sqrt(F * (2 - F));
const q = (sinPhi) => (1 - E * E) * (sinPhi / (1 - E * E * sinPhi * sinPhi)
  - Math.log((1 - E * sinPhi) / (1 + E * sinPhi)) / (2 * E));
const QP = q(1);
const RQ = A * Math.sqrt(QP / 2);
const authalic = (lat) => Math.asin(Math.max(-1, Math.min(1, q(Math.sin(rad(lat))) / QP)));

/**
 * Area in km² of a ring of [lat, lon] points (closed or not) with great-circle edges on the
 * authalic sphere: each edge's signed spherical excess to the equator, summed.
 */
export function ringAreaKm2(points) {
  let excess = 0;
  for (let i = 0; i < points.length; i++) {
    const [lat1, lon1] = points[i];
    const [lat2, lon2] = points[(i + 1) % points.length];
    let dLon = rad(lon2 - lon1);
    if (dLon > Math.PI) dLon -= 2 * Math.PI;
    if (dLon < -Math.PI) dLon += 2 * Math.PI;
    const t1 = Math.tan(authalic(lat1) / 2);
    const t2 = Math.tan(authalic(lat2) / 2);
    excess += 2 * Math.atan2(Math.tan(dLon / 2) * (t1 + t2), 1 + t1 * t2);
  }
  return (Math.abs(excess) * RQ * RQ) / 1e6;
}

/** Perimeter in km of a ring of [lat, lon] points, closing it if it is open. */
export function ringPerimeterKm(points) {
  if (points.length < 2) return 0;
  const first = points[0];
  const last = points.at(-1);
  const closed = first[0] === last[0] && first[1] === last[1];
  return pathKm(closed ? points : [...points, first]);
}
