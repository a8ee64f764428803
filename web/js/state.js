// The app's state: view, visible layers, time window, selected event. Plain data plus a tiny
// subscribe/notify; no DOM and no Leaflet, so it can be reasoned about (and tested) alone.

export function createState(initial) {
  let state = { view: null, visible: new Set(), time: null, selected: null, ...initial };
  const listeners = new Set();
  return {
    get: () => state,
    set(patch) {
      state = { ...state, ...patch };
      listeners.forEach((fn) => fn(state, patch));
    },
    subscribe(fn) { listeners.add(fn); return () => listeners.delete(fn); },
  };
}

export function toggled(visible, id, on) {
  const next = new Set(visible);
  if (on) next.add(id); else next.delete(id);
  return next;
}

/** An event is in the window when its own span [start, end] overlaps it (inclusive ISO dates). */
export function inWindow(props, time) {
  if (!time) return true;
  const end = props.end ?? props.start;
  return props.start <= time.to && end >= time.from;
}

export function eventsInWindow(features, time) {
  return features.filter((f) => inWindow(f.properties, time));
}

/** Full time extent of the events, as {from, to} ISO dates. */
export function timeExtent(features) {
  if (!features.length) return null;
  let from = features[0].properties.start;
  let to = features[0].properties.end ?? from;
  for (const { properties: p } of features) {
    if (p.start < from) from = p.start;
    if ((p.end ?? p.start) > to) to = p.end ?? p.start;
  }
  return { from, to };
}
