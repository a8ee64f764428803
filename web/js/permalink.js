// The URL hash holds the map: view, visible layers, time window, event filter (text and
// categories) and selected event, e.g.
// #map=6/17.5/-1.2&layers=countries,kidal&t=2023-09-01/2024-10-31&q=gold&cat=economic&event=pnd-...
// encode/decode are pure and inverse of each other for valid states.

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function encode({ view, visible, time, filter, selected }) {
  const parts = [];
  if (view) parts.push(`map=${view.zoom}/${view.lat.toFixed(4)}/${view.lon.toFixed(4)}`);
  if (visible) parts.push(`layers=${[...visible].sort().map(encodeURIComponent).join(',')}`);
  if (time) parts.push(`t=${time.from}/${time.to}`);
  if (filter?.q) parts.push(`q=${encodeURIComponent(filter.q)}`);
  if (filter?.categories?.length) parts.push(`cat=${[...filter.categories].sort().map(encodeURIComponent).join(',')}`);
  if (selected) parts.push(`event=${encodeURIComponent(selected)}`);
  return `#${parts.join('&')}`;
}

/** Whatever of the hash is valid; missing or malformed parts are left out (the caller defaults). */
export function decode(hash) {
  const out = {};
  const params = new URLSearchParams(String(hash || '').replace(/^#/, ''));
  const map = params.get('map')?.split('/').map(Number);
  if (map?.length === 3 && map.every(Number.isFinite) && Math.abs(map[1]) <= 90) {
    out.view = { zoom: map[0], lat: map[1], lon: map[2] };
  }
  if (params.has('layers')) {
    out.visible = new Set(params.get('layers').split(',').filter(Boolean));
  }
  const t = params.get('t')?.split('/');
  if (t?.length === 2 && DATE.test(t[0]) && DATE.test(t[1]) && t[0] <= t[1]) {
    out.time = { from: t[0], to: t[1] };
  }
  const q = params.get('q')?.trim();
  const cat = params.get('cat')?.split(',').filter(Boolean);
  if (q || cat?.length) out.filter = { q: q ?? '', categories: cat ?? [] };
  if (params.get('event')) out.selected = params.get('event');
  return out;
}
