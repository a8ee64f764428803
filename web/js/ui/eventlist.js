// The event list beside the map: one page of the events in view, as the server counted them
// ("1–50 of 12,345"), with the pager, the text search and the category filter above it. DOM only:
// what to fetch is eventbrowser.js's business.
import { el, svg } from './dom.js';
import { categorySvg, CATEGORIES } from '../styles.js';
import { formatEventDate } from '../dates.js';
import { sourceLabel } from '../provenance.js';

const count = new Intl.NumberFormat('en-GB');

/**
 * The filter form: a search box and one toggle per category. onChange({q, categories}) where an
 * empty categories list means every category.
 */
export function renderEventFilter(container, filter, onChange) {
  const q = el('input', { type: 'search', class: 'event-search', placeholder: 'Search title, summary, place, actors',
    'aria-label': 'Search events', maxlength: 200, value: filter.q ?? '' });
  let timer;
  q.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => onChange({ ...current(), q: q.value.trim() }), 300);
  });
  const boxes = Object.entries(CATEGORIES).map(([id, c]) => {
    const input = el('input', { type: 'checkbox', value: id });
    input.checked = !filter.categories?.length || filter.categories.includes(id);
    input.addEventListener('change', () => {
      const on = boxes.filter((b) => b.checked);
      if (!on.length) { input.checked = true; return; } // an empty filter would show nothing at all
      onChange(current());
    });
    return Object.assign(input, { label: el('label', { class: 'category-toggle', title: c.label }, input, svg(categorySvg(id, 13)), el('span', { text: c.label })) });
  });
  const current = () => {
    const on = boxes.filter((b) => b.checked).map((b) => b.value);
    return { q: q.value.trim(), categories: on.length === boxes.length ? [] : on };
  };
  container.replaceChildren(q, el('div', { class: 'category-filter', role: 'group', 'aria-label': 'Event categories' },
    boxes.map((b) => b.label)));
  return {
    /** Reflects a filter set elsewhere (permalink, briefing) without calling back. */
    show(f) {
      if (document.activeElement !== q) q.value = f.q ?? '';
      for (const b of boxes) b.checked = !f.categories?.length || f.categories.includes(b.value);
    },
  };
}

/**
 * page: {features, offset, limit, total, area} (area: a cluster's spot the list is narrowed to, or
 * null for the map's view); handlers: onSelect(id), onHover(id|null), onPage(offset), onClearArea().
 */
export function renderEventList(parts, page, { onSelect, onHover, onPage, onClearArea }) {
  const { list, status, pager } = parts;
  const items = page.features.map((f) => {
    const p = f.properties;
    return el('li', { 'data-event': p.id },
      el('button', { type: 'button', class: 'event-item', onclick: () => onSelect(p.id),
        onmouseenter: () => onHover(p.id), onmouseleave: () => onHover(null),
        onfocus: () => onHover(p.id), onblur: () => onHover(null) },
      svg(categorySvg(p.category, 14)),
      el('span', { class: 'event-text' },
        el('span', { class: 'event-date', text: `${formatEventDate(p.start, p.end, p.date_precision)} · ${p.place_name}` }),
        el('span', { class: 'event-title', text: p.title }),
        el('span', { class: 'event-source', text: sourceLabel(p) }))));
  });
  const where = page.area ? 'at this spot' : 'in view';
  list.replaceChildren(...(items.length ? items
    : [el('li', { class: 'empty', text: `No events ${where} in this time window.` })]));
  list.dataset.count = String(page.features.length);
  list.dataset.total = String(page.total);
  list.scrollTop = 0;
  const first = page.total ? page.offset + 1 : 0;
  const last = page.offset + page.features.length;
  status.replaceChildren(el('span', { text: page.total
    ? `${count.format(first)}–${count.format(last)} of ${count.format(page.total)} events ${where}`
    : `0 events ${where}` }));
  if (page.area) status.append(el('button', { type: 'button', class: 'link-button', text: 'Show all in view', onclick: onClearArea }));
  const prev = el('button', { type: 'button', text: '‹ Previous', disabled: page.offset === 0,
    onclick: () => onPage(Math.max(0, page.offset - page.limit)) });
  const next = el('button', { type: 'button', text: 'Next ›', disabled: last >= page.total,
    onclick: () => onPage(page.offset + page.limit) });
  pager.replaceChildren(prev, next);
  pager.hidden = page.total <= page.limit;
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
