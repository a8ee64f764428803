// When someone else saved the open briefing: the analyst's words are never dropped for theirs.
// A save refused as stale (412) offers to take the newer version, save over it or save as a copy;
// a change heard from the live feed reloads a briefing with nothing unsaved, or offers the same
// choice. b is the briefings controller's shared state (controller.js).
import * as api from '../api.js';
import { briefingBody } from './slides.js';

/**
 * A save refused because someone saved first. The analyst may take the newer version (losing
 * theirs, said so), save theirs over it (on the newer version, so it is a new version and the
 * other one stays in the history), or save theirs as a copy beside it.
 */
export function offerConflict(b) {
  const { view } = b;
  const mine = briefingBody(view.current);
  view.status = 'Someone saved this briefing after you opened it. Your changes are still here: choose what to do with them.';
  view.offers = [
    { action: 'reload', label: 'Take theirs (drop mine)', run: () => b.open(view.current.id).catch(b.fail) },
    { action: 'save-over', label: 'Save mine over theirs', run: () => saveOver(b, mine).catch(b.fail) },
    { action: 'save-copy', label: 'Save mine as a copy', run: () => saveCopy(b, mine).catch(b.fail) },
  ];
  b.render();
}

async function saveOver(b, mine) {
  const { view } = b;
  const latest = await api.briefing(view.current.id);
  const { body, etag } = await api.saveBriefing(view.current.id, mine, latest.etag);
  Object.assign(view, { current: body, etag, dirty: false, offers: null,
    status: `Saved yours as version ${body.version}; theirs is version ${latest.body.version} in the history.` });
  view.list = await api.briefings();
  b.render();
  b.presence.sayWhere();
}

async function saveCopy(b, mine) {
  const { body } = await api.createBriefing({ ...mine, name: `${mine.name} (copy)`.slice(0, 200) });
  b.view.dirty = false;
  await b.refreshList(body.id);
  b.view.status = `Saved yours as “${body.name}”.`;
  b.render();
}

/**
 * Another user's change to a briefing, from the live feed. The list takes it at once; the open
 * briefing is reloaded when this page has nothing unsaved in it (the stage, if it shows it,
 * moves to the new text), otherwise the analyst is told who saved and may reload or keep theirs
 * (their save would meet the 412 and the same offer).
 */
export async function remoteChange(b, { target, version, actor, action }) {
  const { view } = b;
  view.list = await api.briefings();
  const cur = view.current;
  if (!cur || cur.id !== target || (action !== 'delete' && cur.version >= version)) { b.render(); return; }
  const who = actor ?? 'Someone';
  if (action === 'delete') {
    view.status = `${who} deleted this briefing; it can be restored from its history.`;
  } else if (view.dirty) {
    view.status = `${who} saved version ${version} while you were editing. Reload to see it (your unsaved changes would be lost), or keep yours and save (you will then choose how).`;
    view.offers = [
      { action: 'reload', label: 'Reload', run: () => b.open(target).catch(b.fail) },
      { action: 'keep-mine', label: 'Keep mine', run: () => { view.offers = null; view.status = 'Kept yours.'; b.render(); } },
    ];
  } else {
    await b.open(target);
    await b.slideEvents.fetch(view.current.slides);
    view.status = `${who} saved version ${version}; this is it.`;
    if (b.stage.briefingId === target) b.stage.update(view.current);
  }
  b.render();
}
