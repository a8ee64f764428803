// Moving the live map to a slide's view, smoothly, and telling when it has arrived.
const L = window.L;

/** view: {lat, lon, zoom} or {bbox: [w, s, e, n]}. Resolves once the map has stopped moving. */
export function flyToView(map, view, { animate = true } = {}) {
  return new Promise((resolve) => {
    const done = () => resolve();
    const target = view.bbox
      ? map.getBoundsZoom(L.latLngBounds([view.bbox[1], view.bbox[0]], [view.bbox[3], view.bbox[2]]))
      : view.zoom;
    const centre = view.bbox ? [(view.bbox[1] + view.bbox[3]) / 2, (view.bbox[0] + view.bbox[2]) / 2]
      : [view.lat, view.lon];
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
