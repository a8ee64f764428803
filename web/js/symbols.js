// Event symbols on a 2D canvas: one marker per category (the shapes of styles.js) and the cluster
// symbol (a ring split by category, the count in the middle). The live map's event tiles and the
// PNG exports draw with these same functions, so both look alike. No DOM, no Leaflet.
import { CATEGORIES } from './styles.js';

const SHAPE_PATHS = {
  diamond: 'M8 1 L15 8 L8 15 L1 8 Z', triangle: 'M8 1.5 L15 14 L1 14 Z',
  hexagon: 'M8 1 L14.5 4.75 L14.5 11.25 L8 15 L1.5 11.25 L1.5 4.75 Z',
  star: 'M8 1 L10 6 L15 6.2 L11 9.5 L12.5 14.8 L8 11.8 L3.5 14.8 L5 9.5 L1 6.2 L6 6 Z',
  square: 'M2.5 2.5 H13.5 V13.5 H2.5 Z',
};
const paths = new Map();
const pathOf = (shape) => {
  if (!paths.has(shape)) paths.set(shape, new Path2D(SHAPE_PATHS[shape]));
  return paths.get(shape);
};

/** Draws an event marker (the category's shape) centred on x, y. */
export function drawMarker(ctx, x, y, category, size = 16) {
  const c = CATEGORIES[category] ?? CATEGORIES.report;
  ctx.save();
  ctx.translate(x - size / 2, y - size / 2); ctx.scale(size / 16, size / 16);
  ctx.fillStyle = c.color; ctx.strokeStyle = '#fff'; ctx.lineWidth = 1.5;
  if (c.shape === 'circle') {
    ctx.beginPath(); ctx.arc(8, 8, 6, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
  } else {
    const path = pathOf(c.shape);
    ctx.fill(path); ctx.stroke(path);
  }
  ctx.restore();
}

/** Radius in CSS pixels of a cluster of n events: grows with the logarithm, 11 to 24 px. */
export function clusterRadius(n) {
  return Math.min(24, 11 + 4 * Math.log10(Math.max(1, n)));
}

/** "12", "1.2k", "35k": short enough to fit the smallest ring. */
export function shortCount(n) {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(n / 1000).toFixed(1).replace(/\.0$/, '')}k`;
  return `${Math.round(n / 1000)}k`;
}

/**
 * A cluster: {count, byCategory: {category: n}} drawn at x, y as a ring whose arcs are the
 * categories' shares (in the legend's order), with the count in a white disc.
 */
export function drawCluster(ctx, x, y, cluster) {
  const r = clusterRadius(cluster.count);
  const inner = r * 0.62;
  let angle = -Math.PI / 2;
  ctx.save();
  ctx.beginPath(); ctx.arc(x, y, r + 1.5, 0, 2 * Math.PI);
  ctx.fillStyle = '#ffffff'; ctx.fill();
  for (const [category, spec] of Object.entries(CATEGORIES)) {
    const n = cluster.byCategory[category] ?? 0;
    if (!n) continue;
    const sweep = (2 * Math.PI * n) / cluster.count;
    ctx.beginPath(); ctx.moveTo(x, y); ctx.arc(x, y, r, angle, angle + sweep); ctx.closePath();
    ctx.fillStyle = spec.color; ctx.fill();
    angle += sweep;
  }
  ctx.beginPath(); ctx.arc(x, y, inner, 0, 2 * Math.PI);
  ctx.fillStyle = '#ffffff'; ctx.fill();
  ctx.fillStyle = '#1f1b16'; ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
  ctx.font = `700 ${r >= 17 ? 12 : 11}px "DejaVu Sans", "Noto Sans", sans-serif`;
  ctx.fillText(shortCount(cluster.count), x, y + 0.5);
  ctx.restore();
  return r;
}
