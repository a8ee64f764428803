// Popup contents as DOM elements (no Leaflet here): numbers formatted for people, the collection's
// sources and method, the event's date at its precision and where it came from (a document's
// passage, or a dataset's row).
import { el } from './dom.js';
import { formatKm, formatKm2, formatNumber, humanize } from '../format.js';
import { formatEventDate } from '../dates.js';
import { CATEGORIES } from '../styles.js';
import { fromDataset, locationText, sourceRows } from '../provenance.js';

const list = (v) => (Array.isArray(v) ? v.join(', ') : String(v));
const kmList = (v) => (Array.isArray(v) ? v.map(formatNumber).join(', ') + ' km' : formatKm(v));

const FIELDS = [
  ['kind', 'Kind', (v) => humanize(v)],
  ['band', 'Band', String],
  ['members', 'Member states', list],
  ['area_km2', 'Area', formatKm2],
  ['member_areas_km2', 'Member areas', (v) => Object.entries(v).map(([k, a]) => `${k} ${formatKm2(a)}`).join('; ')],
  ['founded', 'Founded', String],
  ['date', 'Date', String],
  ['length_km', 'Length', formatKm],
  ['reference_length_km', 'Length in the reference', formatKm],
  ['reference', 'Reference', String],
  ['permit_area_km2', 'Permit area', formatKm2],
  ['radius_km', 'Radius', formatKm],
  ['uncertainty_km', 'Uncertainty', (v) => `± ${formatKm(v)}`],
  ['distance_from_gao_km', 'Distance from Gao', formatKm],
  ['reported_distances_km', 'Reported distances from Gao', kmList],
  ['distance_to_border_km', 'Distance to the Algerian border', formatKm],
  ['confidence', 'Confidence', String],
  ['location_confidence', 'Location confidence', String],
  ['note', 'Note', String],
];

/** Provenance goes in a fold of its own, so the figures stay on screen. */
const PROVENANCE = [['source', 'Source', String], ['sources', 'Sources', list]];

/** A collection's method: a sentence, or named steps ({operation, area_crs, ...}). */
const method = (m) => (m && typeof m === 'object' && !Array.isArray(m)
  ? Object.entries(m).map(([k, v]) => `${humanize(k)}: ${list(v)}`)
  : [String(m)]);

function rows(pairs) {
  return el('dl', { class: 'popup-fields' },
    pairs.flatMap(([label, value]) => [el('dt', { text: label }), el('dd', { text: value })]));
}

export function missionPopup(collection, feature) {
  const p = feature.properties ?? {};
  const present = (fields) => fields.filter(([k]) => p[k] !== undefined && p[k] !== null && p[k] !== '')
    .map(([k, label, fmt]) => [label, fmt(p[k])]);
  const provenance = present(PROVENANCE);
  const meta = collection.metadata ?? {};
  if (meta.sources) provenance.push(['Layer sources', list(meta.sources)]);
  if (meta.method) method(meta.method).forEach((line, i) => provenance.push([i ? '' : 'Method', line]));
  return el('div', { class: 'popup' },
    el('h3', { text: p.name ?? p.band ?? collection.title }),
    el('p', { class: 'popup-layer', text: collection.title }),
    rows(present(FIELDS)),
    provenance.length ? el('details', { class: 'popup-provenance' },
      el('summary', { text: 'Sources and method' }), rows(provenance)) : '');
}

/** onGrow: called once the passage has arrived and the popup is taller (to re-fit it on the map). */
export function eventPopup(feature, citation, onGrow) {
  const p = feature.properties;
  const quote = el('blockquote', { class: 'popup-passage', hidden: true });
  const box = el('div', { class: 'popup popup-event', 'data-source': fromDataset(p) ? 'dataset' : 'document' },
    el('h3', { text: p.title }),
    el('p', { class: 'popup-date', text: `${formatEventDate(p.start, p.end, p.date_precision)} · ${p.place_name}` }),
    el('p', { class: 'popup-summary', text: p.summary }),
    rows([
      ['Category', CATEGORIES[p.category]?.label ?? humanize(p.category)],
      ['Actors', list(p.actors ?? [])],
      ['Location', locationText(p)],
      ...sourceRows(p),
    ]),
    quote);
  // A dataset's row has no passage to fetch: its provenance is all in the rows above.
  if (fromDataset(p)) return box;
  citation?.(p.id, p.citation_document, p.citation_paragraph).then((c) => {
    if (!c?.document) return;
    // The source named as a reader cites it: title, date, paragraph; the passage when this server
    // has the text, with a link to read it in place in the whole document.
    const source = [c.document.title, c.document.published && formatEventDate(c.document.published, c.document.published, 'day'),
      `paragraph ${formatNumber(c.paragraph)}`].filter(Boolean).join(', ');
    quote.replaceChildren(...(c.passage ? [`“${c.passage}”`] : []), el('cite', { text: `${c.passage ? ' — ' : ''}${source}` }));
    if (c.passage) {
      quote.append(' ', el('a', { class: 'popup-read', href: readerUrl(c), target: '_blank', rel: 'noopener',
        text: 'Read it in the document' }));
    }
    quote.hidden = false;
    onGrow?.();
  }).catch(() => {});
  return box;
}

/** The reader (reader.html) opened at a citation: the document, its paragraph, the passage. */
export function readerUrl({ document: d, paragraph, start, end }) {
  const q = new URLSearchParams({ doc: d.id, p: String(paragraph) });
  if (Number.isInteger(start) && Number.isInteger(end)) { q.set('start', String(start)); q.set('end', String(end)); }
  return `/reader.html#${q}`;
}
