// The review queue of one uploaded document: its candidates, each with its passage marked in the
// paragraph it comes from and its point on the map, and the analyst's decision: Accept (as
// proposed, with the edits typed in, or at a point placed by clicking the map), Merge into an
// existing event found by searching, or Reject. Every string from the server goes in as text
// (el's text / textContent), never as markup.
import { el } from './dom.js';
import { mergeSearch } from './mergesearch.js';

/** A paragraph's text with [start, end) marked: three text nodes, the middle one in <mark>. */
function marked(paragraph, start, end) {
  const from = Math.max(0, start - paragraph.start);
  const to = Math.min(paragraph.text.length, end - paragraph.start);
  return el('p', { class: 'review-passage' }, paragraph.text.slice(0, from),
    el('mark', { text: paragraph.text.slice(from, to) }), paragraph.text.slice(to));
}

function field(label, name, value) {
  return el('label', { class: 'review-field' }, label,
    el('input', { name, value: value ?? '', 'aria-label': label }));
}

/** Each edit field's name and the candidate's member it changes. */
const EDITABLE = { title: 'title', summary: 'summary', start: 'dateStart', end: 'dateEnd',
  placeName: 'placeName', category: 'category' };

/** What the reviewer changed: the fields that differ from the proposal, and a placed point. */
function editsOf(fields, k, placed) {
  const out = {};
  for (const input of fields.querySelectorAll('input')) {
    const v = input.value.trim();
    if (v && v !== k[EDITABLE[input.name]]) out[input.name] = v;
  }
  if (out.start && !out.end) out.end = k.dateEnd;
  if (placed) Object.assign(out, placed);
  return out;
}

function meta(k) {
  const dates = `${k.dateStart}${k.dateEnd !== k.dateStart ? ` – ${k.dateEnd}` : ''} (${k.datePrecision})`;
  return `${dates} · ${k.placeName} (${k.locationBasis.replaceAll('_', ' ')}, ${k.locationConfidence})`
    + ` · ${k.category} · ${k.actors.join(', ')}`;
}

const rounded = (x) => Math.round(x * 1e6) / 1e6;

/** ctx: {api, map: {show(lat, lon, label), pick(onPoint)}, status, paragraphs}. */
function candidateItem(c, ctx) {
  const li = el('li', { class: `review-candidate review-${c.status}`, 'data-id': String(c.id) });
  let placed = null;
  const render = (k) => {
    const fields = el('div', { class: 'review-edit', hidden: true },
      ...Object.keys(EDITABLE).map((name) => field(
        { title: 'Title', summary: 'Summary', start: 'Start', end: 'End', placeName: 'Place (gazetteer name, or the name of a placed point)',
          category: 'Category' }[name], name, k[EDITABLE[name]])));
    const where = el('p', { class: 'review-where', role: 'status' });
    const extra = el('div', { class: 'review-extra' });
    const decide = async (label, call) => {
      ctx.status.textContent = `${label}…`;
      try {
        const decided = await call();
        ctx.status.textContent = `${label}: ${decided.title} (${decided.status}).`;
        render(decided);
      } catch (e) {
        ctx.status.textContent = e.description ?? e.message;
      }
    };
    const placeOnMap = () => {
      const before = where.textContent;
      where.textContent = 'Click the map where this happened… (Esc to cancel)';
      const cancelled = () => { where.textContent = before; };
      ctx.map.pick((lat, lon) => {
        placed = { lat: rounded(lat), lon: rounded(lon) };
        li.dataset.lat = String(placed.lat);
        li.dataset.lon = String(placed.lon);
        where.textContent = `Placed at ${placed.lat.toFixed(4)}, ${placed.lon.toFixed(4)}: Accept keeps this point`
          + ' (name it in Edit if it is not the proposed place).';
        ctx.map.show(placed.lat, placed.lon, `${k.placeName} (placed)`);
      }, cancelled);
    };
    const merge = () => {
      extra.replaceChildren(mergeSearch(k.placeName, ctx.api.searchEvents,
        (eventId, title) => decide(`Merged into “${title}”`, () => ctx.api.merge(k.id, eventId))));
    };
    const pending = k.status === 'pending';
    const p = ctx.paragraphs.get(k.paragraph);
    li.className = `review-candidate review-${k.status}`;
    // replaceChildren would write a null as the text "null": absent parts are filtered out.
    li.replaceChildren(...[
      el('p', { class: 'review-title', text: k.title }),
      el('p', { class: 'review-meta', text: meta(k) }),
      p ? marked(p, k.start, k.end) : null,
      el('p', { class: 'review-decision', text: pending ? 'pending'
        : `${k.status} by ${k.decidedBy} at ${k.decidedAt}${k.eventId ? ` → ${k.eventId}` : ''}` }),
      pending ? where : null, pending ? fields : null, pending ? extra : null,
      pending ? el('div', { class: 'review-actions' },
        el('button', { type: 'button', text: 'Show on map',
          onclick: () => ctx.map.show(placed?.lat ?? k.lat, placed?.lon ?? k.lon, k.placeName) }),
        el('button', { type: 'button', text: 'Place on map', class: 'review-place', onclick: placeOnMap }),
        el('button', { type: 'button', text: 'Accept', class: 'review-accept',
          onclick: () => decide('Accepted', () => ctx.api.accept(k.id, editsOf(fields, k, placed))) }),
        el('button', { type: 'button', text: 'Edit', onclick: () => { fields.hidden = !fields.hidden; } }),
        el('button', { type: 'button', text: 'Merge…', class: 'review-merge', onclick: merge }),
        el('button', { type: 'button', text: 'Reject', class: 'review-reject',
          onclick: () => decide('Rejected', () => ctx.api.reject(k.id)) })) : null].filter(Boolean));
  };
  render(c);
  return li;
}

/**
 * api: {candidates(id), text(id), accept(id, edits), reject(id), merge(id, eventId),
 * searchEvents(q)}; map: {show(lat, lon, label), pick(onPoint)}; back: opens the documents list.
 */
export async function renderReviewQueue(container, documentId, api, map, back) {
  const [list, text] = await Promise.all([api.candidates(documentId), api.text(documentId)]);
  const ctx = { api, map, paragraphs: new Map(text.paragraphs.map((p) => [p.number, p])),
    status: el('p', { class: 'review-status', role: 'status', 'aria-live': 'polite' }) };
  const d = list.document;
  container.replaceChildren(...[
    back ? el('button', { type: 'button', class: 'review-back', text: '← Documents', onclick: back }) : null,
    el('h3', { text: `${d.title} (${d.published ?? 'undated'})` }),
    d.publisher ? el('p', { class: 'review-publisher', text: `Published by ${d.publisher}` }) : null,
    el('p', { class: 'review-help', text: `${list.candidates.length} candidate events. Accepted ones join the events layer with their citation.` }),
    ctx.status, el('ol', { class: 'review-list' }, list.candidates.map((c) => candidateItem(c, ctx)))].filter(Boolean));
}
