// The AOI app's writes to the server: a drawn area saved, a form saved, shapes edited on the map,
// areas deleted (and restored by Undo), a stale area reloaded, and another user's change taken in.
// A write the server refuses is told to the analyst with what they can do about it (refused()).
import * as aois from './requests.js';
import { reason } from '../api.js';
import { aoiFeature, parseTags } from './shapes.js';
import { analyse, discardDraft, DRAFT, forget, keep, quoted, record, refresh, select, show } from './session.js';

/** A shape just drawn: the draft, open in the form until it is saved or given up. */
export function created(app, shape) {
  const { geometry, radius_m } = shape;
  if (app.draft) discardDraft(app);
  record(app, { undo: () => discardDraft(app), redo: () => created(app, shape) });
  app.draft = { id: null, type: 'Feature', geometry, properties: { name: '', notes: '', tags: [], radius_m } };
  app.layer.put({ ...app.draft, id: DRAFT });
  app.panel.message(null);
  app.panel.analysis(null);
  show(app, DRAFT);
}

/** The form saved: the draft created, or the open area saved over the version it was loaded at. */
export async function saveForm(app, values, { repair = false } = {}) {
  const props = { name: values.name, notes: values.notes, tags: parseTags(values.tags) };
  const id = app.selected;
  try {
    if (id === DRAFT) {
      const made = await aois.create(aoiFeature(app.layer.geometry(DRAFT) ?? app.draft.geometry,
        { ...props, radius_m: app.draft.properties.radius_m }), { repair });
      app.layer.remove(DRAFT);
      app.draft = null;
      keep(app, made);
      show(app, made.feature.id);
    } else {
      const cur = app.items.get(id);
      keep(app, await aois.save(id, aoiFeature(app.layer.geometry(id), { ...props, radius_m: cur.feature.properties.radius_m }), cur.etag, { repair }));
      show(app, id);
    }
    app.edits.clear();
    app.panel.message(`Saved ${quoted(values.name)}.`);
    analyse(app);
  } catch (e) {
    refused(app, e, id, 'Not saved', () => saveForm(app, values, { repair: true }));
  }
}

/** Shapes changed with the map's edit tool: each saved with the area's other properties. */
export async function edited(app, changes) {
  for (const { id, geometry, radius_m } of changes) {
    const cur = app.items.get(id);
    if (!cur) continue;
    const p = cur.feature.properties;
    try {
      keep(app, await aois.save(id, aoiFeature(geometry, { name: p.name, notes: p.notes, tags: p.tags, radius_m }), cur.etag));
      app.panel.message(`Saved the new shape of ${quoted(p.name)}.`);
      app.edits.clear();
      if (id === app.selected) { show(app, id); analyse(app); }
    } catch (e) {
      refused(app, e, id, `The new shape of ${quoted(p.name)} was not saved`);
    }
  }
}

/** Deletes areas ids (fromToolbar: the map's delete tool, which took them off the map already). */
export async function remove(app, ids, fromToolbar) {
  const removed = [];
  for (const id of ids) {
    const cur = app.items.get(id);
    if (!cur) continue;
    try {
      removed.push({ id, name: cur.feature.properties.name, etag: await aois.remove(id, cur.etag) });
      forget(app, id);
      app.panel.forgetTicks(id);
    } catch (e) {
      if (fromToolbar) app.layer.put(cur.feature);
      refused(app, e, id, `${quoted(cur.feature.properties.name)} was not deleted`);
      return;
    }
  }
  refresh(app);
  if (!removed.length) return;
  const again = removed.map((r) => r.id);
  record(app, { undo: () => restore(app, removed), redo: () => remove(app, again, false) });
  app.panel.message(removed.length === 1 ? `Deleted ${quoted(removed[0].name)}.` : `Deleted ${removed.length} areas.`,
    { actions: [{ label: 'Undo', onClick: () => restore(app, removed) }] });
}

/** Undoes a delete: the areas come back as the versions that were deleted. */
async function restore(app, removed) {
  try {
    for (const r of removed) keep(app, await aois.restore(r.id, r.etag));
    select(app, removed.at(-1).id);
    app.panel.message(removed.length === 1 ? `Restored ${quoted(removed[0].name)}.` : `Restored ${removed.length} areas.`);
  } catch (e) {
    refused(app, e, removed[0].id, 'Not restored');
  }
}

/** Takes the server's version of area id (after a refused save or another user's change). */
async function reload(app, id) {
  try {
    keep(app, await aois.get(id));
    const p = app.items.get(id).feature.properties;
    app.panel.message(`Reloaded ${quoted(p.name)}, version ${p.version}.`);
    if (app.selected === id) { show(app, id); analyse(app); } else refresh(app);
  } catch (e) {
    forget(app, id);
    refresh(app);
    app.panel.message(`That area is no longer there: ${reason(e)}`, { kind: 'error' });
  }
}

/** A refused write: a 412 offers Reload; an invalid geometry with a location offers repair. */
function refused(app, e, id, what, retryRepaired) {
  if (e instanceof aois.ConflictError) {
    const who = e.current?.properties?.updated_by;
    const text = e.current
      ? `${what}: someone${who ? ` (${who})` : ''} saved version ${e.current.properties.version} of this area since you loaded it.`
        + ' Reload to see their version; your changes here are kept until you do.'
      : `${what}: this area was deleted meanwhile.`;
    app.panel.message(text, { kind: 'error', actions: [{ label: 'Reload', onClick: () => reload(app, id) }] });
    return;
  }
  const repairable = e instanceof aois.ApiError && e.code === 'InvalidGeometry' && retryRepaired;
  app.panel.message(`${what}: ${reason(e)}`, { kind: 'error', actions: repairable ? [{ label: 'Repair and save', onClick: retryRepaired }] : [] });
}

/**
 * Another user's change, from the live feed: the list and the map take it at once. The area the
 * analyst has open is not replaced under them: they are told who saved which version and
 * offered Reload or Keep mine (a save of theirs would meet the 412 and the Reload offer).
 */
export async function remote(app, { target: id, version, actor, action }) {
  const known = app.items.get(id)?.feature.properties.version;
  if (known !== undefined && known >= version) return; // this page's own save, already kept
  if (action === 'delete' && known === undefined) return; // gone here already (this page's own)
  if (app.selected === id) {
    app.panel.message(`${actor ?? 'Someone'} ${action === 'delete' ? 'deleted' : 'saved version ' + version + ' of'} this area.`,
      { kind: 'error', actions: [{ label: 'Reload', onClick: () => reload(app, id) },
        // Keep mine: the form stays as it is; saving it meets the 412 and offers Reload again.
        { label: 'Keep mine', onClick: () => app.panel.message(null) }] });
    return;
  }
  if (action === 'delete') forget(app, id);
  else keep(app, await aois.get(id));
  refresh(app);
}

