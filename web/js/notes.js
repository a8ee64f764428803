// The speaker-notes window: follows the presenter through a BroadcastChannel (same origin, no server).
const channel = new BroadcastChannel('sahel-map-notes');
const $ = (id) => document.getElementById(id);
channel.onmessage = ({ data }) => {
  if (!data || typeof data !== 'object') return;
  $('counter').textContent = `Slide ${data.index + 1} of ${data.total}`;
  $('title').textContent = data.title;
  $('notes').textContent = data.notes || '(no notes for this slide)';
};
channel.postMessage('hello');
