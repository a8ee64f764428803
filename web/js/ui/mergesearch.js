// Merging a candidate into an event already on the map: a search over the events (the events
// list's own text query, q) instead of typing an id; each match shows its title, date and place,
// and picking one merges. Every string from the server goes in as text.
import { el } from './dom.js';

/** searchEvents(q) → GeoJSON features; onPick(eventId, title) merges. Returns the panel. */
export function mergeSearch(initial, searchEvents, onPick) {
  const input = el('input', { type: 'search', class: 'merge-query', value: initial ?? '',
    'aria-label': 'Search the events to merge with' });
  const results = el('ul', { class: 'merge-results' });
  const note = el('p', { class: 'merge-note', role: 'status' });
  let asked = 0;
  const search = async () => {
    const q = input.value.trim();
    const mine = ++asked;
    if (!q) { results.replaceChildren(); note.textContent = 'Type words from the event’s title, summary or place.'; return; }
    note.textContent = 'Searching…';
    try {
      const found = await searchEvents(q);
      if (mine !== asked) return; // a newer search has been asked meanwhile
      note.textContent = found.length ? `${found.length} events match; pick the one this candidate reports.`
        : `No event matches “${q}”.`;
      results.replaceChildren(...found.map((f) => {
        const p = f.properties ?? {};
        return el('li', {}, el('button', { type: 'button', class: 'merge-pick', 'data-event': f.id,
          text: `${p.title ?? f.id} · ${p.start ?? ''} · ${p.place_name ?? ''}`,
          onclick: () => onPick(f.id, p.title ?? f.id) }));
      }));
    } catch (e) {
      if (mine === asked) note.textContent = e.description ?? e.message;
    }
  };
  let timer = null;
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(search, 250); });
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { clearTimeout(timer); search(); } });
  search();
  return el('div', { class: 'merge-search' }, input, note, results);
}
