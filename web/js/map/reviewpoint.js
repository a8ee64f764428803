// The review queue's hold on the map: the candidate's point (one at a time) and "Place on map",
// where the next click on the map gives the point a reviewer means.

/** {show(lat, lon, label), pick(onPoint)} over a Leaflet map. */
export function reviewPointer(map) {
  let point = null;
  let waiting = null;
  const container = map.getContainer();
  const show = (lat, lon, label) => {
    point?.remove();
    point = window.L.circleMarker([lat, lon], { radius: 9, className: 'review-point' })
      .bindTooltip(label).addTo(map);
    // Only moved when the point is out of sight: a placed point is where the reviewer just clicked.
    if (!map.getBounds().contains([lat, lon])) map.setView([lat, lon], Math.max(map.getZoom(), 6));
  };
  // The click is caught on its way down (capture phase) and kept from the features under it: most
  // of the map is covered by clickable mission areas, whose own click would open a popup and never
  // reach a Leaflet map 'click'. map/events.js stands aside while the container is picking. The
  // page's body says so too: the review dialog fades and lets clicks through to the map under it.
  let cancel = null;
  const stop = () => {
    container.removeEventListener('click', waiting, true);
    document.removeEventListener('keydown', cancel);
    waiting = null;
    container.classList.remove('review-picking');
    document.body.classList.remove('review-picking-page');
  };
  /** onPoint(lat, lon) after the next click on the map; onCancel() when Escape ends it first. */
  const pick = (onPoint, onCancel = () => {}) => {
    if (waiting) stop();
    container.classList.add('review-picking');
    document.body.classList.add('review-picking-page');
    waiting = (e) => {
      if (e.target.closest('.leaflet-control, .leaflet-popup')) return;
      e.stopPropagation();
      stop();
      const at = map.mouseEventToLatLng(e).wrap();
      onPoint(at.lat, at.lng);
    };
    cancel = (e) => {
      if (e.key !== 'Escape') return;
      stop();
      onCancel();
    };
    container.addEventListener('click', waiting, true);
    document.addEventListener('keydown', cancel);
  };
  return { show, pick };
}
