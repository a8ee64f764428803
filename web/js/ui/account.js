// The account control in the header: "Sign in" with a small form, or the signed-in name and role
// with "Sign out". Every name reaches the page as text.
import { onSessionChange, session, signIn, signOut } from '../session.js';

const el = (tag, props = {}, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};

/**
 * Renders into root and keeps it in step with the session. signedIn() resolves once someone has
 * signed in (at once when they already are): the page waits on it when visitors may not view.
 */
export function accountControl(root) {
  let resolveSignedIn;
  const signedIn = new Promise((resolve) => { resolveSignedIn = resolve; });

  function render(s) {
    root.replaceChildren();
    if (s.user) {
      resolveSignedIn();
      root.append(
        el('span', { className: 'account-name', textContent: s.user.name }),
        el('span', { className: 'account-role', textContent: ` (${s.user.role})` }),
        s.signIn === 'proxy' ? '' : el('button', { type: 'button', className: 'sign-out', textContent: 'Sign out',
          onclick: () => signOut().then(() => { if (!s.anonymousView) location.reload(); })
            .catch((e) => { root.title = e.message; }) }));
      return;
    }
    if (s.signIn === 'proxy') {
      root.append(el('span', { textContent: 'Not signed in (sign in through your organisation’s portal)' }));
      return;
    }
    root.append(signInForm(s));
  }

  function signInForm(s) {
    const details = el('details', { className: 'sign-in', open: !s.anonymousView });
    const message = el('p', { className: 'sign-in-message', role: 'alert' });
    const name = el('input', { type: 'text', name: 'username', autocomplete: 'username', required: true, maxLength: 64 });
    const password = el('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true, maxLength: 200 });
    const form = el('form', { className: 'sign-in-form' },
      el('label', {}, 'Name ', name),
      el('label', {}, 'Password ', password),
      el('button', { type: 'submit', textContent: 'Sign in' }),
      message);
    if (!s.accountsExist) {
      message.textContent = 'No accounts yet: an administrator adds the first one with '
        + '"java -jar target/sahel-map.jar user add --role admin NAME".';
    }
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      message.textContent = '';
      signIn(name.value.trim(), password.value)
        .catch((err) => { message.textContent = err.message; password.select(); });
    });
    details.append(el('summary', { textContent: 'Sign in' }), form);
    return details;
  }

  render(session());
  onSessionChange(render);
  return { signedIn: () => signedIn };
}
