// Leaflet simplifies every path it draws with a recursive Douglas–Peucker whose depth can reach
// the number of vertices: one valid 6,000-vertex saw-tooth AOI overflowed the stack ("Maximum
// call stack size exceeded") and took the whole map down for everyone. This replaces that step
// with the same algorithm on an explicit stack, for every polyline and polygon, once.
const L = window.L;

/** Squared distance from p to the segment a–b (all {x, y} in pixels). */
function sqSegmentDistance(p, a, b) {
  let { x, y } = a;
  let dx = b.x - x;
  let dy = b.y - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((p.x - x) * dx + (p.y - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) { x = b.x; y = b.y; } else if (t > 0) { x += dx * t; y += dy * t; }
  }
  dx = p.x - x;
  dy = p.y - y;
  return dx * dx + dy * dy;
}

/** Leaflet's simplify (radial reduction, then Douglas–Peucker), without recursion. */
export function simplify(points, tolerance) {
  if (!tolerance || points.length <= 2) return points.slice();
  const sq = tolerance * tolerance;
  const reduced = [points[0]];
  let prev = 0;
  for (let i = 1; i < points.length; i++) {
    const dx = points[i].x - points[prev].x;
    const dy = points[i].y - points[prev].y;
    if (dx * dx + dy * dy > sq) { reduced.push(points[i]); prev = i; }
  }
  if (prev < points.length - 1) reduced.push(points[points.length - 1]);
  const keep = new Uint8Array(reduced.length);
  keep[0] = keep[reduced.length - 1] = 1;
  const stack = [[0, reduced.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    let maxSq = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = sqSegmentDistance(reduced[i], reduced[first], reduced[last]);
      if (d > maxSq) { maxSq = d; index = i; }
    }
    if (maxSq > sq) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return reduced.filter((_, i) => keep[i]);
}

if (L?.Polyline) {
  L.Polyline.prototype._simplifyPoints = function simplifyParts() {
    const parts = this._parts;
    for (let i = 0; i < parts.length; i++) parts[i] = simplify(parts[i], this.options.smoothFactor);
  };
}
