// What the events panel and the timeline show, asked of the server: the page of events in view
// (or at a cluster's spot) under the time window and the filter, the histogram of months under the
// filter, and the count in the window. Every answer is the server's count, never a capped list
// counted in the page; a newer question aborts an older one still in flight.
import * as api from './api.js';
import { filterParams } from './eventtiles.js';
import { el } from './ui/dom.js';
import { highlightItem, markSelected, renderEventList } from './ui/eventlist.js';

export const PAGE_SIZE = 50;

/**
 * ctx: {map, state, events (map/events.js), timeline (ui/timeline.js), parts: {list, status, pager},
 * onWindowCounts({total, categories})}.
 */
export function eventBrowser({ map, state, events, timeline, parts, onWindowCounts }) {
  let area = null;
  let offset = 0;
  let pageKey = null;
  const { ask, once: histogramOnce, forget } = latestQuestions((signal, params) =>
    api.eventsHistogram(params, { signal }));

  /** The list's box, rounded as it is sent. */
  const listBox = () => (area ?? viewBox(map)).map((v) => Number(v.toFixed(5)));

  /** The list's question without its offset: a new one starts again at the first page. */
  let questionKey = null;
  function question(s) {
    const params = filterParams(s);
    params.set('bbox', listBox().join(','));
    if (String(params) !== questionKey) { questionKey = String(params); offset = 0; }
    return params;
  }

  async function loadPage(s) {
    const params = question(s);
    const key = `${params}|${offset}`;
    if (key === pageKey) { markSelected(parts.list, s.selected); return; }
    pageKey = key;
    // The items API leaves numberMatched out where an exact count would cost too much (over 10,000
    // matches), so the list's total comes from the events aggregate, which always counts exactly.
    const [body, counted] = await ask('page', (signal) => Promise.all([
      api.eventsPage(params, { limit: PAGE_SIZE, offset, signal }),
      exactCount(params, signal)])).catch((e) => {
      // Not answered, so not asked: the next refresh (or the retry button) asks it again.
      if (pageKey === key) pageKey = null;
      parts.status.replaceChildren(el('span', { text: 'The event list could not load. ' }),
        el('button', { type: 'button', class: 'link-button', text: 'Try again', onclick: () => loadPage(state.get()) }));
      throw e;
    }) ?? [];
    if (!body) return;
    events.remember(body.features);
    renderEventList(parts, { features: body.features, offset, limit: PAGE_SIZE, total: counted.total, area }, {
      onSelect: (id) => { state.set({ selected: id }); events.focus(id); },
      onHover: (id) => { events.highlight(id); highlightItem(parts.list, id, false); },
      onPage: (o) => { offset = o; loadPage(state.get()); },
      onClearArea: () => { area = null; loadPage(state.get()); },
    });
    markSelected(parts.list, state.get().selected);
  }

  /** The exact count for the list's question, asked once per question (not per page). */
  let countFor = { key: null, total: null };
  async function exactCount(params, signal) {
    const key = String(params);
    if (countFor.key === key) return countFor;
    const h = await api.eventsHistogram(params, { signal });
    countFor = { key, total: h.total };
    return countFor;
  }

  async function loadHistogram(s) {
    const body = await histogramOnce('histogram', filterParams({ filter: s.filter }));
    if (body) timeline.setHistogram(body.months, body.total);
  }

  async function loadWindowCounts(s) {
    const body = await histogramOnce('window', filterParams(s));
    if (body) onWindowCounts(body);
  }

  return {
    /** The state changed (view, window, filter, selection): ask again whatever depends on it. */
    refresh(s, { moved = false, changed = false } = {}) {
      if (moved) area = null;
      if (changed) {
        // The events changed on the server: every remembered question is stale.
        pageKey = null;
        countFor = { key: null, total: null };
        forget();
      }
      Promise.all([loadPage(s), loadHistogram(s), loadWindowCounts(s)])
        .catch((e) => console.warn('Events unavailable:', e));
    },
    /** The lon/lat box the list is about now. */
    box: listBox,
    /** Narrows the list to one spot (a cluster that cannot be split further). */
    showArea([w, s, e, n]) {
      const pad = 1e-5;
      area = [w - pad, s - pad, e + pad, n + pad];
      loadPage(state.get());
    },
  };
}

/** The map's view as a lon/lat box, clamped to the world. */
function viewBox(map) {
  const b = map.getBounds();
  const clamp = (v, lim) => Math.max(-lim, Math.min(lim, v));
  return [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)];
}

/**
 * Questions by name where only the latest counts: ask(name, fn) aborts the one of that name still
 * in flight (an aborted one answers null); once(name, params) asks load(signal, params) only when
 * params changed since that name was last answered (null otherwise); forget() makes every name ask
 * again.
 */
function latestQuestions(load) {
  const inflight = {};
  const asked = {};
  const ask = (name, fn) => {
    inflight[name]?.abort();
    const c = new AbortController();
    inflight[name] = c;
    return fn(c.signal).catch((e) => { if (e.name !== 'AbortError') throw e; return null; });
  };
  const once = (name, params) => {
    const key = String(params);
    if (asked[name] === key) return Promise.resolve(null);
    asked[name] = key;
    return ask(name, (signal) => load(signal, params)).catch((e) => {
      if (asked[name] === key) delete asked[name];
      throw e;
    });
  };
  const forget = () => { for (const name of Object.keys(asked)) delete asked[name]; };
  return { ask, once, forget };
}
