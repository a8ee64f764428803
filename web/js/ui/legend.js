// The legend: exactly the entries of what is drawn now (visible layers, events in the window).
import { el, svg } from './dom.js';
import { swatch } from './swatch.js';
import { categorySvg, CATEGORIES } from '../styles.js';

const entry = (e, text) => el('span', { class: 'legend-entry', 'data-key': e.key },
  swatch(e.shape, e.style), el('span', { text }));

/**
 * sections: [{id, title, entries: [{key, label, shape, style}]}], one per visible mission layer; a
 * layer with one kind of feature takes one line, others a heading and their entries side by side.
 * categories: the event categories on the map now.
 */
export function renderLegend(container, sections, categories) {
  const blocks = sections.filter((s) => s.entries.length).map((s) => (s.entries.length === 1
    ? el('div', { class: 'legend-section', 'data-layer': s.id }, entry(s.entries[0], s.title))
    : el('div', { class: 'legend-section', 'data-layer': s.id }, el('div', { class: 'legend-heading', text: s.title }),
      el('div', { class: 'legend-row' }, s.entries.map((e) => entry(e, e.label))))));
  const cats = Object.keys(CATEGORIES).filter((c) => categories.has(c));
  if (cats.length) {
    blocks.push(el('div', { class: 'legend-section', 'data-layer': 'events' }, el('div', { class: 'legend-heading', text: 'Events' }),
      el('div', { class: 'legend-row' }, cats.map((c) => el('span', { class: 'legend-entry', 'data-key': `event:${c}` },
        svg(categorySvg(c, 14)), el('span', { text: CATEGORIES[c].label }))))));
  }
  container.replaceChildren(el('summary', { text: 'Legend' }), ...blocks);
  container.hidden = blocks.length === 0;
}
