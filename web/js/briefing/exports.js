// A briefing's exports made in the page: a PNG of the view or of each slide, and print (PDF
// through the print dialog) of the view or of the whole briefing. Each is drawn from a page: a
// slide's content (text, layers, legend, AOIs, the events its map shows), the same for the PNG,
// the print sheet and the tests' hooks. b is the briefings controller's shared state.
import { captureSlide, slideView } from './slides.js';
import { freeBounds } from '../map/view.js';
import { formatEventDate } from '../dates.js';
import { eventsInBox, eventsInBoxNow } from '../eventtiles.js';
import { printing, viewSources } from './print.js';
import { mapWidth, slideCanvas, SIZE } from '../export/slideimage.js';
import { projection } from '../export/mapcanvas.js';
import { CATEGORIES, missionOrder } from '../styles.js';
import { exportRelief, loadReliefImage } from '../map/relief.js';

const NONE = { events: [], clusters: [] };

/** The editor's export actions (pngView, pngSlides, printView, printBriefing). */
export function exportActions(b) {
  const printer = slidePrinter(b);
  loadReliefImage(); // now, so a print (which lays its sheet out at once) finds it decoded
  const printFailed = (e) => { b.view.status = `Could not print: ${e.message}`; b.render(); };
  installHooks(b, printer);
  return {
    pngView: async () => download(await png(slideCanvas(await page(b, currentSlide(b), 0, 0, false))), 'sahel-map-view.png'),
    printView: (paper) => printer.print({ kind: 'view', paper }).catch(printFailed),
    printBriefing: (handout) => printer.print({ kind: 'briefing', paper: 'A4', handout }).catch(printFailed),
    pngSlides: async () => {
      const { name, slides } = b.view.current;
      for (let i = 0; i < slides.length; i++) {
        download(await png(slideCanvas(await page(b, slides[i], i, slides.length))), `${slug(name)}-${String(i + 1).padStart(2, '0')}.png`);
      }
    },
  };
}

/** A slide's export content (PNG, print), given the events its map shows (shown). */
function pageOf(b, slide, i, total, panel = true, shown = NONE) {
  const { byId, legendOf } = b.ctx;
  const mission = missionOrder(b.ctx.collections);
  const layers = new Map(slide.layers.filter((id) => byId.has(id)).map((id) => [id, byId.get(id).geojson]));
  const time = slide.time ?? b.ctx.fullWindow;
  // AOIs as the map would show them: all of them when the AOI layer is on, the slide's heavier.
  const aois = slide.layers.includes('aois') || slide.aois?.length ? b.ctx.aois?.features?.() ?? [] : [];
  const categories = new Set([...shown.events.map((e) => e.properties.category),
    ...shown.clusters.flatMap((c) => Object.keys(c.byCategory))]);
  return {
    title: slide.title, caption: slide.caption, sources: slide.sources, notes: slide.notes, events: b.slideEvents.describe(slide),
    subtitle: [b.view.current?.name, total ? `slide ${i + 1} of ${total}` : null,
      `${formatEventDate(time.from, time.to, 'range')}`].filter(Boolean).join(' · '),
    banner: b.view.current?.banner ?? '', dates: b.datesText, view: slideView(slide), layers,
    eventsShown: shown, emphasised: b.slideEvents.features(slide),
    missions: mission.filter((id) => layers.has(id)).map((id) => byId.get(id).collection),
    legend: mission.filter((id) => layers.has(id) && legendOf.has(id))
      .map((id) => ({ title: byId.get(id).collection.title, entries: legendOf.get(id) }))
      .concat(aois.length && legendOf.has('aois') ? [{ title: 'Areas of interest', entries: legendOf.get('aois') }] : []),
    categories: new Set([...categories].filter((c) => CATEGORIES[c])),
    aois, aoisEmphasised: new Set(slide.aois ?? []), relief: exportRelief(), panel,
  };
}

const eventQuery = (b, slide) => ({ time: slide.time ?? b.ctx.fullWindow, filter: b.ctx.state.get().filter });
/** The events a slide's map shows in proj's box, from the event tiles at that map's zoom. */
const eventsFor = async (b, slide, proj) => (slide.layers.includes('events')
  ? eventsInBox(proj.bbox, proj.zoom, eventQuery(b, slide)) : NONE);
/** The same at once, from the tiles the live map holds (its own zoom). */
const eventsNow = (b, slide, proj) => (slide.layers.includes('events')
  ? eventsInBoxNow(proj.bbox, b.ctx.map.getZoom(), eventQuery(b, slide)) : NONE);

/** A slide's image content; its events come from the event tiles at the image's own zoom. */
async function page(b, slide, i, total, panel = true) {
  await Promise.all([b.slideEvents.fetch([slide]), loadReliefImage()]);
  const proj = projection(slideView(slide), mapWidth(panel), SIZE.mapHeight);
  return pageOf(b, slide, i, total, panel, await eventsFor(b, slide, proj));
}

/** The map as it is now, as a slide (its selected event emphasised). */
const currentSlide = (b) => ({ ...captureSlide(b.ctx.state.get(), 'Sahel Map: current view'),
  events: b.ctx.state.get().selected ? [b.ctx.state.get().selected] : [] });

function slidePrinter(b) {
  const { map, state, collections } = b.ctx;
  return printing({ sheet: document.getElementById('print-sheet'),
    pageOf: (...args) => pageOf(b, ...args),
    eventsFor: (slide, proj) => eventsFor(b, slide, proj),
    eventsNow: (slide, proj) => eventsNow(b, slide, proj),
    fetchEvents: b.slideEvents.fetch,
    slides: () => b.view.current?.slides ?? [],
    // The view as the screen frames it (its free part, as a slide captures it), fitted to the paper.
    currentSlide: () => ({ ...currentSlide(b), view: { bbox: freeBounds(map) },
      sources: viewSources(collections, state.get().visible) }) });
}

/** For automation and tests: the images as data URLs without a download, the print sheet, slides. */
function installHooks(b, printer) {
  const slides = () => b.view.current.slides;
  window.sahelMap = {
    ...window.sahelMap,
    slidePng: async (i) => slideCanvas(await page(b, slides()[i], i, slides().length)).toDataURL('image/png'),
    viewPng: async () => slideCanvas(await page(b, currentSlide(b), 0, 0, false)).toDataURL('image/png'),
    knownLayers: () => b.ctx.collections.map((c) => c.id),
    // The print sheet, laid out and drawn as the print buttons do, without opening the dialog.
    preparePrint: (options) => printer.prepare(options),
    briefingSlide: (i) => b.view.current?.slides[i] ?? null,
    // [lat, lon] of a slide's event (points only), to check it is framed in the free map.
    eventLatLng: (id) => {
      const g = b.slideEvents.get(id)?.geometry;
      return g?.type === 'Point' ? [g.coordinates[1], g.coordinates[0]] : null;
    },
  };
}

const png = (canvas) => new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
function download(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob); a.download = name; a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
