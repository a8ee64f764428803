// Names written across the basemap's areas (countries, Mali's regions) and along its rivers: where
// each goes, as plain data, for the live map's label layer (map/labels.js) and the exports
// (export/mapcanvas.js) alike.
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
 * of longitude's share of it; a degree of latitude spans more pixels, so this errs inwards. A
 * river's name (an entry with along) slides up or down its river instead.
 */
export function areaShifts(entry, width, height, zoom) {
  const degreesPerPixel = 360 / (256 * 2 ** zoom);
  if (entry.along) {
    // A river's name slides along its river: Mercator stretches a degree of latitude by 1/cos.
    const stretch = 1 / Math.cos((entry.lat * Math.PI) / 180);
    return [[0, 0], ...entry.along.map(([dLon, dLat]) => [Math.round(dLon / degreesPerPixel),
      Math.round((-dLat * stretch) / degreesPerPixel)])];
  }
  return SHIFTS.map(([kx, ky]) => [Math.round(kx * width), Math.round(ky * height)])
    .filter(([dx, dy]) => Math.hypot(dx, dy) * degreesPerPixel <= (entry.room ?? 0) || (dx === 0 && dy === 0));
}

/**
 * Names along rivers: for each zoom from rule.minZoom, points spaced rule.spacingPx pixels apart
 * along the river's parts (longest part first, the first name half a spacing in), each an entry
 * for that zoom only (the last for every zoom beyond it), so a name recurs along its river at
 * about the same distance on screen at every zoom. Each entry also carries the places a little up
 * and down its river (along: offsets in degrees) where the name may go if a town's name is in the
 * way (areaShifts). Distances are in degrees, as for areaEntries.
 */
export function riverEntries(collectionId, geojson, rule) {
  const entries = [];
  for (const f of geojson.features.filter((x) => x.properties?.name && x.geometry)) {
    const parts = (f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates)
      .map(walk).sort((a, b) => b.length - a.length);
    for (let z = Math.ceil(rule.minZoom); z <= rule.maxZoom; z++) {
      const spacing = (rule.spacingPx * 360) / (256 * 2 ** z);
      const last = z + 1 > rule.maxZoom;
      for (const { at, along } of pointsAlong(parts, spacing)) {
        entries.push({ name: f.properties.name, lat: at[1], lon: at[0], along, room: 0, priority: rule.priority,
          minZoom: z, maxZoom: last ? Infinity : z + 0.999, centred: true, className: rule.className, collectionId });
      }
    }
  }
  return entries;
}

/** Eighths of a spacing up and down the river, nearest first: where a river's name may slide to. */
const SLIDES = [1, -1, 2, -2, 3, -3].map((k) => k / 8);

/**
 * Points every spacing along the parts laid end to end, the first at half a spacing, each with the
 * offsets to the points SLIDES away from it on the same part.
 */
function pointsAlong(parts, spacing) {
  const points = [];
  let next = spacing / 2;
  for (const part of parts) {
    for (; next <= part.length; next += spacing) {
      const at = part.at(next);
      const along = SLIDES.map((k) => next + k * spacing).filter((d) => d >= 0 && d <= part.length)
        .map((d) => { const p = part.at(d); return [p[0] - at[0], p[1] - at[1]]; });
      points.push({ at, along });
    }
    next -= part.length;
  }
  return points;
}

/** A line's length and the point at any distance along it (both in degrees, as drawn flat). */
function walk(line) {
  const cumulative = [0];
  for (let i = 1; i < line.length; i++) {
    cumulative.push(cumulative[i - 1] + Math.hypot(line[i][0] - line[i - 1][0], line[i][1] - line[i - 1][1]));
  }
  const at = (d) => {
    let i = 1;
    while (i < line.length - 1 && cumulative[i] < d) i++;
    const step = cumulative[i] - cumulative[i - 1];
    const t = step > 0 ? (d - cumulative[i - 1]) / step : 0;
    return [line[i - 1][0] + t * (line[i][0] - line[i - 1][0]), line[i - 1][1] + t * (line[i][1] - line[i - 1][1])];
  };
  return { length: cumulative[cumulative.length - 1], at };
}

/** A ring's area in square degrees (shoelace), only to tell a country's mainland from its islands. */
function ringArea(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(sum / 2);
}
