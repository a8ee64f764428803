// Moving the live map to a slide's view, smoothly, and telling when it has arrived.
const L = window.L;

// What may cover the map: the legend and Leaflet's controls inside it, and the presenter's parts
// (text panel, footer, banners) that a layout may lay over it, as on a phone. The overview is
// left out: it is opened on demand and closed to look at the map.
const COVERS = '.legend, .leaflet-control-container .leaflet-control, #presenter > :not(.slide-overview)';
const MARGIN = 12;

/**
 * The part of the map nothing covers, as Leaflet padding: each overlay seen on the map is cut off
 * from the side that leaves the largest free rectangle (the legend in the bottom-left corner costs
 * its width or its height, whichever is less). Measured from the DOM, so it holds at any size.
 */
export function freeArea(map) {
  const box = map.getContainer().getBoundingClientRect();
  let free = { left: 0, top: 0, right: box.width, bottom: box.height };
  for (const el of document.querySelectorAll(COVERS)) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue;
    const o = { left: r.left - box.left, top: r.top - box.top, right: r.right - box.left, bottom: r.bottom - box.top };
    if (o.right <= free.left || o.left >= free.right || o.bottom <= free.top || o.top >= free.bottom) continue;
    const cuts = [{ ...free, left: Math.max(free.left, o.right) }, { ...free, right: Math.min(free.right, o.left) },
      { ...free, top: Math.max(free.top, o.bottom) }, { ...free, bottom: Math.min(free.bottom, o.top) }];
    const area = (f) => Math.max(0, f.right - f.left) * Math.max(0, f.bottom - f.top);
    free = cuts.reduce((a, b) => (area(b) > area(a) ? b : a));
  }
  return {
    paddingTopLeft: [free.left + MARGIN, free.top + MARGIN],
    paddingBottomRight: [box.width - free.right + MARGIN, box.height - free.bottom + MARGIN],
  };
}

/** [w, s, e, n] of the free part of the map as it is now: what a slide captured here shows. */
export function freeBounds(map) {
  const { paddingTopLeft: tl, paddingBottomRight: br } = freeArea(map);
  const size = map.getSize();
  const nw = map.containerPointToLatLng(L.point(tl[0], tl[1]));
  const se = map.containerPointToLatLng(L.point(size.x - br[0], size.y - br[1]));
  const r = (v) => Math.round(v * 1e4) / 1e4;
  return [r(nw.lng), r(se.lat), r(se.lng), r(nw.lat)];
}

/** view: {lat, lon, zoom} or {bbox: [w, s, e, n]}. Resolves once the map has stopped moving. */
export function flyToView(map, view, { animate = true } = {}) {
  return new Promise((resolve) => {
    const done = () => resolve();
    let centre; let target;
    if (view.bbox) {
      // A bbox is framed inside the free area: fitBounds' padding shifts the centre off the
      // legend and the panel, and the zoom is the largest that shows all of it there.
      const [w, s, e, n] = view.bbox;
      const bounds = L.latLngBounds([s, w], [n, e]);
      const pad = freeArea(map);
      target = map.getBoundsZoom(bounds, false, L.point(pad.paddingTopLeft).add(pad.paddingBottomRight));
      const tl = map.project(bounds.getNorthWest(), target);
      const br = map.project(bounds.getSouthEast(), target);
      const offset = L.point(pad.paddingBottomRight).subtract(L.point(pad.paddingTopLeft)).divideBy(2);
      const c = map.unproject(tl.add(br).divideBy(2).add(offset), target);
      centre = [c.lat, c.lng];
    } else {
      target = view.zoom; centre = [view.lat, view.lon];
    }
    const here = map.getCenter();
    if (Math.abs(here.lat - centre[0]) < 1e-6 && Math.abs(here.lng - centre[1]) < 1e-6
        && map.getZoom() === target) { done(); return; }
    map.once('moveend', done);
    if (animate) map.flyTo(centre, target, { duration: 1.2 });
    else map.setView(centre, target, { animate: false });
  });
}

/** Leaflet must re-measure after the page layout changes (entering or leaving the presenter). */
export function resized(map) {
  map.invalidateSize({ animate: false });
}
