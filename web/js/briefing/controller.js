// Briefings on the live map: the editor panel, the presenter and the exports, wired to the state.
import * as api from '../api.js';
import { captureSlide, briefingBody, dataDates, duplicated, edited, moved, removed, slideState,
  slideView } from './slides.js';
import { renderEditor } from '../ui/briefing.js';
import { session } from '../session.js';
import { presenter } from '../ui/presenter.js';
import { flyToView, freeBounds, resized } from '../map/view.js';
import { formatEventDate } from '../dates.js';
import { eventsInBox, eventsInBoxNow } from '../eventtiles.js';
import { printing, viewSources } from './print.js';
import { mapWidth, slideCanvas, SIZE } from '../export/slideimage.js';
import { projection } from '../export/mapcanvas.js';
import { CATEGORIES, missionOrder } from '../styles.js';
import { describePeople, presenceSlot, watchPresence } from '../presence.js';

/**
 * ctx: {map, state, events, aois, byId, collections, legendOf, fullWindow, panel, stage}
 * (aois: the AOI app, whose open area a new slide highlights and whose emphasise() shows a slide's).
 */
export async function briefings(ctx) {
  const { map, state, events, byId, fullWindow } = ctx;
  const allIds = ctx.collections.map((c) => c.id);
  const known = new Set(allIds);
  const mission = missionOrder(ctx.collections);
  // The events slides name, fetched by id when a briefing opens (the page holds no event list).
  const eventById = new Map();
  const fetchEvents = (slides) => Promise.all([...new Set(slides.flatMap((s) => s.events))]
    .filter((id) => !eventById.has(id))
    .map((id) => api.item('events', id).then((f) => eventById.set(id, f)).catch(() => null)));
  const dates = dataDates(ctx.collections);
  const datesText = `Data: events to ${dates.events ? formatEventDate(dates.events, dates.events, 'day') : '—'}`
    + ` · layers computed ${dates.computed ?? '—'}`;
  const view = { list: [], current: null, etag: null, dirty: false, status: '', people: '' };

  // Presence: this page says which briefing it has open and how (viewing, editing, presenting a
  // slide); it shows who else has the same one open, and a follower's map follows the presenter.
  const slot = presenceSlot('briefing');
  let people = [];
  let unwatch = () => {};
  let following = null; // the briefing id this page follows, or null
  const place = (id) => `briefing:${id}`;
  const sayWhere = () => {
    const b = view.current;
    if (!b) return slot.at(null);
    if (stage?.briefingId === b.id && !following) return slot.at(place(b.id), 'presenting', stage.index);
    return slot.at(place(b.id), view.dirty ? 'editing' : 'viewing');
  };
  const watch = (id) => {
    unwatch();
    people = [];
    unwatch = watchPresence(place(id), (list) => {
      people = list;
      view.people = describePeople(list);
      if (stage?.active) stage.setAudience(audienceLine());
      else render();
      if (following === id) followPresenter();
    });
  };
  const audienceLine = () => {
    if (following) {
      const p = presenterOf();
      return p ? `Following ${p.name}` : 'Waiting for the presenter';
    }
    return view.people ? `Also here: ${view.people}` : '';
  };
  const presenterOf = () => people.filter((p) => p.mode === 'presenting').at(-1) ?? null;

  const describe = (slide) => slide.events.map((id) => eventById.get(id)).filter(Boolean)
    .map((f) => ({ date: formatEventDate(f.properties.start, f.properties.end, f.properties.date_precision),
      title: f.properties.title }));

  // Each show() and the presenter's exit take a turn; a flight that ends after a later turn began
  // (the user left the presenter mid-flight) must not emphasise its slide's events on the user's map.
  let turn = 0;
  async function show(slide, animate = true) {
    const mine = ++turn;
    state.set({ ...slideState(slide, allIds), time: slide.time ?? fullWindow });
    events.emphasise(slide.events);
    ctx.aois?.emphasise(slide.aois ?? []);
    await flyToView(map, slideView(slide), { animate });
    if (mine === turn) events.emphasise(slide.events);
  }

  // The map the user had before presenting, put back exactly on exit: the state (view, layers,
  // time window, filter, selected event) and Leaflet's own centre and zoom, unrounded.
  let before = null;
  const remember = () => {
    const s = state.get();
    before = { state: { view: s.view, visible: new Set(s.visible), time: s.time, filter: s.filter, selected: s.selected },
      centre: map.getCenter(), zoom: map.getZoom() };
  };
  const restore = () => {
    turn++;
    if (!before) return;
    state.set(before.state);
    // setView stops a flight under way; map.stop() must not be used: it queues an animated zoom
    // to where the flight was, which would land after this and move the map off again.
    map.setView(before.centre, before.zoom, { animate: false });
    before = null;
  };

  const stage = presenter(ctx.stage, {
    show: (slide) => show(slide),
    describe,
    onSlide: () => { if (!following) sayWhere(); },
    onEnter: () => { document.body.classList.add('presenting'); resized(map); },
    onExit: () => {
      document.body.classList.remove('presenting'); events.emphasise([]); ctx.aois?.emphasise([]); resized(map);
      restore();
      following = null;
      document.body.dataset.following = '';
      sayWhere();
    },
    openNotesWindow: () => window.open('/notes.html', 'sahel-map-notes', 'width=640,height=520'),
  });

  const render = () => renderEditor(ctx.panel, view, on);
  const change = (slides, status = '') => {
    view.current = { ...view.current, slides }; view.dirty = true; view.status = status; render(); sayWhere();
  };
  const fail = (e) => {
    if (e.status === 412 && view.current?.id) { conflict(); return; }
    view.status = `Not saved: ${e.description ?? e.message}`; render();
  };

  /**
   * A save refused because someone saved first: the analyst's words are never dropped for them.
   * They may take the newer version (losing theirs, said so), save theirs over it (on the newer
   * version, so it is a new version and the other one stays in the history), or save theirs as a
   * copy beside it.
   */
  function conflict() {
    const mine = briefingBody(view.current);
    view.status = 'Someone saved this briefing after you opened it. Your changes are still here: choose what to do with them.';
    view.offers = [
      { action: 'reload', label: 'Take theirs (drop mine)', run: () => open(view.current.id).catch(fail) },
      { action: 'save-over', label: 'Save mine over theirs', run: async () => {
        try {
          const latest = await api.briefing(view.current.id);
          const { body, etag } = await api.saveBriefing(view.current.id, mine, latest.etag);
          Object.assign(view, { current: body, etag, dirty: false, offers: null,
            status: `Saved yours as version ${body.version}; theirs is version ${latest.body.version} in the history.` });
          view.list = await api.briefings(); render(); sayWhere();
        } catch (e) { fail(e); }
      } },
      { action: 'save-copy', label: 'Save mine as a copy', run: async () => {
        try {
          const { body } = await api.createBriefing({ ...mine, name: `${mine.name} (copy)`.slice(0, 200) });
          view.dirty = false;
          await refreshList(body.id);
          view.status = `Saved yours as “${body.name}”.`; render();
        } catch (e) { fail(e); }
      } },
    ];
    render();
  }

  // Leaving (closing the tab, reloading, following a link) with unsaved changes asks first.
  window.addEventListener('beforeunload', (e) => { if (view.dirty) { e.preventDefault(); e.returnValue = ''; } });

  async function open(id) {
    const { body, etag } = await api.briefing(id);
    await fetchEvents(body.slides);
    const switched = view.current?.id !== body.id;
    Object.assign(view, { current: body, etag, dirty: false, status: '', offers: null });
    if (switched) { view.people = ''; watch(body.id); }
    render();
    sayWhere();
  }
  async function refreshList(select) {
    view.list = await api.briefings();
    if (select) await open(select); else render();
  }

  const NONE = { events: [], clusters: [] };
  /** A slide's export content (PNG, print), given the events its map shows (shown). */
  function pageOf(slide, i, total, panel = true, shown = NONE) {
    const layers = new Map(slide.layers.filter((id) => byId.has(id)).map((id) => [id, byId.get(id).geojson]));
    const time = slide.time ?? fullWindow;
    // AOIs as the map would show them: all of them when the AOI layer is on, the slide's heavier.
    const aois = slide.layers.includes('aois') || slide.aois?.length ? ctx.aois?.features?.() ?? [] : [];
    const categories = new Set([...shown.events.map((e) => e.properties.category),
      ...shown.clusters.flatMap((c) => Object.keys(c.byCategory))]);
    return {
      title: slide.title, caption: slide.caption, sources: slide.sources, notes: slide.notes, events: describe(slide),
      subtitle: [view.current?.name, total ? `slide ${i + 1} of ${total}` : null,
        `${formatEventDate(time.from, time.to, 'range')}`].filter(Boolean).join(' · '),
      banner: view.current?.banner ?? '', dates: datesText, view: slideView(slide), layers,
      eventsShown: shown, emphasised: slide.events.map((id) => eventById.get(id)).filter(Boolean),
      missions: mission.filter((id) => layers.has(id)).map((id) => byId.get(id).collection),
      legend: mission.filter((id) => layers.has(id) && ctx.legendOf.has(id))
        .map((id) => ({ title: byId.get(id).collection.title, entries: ctx.legendOf.get(id) }))
        .concat(aois.length && ctx.legendOf.has('aois') ? [{ title: 'Areas of interest', entries: ctx.legendOf.get('aois') }] : []),
      categories: new Set([...categories].filter((c) => CATEGORIES[c])),
      aois, aoisEmphasised: new Set(slide.aois ?? []), panel,
    };
  }
  const eventQuery = (slide) => ({ time: slide.time ?? fullWindow, filter: state.get().filter });
  /** The events a slide's map shows in proj's box, from the event tiles at that map's zoom. */
  const eventsFor = async (slide, proj) => (slide.layers.includes('events')
    ? eventsInBox(proj.bbox, proj.zoom, eventQuery(slide)) : NONE);
  /** The same at once, from the tiles the live map holds (its own zoom). */
  const eventsNow = (slide, proj) => (slide.layers.includes('events')
    ? eventsInBoxNow(proj.bbox, map.getZoom(), eventQuery(slide)) : NONE);
  /** A slide's image content; its events come from the event tiles at the image's own zoom. */
  async function page(slide, i, total, panel = true) {
    await fetchEvents([slide]);
    const proj = projection(slideView(slide), mapWidth(panel), SIZE.mapHeight);
    return pageOf(slide, i, total, panel, await eventsFor(slide, proj));
  }
  const currentSlide = () => ({ ...captureSlide(state.get(), 'Sahel Map: current view'),
    events: state.get().selected ? [state.get().selected] : [] });
  const printer = printing({ sheet: document.getElementById('print-sheet'), pageOf, eventsFor, eventsNow, fetchEvents,
    slides: () => view.current?.slides ?? [],
    // The view as the screen frames it (its free part, as a slide captures it), fitted to the paper.
    currentSlide: () => ({ ...currentSlide(), view: { bbox: freeBounds(map) },
      sources: viewSources(ctx.collections, state.get().visible) }) });
  const printFailed = (e) => { view.status = `Could not print: ${e.message}`; render(); };
  const png = (canvas) => new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  const download = (blob, name) => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob); a.download = name; a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };
  const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);

  const on = {
    pick: (id) => open(id).catch(fail),
    create: async () => {
      const name = `Briefing ${new Date().toISOString().slice(0, 10)}`;
      try { const { body } = await api.createBriefing({ name, banner: '', slides: [] }); await refreshList(body.id); } catch (e) { fail(e); }
    },
    add: () => change([...view.current.slides,
      captureSlide(state.get(), `Slide ${view.current.slides.length + 1}`, ctx.aois?.selected(), freeBounds(map))],
      'Slide added: edit its text, then save.'),
    move: (i, d) => change(moved(view.current.slides, i, d)),
    duplicate: (i) => change(duplicated(view.current.slides, i)),
    remove: (i) => change(removed(view.current.slides, i)),
    edit: (i, patch) => { view.current = { ...view.current, slides: edited(view.current.slides, i, patch) }; view.dirty = true; sayWhere(); },
    retake: (i) => change(edited(view.current.slides, i, (({ view: v, layers, time }) => ({ view: v, layers, time }))(captureSlide(state.get(), undefined, null, freeBounds(map)))), 'View updated.'),
    meta: (patch) => { view.current = { ...view.current, ...patch }; view.dirty = true; sayWhere(); },
    goto: (i) => show(view.current.slides[i]),
    save: async () => {
      try {
        const { body, etag } = await api.saveBriefing(view.current.id, briefingBody(view.current), view.etag);
        Object.assign(view, { current: body, etag, dirty: false, status: `Saved (version ${body.version}).` });
        view.list = await api.briefings(); render(); sayWhere();
      } catch (e) { fail(e); }
    },
    present: async (from = 0) => {
      remember();
      await fetchEvents(view.current.slides);
      stage.start(view.current, { dates: datesText, from, follow: followLink(view.current.id) });
      stage.setAudience(audienceLine());
    },
    exportGeojson: () => { location.href = api.briefingExportUrl(view.current.id); },
    exportPack: () => { location.href = api.briefingPackUrl(view.current.id); },
    importFile: async (file) => {
      try { const { body } = await api.importBriefing(await file.text()); await refreshList(body.id); view.status = 'Imported.'; render(); } catch (e) { fail(e); }
    },
    pngView: async () => download(await png(slideCanvas(await page(currentSlide(), 0, 0, false))), 'sahel-map-view.png'),
    printView: (paper) => printer.print({ kind: 'view', paper }).catch(printFailed),
    printBriefing: (handout) => printer.print({ kind: 'briefing', paper: 'A4', handout }).catch(printFailed),
    pngSlides: async () => {
      const s = view.current.slides;
      for (let i = 0; i < s.length; i++) {
        download(await png(slideCanvas(await page(s[i], i, s.length))), `${slug(view.current.name)}-${String(i + 1).padStart(2, '0')}.png`);
      }
    },
  };

  // For automation and tests: the images as data URLs, without going through a download.
  window.sahelMap = {
    ...window.sahelMap,
    slidePng: async (i) => slideCanvas(await page(view.current.slides[i], i, view.current.slides.length)).toDataURL('image/png'),
    viewPng: async () => slideCanvas(await page(currentSlide(), 0, 0, false)).toDataURL('image/png'),
    knownLayers: () => [...known],
    // The print sheet, laid out and drawn as the print buttons do, without opening the dialog.
    preparePrint: (options) => printer.prepare(options),
    briefingSlide: (i) => view.current?.slides[i] ?? null,
    // [lat, lon] of a slide's event (points only), to check it is framed in the free map.
    eventLatLng: (id) => {
      const g = eventById.get(id)?.geometry;
      return g?.type === 'Point' ? [g.coordinates[1], g.coordinates[0]] : null;
    },
  };
  // Presenting to followers needs a name to show them (presence counts signed-in pages only).
  const followLink = (id) => (session().user ? `${location.origin}${location.pathname}?follow=${encodeURIComponent(id)}` : null);

  /** Follows the presenter of briefing id: the stage opens on their slide and turns with them. */
  async function follow(id) {
    await open(id);
    following = id;
    document.body.dataset.following = id;
    followPresenter();
  }
  // Turning follows at once: a turn does not wait for the last slide's flight (go() drops a flight
  // overtaken by a newer turn). Only the stage's start is waited for; it then takes the newest slide.
  let starting = null;
  function followPresenter() {
    const p = presenterOf();
    if (stage.active) stage.setAudience(audienceLine());
    if (!p || !view.current || following !== view.current.id) return;
    if (!stage.active) {
      if (starting) return;
      starting = (async () => {
        remember();
        await fetchEvents(view.current.slides);
        await stage.start(view.current, { dates: datesText, from: p.slide });
        stage.setAudience(audienceLine());
      })().catch((e) => console.warn('Could not follow the presenter:', e))
        .finally(() => { starting = null; if (stage.active) followPresenter(); });
      return;
    }
    if (stage.index !== p.slide) stage.go(p.slide);
  }

  /**
   * Another user's change to a briefing, from the live feed. The list takes it at once; the open
   * briefing is reloaded when this page has nothing unsaved in it (the stage, if it shows it,
   * moves to the new text), otherwise the analyst is told who saved and may reload or keep theirs
   * (their save would meet the 412 and the same offer).
   */
  async function remote({ target, version, actor, action }) {
    view.list = await api.briefings();
    const b = view.current;
    if (!b || b.id !== target || (action !== 'delete' && b.version >= version)) { render(); return; }
    const who = actor ?? 'Someone';
    if (action === 'delete') {
      view.status = `${who} deleted this briefing; it can be restored from its history.`;
    } else if (view.dirty) {
      view.status = `${who} saved version ${version} while you were editing. Reload to see it (your unsaved changes would be lost), or keep yours and save (you will then choose how).`;
      view.offers = [
        { action: 'reload', label: 'Reload', run: () => open(target).catch(fail) },
        { action: 'keep-mine', label: 'Keep mine', run: () => { view.offers = null; view.status = 'Kept yours.'; render(); } },
      ];
    } else {
      await open(target);
      await fetchEvents(view.current.slides);
      view.status = `${who} saved version ${version}; this is it.`;
      if (stage.briefingId === target) stage.update(view.current);
    }
    render();
  }

  await refreshList(null);
  if (view.list.length) await open(view.list.find((b) => b.id === 'partnership-not-dependency')?.id ?? view.list[0].id);
  return { remote, follow, resendPresence: () => slot.resend() };
}
