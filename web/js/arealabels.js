// Names written across the basemap's areas (countries, Mali's regions): where each goes, as plain
// data, for the live map's label layer (map/labels.js) and the exports (export/mapcanvas.js) alike.
import polylabel from 'polylabel';

/**
 * Names written across areas (countries, regions), at the point of each one's largest polygon
 * farthest from its edges (polylabel, npm), so a name sits inside its area and clear of its
 * borders. rule: {minZoom, maxZoom, priority, className} (styles.js AREA_LABELS).
 */
export function areaEntries(collectionId, geojson, rule) {
  return geojson.features.filter((f) => f.properties?.name && f.geometry).map((f) => {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const largest = polygons.reduce((a, b) => (ringArea(b[0]) > ringArea(a[0]) ? b : a));
    // In degrees: across the Sahel (10–25°N) a degree of longitude is 90–98 % of one of latitude,
    // near enough for where a name goes; 0.05° is about 5 km.
    const [lon, lat] = polylabel(largest, 0.05);
    return { name: f.properties.name, lat, lon, priority: rule.priority, minZoom: rule.minZoom,
      maxZoom: rule.maxZoom, centred: true, className: `area-name ${rule.className}`, collectionId };
  });
}

/** A ring's area in square degrees (shoelace), only to tell a country's mainland from its islands. */
function ringArea(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(sum / 2);
}
