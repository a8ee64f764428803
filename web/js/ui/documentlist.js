// The uploaded documents, newest first, each with how many of its candidates wait and how many
// were decided: Review reopens its queue, Extract again runs the rules over its text once more
// (what was decided stays decided). Every string from the server goes in as text.
import { el } from './dom.js';

const counted = (n) => Object.entries(n ?? {}).filter(([, v]) => v > 0)
  .map(([status, v]) => `${v} ${status}`).join(', ') || 'no candidates';

function entry(d, api, open, say) {
  const counts = el('span', { class: 'document-counts', text: counted(d.candidateCounts) });
  return el('li', { class: 'document-entry', 'data-document': d.id },
    el('p', { class: 'document-title', text: d.title }),
    el('p', { class: 'document-meta',
      text: [d.published, d.publisher, `uploaded by ${d.uploadedBy}`].filter(Boolean).join(' · ') }),
    counts,
    el('div', { class: 'document-actions' },
      el('button', { type: 'button', text: 'Review', class: 'document-review', onclick: () => open(d.id) }),
      el('button', { type: 'button', text: 'Extract again', class: 'document-extract', onclick: async () => {
        say(`Extracting “${d.title}” again…`);
        try {
          const r = await api.extractAgain(d.id);
          say(`“${d.title}”: ${r.proposed} new candidate events.`);
        } catch (e) {
          say(e.description ?? e.message);
        }
      } })));
}

/** api: {documents(offset), extractAgain(id)}; open(documentId) shows that document's queue. */
export async function renderDocumentList(container, api, open) {
  const status = el('p', { class: 'review-status', role: 'status', 'aria-live': 'polite' });
  const say = (s) => { status.textContent = s; };
  const list = el('ol', { class: 'document-list' });
  const more = el('button', { type: 'button', text: 'More', hidden: true });
  let offset = 0;
  const page = async () => {
    const body = await api.documents(offset);
    list.append(...body.documents.map((d) => entry(d, api, open, say)));
    offset += body.documents.length;
    more.hidden = !body.next;
    if (!offset) say('No document has been uploaded yet.');
  };
  more.addEventListener('click', () => page().catch((e) => say(e.description ?? e.message)));
  container.replaceChildren(el('h3', { text: 'Uploaded documents' }), status, list, more);
  await page();
}
