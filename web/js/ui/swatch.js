// Legend and layer-panel swatches drawn from the very style objects the map uses.
const NS = 'http://www.w3.org/2000/svg';

function node(tag, attrs) {
  const n = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) n.setAttribute(k, String(v));
  return n;
}

/** shape: 'fill' | 'line' | 'point'; style: Leaflet path options. */
export function swatch(shape, style) {
  const s = node('svg', { width: 26, height: 16, viewBox: '0 0 26 16', class: 'swatch', 'aria-hidden': 'true' });
  const stroke = { stroke: style.color, 'stroke-width': Math.min(style.weight ?? 2, 4),
    'stroke-dasharray': style.dashArray, 'stroke-opacity': style.opacity ?? 1 };
  if (shape === 'line') {
    s.append(node('line', { x1: 2, y1: 8, x2: 24, y2: 8, 'stroke-linecap': 'round', ...stroke }));
  } else if (shape === 'point') {
    s.append(node('circle', { cx: 13, cy: 8, r: Math.min(style.radius ?? 5, 6), fill: style.fillColor,
      'fill-opacity': style.fillOpacity ?? 1, ...stroke, stroke: style.color === '#fff' ? '#333' : style.color,
      'stroke-width': 1 }));
  } else {
    s.append(node('rect', { x: 2, y: 2, width: 22, height: 12, rx: 1,
      fill: style.fill === false ? 'none' : style.fillColor ?? style.color,
      'fill-opacity': style.fill === false ? 0 : Math.max(style.fillOpacity ?? 0.2, 0.12), ...stroke }));
  }
  return s;
}

/** One hidden SVG holding the hatch patterns, so fills like url(#hatch-kidal) resolve anywhere. */
export function installPatterns(hatches) {
  const s = node('svg', { width: 0, height: 0, 'aria-hidden': 'true', style: 'position:absolute' });
  const defs = node('defs', {});
  for (const h of hatches) {
    const p = node('pattern', { id: h.id, patternUnits: 'userSpaceOnUse', width: 8, height: 8,
      patternTransform: 'rotate(45)' });
    p.append(node('rect', { width: 8, height: 8, fill: h.color, 'fill-opacity': 0.08 }));
    p.append(node('line', { x1: 0, y1: 0, x2: 0, y2: 8, stroke: h.color, 'stroke-width': 2.5, 'stroke-opacity': 0.55 }));
    defs.append(p);
  }
  s.append(defs);
  document.body.append(s);
}
