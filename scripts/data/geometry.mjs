// Geometry helpers shared by the extract builders: rounding, RFC 7946 ring orientation,
// bounding boxes, point-in-polygon and distances, all on plain GeoJSON coordinates.

const DECIMALS = 6;
const FACTOR = 10 ** DECIMALS;

export function round(x) {
  const r = Math.round(x * FACTOR) / FACTOR;
  return r === 0 ? 0 : r; // no negative zero
}

export function roundPosition(p) {
  return [round(p[0]), round(p[1])];
}

function samePosition(a, b) {
  return a[0] === b[0] && a[1] === b[1];
}

/** Rounds positions and drops consecutive duplicates created by rounding. */
function cleanLine(coords) {
  const out = [];
  for (const p of coords) {
    const q = roundPosition(p);
    if (out.length === 0 || !samePosition(out[out.length - 1], q)) out.push(q);
  }
  return out;
}

/** Twice the planar signed area of a closed ring (positive = counter-clockwise). */
export function signedArea2(ring) {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return s;
}

/** The ring wound as RFC 7946 asks: an exterior counter-clockwise, a hole clockwise (in place). */
export function wound(ring, exterior) {
  const area = signedArea2(ring);
  if ((exterior && area < 0) || (!exterior && area > 0)) ring.reverse();
  return ring;
}

function cleanRing(coords, exterior) {
  const ring = cleanLine(coords);
  if (ring.length > 1 && !samePosition(ring[0], ring[ring.length - 1])) ring.push(ring[0]);
  if (ring.length < 4) return null; // degenerate after rounding
  if (signedArea2(ring) === 0) return null;
  return wound(ring, exterior);
}

function cleanPolygon(rings) {
  const exterior = cleanRing(rings[0], true);
  if (!exterior) return null;
  const holes = rings.slice(1).map((r) => cleanRing(r, false)).filter(Boolean);
  return [exterior, ...holes];
}

export function cleanGeometry(g) {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: roundPosition(g.coordinates) };
    case 'LineString': {
      const c = cleanLine(g.coordinates);
      return c.length >= 2 ? { type: 'LineString', coordinates: c } : null;
    }
    case 'MultiLineString': {
      const c = g.coordinates.map(cleanLine).filter((l) => l.length >= 2);
      return c.length ? { type: 'MultiLineString', coordinates: c } : null;
    }
    case 'Polygon': {
      const c = cleanPolygon(g.coordinates);
      return c ? { type: 'Polygon', coordinates: c } : null;
    }
    case 'MultiPolygon': {
      const c = g.coordinates.map(cleanPolygon).filter(Boolean);
      return c.length ? { type: 'MultiPolygon', coordinates: c } : null;
    }
    default:
      throw new Error(`unsupported geometry type ${g.type}`);
  }
}

export function geometryBbox(g) {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const visit = (c) => {
    if (typeof c[0] === 'number') {
      minX = Math.min(minX, c[0]); maxX = Math.max(maxX, c[0]);
      minY = Math.min(minY, c[1]); maxY = Math.max(maxY, c[1]);
    } else {
      c.forEach(visit);
    }
  };
  visit(g.coordinates);
  return [minX, minY, maxX, maxY];
}

/** Locale-independent string order (accents folded first, then code points). */
export function compareText(a, b) {
  const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const fa = fold(a), fb = fold(b);
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function bboxIntersects(a, b) {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** The polygons of a Polygon or MultiPolygon, as MultiPolygon coordinates. */
export function polygonsOf(g) {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  throw new Error(`not a polygon: ${g.type}`);
}

function pointInRing([x, y], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a [lon, lat] position lies inside a Polygon or MultiPolygon (holes excluded). */
export function pointInGeometry(p, g) {
  return polygonsOf(g).some(
    ([exterior, ...holes]) => pointInRing(p, exterior) && !holes.some((h) => pointInRing(p, h)));
}

export const EARTH_RADIUS_KM = 6371.0088;

/**
 * Shortest distance in km from a position to any ring of a polygon geometry, in a local
 * equirectangular plane around the position (good to well under 1% within tens of km).
 */
export function distanceToOutlineKm(p, g) {
  const kx = Math.cos((p[1] * Math.PI) / 180) * (Math.PI / 180) * EARTH_RADIUS_KM;
  const ky = (Math.PI / 180) * EARTH_RADIUS_KM;
  let best = Infinity;
  for (const ring of polygonsOf(g).flat()) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const ax = (ring[i][0] - p[0]) * kx, ay = (ring[i][1] - p[1]) * ky;
      const dx = (ring[i + 1][0] - p[0]) * kx - ax, dy = (ring[i + 1][1] - p[1]) * ky - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  }
  return best;
}

/** Where segments ab and cd cross at a point inside both (touching ends do not count), or null. */
function crossing(a, b, c, d) {
  const rx = b[0] - a[0], ry = b[1] - a[1], sx = d[0] - c[0], sy = d[1] - c[1];
  const denominator = rx * sy - ry * sx;
  if (denominator === 0) return null; // parallel: simplification does not make overlapping runs
  const t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / denominator;
  const u = ((c[0] - a[0]) * ry - (c[1] - a[1]) * rx) / denominator;
  return t > 0 && t < 1 && u > 0 && u < 1 ? [a[0] + t * rx, a[1] + t * ry] : null;
}

/** The first pair of non-adjacent edges of a closed ring that cross: [i, j, point], or null. */
export function firstSelfCrossing(ring) {
  const n = ring.length - 1; // edges; the last position repeats the first
  for (let i = 0; i < n; i++) {
    const [a, b] = [ring[i], ring[i + 1]];
    const [minX, maxX] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
    const [minY, maxY] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // the closing edge is adjacent to the first
      const [c, d] = [ring[j], ring[j + 1]];
      if (Math.max(c[0], d[0]) < minX || Math.min(c[0], d[0]) > maxX
        || Math.max(c[1], d[1]) < minY || Math.min(c[1], d[1]) > maxY) continue;
      const p = crossing(a, b, c, d);
      if (p) return [i, j, p];
    }
  }
  return null;
}

/**
 * The ring without its self-crossings. Simplifying an arc can fold it over itself in a tiny
 * loop (a "bow tie"); each crossing splits the ring in two loops at the crossing point, and the
 * smaller loop, a few hundred metres across, is cut off. Shared vertices elsewhere are kept as
 * they are, so neighbours still share their borders.
 */
export function withoutSelfCrossings(ring) {
  let out = ring;
  for (let found = firstSelfCrossing(out); found; found = firstSelfCrossing(out)) {
    const [i, j, point] = found;
    const p = roundPosition(point);
    const inner = [p, ...out.slice(i + 1, j + 1), p];
    const outer = [...out.slice(0, i + 1), p, ...out.slice(j + 1)];
    const kept = Math.abs(signedArea2(inner)) > Math.abs(signedArea2(outer)) ? inner : outer;
    if (kept.length >= out.length) throw new Error('a self-crossing that cutting does not remove');
    out = kept;
  }
  return out;
}
