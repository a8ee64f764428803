// Print and PDF through the browser's print engine: the current view at A4 or A3, or a whole
// briefing one slide a page (a handout adds the speaker notes), laid out in #print-sheet
// (export/printsheet.js, css/print.css); the user saves a PDF from the print dialog. Ctrl+P prints
// the current view at A4: its sheet is drawn in beforeprint from what the page already holds.
import { clearSheet, drawPage, layoutSheet } from '../export/printsheet.js';

/**
 * deps: {sheet, pageOf(slide, i, total, panel, shown), eventsFor(slide, proj) → Promise,
 * eventsNow(slide, proj), fetchEvents(slides), slides() (the open briefing's), currentSlide()}
 */
export function printing(deps) {
  const { sheet } = deps;
  let prepared = false;

  /** What is printed: the view alone (no text column) or the briefing's slides. */
  const contents = (kind) => {
    if (kind === 'view') return { slides: [deps.currentSlide()], panel: false };
    return { slides: deps.slides(), panel: true };
  };
  const pagesOf = ({ slides, panel }, shown = []) =>
    slides.map((s, i) => deps.pageOf(s, i, panel ? slides.length : 0, panel, shown[i]));

  /** Lays out and draws the sheet, each map's events fetched for its own box on the paper. */
  async function prepare({ kind = 'view', paper = 'A4', handout = false } = {}) {
    const what = contents(kind);
    if (!what.slides.length) throw new Error('nothing to print: the briefing has no slides');
    await deps.fetchEvents(what.slides);
    const entries = layoutSheet(sheet, pagesOf(what), { paper, handout: handout && kind !== 'view' });
    const shown = await Promise.all(entries.map((e, i) => deps.eventsFor(what.slides[i], e.proj)));
    const pages = pagesOf(what, shown);
    entries.forEach((e, i) => drawPage(e, pages[i]));
    prepared = true;
    sheet.dataset.ready = kind;
  }

  /** Ctrl+P (or the browser's menu) with nothing prepared: the view at A4, at once. */
  function prepareNow() {
    const what = contents('view');
    const entries = layoutSheet(sheet, pagesOf(what), { paper: 'A4' });
    const pages = pagesOf(what, entries.map((e, i) => deps.eventsNow(what.slides[i], e.proj)));
    entries.forEach((e, i) => drawPage(e, pages[i]));
  }

  window.addEventListener('beforeprint', () => {
    if (prepared) return;
    try { prepareNow(); } catch (e) { console.warn('Could not lay out the print sheet:', e); clearSheet(sheet); }
  });
  window.addEventListener('afterprint', () => {
    prepared = false;
    delete sheet.dataset.ready;
    clearSheet(sheet);
  });

  return {
    prepare,
    /** Prepares, then opens the print dialog (whose "Save as PDF" makes the PDF). */
    print: async (options) => { await prepare(options); window.print(); },
  };
}

/**
 * The sources of the view's visible layers, for its footer, once each: a layer's source text up to
 * any parenthesis or semicolon, an event document by its title.
 */
export function viewSources(collections, visible) {
  const names = collections.filter((c) => visible.has(c.id))
    .flatMap((c) => c.metadata?.sources ?? [])
    .map((s) => (typeof s === 'string' ? s.split(/[(;]/)[0] : s?.title ?? '').trim()).filter(Boolean);
  return [...new Set(names)].join('; ');
}
