// Who the page is signed in as, and the CSRF token every write must send back. The session itself
// is an HttpOnly cookie this script cannot read (so an injected script cannot steal it); the token
// comes in the body of /api/session and lives only in this page's memory. (api.js imports
// writeHeaders from here and this module asks through api.js: a cycle ES modules allow, as
// neither uses the other while loading.)
import { reason, sessionRequest } from './api.js';

const SIGNED_OUT = { user: null, csrfToken: null, anonymousView: true, signIn: 'password', accountsExist: true };
let current = SIGNED_OUT;
const listeners = new Set();

function changed(next) {
  current = next;
  document.body.dataset.role = current.user?.role ?? 'none';
  for (const fn of listeners) fn(current);
}

/** A session request; a refusal is an Error in the server's words (the sign-in form shows it). */
async function call(method, body) {
  try {
    return await sessionRequest(method, body);
  } catch (e) {
    throw new Error(reason(e), { cause: e });
  }
}

/** Asks the server who this page is signed in as: {user: {name, role} | null, csrfToken, ...}. */
export async function loadSession() {
  try {
    changed(await call('GET'));
  } catch {
    changed(SIGNED_OUT); // the server will say what it refuses when asked
  }
  return current;
}

export const session = () => current;

/** Whether the signed-in user may draw and save AOIs and briefings. */
export const canEdit = () => current.user?.role === 'analyst' || current.user?.role === 'admin';

/** Headers every write adds: the session's CSRF token. */
export function writeHeaders() {
  return current.csrfToken ? { 'X-CSRF-Token': current.csrfToken } : {};
}

export async function signIn(name, password) {
  changed({ ...current, ...(await call('POST', { name, password })) });
}

export async function signOut() {
  await call('DELETE');
  changed({ ...current, user: null, csrfToken: null });
}

/** Calls fn(session) after every sign-in and sign-out. */
export function onSessionChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
