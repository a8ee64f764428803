// The print sheet: pages for the browser's print engine (Ctrl+P, "Save as PDF"), from the same
// page data as the PNG exports (briefing/controller.js). Each page's map is drawn by mapcanvas.js
// on a canvas sized to its place on the paper; everything else (title, legend, sources, notes) is
// real text, so the PDF is sharp and searchable. All text goes in through textContent (ui/dom.js).
import { el } from '../ui/dom.js';
import { bannerColours } from '../briefing/banner.js';
import { CATEGORIES } from '../styles.js';
import { drawMarker } from '../symbols.js';
import { drawMap, projection } from './mapcanvas.js';
import { northArrow, scaleBar, swatch } from './slideimage.js';

/**
 * The papers offered, landscape, in mm (print.css sizes the pages from the sheet's class), and
 * how much larger than on A4 the map's names and symbols are drawn (print.css's type sizes grow as
 * much), so an A3 is the A4 enlarged rather than the same marks lost on a larger page.
 */
export const PAPERS = { A4: { width: 297, height: 210, typeScale: 1 }, A3: { width: 420, height: 297, typeScale: 1.4 } };
// Canvas pixels per CSS pixel: lines and labels stay sharp on paper, the PDF stays a few MB.
const SCALE = 2;

/**
 * Lays out one page per item of pages on paper (A4 or A3), with each slide's speaker notes under
 * it when handout, and returns for each page its map's box and the projection the map will be
 * drawn with ({map, width, height, k, proj}), so its events can be fetched for exactly that box.
 * Synchronous (a beforeprint handler calls it); the maps come in drawPage.
 */
export function layoutSheet(sheet, pages, { paper = 'A4', handout = false } = {}) {
  if (!PAPERS[paper]) throw new Error(`unknown paper ${paper}`);
  sheet.className = `print-sheet paper-${paper.toLowerCase()}${handout ? ' handout' : ''}`;
  const maps = pages.map(() => el('div', { class: 'print-map' }));
  sheet.replaceChildren(...pages.map((p, i) => pageElement(p, maps[i], handout)));
  setPaper(paper);
  // Laid out off screen with the print rules' own millimetres, then measured once for every page.
  sheet.classList.add('measuring');
  const boxes = maps.map((m) => m.getBoundingClientRect());
  if (handout) notesInFull(sheet, pages);
  sheet.classList.remove('measuring');
  sheet.dataset.paper = paper;
  const k = PAPERS[paper].typeScale;
  // The map is drawn in units of k CSS pixels: its projection sees a box k times smaller.
  return maps.map((map, i) => ({ map, width: boxes[i].width, height: boxes[i].height, k,
    proj: projection(pages[i].view, boxes[i].width / k, boxes[i].height / k) }));
}

/** Draws a laid-out page's map and legend from its page data (events included). */
export function drawPage(entry, page) {
  const canvas = document.createElement('canvas');
  canvas.className = 'print-map-image';
  canvas.width = Math.round(entry.width * SCALE); canvas.height = Math.round(entry.height * SCALE);
  const ctx = canvas.getContext('2d');
  ctx.scale(SCALE * entry.k, SCALE * entry.k);
  const { width, height } = entry.proj;
  drawMap(ctx, entry.proj, { layers: page.layers, missions: page.missions, events: page.eventsShown,
    emphasised: page.emphasised, aois: page.aois, aoisEmphasised: page.aoisEmphasised, relief: page.relief });
  northArrow(ctx, width - 44, 8);
  scaleBar(ctx, entry.proj, width - 16, height - 14);
  entry.map.replaceChildren(canvas, legendElement(page.legend, page.categories) ?? '');
}

/** Empties the sheet: the page prints as the app again only through Ctrl+P's own layout. */
export function clearSheet(sheet) {
  sheet.replaceChildren();
  sheet.className = 'print-sheet';
  delete sheet.dataset.paper;
  setPaper('A4');
}

/** The @page size for the next print: a rule after print.css's A4 default, so it wins. */
function setPaper(paper) {
  let style = document.getElementById('print-paper');
  if (!style) {
    style = el('style', { id: 'print-paper' });
    document.head.append(style);
  }
  style.textContent = `@page { size: ${paper} landscape; margin: 0; }`;
}

function pageElement(p, map, handout) {
  const text = p.panel === false ? null : el('div', { class: 'print-text' },
    el('p', { class: 'print-caption', text: p.caption ?? '' }),
    el('ul', { class: 'print-events' }, p.events.map((e) => el('li', {},
      el('span', { class: 'print-event-date', text: e.date }), el('span', { text: e.title })))));
  return el('section', { class: `print-page${p.panel === false ? ' print-view' : ''}` },
    banner(p.banner),
    el('header', { class: 'print-head' }, el('h1', { class: 'print-title', text: p.title }),
      el('p', { class: 'print-subtitle', text: p.subtitle })),
    el('div', { class: 'print-body' }, text, map),
    handout ? el('div', { class: 'print-notes' }, el('h2', { text: 'Speaker notes' }),
      el('p', { text: p.notes || '(no notes)' })) : null,
    el('footer', { class: 'print-foot' },
      el('p', { class: 'print-sources', text: `Sources: ${p.sources || '(none given)'}` }),
      el('p', { class: 'print-dates' }, el('span', { text: p.dates }),
        el('span', { text: `Printed ${new Date().toISOString().slice(0, 10)} · Sahel Map · © OpenStreetMap contributors, Natural Earth, GeoNames` }))),
    banner(p.banner));
}

/**
 * Notes too long for their box under the slide get a page of their own after it, whole: a
 * handout never drops a briefer's words.
 */
function notesInFull(sheet, pages) {
  [...sheet.querySelectorAll('.print-page')].forEach((node, i) => {
    const box = node.querySelector('.print-notes');
    if (box.scrollHeight <= box.clientHeight + 1) return;
    box.querySelector('h2').textContent += ' (in full on the next page)';
    node.after(el('section', { class: 'print-page print-notes-page' }, banner(pages[i].banner),
      el('div', { class: 'print-notes' }, el('h2', { text: `Speaker notes: ${pages[i].title}` }),
        el('p', { text: pages[i].notes })), banner(pages[i].banner)));
  });
}

/** A marking line (top and bottom of every page) in its marking's colours; none when empty. */
function banner(text) {
  if (!text) return null;
  const c = bannerColours(text);
  return el('div', { class: 'print-banner', style: `background: ${c.background}; color: ${c.text}`, text });
}

/** The legend over the map's lower left: each entry's swatch drawn as on the map, its name as text. */
function legendElement(sections, categories) {
  const rows = [];
  for (const s of sections) {
    if (s.entries.length === 1) { rows.push(row(s.title, (ctx) => swatch(ctx, s.entries[0], 2, 3), true)); continue; }
    rows.push(row(s.title, null, true));
    s.entries.forEach((e) => rows.push(row(e.label, (ctx) => swatch(ctx, e, 2, 3))));
  }
  const cats = Object.keys(CATEGORIES).filter((c) => categories.has(c));
  if (cats.length) rows.push(row('Events', null, true));
  cats.forEach((c) => rows.push(row(CATEGORIES[c].label, (ctx) => drawMarker(ctx, 16, 8, c, 13))));
  if (!rows.length) return null;
  return el('div', { class: 'print-legend' }, el('h2', { text: 'Legend' }), rows);
}

function row(label, draw, heading = false) {
  let icon = null;
  if (draw) {
    icon = el('canvas', { class: 'print-swatch', width: 32 * SCALE, height: 16 * SCALE });
    const ctx = icon.getContext('2d');
    ctx.scale(SCALE, SCALE);
    draw(ctx);
  }
  return el('div', { class: `print-legend-row${heading ? ' heading' : ''}${icon ? '' : ' bare'}` }, icon,
    el('span', { text: label }));
}
