// The basemap's shaded relief: one Web Mercator image of the region (web/img/relief.png, built by
// scripts/data/build-relief.sh from Natural Earth's relief), translucent brown on the slopes away
// from the light and white on those facing it, over the land fill and under every line and name.
// The live map lays it as an image overlay; exports draw the same image on their canvas.
const L = window.L;
const IMAGE = '/img/relief.png';
const KEY = 'sahel-map.relief';

/**
 * How strongly the relief shows at a zoom. The image holds about 3.7 km a pixel, the map's own
 * detail near zoom 5 here; zoomed in past 7 it is a blur rather than terrain, so it fades (to 0.4
 * from zoom 10) and leaves the lines and names it would soften the stage.
 */
export function reliefOpacity(zoom) {
  if (zoom <= 7) return 1;
  return Math.max(0.4, 1 - 0.2 * (zoom - 7));
}

let meta = null;
/** The image's bounds ([[south, west], [north, east]]), source and licence, asked once. */
export function reliefMeta() {
  meta = meta ?? fetch('/img/relief.json')
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`relief.json: HTTP ${r.status}`))))
    .catch((e) => { console.warn('No shaded relief:', e.message); return null; });
  return meta;
}

/** Whether this browser's user wants the relief (Settings; on unless turned off). */
export function reliefWanted() {
  try { return localStorage.getItem(KEY) !== 'off'; } catch { return true; }
}

/** The Settings checkbox: kept in this browser, as the online basemap's; onChange(on) redraws. */
export function reliefSetting(checkbox, onChange) {
  checkbox.checked = reliefWanted();
  checkbox.addEventListener('change', () => {
    try { localStorage.setItem(KEY, checkbox.checked ? 'on' : 'off'); } catch { /* not kept */ }
    onChange(checkbox.checked);
  });
  return checkbox.checked;
}

/** The image overlay, fading with the zoom; show(false) hides it without dropping it from the map. */
const ReliefOverlay = L.ImageOverlay.extend({
  shown: true,
  onAdd(map) {
    L.ImageOverlay.prototype.onAdd.call(this, map);
    map.on('zoomend', this.fade, this);
    this.fade();
  },
  onRemove(map) {
    map.off('zoomend', this.fade, this);
    L.ImageOverlay.prototype.onRemove.call(this, map);
  },
  fade() {
    if (this._map) this.setOpacity(this.shown ? reliefOpacity(this._map.getZoom()) : 0);
  },
  show(on) {
    this.shown = on;
    this.fade();
  },
});

export function reliefOverlay(bounds, pane) {
  return new ReliefOverlay(IMAGE, bounds, { pane, interactive: false, alt: '', className: 'relief' });
}

let loading = null;
let decoded = null;
/** Decodes the relief for exports' canvases, once; resolves when it can be drawn (or cannot). */
export function loadReliefImage() {
  loading = loading ?? reliefMeta().then(async (m) => {
    if (!m) return;
    const img = new Image();
    img.src = IMAGE;
    await img.decode();
    decoded = { image: img, bounds: m.bounds };
  }).catch((e) => console.warn('No shaded relief for exports:', e.message));
  return loading;
}

/** What an export draws as relief: {image, bounds} once decoded and if the user wants it, else null. */
export const exportRelief = () => (reliefWanted() ? decoded : null);

/**
 * Paints the relief into an export's map with proj (mapcanvas.projection), as the live map would
 * at proj's zoom. The image is in Web Mercator already, so its corners place it.
 */
export function drawRelief(ctx, proj, { image: img, bounds: [[south, west], [north, east]] }) {
  const [x0, y0] = proj.point([west, north]);
  const [x1, y1] = proj.point([east, south]);
  ctx.globalAlpha = reliefOpacity(proj.zoom);
  ctx.drawImage(img, x0, y0, x1 - x0, y1 - y0);
  ctx.globalAlpha = 1;
}
