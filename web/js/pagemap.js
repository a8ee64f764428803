// The small map on the server's HTML pages (/ogc/collections/{id}, /ogc/collections/{id}/items/{fid}).
// A classic script with its settings in data attributes, so those pages carry no inline script and
// the Content-Security-Policy can forbid inline script everywhere.
(function () {
  const me = document.currentScript;
  const map = L.map('map');
  fetch(me.dataset.src)
    .then(function (r) { return r.json(); })
    .then(function (data) {
      const bounds = L.geoJSON(data).addTo(map).getBounds();
      if (bounds.isValid()) {
        map.fitBounds(bounds, me.dataset.maxZoom ? { maxZoom: Number(me.dataset.maxZoom) } : {});
      } else {
        map.setView([17, 0], 4);
      }
    });
})();
