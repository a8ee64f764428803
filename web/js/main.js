// Wiring: fetch the small collections and draw them, draw the events from tiles, and keep map,
// panels and URL in step with the state.
import * as api from './api.js';
import { createState, toggled } from './state.js';
import { decode, encode } from './permalink.js';
import { monthEnd, monthIndex, monthStart } from './dates.js';
import { AOI_LEGEND, AREA_LABELS, CONTEXT, RIVER_LABELS, PLACE_DOT, colorOf, hatches, legendEntries, missionOrder } from './styles.js';
import { contextLayer, createMap, currentView, onlineTiles, setBasemap } from './map/base.js';
import { reliefMeta, reliefSetting } from './map/relief.js';
import { missionLayer } from './map/mission.js';
import { labelLayer, missionEntries, placeDots, placeEntries } from './map/labels.js';
import { areaEntries, riverEntries } from './arealabels.js';
import { eventsLayer } from './map/events.js';
import { measureControl } from './map/measure.js';
import { installPatterns } from './ui/swatch.js';
import { renderLayerPanel, syncLayerPanel } from './ui/layers.js';
import { downloadMenu, fileFormats, itemsFileUrl } from './ui/downloads.js';
import { el } from './ui/dom.js';
import { renderLegend } from './ui/legend.js';
import { timeline } from './ui/timeline.js';
import { highlightItem, renderEventFilter } from './ui/eventlist.js';
import { renderEventImport } from './ui/eventimport.js';
import { renderDocumentUpload } from './ui/documentupload.js';
import { reviewPointer } from './map/reviewpoint.js';
import { onlineBasemapSetting } from './ui/settings.js';
import { accountControl } from './ui/account.js';
import { loadSession, onSessionChange } from './session.js';
import { followChanges } from './live.js';
import { presenceHeard, reloadPresence } from './presence.js';
import { filterParams, forgetTiles } from './eventtiles.js';
import { phoneSheet } from './ui/sheet.js';
import { skipLinks } from './ui/skiplinks.js';
import { eventBrowser } from './eventbrowser.js';
import { briefings } from './briefing/controller.js';
import { startAois } from './aoi/app.js';

const $ = (id) => document.getElementById(id);
/** Collections drawn from vector tiles, never fetched whole. */
const TILED = new Set(['events']);
/** Sort key of a collection: mission layers by their place in `mission` (missionOrder), others alike. */
const rankIn = (mission) => (c) => (c.kind === 'mission' ? mission.indexOf(c.id) : 0);

async function start() {
  const { map, collections, mission, byId, drawn, legendOf, names, extent, fullWindow, state, relief } = await loadMap();
  const sortKey = rankIn(mission);
  const list = $('event-list');
  const events = eventMarkers(map, state, list, (spot) => browser.showArea(spot));
  if (collections.some((c) => c.id === 'events')) drawn.set('events', events.layer);

  let aoiCount = 0;
  let rendered = false;
  const aoiApp = startAois({ map, state, features: byId.get('aois')?.geojson.features ?? [], panelRoot: $('aoi-panel'),
    onEvent: (id) => { state.set({ selected: id }); events.focus(id); },
    onCount: (n) => { const changed = (n > 0) !== (aoiCount > 0); aoiCount = n; if (changed && rendered) render(state.get()); } });
  drawn.set('aois', aoiApp.layer);
  legendOf.set('aois', [AOI_LEGEND]);

  const panelRows = layerPanelRows(collections, drawn, legendOf, sortKey);
  renderLayerPanel($('layer-panel'), panelRows, state.get().visible,
    (id, on) => state.set({ visible: toggled(state.get().visible, id, on) }));
  addDownloads(collections, panelRows, state);

  const time = timeline($('timeline'), extent, (t) => state.set({ time: t }));
  const filterForm = renderEventFilter($('event-filter'), state.get().filter, (filter) => state.set({ filter }));
  let windowCategories = new Set();
  const browser = eventBrowser({ map, state, events, timeline: time,
    parts: { list, status: $('event-status'), pager: $('event-pager') },
    onWindowCounts: (body) => {
      time.setCounts(body.total);
      windowCategories = new Set(Object.keys(body.categories ?? {}).filter((c) => body.categories[c] > 0));
      renderLegendNow(state.get());
    } });

  const basemap = pageSettings(map, drawn, await api.loadConfig());

  function renderLegendNow(s) {
    const sections = mission.filter((id) => s.visible.has(id) && legendOf.has(id))
      .map((id) => ({ id, title: byId.get(id).collection.title, entries: legendOf.get(id) }));
    if (aoiCount && s.visible.has('aois')) sections.push({ id: 'aois', title: 'Areas of interest', entries: [AOI_LEGEND] });
    renderLegend($('legend'), sections, s.visible.has('events') ? windowCategories : new Set());
  }
  function render(s, patch = {}) {
    for (const [id, layer] of drawn) {
      if (s.visible.has(id) && !map.hasLayer(layer)) layer.addTo(map);
      if (!s.visible.has(id) && map.hasLayer(layer)) layer.remove();
    }
    names.setHidden(collections.map((c) => c.id).filter((id) => !s.visible.has(id)));
    askSoon('view' in patch);
    filterForm.show(s.filter);
    time.show(s.time);
    syncLayerPanel($('layer-panel'), s.visible);
    renderLegendNow(s);
    const hash = encode(s);
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }
  // The tiles, the list and the histogram: asked once per change of the state (oncePerTask).
  const askSoon = oncePerTask((moved) => {
    events.refresh();
    browser.refresh(state.get(), { moved });
  });
  state.subscribe(render);
  map.on('moveend', () => state.set({ view: currentView(map) }));
  followHash(map, state);
  render(state.get());
  rendered = true;
  if (state.get().selected) events.open(state.get().selected);
  exposeForTests(map, events, browser);
  const briefingApp = await briefings({ map, state, events, aois: aoiApp, byId, collections, legendOf, fullWindow,
    panel: $('briefing-panel'), stage: $('presenter') })
    .catch((e) => { console.warn('Briefings are unavailable:', e); return null; });

  const layerChanged = layerRedraws({ map, byId, drawn, legendOf, mission, names, relief, basemap,
    onRedrawn: () => {
      render(state.get());
      document.body.dataset.layersRedrawn = String(Number(document.body.dataset.layersRedrawn ?? 0) + 1);
    } });
  hearChanges({ aoiApp, briefingApp, events, browser, state, layerChanged });
  onSessionChange(() => briefingApp?.resendPresence());
  const follow = new URLSearchParams(location.search).get('follow');
  if (follow && briefingApp) await briefingApp.follow(follow).catch((e) => console.warn(`Cannot follow ${follow}:`, e));
  document.body.dataset.ready = 'true';
}

/** Draws the context and mission layers; returns what was drawn, the labels and legend entries. */
function drawCollections(map, loaded, mission, relief) {
  const drawn = new Map();
  const labels = [];
  const legendOf = new Map();
  const rank = rankIn(mission);
  for (const [c, g] of [...loaded].sort((a, b) => rank(a[0]) - rank(b[0]))) {
    if (c.kind === 'context' && c.id === 'places') {
      drawn.set(c.id, placeDots(map, g));
      labels.push(...placeEntries(g));
    } else if (c.kind === 'context') {
      drawn.set(c.id, contextLayer(map, c.id, g, relief));
      if (AREA_LABELS[c.id]) labels.push(...areaEntries(c.id, g, AREA_LABELS[c.id]));
      if (RIVER_LABELS[c.id]) labels.push(...riverEntries(c.id, g, RIVER_LABELS[c.id]));
    } else if (c.kind === 'mission') {
      drawn.set(c.id, missionLayer(map, c, g, mission.indexOf(c.id)));
      labels.push(...missionEntries(c.id, g, colorOf(c)));
      legendOf.set(c.id, legendEntries(c, g.features));
    }
  }
  return { drawn, labels, legendOf };
}

/** The events' time extent as ISO dates, from the collection's temporal extent. */
function timeExtent(collection) {
  const [from, to] = collection?.extent?.temporal?.interval?.[0] ?? [];
  return from ? { from: from.slice(0, 10), to: (to ?? from).slice(0, 10) } : { from: '2024-01-01', to: '2024-12-31' };
}

function contextPreview(id) {
  if (id === 'places') return { shape: 'point', style: PLACE_DOT };
  return CONTEXT[id] ? { shape: id === 'rivers' ? 'line' : 'fill', style: CONTEXT[id] } : null;
}

/** With no view in the URL, frame the mission layers, leaving room for the legend on the left. */
function fitMission(map, drawn, mission) {
  const bounds = window.L.latLngBounds([]);
  for (const id of mission) if (drawn.has(id)) bounds.extend(drawn.get(id).getBounds());
  // A phone's legend starts folded (ui/sheet.js), and 300 px would be most of its map.
  const legendRoom = map.getSize().x > 700 ? 300 : 10;
  if (bounds.isValid()) map.fitBounds(bounds, { paddingTopLeft: [legendRoom, 10], paddingBottomRight: [10, 10], animate: false });
}

start().catch((e) => {
  console.warn('Sahel Map could not start:', e);
  const box = $('load-error');
  box.textContent = `The map could not load its data: ${e.message}`;
  box.hidden = false;
  document.body.dataset.ready = 'error';
});

/** The layer panel's rows: the drawn collections in map order, each with its legend swatch. */
function layerPanelRows(collections, drawn, legendOf, sortKey) {
  return collections.filter((c) => drawn.has(c.id)).map((c) => ({
    id: c.id, title: c.title, kind: c.kind,
    preview: c.kind === 'context' ? contextPreview(c.id)
      : legendOf.get(c.id)?.find((e) => e.shape !== 'point') ?? legendOf.get(c.id)?.[0],
  })).sort((a, b) => sortKey(a) - sortKey(b));
}

/** Exports: each layer whole, the events under the current window and filter, the AOIs. */
function addDownloads(collections, panelRows, state) {
  const formatsOf = (id) => fileFormats(collections.find((c) => c.id === id));
  $('layer-panel').insertAdjacentElement('afterend', el('details', { class: 'layer-downloads' },
    el('summary', { text: 'Download layers' }),
    panelRows.filter((r) => r.id !== 'events').map((r) => downloadMenu(r.title, formatsOf(r.id),
      (f) => itemsFileUrl(r.id, f), { 'data-layer': r.id }))));
  if (collections.some((c) => c.id === 'events')) {
    $('event-tools').prepend(downloadMenu('Download events in the window',
      formatsOf('events'), (f) => itemsFileUrl('events', f, filterParams(state.get())),
      { 'data-layer': 'events' }));
  }
  if (collections.some((c) => c.id === 'aois')) {
    $('aoi-panel').insertAdjacentElement('afterend', downloadMenu('Download all areas',
      formatsOf('aois'), (f) => itemsFileUrl('aois', f), { 'data-layer': 'aois' }));
  }
}

/** The map's names (places, mission points, areas), hidden per collection, replaced per collection. */
function nameLabels(map, first) {
  let entries = first;
  let group = labelLayer(map, entries).addTo(map);
  return {
    setHidden: (collectionIds) => group.setHidden(collectionIds),
    /** The names of the collections in ids replaced by fresh (the others kept). */
    replace(ids, fresh) {
      entries = [...entries.filter((e) => !ids.has(e.collectionId)), ...fresh];
      group.remove();
      group = labelLayer(map, entries).addTo(map);
    },
  };
}

/**
 * run(moved) once per change of the state, however many set() calls made it: both ends of the
 * window moved by one script, a slide setting its layers, window and filter, a hash restored. Each
 * question asked and then dropped in the same moment still reached the server (an abort cannot
 * recall a request already handed to the network), which built it on the cores the question that
 * stayed needed. moved: whether any of those changes moved the view.
 */
function oncePerTask(run) {
  let pending = null;
  return (moved) => {
    if (pending) { pending.moved ||= moved; return; }
    pending = { moved };
    queueMicrotask(() => {
      const { moved: viewMoved } = pending;
      pending = null;
      run(viewMoved);
    });
  };
}

/**
 * Redraws the collections a change announced, 300 ms after the last announcement: a rebuild
 * (build-layers) changes every layer in one transaction, which is one redraw for the lot. Returns
 * layerChanged(id).
 */
function layerRedraws({ map, byId, drawn, legendOf, mission, names, relief, basemap, onRedrawn }) {
  const rebuilt = new Set();
  let soon = null;
  async function redraw() {
    const ids = [...rebuilt].filter((id) => byId.has(id) && id !== 'aois');
    rebuilt.clear();
    const fresh = await Promise.all(ids.map(async (id) => [byId.get(id).collection, await api.items(id)]));
    const again = drawCollections(map, fresh, mission, relief);
    for (const [c, g] of fresh) {
      byId.get(c.id).geojson = g;
      const old = drawn.get(c.id);
      const layer = again.drawn.get(c.id);
      if (!layer) continue;
      const shown = map.hasLayer(old);
      old?.remove();
      drawn.set(c.id, layer);
      if (shown) layer.addTo(map);
      if (again.legendOf.has(c.id)) legendOf.set(c.id, again.legendOf.get(c.id));
    }
    if (drawn.has('countries')) setBasemap(drawn.get('countries'), basemap());
    names.replace(new Set(ids), again.labels);
    onRedrawn();
  }
  return (id) => {
    rebuilt.add(id);
    clearTimeout(soon);
    soon = setTimeout(() => redraw().catch((e) => console.warn('Layer update missed:', e)), 300);
  };
}

/**
 * Signs in if the server asks it, makes the map, draws every collection fetched whole (all but the
 * tiled events) and the names, and makes the state from the permalink or the defaults.
 */
async function loadMap() {
  skipLinks();
  phoneSheet(document.querySelector('.sidebar'), $('legend'));
  const signIn = accountControl($('account'));
  await api.loadConfig(); // the paths every request is built from
  const session = await loadSession();
  // A server that lets only signed-in users view: ask for nothing until someone has signed in.
  if (!session.user && !session.anonymousView) await signIn.signedIn();
  const fromHash = decode(location.hash);
  const map = createMap($('map'), fromHash.view);
  measureControl().addTo(map);
  const [collections, relief] = await Promise.all([api.collections(), reliefMeta()]);
  installPatterns(hatches(collections));
  const mission = missionOrder(collections);
  const loaded = await Promise.all(collections.filter((c) => !TILED.has(c.id))
    .map(async (c) => [c, await api.items(c.id)]));
  const byId = new Map(loaded.map(([c, g]) => [c.id, { collection: c, geojson: g }]));
  const { drawn, labels, legendOf } = drawCollections(map, loaded, mission, relief);
  const names = nameLabels(map, labels);
  if (!fromHash.view) fitMission(map, drawn, mission);
  const extent = timeExtent(collections.find((c) => c.id === 'events'));
  const fullWindow = { from: monthStart(monthIndex(extent.from)), to: monthEnd(monthIndex(extent.to)) };

  const state = createState({
    view: fromHash.view ?? currentView(map),
    visible: fromHash.visible ?? new Set(collections.map((c) => c.id)),
    time: fromHash.time ?? fullWindow,
    filter: fromHash.filter ?? { q: '', categories: [] },
    selected: fromHash.selected ?? null,
  });
  return { map, collections, mission, byId, drawn, legendOf, names, extent, fullWindow, state, relief };
}

/**
 * The events on the map, drawn from tiles; hovering one marks it in the list, a cluster clicked
 * zooms in or, when zooming in cannot split it, lists its spot (listSpot(bounds)).
 */
function eventMarkers(map, state, list, listSpot) {
  const events = eventsLayer(map, {
    query: () => ({ time: state.get().time, filter: state.get().filter }),
    item: (id) => api.item('events', id),
    citation: api.citation,
    onHover: (id) => { events.highlight(id); highlightItem(list, id, true); },
    onSelect: (id) => state.set({ selected: id }),
    onCluster: (cluster, bounds) => {
      const z = map.getBoundsZoom(bounds.pad(0.3));
      if (z > map.getZoom() + 0.5 && map.getZoom() < map.getMaxZoom()) map.flyToBounds(bounds.pad(0.3), { maxZoom: map.getMaxZoom(), duration: 0.6 });
      else listSpot(cluster.bounds);
    },
  });
  return events;
}

/**
 * Upload limits and the basemap switches (online tiles, shaded relief); returns the basemap's
 * settings now, {online, relief}, for setBasemap.
 */
function pageSettings(map, drawn, config) {
  let tiles = null;
  const now = { online: false, relief: true };
  const apply = (patch) => {
    Object.assign(now, patch);
    if (now.online) { tiles = tiles ?? onlineTiles(config.onlineBasemap); tiles.addTo(map); } else { tiles?.remove(); }
    if (drawn.has('countries')) setBasemap(drawn.get('countries'), now);
  };
  renderEventImport($('event-import'), api.importEvents, config.eventImportMaxBytes);
  renderDocumentUpload($('document-upload'), api.reviewApi, config.documentUploadMaxBytes, reviewPointer(map));
  apply({ relief: reliefSetting($('relief'), (relief) => apply({ relief })),
    online: onlineBasemapSetting($('online-basemap'), config.onlineBasemap, (online) => apply({ online })) });
  return () => ({ ...now });
}

/** A permalink pasted or a history step: the map and the state go where the hash says. */
function followHash(map, state) {
  window.addEventListener('hashchange', () => {
    const h = decode(location.hash);
    if (h.view) map.setView([h.view.lat, h.view.lon], h.view.zoom);
    state.set({ ...h });
  });
}

/** For tests and benchmarks: what the map draws and the box the list is asked for. */
function exposeForTests(map, events, browser) {
  window.sahelMap = { ...window.sahelMap, events: () => events.stats(), listBox: () => browser.box(),
    eventPoint: (id) => events.pointOf(id), eventSymbols: () => events.symbols(), eventsDrawn: () => events.whenDrawn(), map };
}

/** Every instance's writes, as the change feed tells them: AOIs, briefings, events, other layers. */
function hearChanges({ aoiApp, briefingApp, events, browser, state, layerChanged }) {
  followChanges((change) => {
    if (change.kind === 'aoi') aoiApp.remote(change).catch((e) => console.warn('AOI update missed:', e));
    if (change.kind === 'briefing') briefingApp?.remote(change).catch((e) => console.warn('Briefing update missed:', e));
    if (change.kind === 'layer' && change.target === 'events') {
      forgetTiles();
      events.refresh({ changed: true });
      browser.refresh(state.get(), { changed: true });
    } else if (change.kind === 'layer') {
      layerChanged(change.target);
    }
  }, { onPresence: presenceHeard, onReconnect: reloadPresence });
}
