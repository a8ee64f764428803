// The briefing editor in the side panel: pick a briefing, add the current view as a slide, reorder,
// edit text, duplicate, delete, save; present, export and import. DOM only: the controller acts.
import { el } from './dom.js';
import { LIMITS } from '../briefing/slides.js';

/**
 * view: {list: [{id, name}], current: {id, name, banner, slides}|null, dirty, status, people,
 *        offers} (people: who else has it open, as text; offers: [{action, label, run}], the
 *        choices given when someone else saved it while this page has unsaved changes)
 * on: {pick, create, add, move, duplicate, remove, edit, retake, goto, save, present, meta,
 *      exportGeojson, exportPack, importFile, pngView, pngSlides, printView, printBriefing}
 */
export function renderEditor(container, view, on) {
  const b = view.current;
  const picker = el('select', { 'aria-label': 'Briefing', class: 'briefing-pick',
    onchange: (e) => on.pick(e.target.value) },
  view.list.map((x) => el('option', { value: x.id, selected: b?.id === x.id, text: x.name })));
  const file = el('input', { type: 'file', accept: '.geojson,.json,application/geo+json', hidden: true,
    onchange: (e) => e.target.files[0] && on.importFile(e.target.files[0]) });
  const top = el('div', { class: 'briefing-row' }, picker,
    el('button', { type: 'button', text: 'New', onclick: on.create }),
    el('button', { type: 'button', text: 'Import…', onclick: () => file.click() }), file);
  if (!b) { container.replaceChildren(top); return; }
  const field = (label, value, max, key) => el('label', { class: 'briefing-field' }, el('span', { text: label }),
    el('input', { type: 'text', value, maxlength: max, oninput: (e) => on.meta({ [key]: e.target.value }) }));
  container.replaceChildren(top,
    field('Name', b.name, 200, 'name'),
    field('Banner (marking on every slide)', b.banner ?? '', 200, 'banner'),
    el('div', { class: 'briefing-row' },
      el('button', { type: 'button', class: 'primary', 'data-action': 'present', text: '▶ Present',
        disabled: !b.slides.length, onclick: () => on.present(0) }),
      el('button', { type: 'button', 'data-action': 'add-slide', text: '+ Add current view',
        disabled: b.slides.length >= LIMITS.slides, onclick: on.add }),
      el('button', { type: 'button', 'data-action': 'save', text: view.dirty ? 'Save*' : 'Save',
        onclick: on.save })),
    el('ol', { class: 'slide-list' }, b.slides.map((s, i) => slideItem(s, i, b.slides.length, on))),
    el('div', { class: 'briefing-row' },
      el('button', { type: 'button', 'data-action': 'png-view', text: 'PNG of view', onclick: on.pngView }),
      el('button', { type: 'button', 'data-action': 'png-slides', text: 'PNG of every slide',
        disabled: !b.slides.length, onclick: on.pngSlides }),
      el('button', { type: 'button', 'data-action': 'export-geojson', text: 'GeoJSON',
        onclick: on.exportGeojson }),
      // Every layer, the events of the slides' windows, the AOIs and the slides in one file.
      el('button', { type: 'button', 'data-action': 'export-pack', text: 'GeoPackage pack',
        title: 'One GeoPackage with every layer, the events, the areas and the slides (opens in QGIS)',
        onclick: on.exportPack })),
    printMenu(b, on),
    el('p', { class: 'briefing-people', text: view.people ? `Also here: ${view.people}` : '' }),
    el('p', { class: 'briefing-status', role: 'status', text: view.status ?? '' }),
    // replaceChildren would write a null out as the text "null": no offers, no node.
    ...(view.offers?.length ? [el('div', { class: 'briefing-row briefing-offers' },
      view.offers.map((o) => el('button', { type: 'button', 'data-action': o.action, text: o.label, onclick: o.run })))]
      : []));
}

/**
 * Print and PDF, folded: the browser's print dialog opens on the laid-out pages, and its "Save as
 * PDF" makes the file (Ctrl+P alone prints the view at A4).
 */
function printMenu(b, on) {
  const button = (action, text, run, disabled = false) => el('button', { type: 'button', 'data-action': action, text,
    disabled, onclick: run });
  return el('details', { class: 'downloads print-menu' }, el('summary', { text: 'Print / PDF' }),
    el('div', { class: 'briefing-row' },
      button('print-view-a4', 'Print view / PDF (A4)', () => on.printView('A4')),
      button('print-view-a3', 'A3', () => on.printView('A3')),
      button('print-briefing', 'Briefing PDF', () => on.printBriefing(false), !b.slides.length),
      button('print-handout', 'Handout PDF', () => on.printBriefing(true), !b.slides.length)));
}

function slideItem(s, i, n, on) {
  const small = (text, label, action, disabled) => el('button', { type: 'button', class: 'icon',
    text, title: label, 'aria-label': `${label}: slide ${i + 1}`, disabled, onclick: action });
  const text = (label, key, max, rows) => el('label', { class: 'briefing-field' }, el('span', { text: label }),
    rows ? el('textarea', { rows, maxlength: max, oninput: (e) => on.edit(i, { [key]: e.target.value }) },
      s[key] ?? '')
      : el('input', { type: 'text', value: s[key] ?? '', maxlength: max,
        oninput: (e) => on.edit(i, { [key]: e.target.value }) }));
  return el('li', { 'data-slide': String(i) },
    el('div', { class: 'slide-head' },
      el('button', { type: 'button', class: 'slide-go', onclick: () => on.goto(i) },
        el('span', { class: 'slide-no', text: `${i + 1}` }), el('span', { text: s.title })),
      small('↑', 'Move up', () => on.move(i, -1), i === 0),
      small('↓', 'Move down', () => on.move(i, 1), i === n - 1),
      small('⧉', 'Duplicate', () => on.duplicate(i)),
      small('✕', 'Delete', () => on.remove(i))),
    el('details', { class: 'slide-edit' }, el('summary', { text: 'Edit text' }),
      text('Title', 'title', LIMITS.title),
      text('Caption', 'caption', LIMITS.caption, 4),
      text('Speaker notes', 'notes', LIMITS.notes, 4),
      text('Sources', 'sources', LIMITS.sources),
      el('button', { type: 'button', text: 'Use the current map for this slide', onclick: () => on.retake(i) })));
}
