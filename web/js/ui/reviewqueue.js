// The review queue of one uploaded document: its candidates, each with its passage marked in the
// paragraph it comes from and its point on the map, and the analyst's decision: Accept (as
// proposed or with the edits typed in), Merge with an existing event, or Reject. Every string from
// the server goes in as text (el's text / textContent), never as markup.
import { el } from './dom.js';

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

/**
 * api: {candidates(id), text(id), accept(id, edits), reject(id), merge(id, eventId)};
 * showPoint(lat, lon, label): puts the candidate's point on the map.
 */
export async function renderReviewQueue(container, documentId, api, showPoint) {
  const [list, text] = await Promise.all([api.candidates(documentId), api.text(documentId)]);
  const paragraphs = new Map(text.paragraphs.map((p) => [p.number, p]));
  const status = el('p', { class: 'review-status', role: 'status', 'aria-live': 'polite' });
  const items = list.candidates.map((c) => {
    const li = el('li', { class: `review-candidate review-${c.status}`, 'data-id': String(c.id) });
    const render = (k) => {
      const fields = el('div', { class: 'review-edit', hidden: true },
        field('Title', 'title', k.title), field('Summary', 'summary', k.summary),
        field('Start', 'start', k.dateStart), field('End', 'end', k.dateEnd),
        field('Place (gazetteer name)', 'placeName', k.placeName), field('Category', 'category', k.category));
      const edits = () => {
        const out = {};
        for (const input of fields.querySelectorAll('input')) {
          const was = { title: k.title, summary: k.summary, start: k.dateStart, end: k.dateEnd,
            placeName: k.placeName, category: k.category }[input.name];
          if (input.value.trim() && input.value.trim() !== was) out[input.name] = input.value.trim();
        }
        if (out.start && !out.end) out.end = k.dateEnd;
        return out;
      };
      const decide = async (label, call) => {
        status.textContent = `${label}…`;
        try {
          const decided = await call();
          status.textContent = `${label}: ${decided.title} (${decided.status}).`;
          render(decided);
        } catch (e) {
          status.textContent = e.description ?? e.message;
        }
      };
      const pending = k.status === 'pending';
      const p = paragraphs.get(k.paragraph);
      li.className = `review-candidate review-${k.status}`;
      // replaceChildren would write a null as the text "null": absent parts are filtered out.
      li.replaceChildren(...[
        el('p', { class: 'review-title', text: k.title }),
        el('p', { class: 'review-meta',
          text: `${k.dateStart}${k.dateEnd !== k.dateStart ? ` – ${k.dateEnd}` : ''} (${k.datePrecision}) · ${k.placeName}`
            + ` (${k.locationBasis.replaceAll('_', ' ')}, ${k.locationConfidence}) · ${k.category} · ${k.actors.join(', ')}` }),
        p ? marked(p, k.start, k.end) : null,
        el('p', { class: 'review-decision', text: pending ? 'pending'
          : `${k.status} by ${k.decidedBy} at ${k.decidedAt}${k.eventId ? ` → ${k.eventId}` : ''}` }),
        fields,
        pending ? el('div', { class: 'review-actions' },
          el('button', { type: 'button', text: 'Show on map', onclick: () => showPoint(k.lat, k.lon, k.placeName) }),
          el('button', { type: 'button', text: 'Accept', class: 'review-accept',
            onclick: () => decide('Accepted', () => api.accept(k.id, edits())) }),
          el('button', { type: 'button', text: 'Edit', onclick: () => { fields.hidden = !fields.hidden; } }),
          el('button', { type: 'button', text: 'Merge…', onclick: () => {
            const eventId = window.prompt('Merge with the event whose id is:');
            if (eventId) decide('Merged', () => api.merge(k.id, eventId.trim()));
          } }),
          el('button', { type: 'button', text: 'Reject', class: 'review-reject',
            onclick: () => decide('Rejected', () => api.reject(k.id)) })) : null].filter(Boolean));
    };
    render(c);
    return li;
  });
  container.replaceChildren(
    el('h3', { text: `${list.document.title} (${list.document.published ?? 'undated'})` }),
    el('p', { class: 'review-help', text: `${list.candidates.length} candidate events. Accepted ones join the events layer with their citation.` }),
    status, el('ol', { class: 'review-list' }, items));
}
