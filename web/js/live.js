// The live change feed (/api/changes, Server-Sent Events): what other users and other server
// instances changed, as it is committed. EventSource reconnects by itself and sends the last
// event id it saw, so the server replays whatever was missed while the connection was down.

/**
 * Calls onChange({id, kind, target, version, action, actor, at}) for each change; kind is "aoi",
 * "briefing" or "layer". Returns {close(), lastId()}. A change this page made itself arrives too:
 * handlers compare versions and skip what they already have.
 */
export function followChanges(onChange, { url = '/api/changes' } = {}) {
  let lastId = null;
  const source = new EventSource(url);
  source.addEventListener('ready', (e) => { lastId = e.lastEventId; document.body.dataset.live = 'on'; });
  source.addEventListener('change', (e) => {
    lastId = e.lastEventId;
    let change;
    try { change = JSON.parse(e.data); } catch { return; }
    try { onChange(change); } catch (err) { console.warn('A live change could not be applied:', err); }
  });
  source.addEventListener('error', () => { document.body.dataset.live = 'reconnecting'; });
  source.addEventListener('open', () => { document.body.dataset.live = 'on'; });
  return { close: () => source.close(), lastId: () => lastId };
}
