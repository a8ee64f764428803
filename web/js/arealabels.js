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
    const point = polylabel(largest, 0.05);
    const [lon, lat] = point;
    // room: the radius of the largest circle inside the area round that point, in degrees.
    return { name: f.properties.name, lat, lon, room: point.distance, priority: rule.priority, minZoom: rule.minZoom,
      maxZoom: rule.maxZoom, centred: true, className: `area-name ${rule.className}`, collectionId };
  });
}

/**
 * Where an area's name may go when the middle of its area is taken, in order: across its point, up
 * to two lines above or below (by half lines), then half its width aside. Units: [widths, lines].
 */
const SHIFTS = [[0, 0], [0, -0.5], [0, 0.5], [0, -1], [0, 1], [0, -1.5], [0, 1.5],
  [0, -2], [0, 2], [-0.5, 0], [0.5, 0], [-0.5, -1], [0.5, -1], [-0.5, 1], [0.5, 1]];

/**
 * The shifts [dx, dy] in pixels an area's name of width x height pixels may take at this zoom:
 * those of SHIFTS that keep the middle of the name inside the circle of the entry's room, so a
 * name moved aside for a capital still lies inside its own country. A pixel is taken as a degree
 * of longitude's share of it; a degree of latitude spans more pixels, so this errs inwards.
 */
export function areaShifts(entry, width, height, zoom) {
  const degreesPerPixel = 360 / (256 * 2 ** zoom);
  return SHIFTS.map(([kx, ky]) => [Math.round(kx * width), Math.round(ky * height)])
    .filter(([dx, dy]) => Math.hypot(dx, dy) * degreesPerPixel <= (entry.room ?? 0) || (dx === 0 && dy === 0));
}

/** A ring's area in square degrees (shoelace), only to tell a country's mainland from its islands. */
function ringArea(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(sum / 2);
}
