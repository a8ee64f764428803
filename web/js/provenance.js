// Where an event came from, in words: a document's paragraph, or a dataset's row with the dataset's
// own category, source and codes. The popup and the event list both say it from here. Pure, no DOM.
import { formatKm, formatNumber, humanize } from './format.js';

/** True for an event imported from a conflict dataset (ACLED, UCDP GED) rather than a document. */
export const fromDataset = (p) => Boolean(p.source_dataset);

/** One short line: "ACLED MLI12345" or "partnership-not-dependency ¶12". */
export function sourceLabel(p) {
  if (fromDataset(p)) return `${p.source_dataset} ${p.source_row_id}`;
  return p.citation_document ? `${p.citation_document} ¶${formatNumber(p.citation_paragraph)}` : '';
}

/** How sure the place is: "Approximate area, ± 25 km (medium confidence)". */
export function locationText(p) {
  const area = p.uncertainty_km ? `, ± ${formatKm(p.uncertainty_km)}` : '';
  return `${humanize(p.location_basis)}${area} (${p.location_confidence} confidence)`;
}

/**
 * Passages merged into the event from other documents by a reviewer (also_cited): one row each,
 * "document, paragraph N (merged by X)".
 */
function alsoCited(p) {
  return (Array.isArray(p.also_cited) ? p.also_cited : []).map((s, i) => [i ? '' : 'Also cited',
    `${s.document}, paragraph ${formatNumber(s.paragraph)}${s.merged_by ? ` (merged by ${s.merged_by})` : ''}`]);
}

/** [label, text] rows of the event's provenance, for the popup. */
export function sourceRows(p) {
  if (!fromDataset(p)) {
    return [['Citation', `${p.citation_document}, paragraph ${formatNumber(p.citation_paragraph)}`], ...alsoCited(p)];
  }
  const rows = [['Dataset', `${p.source_dataset}, row ${p.source_row_id}`], ...alsoCited(p)];
  const original = [p.source_category, p.source_sub_type].filter(Boolean).join(' · ');
  if (original) rows.push([`${p.source_dataset} category`, original]);
  if (p.source_text) rows.push(['Reported by', p.source_text]);
  if (p.fatalities !== null && p.fatalities !== undefined) rows.push(['Fatalities', formatNumber(p.fatalities)]);
  if (p.source_precision) rows.push(['Dataset codes', p.source_precision]);
  return rows;
}
