// The legend: exactly the entries of what is drawn now (visible layers, events in the window).
import { el, svg } from './dom.js';
import { swatch } from './swatch.js';
import { categorySvg, CATEGORIES } from '../styles.js';

/** sections: [{title, entries: [{label, shape, style}]}]; categories: Set of event categories shown. */
export function renderLegend(container, sections, categories) {
  const blocks = sections.filter((s) => s.entries.length).map((s) => el('div', { class: 'legend-section' },
    s.entries.map((e) => el('div', { class: 'legend-entry', 'data-key': e.key },
      swatch(e.shape, e.style), el('span', { text: e.label })))));
  const cats = Object.keys(CATEGORIES).filter((c) => categories.has(c));
  if (cats.length) {
    blocks.push(el('div', { class: 'legend-section' }, el('div', { class: 'legend-heading', text: 'Events' }),
      cats.map((c) => el('div', { class: 'legend-entry', 'data-key': `event:${c}` },
        svg(categorySvg(c, 14)), el('span', { text: CATEGORIES[c].label })))));
  }
  container.replaceChildren(el('h2', { class: 'legend-title', text: 'Legend' }), ...blocks);
  container.hidden = blocks.length === 0;
}
