// The analysts' upload of an events file in the events panel: pick a file (ours, an ACLED export
// or a UCDP GED CSV), import it, and read what the server said: how many events, or each problem
// as FILE:line N: reason (then nothing was imported). The new events reach the map through the
// change feed, as any other import's do.
import { el } from './dom.js';
import { formatNumber } from '../format.js';

/**
 * upload(file) → {body: {imported, file}}; rejects with an ApiError (body.problems on 422).
 * maxBytes: the server's limit (from /app/config), or undefined when the page could not ask.
 */
export function renderEventImport(container, upload, maxBytes) {
  const mib = maxBytes ? formatNumber(maxBytes / (1024 * 1024)) : null;
  const input = el('input', { type: 'file', accept: '.csv,.geojson,.json', class: 'event-import-file',
    'aria-label': 'Events file to import' });
  const button = el('button', { type: 'button', text: 'Import', disabled: true });
  const message = el('p', { class: 'event-import-message', role: 'status', 'aria-live': 'polite' });
  const problems = el('ul', { class: 'event-import-problems' });
  input.addEventListener('change', () => { button.disabled = !input.files.length; });
  button.addEventListener('click', async () => {
    const file = input.files[0];
    if (!file) return;
    problems.replaceChildren();
    if (maxBytes && file.size > maxBytes) {
      message.textContent = `${file.name} is larger than ${mib} MiB: import it with the import-events command.`;
      return;
    }
    button.disabled = true;
    message.textContent = `Importing ${file.name}…`;
    try {
      const { body } = await upload(file);
      message.textContent = `Imported ${body.imported} events from ${body.file}.`;
      input.value = '';
    } catch (e) {
      message.textContent = e.description ?? e.message;
      problems.replaceChildren(...(e.body?.problems ?? []).map((p) => el('li', { text: p })));
      button.disabled = false;
    }
  });
  container.replaceChildren(el('details', { class: 'event-import' },
    el('summary', { text: 'Import events' }),
    el('p', { class: 'event-import-help',
      text: `A CSV in our columns, an ACLED export or a UCDP GED CSV, or GeoJSON${mib ? `; at most ${mib} MiB` : ''}. `
        + 'Rows already imported are updated by their source id. A file with any bad row imports nothing.' }),
    input, button, message, problems));
}
