// The app's state: view, visible layers, time window, event filter, selected event. Plain data plus a tiny
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
