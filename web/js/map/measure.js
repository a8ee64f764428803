// Distance-measuring tool: click points on the map, read the geodesic length (WGS84) as you go.
// Escape, a double click or the button again ends it.
import { pathKm } from '../geo.js';
import { formatKm } from '../format.js';

const L = window.L;
const RULER_SVG = '<svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true"><g fill="none" stroke="#222" '
  + 'stroke-width="1.6"><rect x="1.5" y="6.5" width="17" height="7" rx="1"/><path d="M5 6.5v3M8.5 6.5v4.5M12 6.5v3M15.5 6.5v4.5"/></g></svg>';

export function measureControl() {
  const Control = L.Control.extend({
    options: { position: 'topleft' },
    onAdd(map) {
      const bar = L.DomUtil.create('div', 'leaflet-bar measure-control');
      const button = L.DomUtil.create('button', 'measure-button', bar);
      button.type = 'button';
      button.title = 'Measure a distance (geodesic)';
      button.setAttribute('aria-label', 'Measure a distance');
      button.setAttribute('aria-pressed', 'false');
      button.innerHTML = RULER_SVG;
      L.DomEvent.disableClickPropagation(bar);
      const tool = measureTool(map, () => button.setAttribute('aria-pressed', 'false'));
      L.DomEvent.on(button, 'click', () => {
        const on = button.getAttribute('aria-pressed') !== 'true';
        if (on) tool.start(); else tool.stop();
        button.setAttribute('aria-pressed', String(on));
      });
      return bar;
    },
  });
  return new Control();
}

function measureTool(map, onStop) {
  const points = [];
  const line = L.polyline([], { color: '#111', weight: 2.5, dashArray: '6 4', interactive: false });
  const dots = L.layerGroup();
  const readout = L.tooltip({ permanent: true, direction: 'right', className: 'measure-readout', offset: [10, 0] });
  const update = (extra) => {
    const path = extra ? [...points, extra] : points;
    line.setLatLngs(path);
    if (path.length) {
      const km = pathKm(path.map((p) => [p.lat, p.lng]));
      readout.setLatLng(path[path.length - 1]).setContent(path.length > 1 ? formatKm(km) : 'Click to add points');
      if (!map.hasLayer(readout)) readout.addTo(map);
    }
  };
  const click = (e) => { points.push(e.latlng); L.circleMarker(e.latlng, { radius: 3, color: '#111', interactive: false }).addTo(dots); update(); };
  const move = (e) => points.length && update(e.latlng);
  // Declared before the handlers that call it; they only run once it is set.
  const api = {};
  const key = (e) => { if (e.originalEvent.key === 'Escape') api.stop(); };
  const finish = () => { map.off('mousemove', move); map.off('click', click); map.off('dblclick', finish); map.off('keydown', key); map.doubleClickZoom.enable(); L.DomUtil.removeClass(map.getContainer(), 'measuring'); update(); onStop(); };
  Object.assign(api, {
    start() {
      api.stop();
      line.addTo(map); dots.addTo(map);
      map.doubleClickZoom.disable();
      L.DomUtil.addClass(map.getContainer(), 'measuring');
      map.on('click', click); map.on('mousemove', move); map.on('dblclick', finish); map.on('keydown', key);
    },
    stop() {
      finish();
      points.length = 0; line.setLatLngs([]); dots.clearLayers();
      line.remove(); dots.remove(); readout.remove();
    },
  });
  return api;
}
