// The event list beside the map, in step with it: clicking an item flies to its marker, hovering a
// marker highlights its item (and hovering an item highlights the marker).
import { el, svg } from './dom.js';
import { categorySvg } from '../styles.js';
import { formatEventDate } from '../dates.js';

export function renderEventList(container, features, { onSelect, onHover }) {
  const items = features.map((f) => {
    const p = f.properties;
    return el('li', { 'data-event': p.id },
      el('button', { type: 'button', class: 'event-item', onclick: () => onSelect(p.id, true),
        onmouseenter: () => onHover(p.id), onmouseleave: () => onHover(null),
        onfocus: () => onHover(p.id), onblur: () => onHover(null) },
      svg(categorySvg(p.category, 14)),
      el('span', { class: 'event-text' },
        el('span', { class: 'event-date', text: `${formatEventDate(p.start, p.end, p.date_precision)} · ${p.place_name}` }),
        el('span', { class: 'event-title', text: p.title }))));
  });
  container.replaceChildren(...(items.length ? items
    : [el('li', { class: 'empty', text: 'No events in this time window.' })]));
}

export function highlightItem(container, id, scroll) {
  for (const li of container.querySelectorAll('li[data-event]')) {
    const on = li.dataset.event === id;
    li.classList.toggle('highlight', on);
    if (on && scroll) li.scrollIntoView({ block: 'nearest' });
  }
}

export function markSelected(container, id) {
  for (const li of container.querySelectorAll('li[data-event]')) {
    li.classList.toggle('selected', li.dataset.event === id);
  }
}
