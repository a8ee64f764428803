// AOIs in the page: keeps the map layer, the panel and the server in step. Every AOI travels with
// its ETag; a save the server refuses as stale (412) is told to the analyst with a Reload, and a
// delete can be undone from the message it leaves. Undo/Redo (buttons, Ctrl+Z/Ctrl+Y) take back a
// drawn shape, a vertex move or a delete of the area open in the form, until it is saved.
//
// This file wires the parts together; the state and what shows it are in session.js, the writes in
// writes.js, file import in importing.js.
import * as aois from './requests.js';
import { editHistory } from './history.js';
import { aoiLayer } from './draw.js';
import { undoControls } from './undo.js';
import { aoiPanel } from './panel.js';
import { analyse, aoiPresence, aoiSession, discardDraft, DRAFT, quoted, record, refresh, select } from './session.js';
import { created, edited, remote, remove, saveForm } from './writes.js';
import { importFile } from './importing.js';

/** features: the AOIs as the items request returned them. onEvent(id) opens an event. */
export function startAois({ map, state, features, panelRoot, onEvent, onCount }) {
  const app = aoiSession({ state, features, onCount });
  let updateUndo = () => {};
  app.edits = editHistory(() => updateUndo());
  app.layer = mapLayer(app, map, () => updateUndo());
  app.panel = aoiPanel(panelRoot, { onPick: (id) => { select(app, id); app.layer.flyTo(id); }, onSave: (values) => saveForm(app, values),
    onDelete: () => remove(app, [app.selected], false),
    onInput: () => app.presence.editing(),
    onImport: (file) => importFile(app, file),
    onDiscard: () => discardDraft(app), onEvent, exportUrl: (ids) => exportUrl(state, ids) });
  app.presence = aoiPresence(app);
  app.layer.setAll(features);
  updateUndo = undoButtons(app, map);
  refresh(app);
  state.subscribe((s, patch) => {
    if (!patch.time) return;
    refresh(app);
    if (app.selected && app.selected !== DRAFT) analyse(app);
  });

  return {
    layer: app.layer.layer,
    remote: (change) => remote(app, change),
    /** The AOI the analyst has open, for "add current view as slide". */
    selected: () => (app.selected && app.selected !== DRAFT ? app.selected : null),
    /** Highlights the AOIs a slide names (an empty list clears it). */
    emphasise: (ids) => app.layer.emphasise(ids.filter((id) => app.items.has(id))),
    /** Every saved AOI feature, for the exports that draw what the map shows. */
    features: () => [...app.items.values()].map((v) => v.feature),
  };
}

/** The AOIs' map layer, its drawing, editing and deleting tools reporting to the app. */
function mapLayer(app, map, onUndoable) {
  let editMark = 0;
  const layer = aoiLayer(map, {
    onCreated: (shape) => created(app, shape),
    onEdited: (changes) => edited(app, changes),
    onDeleted: (ids) => remove(app, ids, true),
    onSelect: (id) => select(app, id),
    onFile: (file) => importFile(app, file),
    onShapeEdit: (id, before, after) => record(app, { undo: () => layer.setShape(id, before), redo: () => layer.setShape(id, after) }),
    // An edit session the analyst cancels takes its vertex moves out of the history with it.
    onEditSession: (what) => { if (what === 'start') editMark = app.edits.mark(); else app.edits.rollback(editMark); },
    onUndoable,
    onDrawFailed: (f, e) => app.panel?.message(`Area ${quoted(f.properties?.name ?? f.id)} could not be drawn (${e.message}); the others are shown.`, { kind: 'error' }),
  });
  return layer;
}

/**
 * Undo and Redo: while a shape is being drawn they take back its vertices; otherwise the edits of
 * the open area. Returns the function that updates the buttons' state.
 */
function undoButtons(app, map) {
  const drawing = app.layer.vertices;
  const replay = async (step) => { app.replaying = true; try { await step(); } finally { app.replaying = false; } };
  return undoControls(map, {
    canUndo: () => (drawing.active() ? drawing.canUndo() : app.edits.canUndo()),
    canRedo: () => (drawing.active() ? drawing.canRedo() : app.edits.canRedo()),
    undo: () => (drawing.active() ? drawing.undo() : replay(app.edits.undo)),
    redo: () => (drawing.active() ? drawing.redo() : replay(app.edits.redo)),
  });
}

/** The export of areas ids, for the time window the map shows. */
function exportUrl(state, ids) {
  const url = aois.exportUrl(ids);
  const t = state.get().time;
  return t ? `${url}${url.includes('?') ? '&' : '?'}datetime=${t.from}/${t.to}` : url;
}
