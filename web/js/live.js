// The live change feed (/api/changes, Server-Sent Events): what other users and other server
// instances changed, as it is committed. EventSource reconnects by itself and sends the last
// event id it saw, so the server replays whatever was missed while the connection was down.

import { path } from './api.js';

/**
 * Calls onChange({id, kind, target, version, action, actor, at}) for each change; kind is "aoi",
 * "briefing" or "layer". Returns {close(), lastId()}. A change this page made itself arrives too:
 * handlers compare versions and skip what they already have. onPresence({place, people}) hears
 * who is where (presence.js); onReconnect() runs when the stream is back after a break (presence
 * is not replayed, so whoever shows it reads it again).
 */
export function followChanges(onChange, { url = path('changes'), onPresence, onReconnect } = {}) {
  let lastId = null;
  const source = new EventSource(url);
  source.addEventListener('ready', (e) => { lastId = e.lastEventId; document.body.dataset.live = 'on'; });
  source.addEventListener('change', (e) => {
    lastId = e.lastEventId;
    let change;
    try { change = JSON.parse(e.data); } catch { return; }
    try { onChange(change); } catch (err) { console.warn('A live change could not be applied:', err); }
  });
  source.addEventListener('presence', (e) => {
    try { onPresence?.(JSON.parse(e.data)); } catch (err) { console.warn('A presence event could not be applied:', err); }
  });
  let broken = false;
  source.addEventListener('error', () => { broken = true; document.body.dataset.live = 'reconnecting'; });
  source.addEventListener('open', () => {
    document.body.dataset.live = 'on';
    if (broken) { broken = false; onReconnect?.(); }
  });
  return { close: () => source.close(), lastId: () => lastId };
}
