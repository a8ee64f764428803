// The AOI app's state and what shows it. One object, app, holds the saved areas (each with the ETag
// its next write must carry), the one open in the form, a drawn area not yet saved (the draft),
// the undo history of the open area, and the map layer and panel that show them. The functions
// here keep the list, the form, the map's selection and the analysis in step with that state; the
// writes to the server are in writes.js, file import in importing.js.
import * as aois from './requests.js';
import { monthIndex, monthLabel } from '../dates.js';
import { describePeople, presenceSlot, watchPresence } from '../presence.js';

export const DRAFT = 'draft:new'; // never a server id (those are [a-z0-9-])
export const etagOf = (f) => `"${f.properties.version}"`;
export const quoted = (name) => `“${name}”`;

/** The state of the AOI app; its layer, panel and edits are set by startAois once they exist. */
export function aoiSession({ state, features, onCount }) {
  return {
    state,
    onCount,
    items: new Map(features.map((f) => [f.id, { feature: f, etag: etagOf(f) }])),
    selected: null,
    draft: null,
    analysisToken: 0,
    replaying: false, // an undo or redo running: what it does is not a new edit
    edits: null,
    layer: null,
    panel: null,
    presence: null,
  };
}

/** A step the analyst may undo, unless it is itself an undo or redo being replayed. */
export function record(app, command) { if (!app.replaying) app.edits.push(command); }

export function refresh(app) {
  const rows = [...app.items.values()].map(({ feature: f }) => ({ id: f.id, name: f.properties.name, tags: f.properties.tags ?? [] }))
    .sort((a, b) => a.name.localeCompare(b.name));
  app.panel.list(rows, app.selected);
  app.onCount?.(app.items.size);
}

/** Opens area id (an AOI id, DRAFT, or null for none) in the form and on the map. */
export function show(app, id) {
  app.presence.announce(id);
  app.selected = id;
  app.layer.select(id);
  app.panel.form(id === DRAFT ? app.draft : id ? app.items.get(id).feature : null);
  refresh(app);
}

/** The analyst picked area id: the draft, if any, is given up and the history starts afresh. */
export function select(app, id) {
  if (id === app.selected) return;
  if (!app.replaying) app.edits.clear(); // the history belongs to the area open in the form
  if (app.draft) discardDraft(app);
  if (!app.items.has(id)) return;
  app.panel.message(null);
  show(app, id);
  analyse(app);
}

/** Closes the form when id was open in it (it is gone). */
export function closeIfOpen(app, id) {
  if (app.selected === id) { show(app, null); app.panel.analysis(null); }
}

export function discardDraft(app) {
  app.layer.remove(DRAFT);
  app.draft = null;
  closeIfOpen(app, DRAFT);
}

/** Asks the server what lies in the open area in the time window; only the newest answer is shown. */
export function analyse(app) {
  const id = app.selected;
  const token = ++app.analysisToken;
  const t = app.state.get().time;
  app.panel.analysis('loading');
  aois.analysis(id, t ? `${t.from}/${t.to}` : null)
    .then((r) => { if (token === app.analysisToken) app.panel.analysis(r, windowLabel(app.state), app.items.get(id)?.feature.properties.name); })
    .catch((e) => { if (token === app.analysisToken) app.panel.analysis(e); });
}

/** An area as the server now has it, with its ETag: kept, and drawn. */
export function keep(app, { feature, etag }) {
  app.items.set(feature.id, { feature, etag });
  app.layer.put(feature);
}

/** An area gone from the server: off the list, the map and the form. */
export function forget(app, id) {
  app.items.delete(id);
  app.layer.remove(id);
  closeIfOpen(app, id);
}

function windowLabel(state) {
  const t = state.get().time;
  if (!t) return 'all dates';
  const [a, b] = [monthLabel(monthIndex(t.from)), monthLabel(monthIndex(t.to))];
  return a === b ? a : `${a} – ${b}`;
}

/**
 * Presence: the open area is announced (viewing, then editing from the first change), and who
 * else has it open is shown in its form. announce(id) is called before id is shown.
 */
export function aoiPresence(app) {
  const slot = presenceSlot('aoi');
  let unwatch = () => {};
  const placeOf = (id) => (id && id !== DRAFT ? `aoi:${id}` : null);
  return {
    editing() { if (placeOf(app.selected)) slot.at(placeOf(app.selected), 'editing'); },
    announce(id) {
      // The same area shown again: its form is back to what is saved, so no longer being edited.
      if (placeOf(id) && placeOf(id) === placeOf(app.selected)) { slot.at(placeOf(id), 'viewing'); return; }
      unwatch();
      app.panel.people('');
      slot.at(placeOf(id));
      if (placeOf(id)) unwatch = watchPresence(placeOf(id), (list) => { if (app.selected === id) app.panel.people(describePeople(list)); });
    },
  };
}
