// Fits Mali's regions (Natural Earth admin-1) to Mali's outline in countries.geojson
// (OpenStreetMap), so that no region crosses the border the map draws and no strip of Mali is
// left outside every region. See data/SOURCES.md.

import { difference, intersection, union } from 'polyclip-ts';
import { polygonsOf } from './geometry.mjs';

// Vertices match to 1e-7° (1 cm): separate clipping runs compute the same crossing points
// with different floating-point noise.
const key = (p) => `${Math.round(p[0] * 1e7)},${Math.round(p[1] * 1e7)}`;

function vertexKeys(multiPolygon) {
  return new Set(multiPolygon.flat(2).map(key));
}

/**
 * The region that shares the most vertices with a leftover piece: the piece's edge along the old
 * outline is made of that region's clipped edge, so this is the region it borders most. A piece
 * that touches none (a detached part of the country) goes to the region nearest to it.
 */
function owner(piece, clipped, vertices) {
  let best = -1, bestCount = 0;
  vertices.forEach((regionVertices, i) => {
    let count = 0;
    for (const p of piece.flat()) if (regionVertices.has(key(p))) count++;
    if (count > bestCount) [best, bestCount] = [i, count];
  });
  return best >= 0 ? best : nearest(piece[0][0], clipped);
}

function nearest(p, clipped) {
  let best = -1, bestDistance = Infinity;
  clipped.forEach((c, i) => {
    for (const q of c.flat(2)) {
      const d = Math.hypot(q[0] - p[0], q[1] - p[1]);
      if (d < bestDistance) [best, bestDistance] = [i, d];
    }
  });
  return best;
}

/**
 * Each region cut to the country, and each piece of the country outside every region (between
 * the two sources' borders, at most a few km wide) added to the region it borders most.
 * Returns MultiPolygon geometries in the order of the input.
 */
export function fitRegionsToCountry(regionGeometries, countryGeometry) {
  const country = polygonsOf(countryGeometry);
  const clipped = regionGeometries.map((g) => intersection(polygonsOf(g), country));
  const leftover = difference(country, ...clipped);
  const additions = clipped.map(() => []);
  const vertices = clipped.map(vertexKeys);
  for (const piece of leftover) additions[owner(piece, clipped, vertices)].push(piece);
  return clipped.map((c, i) => ({
    type: 'MultiPolygon',
    coordinates: additions[i].length ? union(c, ...additions[i]) : c,
  }));
}
