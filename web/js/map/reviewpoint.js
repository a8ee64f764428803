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
  // reach a Leaflet map 'click'. map/events.js stands aside while the container is picking.
  const pick = (onPoint) => {
    if (waiting) container.removeEventListener('click', waiting, true);
    container.classList.add('review-picking');
    waiting = (e) => {
      if (e.target.closest('.leaflet-control, .leaflet-popup')) return;
      e.stopPropagation();
      container.removeEventListener('click', waiting, true);
      waiting = null;
      container.classList.remove('review-picking');
      const at = map.mouseEventToLatLng(e).wrap();
      onPoint(at.lat, at.lng);
    };
    container.addEventListener('click', waiting, true);
  };
  return { show, pick };
}
