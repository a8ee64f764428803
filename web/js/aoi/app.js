// AOIs in the page: keeps the map layer, the panel and the server in step. Every AOI travels with
// its ETag; a save the server refuses as stale (412) is told to the analyst with a Reload, and a
// delete can be undone from the message it leaves. Undo/Redo (buttons, Ctrl+Z/Ctrl+Y) take back a
// drawn shape, a vertex move or a delete of the area open in the form, until it is saved.
import * as aois from './requests.js';
import { reason } from '../api.js';
import { aoiFeature, parseTags } from './shapes.js';
import { editHistory } from './history.js';
import { aoisFromFile, isGeoPackage } from './fileimport.js';
import { monthIndex, monthLabel } from '../dates.js';
import { aoiLayer } from './draw.js';
import { undoControls } from './undo.js';
import { aoiPanel } from './panel.js';
import { describePeople, presenceSlot, watchPresence } from '../presence.js';

const DRAFT = 'draft:new'; // never a server id (those are [a-z0-9-])
const etagOf = (f) => `"${f.properties.version}"`;
const quoted = (name) => `“${name}”`;

/** features: the AOIs as the items request returned them. onEvent(id) opens an event. */
export function startAois({ map, state, features, panelRoot, onEvent, onCount }) {
  const items = new Map(features.map((f) => [f.id, { feature: f, etag: etagOf(f) }]));
  let selected = null;
  let draft = null;
  let analysisToken = 0;
  let updateUndo = () => {};
  const edits = editHistory(() => updateUndo());
  let replaying = false; // an undo or redo running: what it does is not a new edit
  let editMark = 0;

  const windowLabel = () => {
    const t = state.get().time;
    if (!t) return 'all dates';
    const [a, b] = [monthLabel(monthIndex(t.from)), monthLabel(monthIndex(t.to))];
    return a === b ? a : `${a} – ${b}`;
  };
  const exportUrl = (ids) => {
    const url = aois.exportUrl(ids);
    const t = state.get().time;
    return t ? `${url}${url.includes('?') ? '&' : '?'}datetime=${t.from}/${t.to}` : url;
  };

  const layer = aoiLayer(map, { onCreated, onEdited, onDeleted: (ids) => remove(ids, true), onSelect: select, onFile: importFile,
    onShapeEdit: (id, before, after) => record({ undo: () => layer.setShape(id, before), redo: () => layer.setShape(id, after) }),
    onEditSession: (what) => { if (what === 'start') editMark = edits.mark(); else edits.rollback(editMark); },
    onUndoable: () => updateUndo(),
    onDrawFailed: (f, e) => panel?.message(`Area ${quoted(f.properties?.name ?? f.id)} could not be drawn (${e.message}); the others are shown.`, { kind: 'error' }) });
  const panel = aoiPanel(panelRoot, { onPick: (id) => { select(id); layer.flyTo(id); }, onSave, onDelete: () => remove([selected], false),
    onInput: () => editing(),
    onImport: importFile,
    onDiscard: discardDraft, onEvent, exportUrl });
  layer.setAll(features);
  const drawing = layer.vertices;
  const replay = async (step) => { replaying = true; try { await step(); } finally { replaying = false; } };
  updateUndo = undoControls(map, {
    canUndo: () => (drawing.active() ? drawing.canUndo() : edits.canUndo()),
    canRedo: () => (drawing.active() ? drawing.canRedo() : edits.canRedo()),
    undo: () => (drawing.active() ? drawing.undo() : replay(edits.undo)),
    redo: () => (drawing.active() ? drawing.redo() : replay(edits.redo)),
  });
  refresh();
  state.subscribe((s, patch) => {
    if (!patch.time) return;
    refresh();
    if (selected && selected !== DRAFT) analyse();
  });

  function record(command) { if (!replaying) edits.push(command); }

  function refresh() {
    const rows = [...items.values()].map(({ feature: f }) => ({ id: f.id, name: f.properties.name, tags: f.properties.tags ?? [] }))
      .sort((a, b) => a.name.localeCompare(b.name));
    panel.list(rows, selected);
    onCount?.(items.size);
  }

  // Presence: the open area is announced (viewing, then editing from the first change), and who
  // else has it open is shown in its form.
  const slot = presenceSlot('aoi');
  let unwatch = () => {};
  const placeOf = (id) => (id && id !== DRAFT ? `aoi:${id}` : null);
  const editing = () => { if (placeOf(selected)) slot.at(placeOf(selected), 'editing'); };
  function announce(id) {
    // The same area shown again: its form is back to what is saved, so no longer being edited.
    if (placeOf(id) && placeOf(id) === placeOf(selected)) { slot.at(placeOf(id), 'viewing'); return; }
    unwatch();
    panel.people('');
    slot.at(placeOf(id));
    if (placeOf(id)) unwatch = watchPresence(placeOf(id), (list) => { if (selected === id) panel.people(describePeople(list)); });
  }

  function show(id) {
    announce(id);
    selected = id;
    layer.select(id);
    panel.form(id === DRAFT ? draft : id ? items.get(id).feature : null);
    refresh();
  }

  function select(id) {
    if (id === selected) return;
    if (!replaying) edits.clear(); // the history belongs to the area open in the form
    if (draft) discardDraft();
    if (!items.has(id)) return;
    panel.message(null);
    show(id);
    analyse();
  }

  function analyse() {
    const id = selected;
    const token = ++analysisToken;
    const t = state.get().time;
    panel.analysis('loading');
    aois.analysis(id, t ? `${t.from}/${t.to}` : null)
      .then((r) => { if (token === analysisToken) panel.analysis(r, windowLabel(), items.get(id)?.feature.properties.name); })
      .catch((e) => { if (token === analysisToken) panel.analysis(e); });
  }

  function keep({ feature, etag }) {
    items.set(feature.id, { feature, etag });
    layer.put(feature);
  }

  function onCreated(shape) {
    const { geometry, radius_m } = shape;
    if (draft) discardDraft();
    record({ undo: () => discardDraft(), redo: () => onCreated(shape) });
    draft = { id: null, type: 'Feature', geometry, properties: { name: '', notes: '', tags: [], radius_m } };
    layer.put({ ...draft, id: DRAFT });
    panel.message(null);
    panel.analysis(null);
    show(DRAFT);
  }

  function discardDraft() {
    layer.remove(DRAFT);
    draft = null;
    if (selected === DRAFT) { show(null); panel.analysis(null); }
  }

  async function onSave(values, { repair = false } = {}) {
    const props = { name: values.name, notes: values.notes, tags: parseTags(values.tags) };
    const id = selected;
    try {
      if (id === DRAFT) {
        const created = await aois.create(aoiFeature(layer.geometry(DRAFT) ?? draft.geometry,
          { ...props, radius_m: draft.properties.radius_m }), { repair });
        layer.remove(DRAFT);
        draft = null;
        keep(created);
        show(created.feature.id);
        edits.clear();
      } else {
        const cur = items.get(id);
        keep(await aois.save(id, aoiFeature(layer.geometry(id), { ...props, radius_m: cur.feature.properties.radius_m }), cur.etag, { repair }));
        show(id);
        edits.clear();
      }
      panel.message(`Saved ${quoted(values.name)}.`);
      analyse();
    } catch (e) {
      failed(e, id, 'Not saved', () => onSave(values, { repair: true }));
    }
  }

  async function onEdited(changes) {
    for (const { id, geometry, radius_m } of changes) {
      const cur = items.get(id);
      if (!cur) continue;
      const p = cur.feature.properties;
      try {
        keep(await aois.save(id, aoiFeature(geometry, { name: p.name, notes: p.notes, tags: p.tags, radius_m }), cur.etag));
        panel.message(`Saved the new shape of ${quoted(p.name)}.`);
        edits.clear();
        if (id === selected) { show(id); analyse(); }
      } catch (e) {
        failed(e, id, `The new shape of ${quoted(p.name)} was not saved`);
      }
    }
  }

  async function remove(ids, fromToolbar) {
    const removed = [];
    for (const id of ids) {
      const cur = items.get(id);
      if (!cur) continue;
      try {
        removed.push({ id, name: cur.feature.properties.name, etag: await aois.remove(id, cur.etag) });
        items.delete(id);
        layer.remove(id);
        panel.forgetTicks(id);
        if (selected === id) { show(null); panel.analysis(null); }
      } catch (e) {
        if (fromToolbar) layer.put(cur.feature); // the toolbar took it off the map already
        failed(e, id, `${quoted(cur.feature.properties.name)} was not deleted`);
        return;
      }
    }
    refresh();
    if (removed.length) {
      const again = removed.map((r) => r.id);
      record({ undo: () => undo(removed), redo: () => remove(again, false) });
      panel.message(removed.length === 1 ? `Deleted ${quoted(removed[0].name)}.` : `Deleted ${removed.length} areas.`,
        { actions: [{ label: 'Undo', onClick: () => undo(removed) }] });
    }
  }

  async function undo(removed) {
    try {
      for (const r of removed) keep(await aois.restore(r.id, r.etag));
      select(removed.at(-1).id);
      panel.message(removed.length === 1 ? `Restored ${quoted(removed[0].name)}.` : `Restored ${removed.length} areas.`);
    } catch (e) {
      failed(e, removed[0].id, 'Not restored');
    }
  }

  async function reload(id) {
    try {
      keep(await aois.get(id));
      panel.message(`Reloaded ${quoted(items.get(id).feature.properties.name)}, version ${items.get(id).feature.properties.version}.`);
      if (selected === id) { show(id); analyse(); } else refresh();
    } catch (e) {
      items.delete(id);
      layer.remove(id);
      if (selected === id) { show(null); panel.analysis(null); }
      refresh();
      panel.message(`That area is no longer there: ${reason(e)}`, { kind: 'error' });
    }
  }

  /** A refused write: a 412 offers Reload; an invalid geometry with a location offers repair. */
  function failed(e, id, what, retryRepaired) {
    if (e instanceof aois.ConflictError) {
      const who = e.current?.properties?.updated_by;
      const text = e.current
        ? `${what}: someone${who ? ` (${who})` : ''} saved version ${e.current.properties.version} of this area since you loaded it.`
          + ' Reload to see their version; your changes here are kept until you do.'
        : `${what}: this area was deleted meanwhile.`;
      panel.message(text, { kind: 'error', actions: [{ label: 'Reload', onClick: () => reload(id) }] });
    } else if (e instanceof aois.ApiError) {
      const actions = e.code === 'InvalidGeometry' && retryRepaired ? [{ label: 'Repair and save', onClick: retryRepaired }] : [];
      panel.message(`${what}: ${reason(e)}`, { kind: 'error', actions });
    } else {
      panel.message(`${what}: ${reason(e)}`, { kind: 'error' });
    }
  }

  /** A chosen or dropped file: a GeoPackage is read by the server, the rest here. */
  async function importFile(file) {
    if (!isGeoPackage(file.name)) {
      onFile(await file.text().catch(() => null), file.name);
      return;
    }
    panel.message(`Reading ${file.name}…`);
    try {
      onFile(await aois.readGeoPackage(file), file.name);
    } catch (e) {
      panel.message(`Could not import ${file.name}: ${reason(e)}`, { kind: 'error' });
    }
  }

  async function onFile(text, fileName) {
    if (text === null) { panel.message(`Could not read ${fileName}.`, { kind: 'error' }); return; }
    let parsed;
    try {
      parsed = aoisFromFile(text, fileName);
    } catch (e) {
      panel.message(`Could not import ${fileName}: ${reason(e)}`, { kind: 'error' });
      return;
    }
    const problems = parsed.problems.map((p) => `#${p.index} ${quoted(p.name)}: ${p.message}`);
    const added = [];
    for (const { index, feature } of parsed.features) {
      try {
        const created = await aois.create(feature);
        keep(created);
        added.push(created.feature.id);
      } catch (e) {
        problems.push(`#${index} ${quoted(feature.properties.name)}: ${e.code ? `${e.code}: ` : ''}${reason(e)}`);
      }
    }
    const total = parsed.features.length + parsed.problems.length;
    refresh();
    if (added.length) { select(added[0]); layer.flyTo(added[0]); }
    panel.message(`Imported ${added.length} of ${total} area${total === 1 ? '' : 's'} from ${fileName}.`,
      { kind: problems.length ? 'error' : 'info', details: problems });
  }

  /**
   * Another user's change, from the live feed: the list and the map take it at once. The area the
   * analyst has open is not replaced under them: they are told who saved which version and
   * offered Reload or Keep mine (a save of theirs would meet the 412 and the Reload offer).
   */
  async function remote({ target: id, version, actor, action }) {
    const known = items.get(id)?.feature.properties.version;
    if (known !== undefined && known >= version) return; // this page's own save, already kept
    if (action === 'delete' && known === undefined) return; // gone here already (this page's own)
    if (selected === id) {
      panel.message(`${actor ?? 'Someone'} ${action === 'delete' ? 'deleted' : 'saved version ' + version + ' of'} this area.`,
        { kind: 'error', actions: [{ label: 'Reload', onClick: () => reload(id) },
          // Keep mine: the form stays as it is; saving it meets the 412 and offers Reload again.
          { label: 'Keep mine', onClick: () => panel.message(null) }] });
      return;
    }
    if (action === 'delete') {
      items.delete(id);
      layer.remove(id);
    } else {
      keep(await aois.get(id));
    }
    refresh();
  }

  return {
    layer: layer.layer,
    remote,
    /** The AOI the analyst has open, for "add current view as slide". */
    selected: () => (selected && selected !== DRAFT ? selected : null),
    /** Highlights the AOIs a slide names (an empty list clears it). */
    emphasise: (ids) => layer.emphasise(ids.filter((id) => items.has(id))),
    /** Every saved AOI feature, for the exports that draw what the map shows. */
    features: () => [...items.values()].map((v) => v.feature),
  };
}
