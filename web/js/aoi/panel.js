// The AOI panel beside the map: the list (click → fly to), the selected AOI's form (name, notes,
// tags; Save, Delete), its analysis, export links and one message line with its actions (Undo,
// Reload). DOM only; every piece of user text goes in through textContent (dom.js).
import { el } from '../ui/dom.js';
import { formatKm, formatKm2, formatNumber } from '../format.js';

/**
 * handlers: onPick(id), onSave({name, notes, tags}), onDelete(), onDiscard(), onEvent(id),
 * exportUrl(ids) → href. Returns the functions that fill each part.
 */
export function aoiPanel(root, handlers) {
  const checked = new Set();
  let ids = [];
  const message = el('div', { class: 'aoi-message', role: 'status', 'aria-live': 'polite', hidden: true });
  const list = el('ul', { class: 'aoi-list', 'aria-label': 'Areas of interest' });
  const exportAll = el('a', { class: 'button', download: '', text: 'Export all' });
  const exportChecked = el('a', { class: 'button', download: '', text: 'Export ticked' });
  const { form, name, notes, tags, meta, people, del, discard, exportOne } = aoiForm(handlers);
  const analysis = el('section', { class: 'aoi-analysis', 'aria-label': 'Analysis', hidden: true });
  const file = el('input', { type: 'file', hidden: true, id: 'aoi-file', accept: '.geojson,.json,.kml,.gpx,.gpkg,application/geo+json,application/vnd.google-earth.kml+xml,application/gpx+xml,application/geopackage+sqlite3',
    onchange: (e) => { for (const f of e.target.files) handlers.onImport?.(f); e.target.value = ''; } });
  const importButton = el('button', { type: 'button', class: 'aoi-import', text: 'Import file…',
    title: 'Areas from a GeoJSON, KML, GPX or GeoPackage file', onclick: () => file.click() });
  root.replaceChildren(
    el('p', { class: 'aoi-help', text: 'Draw with the tools on the map (polygon, rectangle, circle), drop a GeoJSON, KML, GPX or GeoPackage file on it, or ' },
      importButton, file),
    list, el('div', { class: 'aoi-exports' }, exportAll, exportChecked), message, form, analysis);

  // The panel starts folded so the event list keeps its room at 1366×768; showing an area or a
  // message (draw, pick, import, save) unfolds it.
  const unfold = () => { const d = root.closest('details'); if (d) d.open = true; };

  const syncExports = () => {
    exportAll.href = handlers.exportUrl([]);
    const ticked = ids.filter((id) => checked.has(id));
    exportChecked.href = handlers.exportUrl(ticked);
    exportChecked.toggleAttribute('hidden', ticked.length === 0);
    exportAll.toggleAttribute('hidden', ids.length === 0);
  };

  return {
    /** items: [{id, name, tags}] in display order. */
    list(items, selectedId) {
      ids = items.map((a) => a.id);
      list.replaceChildren(...(items.length ? items.map((a) => el('li', { 'data-aoi': a.id, class: a.id === selectedId ? 'selected' : '' },
        el('input', { type: 'checkbox', checked: checked.has(a.id), 'aria-label': `Tick ${a.name} for export`,
          onchange: (e) => { if (e.target.checked) checked.add(a.id); else checked.delete(a.id); syncExports(); } }),
        el('button', { type: 'button', class: 'aoi-item', onclick: () => handlers.onPick(a.id) },
          el('span', { class: 'aoi-item-name', text: a.name }),
          a.tags.length ? el('span', { class: 'aoi-item-tags', text: a.tags.join(' · ') }) : '')))
        : [el('li', { class: 'empty', text: 'No areas yet.' })]));
      syncExports();
    },
    /** The form for one AOI ({id, properties, version}) or a draft (id null); null hides it. */
    form(aoi) {
      form.hidden = !aoi;
      if (!aoi) return;
      unfold();
      const p = aoi.properties;
      name.value = p.name ?? '';
      notes.value = p.notes ?? '';
      tags.value = (p.tags ?? []).join(', ');
      meta.textContent = savedLine(aoi);
      del.hidden = !aoi.id;
      exportOne.hidden = !aoi.id;
      discard.hidden = !!aoi.id;
      if (aoi.id) exportOne.href = handlers.exportUrl([aoi.id]);
      if (!aoi.id) name.focus();
    },
    /** result: the API's analysis, 'loading', an Error, or null to hide. */
    analysis(result, windowLabel, title) {
      analysis.hidden = !result;
      if (!result) return;
      if (result === 'loading') { analysis.replaceChildren(el('p', { class: 'muted', text: 'Analysing…' })); return; }
      if (result instanceof Error) { analysis.replaceChildren(el('p', { class: 'aoi-error', text: `No analysis: ${result.message}` })); return; }
      analysis.replaceChildren(...analysisView(result, windowLabel, title, handlers.onEvent));
      // Scroll the panel alone (scrollIntoView would scroll the page too).
      const box = root.closest('.aoi-panel') ?? root;
      box.scrollTop += analysis.getBoundingClientRect().top - box.getBoundingClientRect().top - 4;
    },
    /** One message; actions: [{label, onClick}]; kind: 'info' | 'error'. */
    message(text, { kind = 'info', actions = [], details = [] } = {}) {
      message.hidden = !text;
      if (text) unfold();
      message.className = `aoi-message ${kind}`;
      message.setAttribute('role', kind === 'error' ? 'alert' : 'status');
      message.replaceChildren(el('span', { text: text ?? '' }),
        details.length ? el('ul', {}, details.map((d) => el('li', { text: d }))) : '',
        ...actions.map((a) => el('button', { type: 'button', text: a.label, onclick: a.onClick })));
    },
    forgetTicks(id) { checked.delete(id); syncExports(); },
    /** Who else has the open area open ("bob (editing)"), or '' for no one. */
    people(text) { people.hidden = !text; people.textContent = text ? `Also open by: ${text}` : ''; },
  };
}

function analysisView(r, windowLabel, title, onEvent) {
  const row = (label, value) => [el('dt', { text: label }), el('dd', { text: value })];
  const border = r.algeria_border?.distance_km;
  const aes = r.aes_territory ?? {};
  const layers = r.layers ?? [];
  return [
    el('h3', { text: title ? `Analysis of “${title}”` : 'Analysis' }),
    el('dl', { class: 'aoi-figures' },
      row('Area', formatKm2(r.area_km2)),
      row('Perimeter', formatKm(r.perimeter_km)),
      row('Algerian border', border == null ? '–' : border === 0 ? 'touches it' : `${formatKm(border)} away`),
      row('In AES territory', aes.inside_km2 == null ? '–' : `${formatKm2(aes.inside_km2)} (${formatNumber(aes.inside_pct)} %)`)),
    el('h4', { text: 'Overlap with mission layers' }),
    el('table', { class: 'aoi-overlaps' },
      el('thead', {}, el('tr', {}, el('th', { text: 'Layer' }), el('th', { text: 'km²' }), el('th', { text: '%' }))),
      el('tbody', {}, layers.map((l) => el('tr', { class: l.overlap_km2 > 0 ? '' : 'none' },
        el('td', { text: l.title ?? l.id }), el('td', { text: formatNumber(l.overlap_km2) }),
        el('td', { text: formatNumber(l.overlap_pct) }))))),
    el('h4', { text: `Events inside (${windowLabel}): ${r.events?.count ?? 0}` }),
    el('ul', { class: 'aoi-events' }, (r.events?.items ?? []).map((e) => el('li', {},
      el('button', { type: 'button', class: 'link', text: `${String(e.start ?? '').slice(0, 10)} · ${e.title ?? e.id}`,
        onclick: () => onEvent(e.id) })))),
  ];
}

/** The selected AOI's form: name, notes, tags, the line saying which version it is, its actions. */
function aoiForm(handlers) {
  const name = el('input', { id: 'aoi-name', type: 'text', maxlength: 200, required: true, autocomplete: 'off' });
  const notes = el('textarea', { id: 'aoi-notes', rows: 3, maxlength: 5000 });
  const tags = el('input', { id: 'aoi-tags', type: 'text', autocomplete: 'off', placeholder: 'comma, separated' });
  const meta = el('p', { class: 'aoi-meta' });
  const people = el('p', { class: 'aoi-people', hidden: true });
  const save = el('button', { type: 'submit', class: 'primary', text: 'Save' });
  const del = el('button', { type: 'button', class: 'aoi-delete', text: 'Delete', onclick: () => handlers.onDelete() });
  const discard = el('button', { type: 'button', text: 'Discard', onclick: () => handlers.onDiscard() });
  const exportOne = el('a', { class: 'button', download: '', text: 'Export' });
  const form = el('form', { class: 'aoi-form', hidden: true, oninput: () => handlers.onInput?.(), onsubmit: (e) => {
    e.preventDefault();
    handlers.onSave({ name: name.value, notes: notes.value, tags: tags.value });
  } },
  el('label', { for: 'aoi-name', text: 'Name' }), name,
  el('label', { for: 'aoi-notes', text: 'Notes' }), notes,
  el('label', { for: 'aoi-tags', text: 'Tags' }), tags,
  meta, people, el('div', { class: 'aoi-actions' }, save, discard, del, exportOne));
  return { form, name, notes, tags, meta, people, del, discard, exportOne };
}

/** Which version an AOI is, who saved it and when; for a draft, what to do. */
function savedLine(aoi) {
  const p = aoi.properties;
  return aoi.id
    ? `Version ${p.version} · saved by ${p.updated_by} · ${String(p.updated_at ?? '').slice(0, 16).replace('T', ' ')}`
      + (p.radius_m ? ` · circle, radius ${formatKm(p.radius_m / 1000)}` : '')
    : 'Not saved yet: give it a name and save.' + (p.radius_m ? ` Circle, radius ${formatKm(p.radius_m / 1000)}.` : '');
}
