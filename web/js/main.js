// Wiring: fetch the collections, draw them, and keep map, panels and URL in step with the state.
import * as api from './api.js';
import { createState, eventsInWindow, timeExtent, toggled } from './state.js';
import { decode, encode } from './permalink.js';
import { monthEnd, monthIndex, monthStart } from './dates.js';
import { CONTEXT, HATCHES, MISSION, MISSION_ORDER, PLACE_DOT, legendEntries } from './styles.js';
import { contextLayer, createMap, currentView, onlineTiles, setLandTransparent } from './map/base.js';
import { missionLayer } from './map/mission.js';
import { labelLayer, missionEntries, placeDots, placeEntries } from './map/labels.js';
import { eventsLayer } from './map/events.js';
import { measureControl } from './map/measure.js';
import { installPatterns, swatch } from './ui/swatch.js';
import { renderLayerPanel, syncLayerPanel } from './ui/layers.js';
import { renderLegend } from './ui/legend.js';
import { timeline } from './ui/timeline.js';
import { highlightItem, markSelected, renderEventList } from './ui/eventlist.js';
import { onlineBasemapSetting, userNameSetting } from './ui/settings.js';
import { briefings } from './briefing/controller.js';
import { startAois } from './aoiapp.js';
import { AOI_LEGEND } from './styles.js';

const $ = (id) => document.getElementById(id);

async function start() {
  installPatterns(HATCHES);
  const fromHash = decode(location.hash);
  const map = createMap($('map'), fromHash.view);
  measureControl().addTo(map);
  const collections = await api.collections();
  const loaded = await Promise.all(collections.map(async (c) => [c, await api.items(c.id)]));
  const byId = new Map(loaded.map(([c, g]) => [c.id, { collection: c, geojson: g }]));
  const sortKey = (c) => (c.kind === 'mission' ? MISSION_ORDER.indexOf(c.id) : 0);
  const drawn = new Map();
  const labels = [];
  const legendOf = new Map();

  for (const [c, g] of [...loaded].sort((a, b) => sortKey(a[0]) - sortKey(b[0]))) {
    if (c.kind === 'context' && c.id === 'places') {
      drawn.set(c.id, placeDots(map, g));
      labels.push(...placeEntries(g));
    } else if (c.kind === 'context') {
      drawn.set(c.id, contextLayer(map, c.id, g));
    } else if (c.kind === 'mission') {
      drawn.set(c.id, missionLayer(map, c, g));
      labels.push(...missionEntries(c.id, g, MISSION[c.id]?.color));
      legendOf.set(c.id, legendEntries(c.id, g.features));
    }
  }
  const labelGroup = labelLayer(map, labels).addTo(map);
  if (!fromHash.view) fitMission(map, drawn);
  const eventFeatures = byId.get('events')?.geojson.features ?? [];
  const extent = timeExtent(eventFeatures) ?? { from: '2024-01-01', to: '2024-12-31' };
  const fullWindow = { from: monthStart(monthIndex(extent.from)), to: monthEnd(monthIndex(extent.to)) };

  const state = createState({
    view: fromHash.view ?? currentView(map),
    visible: fromHash.visible ?? new Set(collections.map((c) => c.id)),
    time: fromHash.time ?? fullWindow,
    selected: fromHash.selected ?? null,
  });

  const list = $('event-list');
  const events = eventsLayer(map, { features: eventFeatures }, {
    citation: api.citation,
    onHover: (id) => { events.highlight(id); highlightItem(list, id, true); },
    onSelect: (id, fly) => { state.set({ selected: id }); if (fly) events.focus(id); },
  });
  drawn.set('events', events.layer);

  userNameSetting($('user-name'));
  let aoiCount = 0;
  let rendered = false;
  const aoiApp = startAois({ map, state, features: byId.get('aois')?.geojson.features ?? [], panelRoot: $('aoi-panel'),
    onEvent: (id) => { state.set({ selected: id }); events.focus(id); },
    onCount: (n) => { const changed = (n > 0) !== (aoiCount > 0); aoiCount = n; if (changed && rendered) render(state.get()); } });
  drawn.set('aois', aoiApp.layer);
  legendOf.set('aois', [AOI_LEGEND]);

  const panelRows = collections.filter((c) => drawn.has(c.id)).map((c) => ({
    id: c.id, title: c.title, kind: c.kind,
    preview: c.kind === 'context' ? contextPreview(c.id)
      : legendOf.get(c.id)?.find((e) => e.shape !== 'point') ?? legendOf.get(c.id)?.[0],
  })).sort((a, b) => sortKey(a) - sortKey(b));
  renderLayerPanel($('layer-panel'), panelRows, state.get().visible,
    (id, on) => state.set({ visible: toggled(state.get().visible, id, on) }));

  const time = timeline($('timeline'), extent, (t) => state.set({ time: t }),
    (t) => eventsInWindow(eventFeatures, t).length > 0);

  let tiles = null;
  const setOnline = (on) => {
    if (on) { tiles = tiles ?? onlineTiles(config.onlineBasemap); tiles.addTo(map); } else { tiles?.remove(); }
    if (drawn.has('countries')) setLandTransparent(drawn.get('countries'), on);
  };
  const config = await api.appConfig();
  setOnline(onlineBasemapSetting($('online-basemap'), config.onlineBasemap, setOnline));

  let shownKey = '';
  function render(s) {
    for (const [id, layer] of drawn) {
      if (s.visible.has(id) && !map.hasLayer(layer)) layer.addTo(map);
      if (!s.visible.has(id) && map.hasLayer(layer)) layer.remove();
    }
    labelGroup.setHidden(collections.map((c) => c.id).filter((id) => !s.visible.has(id)));
    const shown = s.visible.has('events') ? eventsInWindow(eventFeatures, s.time) : [];
    const key = shown.map((f) => f.properties.id).join('|') + s.visible.has('events');
    if (key !== shownKey) {
      shownKey = key;
      events.show(new Set(shown.map((f) => f.properties.id)));
      renderEventList(list, shown, {
        onSelect: (id) => { state.set({ selected: id }); events.focus(id); },
        onHover: (id) => { events.highlight(id); highlightItem(list, id, false); },
      });
      list.dataset.count = String(shown.length);
    }
    markSelected(list, s.selected);
    time.show(s.time, shown.length, eventFeatures.length);
    syncLayerPanel($('layer-panel'), s.visible);
    const sections = MISSION_ORDER.filter((id) => s.visible.has(id) && legendOf.has(id))
      .map((id) => ({ id, title: byId.get(id).collection.title, entries: legendOf.get(id) }));
    if (aoiCount && s.visible.has('aois')) sections.push({ id: 'aois', title: 'Areas of interest', entries: [AOI_LEGEND] });
    renderLegend($('legend'), sections, new Set(shown.map((f) => f.properties.category)));
    const hash = encode(s);
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }
  state.subscribe(render);
  map.on('moveend', () => state.set({ view: currentView(map) }));
  window.addEventListener('hashchange', () => {
    const h = decode(location.hash);
    if (h.view) map.setView([h.view.lat, h.view.lon], h.view.zoom);
    state.set({ ...h });
  });
  render(state.get());
  rendered = true;
  if (state.get().selected) events.open(state.get().selected);
  await briefings({ map, state, events, aois: aoiApp, byId, collections, eventFeatures, legendOf, fullWindow,
    panel: $('briefing-panel'), stage: $('presenter') })
    .catch((e) => console.warn('Briefings are unavailable:', e));
  document.body.dataset.ready = 'true';
}

function contextPreview(id) {
  if (id === 'places') return { shape: 'point', style: PLACE_DOT };
  return CONTEXT[id] ? { shape: id === 'rivers' ? 'line' : 'fill', style: CONTEXT[id] } : null;
}

/** With no view in the URL, frame the mission layers, leaving room for the legend on the left. */
function fitMission(map, drawn) {
  const bounds = window.L.latLngBounds([]);
  for (const id of MISSION_ORDER) if (drawn.has(id)) bounds.extend(drawn.get(id).getBounds());
  if (bounds.isValid()) map.fitBounds(bounds, { paddingTopLeft: [300, 10], paddingBottomRight: [10, 10], animate: false });
}

start().catch((e) => {
  console.warn('Sahel Map could not start:', e);
  const box = $('load-error');
  box.textContent = `The map could not load its data: ${e.message}`;
  box.hidden = false;
  document.body.dataset.ready = 'error';
});
