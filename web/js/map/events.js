// Event markers, one shape and colour per category. Events at the same place are fanned out
// around it so each stays clickable. Hover and click are reported back through callbacks.
import { categorySvg } from '../styles.js';
import { eventPopup } from '../ui/popup.js';

const L = window.L;
const FAN_RADIUS_PX = 11;

export function eventsLayer(map, geojson, { onHover, onSelect, citation }) {
  const group = L.layerGroup();
  const markers = new Map();
  const byPlace = new Map();
  for (const f of geojson.features) {
    const key = f.geometry.coordinates.join(',');
    byPlace.set(key, [...(byPlace.get(key) ?? []), f]);
  }
  for (const fs of byPlace.values()) {
    fs.forEach((f, i) => {
      const [lon, lat] = f.geometry.coordinates;
      const offset = fanOffset(i, fs.length);
      const marker = L.marker([lat, lon], {
        icon: L.divIcon({ className: `event-marker cat-${f.properties.category}`,
          html: categorySvg(f.properties.category), iconSize: [16, 16],
          iconAnchor: [8 - offset[0], 8 - offset[1]] }),
        title: f.properties.title, alt: f.properties.title, riseOnHover: true, keyboard: true,
      });
      marker.feature = f;
      marker.on('add', () => { marker.getElement().dataset.event = f.properties.id; });
      // Built once and kept: Leaflet's update() asks for the content again, after the passage arrives.
      let box;
      marker.bindPopup(() => (box ??= eventPopup(f, citation, () => marker.getPopup()?.update())), { maxWidth: 340, maxHeight: 420, offset: [offset[0], offset[1] - 4] });
      marker.on('mouseover', () => onHover(f.properties.id));
      marker.on('mouseout', () => onHover(null));
      marker.on('click', () => onSelect(f.properties.id, false));
      markers.set(f.properties.id, marker);
    });
  }
  return {
    layer: group,
    /** Shows exactly the events whose ids are given. */
    show(ids) {
      for (const [id, m] of markers) {
        if (ids.has(id)) group.addLayer(m); else group.removeLayer(m);
      }
    },
    /** Slides' highlighted events: enlarged, with their title beside them; [] clears. */
    emphasise(ids) {
      for (const [id, m] of markers) {
        const on = ids.includes(id);
        m.getElement()?.classList.toggle('emphasis', on);
        if (on && !m.getTooltip()) {
          m.bindTooltip(m.feature.properties.title, { permanent: true, direction: 'top',
            offset: [0, -14], className: 'event-callout' });
        } else if (!on && m.getTooltip()) m.unbindTooltip();
        if (on) m.setZIndexOffset(1000); else m.setZIndexOffset(0);
      }
    },
    highlight(id) {
      for (const [mid, m] of markers) m.getElement()?.classList.toggle('highlight', mid === id);
    },
    focus(id) {
      const m = markers.get(id);
      if (!m || !group.hasLayer(m)) return;
      map.flyTo(m.getLatLng(), Math.max(map.getZoom(), 6), { duration: 0.8 });
      map.once('moveend', () => m.openPopup());
    },
    /**
     * Opens the popup where the map is (restoring a permalink): a link saved with the popup open
     * already has room for it, so the map only moves for hand-made links where it would not fit.
     */
    open(id) {
      const m = markers.get(id);
      if (m && group.hasLayer(m)) m.openPopup();
    },
  };
}

/** Pixel offset of the i-th of n events at one place: the first in the middle, the rest around it. */
export function fanOffset(i, n) {
  if (n <= 1 || i === 0) return [0, 0];
  const ring = i <= 6 ? 1 : 2;
  const slots = ring === 1 ? Math.min(6, n - 1) : n - 7;
  const k = ring === 1 ? i - 1 : i - 7;
  const angle = (2 * Math.PI * k) / slots - Math.PI / 2;
  return [Math.round(Math.cos(angle) * FAN_RADIUS_PX * ring), Math.round(Math.sin(angle) * FAN_RADIUS_PX * ring)];
}
