// The layer panel: one checkbox per collection, grouped as mission, events and basemap.
import { el } from './dom.js';
import { swatch } from './swatch.js';

const GROUPS = [['mission', 'Mission layers'], ['aois', 'Areas of interest'], ['events', 'Events'], ['context', 'Basemap']];

/** rows: [{id, title, kind, preview: {shape, style} | svg element}] */
export function renderLayerPanel(container, rows, visible, onToggle) {
  container.replaceChildren(...GROUPS.map(([kind, heading]) => {
    const items = rows.filter((r) => r.kind === kind);
    if (!items.length) return '';
    return el('fieldset', { class: `layer-group layer-group-${kind}` },
      el('legend', { text: heading }),
      items.map((r) => el('label', { class: 'layer-row', 'data-layer': r.id },
        el('input', { type: 'checkbox', checked: visible.has(r.id), 'data-layer': r.id,
          onchange: (e) => onToggle(r.id, e.target.checked) }),
        r.preview instanceof Node ? r.preview : r.preview ? swatch(r.preview.shape, r.preview.style) : '',
        el('span', { text: r.title }))));
  }));
}

export function syncLayerPanel(container, visible) {
  for (const box of container.querySelectorAll('input[data-layer]')) {
    box.checked = visible.has(box.dataset.layer);
  }
}
