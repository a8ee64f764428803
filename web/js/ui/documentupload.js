// The analysts' upload of a document (text, HTML or PDF) in the events panel: the server stores it,
// proposes the events it finds, and the review queue opens in a dialog over the page. The same
// dialog lists the documents uploaded before, to reopen their queues.
import { el } from './dom.js';
import { renderDocumentList } from './documentlist.js';
import { renderReviewQueue } from './reviewqueue.js';

/**
 * api: {uploadDocument(file), ...the review queue's and the list's calls}; maxBytes from
 * /app/config; map: {show(lat, lon, label), pick(onPoint)}.
 */
export function renderDocumentUpload(container, api, maxBytes, map) {
  const mib = maxBytes ? Math.round(maxBytes / (1024 * 1024)) : null;
  const input = el('input', { type: 'file', accept: '.txt,.html,.htm,.pdf', class: 'document-upload-file',
    'aria-label': 'Document to upload' });
  const button = el('button', { type: 'button', text: 'Upload', disabled: true });
  const message = el('p', { class: 'document-upload-message', role: 'status', 'aria-live': 'polite' });
  const queue = el('div', { class: 'review-queue' });
  const failed = el('p', { class: 'review-failed', role: 'alert' });
  const dialog = el('dialog', { class: 'review-dialog', 'aria-label': 'Review queue' },
    el('button', { type: 'button', text: 'Close', class: 'review-close', onclick: () => dialog.close() }),
    failed, queue);
  // The list and a queue take turns in the dialog; a failure to load either is said in it.
  const inDialog = async (fill) => {
    failed.textContent = '';
    dialog.show();
    try {
      await fill();
    } catch (e) {
      failed.textContent = e.description ?? e.message;
    }
  };
  const openList = () => inDialog(() => renderDocumentList(queue, api, openQueue));
  const openQueue = (id) => inDialog(() => renderReviewQueue(queue, id, api, map, openList));
  input.addEventListener('change', () => { button.disabled = !input.files.length; });
  button.addEventListener('click', async () => {
    const file = input.files[0];
    if (!file) return;
    if (maxBytes && file.size > maxBytes) {
      message.textContent = `${file.name} is larger than ${mib} MiB.`;
      return;
    }
    button.disabled = true;
    message.textContent = `Reading ${file.name}…`;
    try {
      const { body } = await api.uploadDocument(file);
      message.textContent = body.created
        ? `Stored “${body.document.title}”: ${body.proposed} candidate events.`
        : `Already stored as “${body.document.title}”.`;
      await openQueue(body.document.id);
    } catch (e) {
      message.textContent = e.description ?? e.message;
    } finally {
      button.disabled = false;
    }
  });
  container.replaceChildren(el('details', { class: 'document-upload' },
    el('summary', { text: 'Add document' }),
    el('p', { class: 'event-import-help',
      text: `A text, HTML or PDF file${mib ? ` of at most ${mib} MiB` : ''}; the events found in it wait for your review.` }),
    input, button,
    el('button', { type: 'button', text: 'Documents…', class: 'document-list-open', onclick: openList }),
    message));
  // The dialog lives on the body: inside the sidebar, its stacking context would keep it under the map.
  document.querySelectorAll('body > .review-dialog').forEach((d) => d.remove());
  document.body.append(dialog);
}
