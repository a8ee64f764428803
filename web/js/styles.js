// The one source of how things look: the map draws with these styles and the legend is built from
// the same entries, so the two cannot disagree. Pure data and functions, no DOM.
import { humanize } from './format.js';

export const CONTEXT_ORDER = ['countries', 'mali-regions', 'lakes', 'rivers', 'places'];
export const CONTEXT = {
  countries: { color: '#8d8478', weight: 1, fillColor: '#f3efe6', fillOpacity: 1 },
  'mali-regions': { color: '#a89f92', weight: 0.8, dashArray: '3 3', fill: false },
  lakes: { color: '#7fa9c9', weight: 0.8, fillColor: '#b9d4e8', fillOpacity: 1 },
  rivers: { color: '#7fa9c9', weight: 1.4, fill: false },
};

/** Dots of the places layer (capitals filled). */
export const PLACE_DOT = { radius: 3.5, color: '#4a4239', weight: 1, fillColor: '#fff', fillOpacity: 1 };

export const UNCERTAIN_KINDS = new Set(['fort_area', 'site_area', 'battle_area']);

export const hatchId = (collectionId) => `hatch-${collectionId}`;

/**
 * Mission layers come with their look from the server: each collection's `order` (lists, legend,
 * drawing: higher above) and `style` ({color, area, bands}) are defined once, in the layer registry
 * (`layers.LayerRegistry`), so a new layer needs no edit here.
 */
export const colorOf = (collection) => collection?.style?.color ?? '#444';

/** Ids of the mission collections in the map's order. */
export function missionOrder(collections) {
  return collections.filter((c) => c.kind === 'mission')
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0)).map((c) => c.id);
}

/** Hatch patterns to define once in the page: one per mission colour. */
export const hatches = (collections) => collections.filter((c) => c.kind === 'mission')
  .map((c) => ({ id: hatchId(c.id), color: colorOf(c) }));

/** Which legend entry a feature belongs to (and so which style it gets). */
export function entryKey(collection, props, geometryType) {
  if (collection?.style?.bands?.length) return `band:${props.band_max_km ?? props.band}`;
  if (geometryType === 'Point' || geometryType === 'MultiPoint') return 'point';
  if (UNCERTAIN_KINDS.has(props.kind)) return 'uncertain';
  if (/LineString/.test(geometryType)) return 'line';
  return 'area';
}

/** Leaflet path options for a feature of a mission collection (points get circle-marker options). */
export function missionStyle(collection, props, geometryType) {
  const color = colorOf(collection);
  const key = entryKey(collection, props, geometryType);
  if (key.startsWith('band:')) {
    const { bands } = collection.style;
    const band = bands.find((b) => b.max_km === Number(props.band_max_km)) ?? bands[0];
    return { color, weight: 0.6, opacity: 0.7, fillColor: color, fillOpacity: band.fillOpacity };
  }
  switch (key) {
    case 'point': return { radius: 6, color: '#fff', weight: 2, fillColor: color, fillOpacity: 1 };
    case 'uncertain':
      return { color, weight: 2.5, dashArray: '7 5', fillColor: `url(#${hatchId(collection.id)})`, fillOpacity: 1 };
    case 'line': return { color, weight: 4.5, opacity: 0.95, lineCap: 'round' };
    default: return { color, weight: 2.5, fillColor: color, fillOpacity: 0.1, ...collection?.style?.area };
  }
}

/** Short legend label of an entry, shown under its layer's title. */
export function entryLabel(key, props) {
  if (key.startsWith('band:')) return props.band ?? `${props.band_min_km}–${props.band_max_km} km`;
  if (key === 'uncertain') return `${humanize(props.kind).toLowerCase()} (approx.)`;
  if (key === 'point') return humanize(props.kind ?? 'place').toLowerCase();
  return props.kind ? humanize(props.kind).toLowerCase() : '';
}

/**
 * Legend entries for one drawn collection, in drawing order and without duplicates:
 * [{key, label, shape: 'fill'|'line'|'point', style}].
 */
export function legendEntries(collection, features) {
  const seen = new Map();
  for (const f of features) {
    const type = f.geometry?.type;
    const key = entryKey(collection, f.properties ?? {}, type);
    if (seen.has(key)) continue;
    const shape = key === 'point' ? 'point' : key === 'line' ? 'line' : 'fill';
    seen.set(key, { key, label: entryLabel(key, f.properties ?? {}), shape,
      style: missionStyle(collection, f.properties ?? {}, type) });
  }
  return [...seen.values()];
}

/**
 * The area an event's place lies in when its source gives only an area (`uncertainty_km`, e.g. an
 * ACLED region-level row): dashed like the mission layers' uncertain areas, never a pin's claim.
 */
export const eventUncertainty = (category) => {
  const color = (CATEGORIES[category] ?? CATEGORIES.report).color;
  return { color, weight: 2.5, dashArray: '7 5', fillColor: color, fillOpacity: 0.08, interactive: false };
};

/** Event categories: colour and marker shape (shape too, so colour is never the only cue). */
export const CATEGORIES = {
  military: { color: '#c62828', shape: 'diamond', label: 'Military' },
  diplomatic: { color: '#1565c0', shape: 'circle', label: 'Diplomatic' },
  economic: { color: '#e0a000', shape: 'square', label: 'Economic' },
  security_partnership: { color: '#7b1fa2', shape: 'triangle', label: 'Security partnership' },
  civil_unrest: { color: '#2e7d32', shape: 'hexagon', label: 'Civil unrest' },
  report: { color: '#546e7a', shape: 'star', label: 'Report' },
};

const SHAPES = {
  circle: '<circle cx="8" cy="8" r="6"/>',
  square: '<rect x="2.5" y="2.5" width="11" height="11"/>',
  diamond: '<path d="M8 1 L15 8 L8 15 L1 8 Z"/>',
  triangle: '<path d="M8 1.5 L15 14 L1 14 Z"/>',
  hexagon: '<path d="M8 1 L14.5 4.75 L14.5 11.25 L8 15 L1.5 11.25 L1.5 4.75 Z"/>',
  star: '<path d="M8 1 L10 6 L15 6.2 L11 9.5 L12.5 14.8 L8 11.8 L3.5 14.8 L5 9.5 L1 6.2 L6 6 Z"/>',
};

/** SVG markup of a category's marker (constants only, no data: safe as markup). */
export function categorySvg(category, size = 16) {
  const c = CATEGORIES[category] ?? CATEGORIES.report;
  return `<svg width="${size}" height="${size}" viewBox="0 0 16 16" aria-hidden="true">`
    + `<g fill="${c.color}" stroke="#fff" stroke-width="1.5">${SHAPES[c.shape]}</g></svg>`;
}

/**
 * Place labels: which kinds show (name and dot) from which zoom, and their priority when labels
 * collide. A capital outranks its country's name: at zoom 4 Bamako, Niamey and Ouagadougou sit at
 * the middle of the names of Mali, Niger and Burkina Faso, and a country's name can move aside.
 */
export const PLACE_LABELS = {
  capital: { minZoom: 3, priority: 5 },
  regional_capital: { minZoom: 5, priority: 2 },
  town: { minZoom: 7, priority: 1 },
};

/**
 * Names across areas of the basemap: countries while a country is what the eye reads (not once a
 * view shows a few towns), Mali's regions from the zoom at which a region fills a good part of the
 * screen. Priorities against PLACE_LABELS: a country's name after a capital's, before a regional
 * capital's; a region's after both.
 */
export const AREA_LABELS = {
  countries: { minZoom: 4, maxZoom: 6.5, priority: 4, className: 'country-name' },
  'mali-regions': { minZoom: 6, maxZoom: 9.5, priority: 1.5, className: 'region-name' },
};

/**
 * River names along their lines, from the zoom at which a river is a feature of the view; each
 * zoom repeats a name about every spacingPx pixels along its river. Below a region's name: a river
 * crossing a region gives way to it.
 */
export const RIVER_LABELS = {
  rivers: { minZoom: 5, maxZoom: 12, priority: 1.2, spacingPx: 360, className: 'river-name' },
};

/**
 * Analysts' areas of interest: black outline over a yellow fill, apart from every mission and event
 * colour; solid, because dashes mean an uncertain place here. The selected one is drawn heavier.
 */
export const AOI = { color: '#1a1a1a', weight: 2.5, opacity: 0.95, fillColor: '#ffcc00', fillOpacity: 0.28 };
export const AOI_SELECTED = { ...AOI, weight: 4.5, fillOpacity: 0.42 };
export const AOI_LEGEND = { key: 'aoi', label: 'Area of interest', shape: 'fill', style: AOI };
