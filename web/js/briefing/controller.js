// Briefings on the live map: the editor panel, the presenter and the exports, wired to the state.
// The pieces share one object, b: the context the page gives (ctx), the editor's view model
// (view), the events the open briefing's slides name, the stage, presence; and the operations
// they call on each other (open, refreshList, fail, render). Presence and following are in
// presence.js, the exports in exports.js, conflicting saves in conflicts.js.
import * as api from '../api.js';
import { captureSlide, briefingBody, dataDates, duplicated, edited, moved, removed, slideState,
  slideView } from './slides.js';
import { renderEditor } from '../ui/briefing.js';
import { session } from '../session.js';
import { presenter } from '../ui/presenter.js';
import { flyToView, freeBounds, resized } from '../map/view.js';
import { formatEventDate } from '../dates.js';
import { briefingPresence, startStage } from './presence.js';
import { exportActions } from './exports.js';
import { offerConflict, remoteChange } from './conflicts.js';

/**
 * ctx: {map, state, events, aois, byId, collections, legendOf, fullWindow, panel, stage}
 * (aois: the AOI app, whose open area a new slide highlights and whose emphasise() shows a slide's).
 */
export async function briefings(ctx) {
  const b = {
    ctx,
    view: { list: [], current: null, etag: null, dirty: false, status: '', people: '' },
    slideEvents: slideEvents(),
    datesText: datesLine(ctx.collections),
  };
  let actions = null;
  b.render = () => renderEditor(ctx.panel, b.view, actions);
  b.open = (id) => open(b, id);
  b.refreshList = (select) => refreshList(b, select);
  b.fail = (e) => {
    if (e.status === 412 && b.view.current?.id) { offerConflict(b); return; }
    b.view.status = `Not saved: ${e.description ?? e.message}`; b.render();
  };
  b.presence = briefingPresence(b);
  b.stage = stage(b);
  actions = { ...editorActions(b), ...exportActions(b) };

  // Leaving (closing the tab, reloading, following a link) with unsaved changes asks first.
  window.addEventListener('beforeunload', (e) => { if (b.view.dirty) { e.preventDefault(); e.returnValue = ''; } });

  await refreshList(b, null);
  const list = b.view.list;
  if (list.length) await open(b, list.find((x) => x.id === 'partnership-not-dependency')?.id ?? list[0].id);
  return { remote: (change) => remoteChange(b, change), follow: (id) => b.presence.follow(id),
    resendPresence: () => b.presence.resend() };
}

/** The events the open briefing's slides name, fetched by id when it opens (the page holds no event list). */
function slideEvents() {
  const byId = new Map();
  const features = (slide) => slide.events.map((id) => byId.get(id)).filter(Boolean);
  return {
    get: (id) => byId.get(id),
    fetch: (slides) => Promise.all([...new Set(slides.flatMap((s) => s.events))]
      .filter((id) => !byId.has(id))
      .map((id) => api.item('events', id).then((f) => byId.set(id, f)).catch(() => null))),
    features,
    /** A slide's events as its text column lists them. */
    describe: (slide) => features(slide).map((f) => ({
      date: formatEventDate(f.properties.start, f.properties.end, f.properties.date_precision), title: f.properties.title })),
  };
}

function datesLine(collections) {
  const dates = dataDates(collections);
  return `Data: events to ${dates.events ? formatEventDate(dates.events, dates.events, 'day') : '—'}`
    + ` · layers computed ${dates.computed ?? '—'}`;
}

async function open(b, id) {
  const { body, etag } = await api.briefing(id);
  await b.slideEvents.fetch(body.slides);
  const switched = b.view.current?.id !== body.id;
  Object.assign(b.view, { current: body, etag, dirty: false, status: '', offers: null });
  if (switched) { b.view.people = ''; b.presence.watch(body.id); }
  b.render();
  b.presence.sayWhere();
}

async function refreshList(b, select) {
  b.view.list = await api.briefings();
  if (select) await open(b, select); else b.render();
}

/**
 * The presenter, showing slides on the live map. The map the user had before presenting is put
 * back exactly on exit: the state (view, layers, time window, filter, selected event) and
 * Leaflet's own centre and zoom, unrounded.
 */
function stage(b) {
  const { map, state, events, fullWindow } = b.ctx;
  const allIds = b.ctx.collections.map((c) => c.id);
  // Each show() and the presenter's exit take a turn; a flight that ends after a later turn began
  // (the user left the presenter mid-flight) must not emphasise its slide's events on the user's map.
  let turn = 0;
  let before = null;
  b.remember = () => {
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
  b.show = async (slide, animate = true) => {
    const mine = ++turn;
    state.set({ ...slideState(slide, allIds), time: slide.time ?? fullWindow });
    events.emphasise(slide.events);
    b.ctx.aois?.emphasise(slide.aois ?? []);
    await flyToView(map, slideView(slide), { animate });
    if (mine === turn) events.emphasise(slide.events);
  };
  return presenter(b.ctx.stage, {
    show: (slide) => b.show(slide),
    describe: b.slideEvents.describe,
    onSlide: () => { if (!b.presence.following) b.presence.sayWhere(); },
    onEnter: () => { document.body.classList.add('presenting'); resized(map); },
    onExit: () => {
      document.body.classList.remove('presenting'); events.emphasise([]); b.ctx.aois?.emphasise([]); resized(map);
      restore();
      b.presence.stopFollowing();
      b.presence.sayWhere();
    },
    openNotesWindow: () => window.open('/notes.html', 'sahel-map-notes', 'width=640,height=520'),
  });
}

/** What the editor's buttons and fields do (besides the exports). */
function editorActions(b) {
  const { map, state } = b.ctx;
  const { view } = b;
  const change = (slides, status = '') => {
    view.current = { ...view.current, slides }; view.dirty = true; view.status = status; b.render(); b.presence.sayWhere();
  };
  const patched = (patch) => { view.current = { ...view.current, ...patch }; view.dirty = true; b.presence.sayWhere(); };
  const capture = (title, aoi = null) => captureSlide(state.get(), title, aoi, freeBounds(map));
  return {
    pick: (id) => open(b, id).catch(b.fail),
    create: async () => {
      const name = `Briefing ${new Date().toISOString().slice(0, 10)}`;
      try { const { body } = await api.createBriefing({ name, banner: '', slides: [] }); await refreshList(b, body.id); } catch (e) { b.fail(e); }
    },
    add: () => change([...view.current.slides, capture(`Slide ${view.current.slides.length + 1}`, b.ctx.aois?.selected())], 'Slide added: edit its text, then save.'),
    move: (i, d) => change(moved(view.current.slides, i, d)),
    duplicate: (i) => change(duplicated(view.current.slides, i)),
    remove: (i) => change(removed(view.current.slides, i)),
    edit: (i, patch) => patched({ slides: edited(view.current.slides, i, patch) }),
    // The slide's framing (view, layers, time window) taken again from the map; its text stays.
    retake: (i) => change(edited(view.current.slides, i, (({ view: v, layers, time }) => ({ view: v, layers, time }))(capture(undefined))), 'View updated.'),
    meta: (patch) => patched(patch),
    goto: (i) => b.show(view.current.slides[i]),
    save: async () => {
      try {
        const { body, etag } = await api.saveBriefing(view.current.id, briefingBody(view.current), view.etag);
        Object.assign(view, { current: body, etag, dirty: false, status: `Saved (version ${body.version}).` });
        view.list = await api.briefings(); b.render(); b.presence.sayWhere();
      } catch (e) { b.fail(e); }
    },
    present: (from = 0) => startStage(b, from, followLink(view.current.id)),
    exportGeojson: () => { location.href = api.briefingExportUrl(view.current.id); },
    exportPack: () => { location.href = api.briefingPackUrl(view.current.id); },
    importFile: async (file) => {
      try { const { body } = await api.importBriefing(await file.text()); await refreshList(b, body.id); view.status = 'Imported.'; b.render(); } catch (e) { b.fail(e); }
    },
  };
}

/** Presenting to followers needs a name to show them (presence counts signed-in pages only). */
const followLink = (id) => (session().user ? `${location.origin}${location.pathname}?follow=${encodeURIComponent(id)}` : null);
