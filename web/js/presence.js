// Presence: tells the server where this page is (a briefing or an AOI; viewing, editing or
// presenting) and hears who else is there. The page has one slot per thing it can have open at
// once (the briefing panel, the AOI panel), each its own presence on the server. Only signed-in
// pages are counted: presence shows account names.
import { leavePresence, presence, putPresence } from './api.js';
import { session } from './session.js';

/** As the server's PresenceStore.HEARTBEAT_SECONDS: a page silent for three of these has gone. */
const HEARTBEAT_MS = 15_000;
const PAGE = (crypto.randomUUID?.() ?? `${Date.now()}${Math.random()}`).replace(/[^A-Za-z0-9]/g, '').slice(0, 24);

const watchers = new Map(); // place -> Set of fn(people)

/** One thing this page may have open: at(place, mode, slide) says where it is now; at(null) leaves. */
export function presenceSlot(name) {
  const client = `${PAGE}-${name}`;
  let here = null;
  let timer = null;
  const send = () => {
    if (!here || !session().user) return Promise.resolve();
    return putPresence(client, here).catch(() => {});
  };
  const leave = (keepalive = false) => {
    if (session().user) leavePresence(client, keepalive).catch(() => {});
  };
  window.addEventListener('pagehide', () => { if (here) leave(true); });
  return {
    at(place, mode = 'viewing', slide = null) {
      const next = place ? { place, mode, slide: mode === 'presenting' ? slide : null } : null;
      if (JSON.stringify(next) === JSON.stringify(here)) return Promise.resolve();
      const was = here;
      here = next;
      clearInterval(timer);
      if (!here) { if (was) leave(); return Promise.resolve(); }
      timer = setInterval(send, HEARTBEAT_MS);
      return send();
    },
    /** After signing in: say again where this page is, now with a name. */
    resend: send,
  };
}

/**
 * Calls fn(people) with who else (not this page) is at place: now, and after every change the
 * live feed reports. Returns a function that stops watching.
 */
export function watchPresence(place, fn) {
  if (!watchers.has(place)) watchers.set(place, new Set());
  watchers.get(place).add(fn);
  load(place, new Set([fn]));
  return () => { watchers.get(place)?.delete(fn); if (!watchers.get(place)?.size) watchers.delete(place); };
}

/** A presence event of the live feed; place "*" means read every watched place again. */
export function presenceHeard({ place, people }) {
  if (place === '*') { for (const p of watchers.keys()) load(p); return; }
  const fns = watchers.get(place);
  if (fns) for (const fn of fns) fn(others(people));
}

/** Read every watched place again (the live feed reconnected: what changed meanwhile is unknown). */
export const reloadPresence = () => { for (const p of watchers.keys()) load(p); };

const others = (people) => (people ?? []).filter((p) => !p.client.startsWith(`${PAGE}-`));

async function load(place, only) {
  try {
    const body = await presence(place);
    for (const fn of only ?? watchers.get(place) ?? []) fn(others(body.people));
  } catch { /* the next presence event will tell */ }
}

/** "alice (editing), bob (presenting, slide 3)": who else is here, for a status line. */
export function describePeople(people) {
  const byName = new Map();
  for (const p of people) {
    const what = p.mode === 'presenting' ? `presenting, slide ${p.slide + 1}` : p.mode;
    if (!byName.has(p.name) || p.mode !== 'viewing') byName.set(p.name, what);
  }
  return [...byName].map(([name, what]) => `${name} (${what})`).join(', ');
}
