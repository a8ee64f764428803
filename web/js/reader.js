// The citation reader: reader.html#doc=ID&p=N&start=S&end=E shows the whole registered text of a
// document, numbered by paragraph, with paragraph N highlighted and the passage [S, E) marked,
// scrolled into view. Text goes in through textContent only.
import { documentText, loadConfig } from './api.js';
import { el } from './ui/dom.js';
import { formatEventDate } from './dates.js';

const root = document.getElementById('reader');
const status = (text) => root.replaceChildren(el('p', { class: 'reader-status', role: 'status', text }));

async function start() {
  const q = new URLSearchParams(location.hash.slice(1));
  const id = q.get('doc');
  const cited = Number(q.get('p'));
  const [from, to] = [Number(q.get('start')), Number(q.get('end'))];
  if (!id) { status('No document was named.'); return; }
  let text;
  try {
    await loadConfig();
    text = await documentText(id);
  } catch (e) {
    status(`This document cannot be shown: ${e.description ?? `HTTP ${e.status}`}.`);
    return;
  }
  const { document: d, paragraphs } = text;
  document.title = `${d.title} · Sahel Map`;
  const meta = [d.subtitle, d.publisher, d.published && formatEventDate(d.published, d.published, 'day')].filter(Boolean).join(' · ');
  const body = paragraphs.map((p) => {
    const node = el('p', { class: `reader-paragraph${p.number === cited ? ' cited' : ''}`, id: `p${p.number}`,
      'data-paragraph': String(p.number) });
    const a = from - p.start;
    const b = to - p.start;
    if (p.number === cited && Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a < b && b <= p.text.length) {
      node.append(p.text.slice(0, a), el('mark', { text: p.text.slice(a, b) }), p.text.slice(b));
    } else {
      node.textContent = p.text;
    }
    return node;
  });
  root.replaceChildren(el('h1', { text: d.title }), el('p', { class: 'reader-meta', text: meta }), ...body);
  const target = document.getElementById(`p${cited}`);
  if (target) target.scrollIntoView({ block: 'center' });
  document.body.dataset.ready = 'true';
}

start().catch((e) => status(`The document could not be loaded: ${e.message}`));
