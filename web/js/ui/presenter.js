// The presenter: full screen (or the full window where the Fullscreen API is refused), one slide
// at a time on the live map, driven by the keyboard. Text goes in through textContent only.
import { el } from './dom.js';
import { bannerColours } from '../briefing/banner.js';

const KEYS_NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar']);
const KEYS_PREV = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);

/**
 * root: the #presenter element. show(slide, index) moves the map and resolves when it has arrived;
 * describe(slide) gives the highlighted events as [{date, title}]; onExit restores the page.
 */
export function presenter(root, { show, describe, onEnter, onExit, openNotesWindow }) {
  let briefing = null;
  let index = 0;
  let notesOn = false;
  let seq = 0;
  const top = el('div', { class: 'banner banner-top', role: 'note' });
  const bottom = el('div', { class: 'banner banner-bottom', 'aria-hidden': 'true' });
  const kicker = el('p', { class: 'slide-kicker' });
  const title = el('h2', { class: 'slide-title', id: 'slide-title' });
  const caption = el('p', { class: 'slide-caption' });
  const events = el('ul', { class: 'slide-events' });
  const sources = el('p', { class: 'slide-sources' });
  const notes = el('section', { class: 'slide-notes', hidden: true, 'aria-label': 'Speaker notes' });
  const counter = el('span', { class: 'slide-counter', 'aria-live': 'polite' });
  const dataDate = el('span', { class: 'data-date' });
  const hint = el('span', { class: 'slide-hint',
    text: '← → or Space: slides · Home/End · N: notes · W: notes window · Esc: exit' });
  root.replaceChildren(top,
    el('aside', { class: 'slide-panel', 'aria-labelledby': 'slide-title' },
      kicker, title, caption, events, notes, sources),
    el('footer', { class: 'slide-footer' }, dataDate, hint, counter), bottom);

  async function go(i) {
    if (!briefing?.slides.length) return;
    index = Math.max(0, Math.min(briefing.slides.length - 1, i));
    const slide = briefing.slides[index];
    const mine = ++seq;
    root.dataset.slide = String(index);
    delete root.dataset.arrived;
    title.textContent = slide.title;
    caption.textContent = slide.caption;
    events.replaceChildren(...describe(slide).map((e) => el('li', {},
      el('span', { class: 'slide-event-date', text: e.date }), el('span', { text: e.title }))));
    sources.textContent = slide.sources ? `Sources: ${slide.sources}` : '';
    notes.replaceChildren(el('h3', { text: 'Notes' }), el('p', { text: slide.notes || '(no notes)' }));
    counter.textContent = `${index + 1} / ${briefing.slides.length}`;
    announce();
    await show(slide, index);
    if (mine === seq) root.dataset.arrived = String(index);
  }

  function key(e) {
    if (root.hidden || e.target.closest?.('input, textarea')) return;
    let handled = true;
    if (KEYS_NEXT.has(e.key)) go(index + 1);
    else if (KEYS_PREV.has(e.key)) go(index - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(briefing.slides.length - 1);
    else if (e.key === 'Escape') exit();
    else if (e.key === 'n' || e.key === 'N') { notesOn = !notesOn; notes.hidden = !notesOn; }
    else if (e.key === 'w' || e.key === 'W') openNotesWindow?.();
    else handled = false;
    if (handled) { e.preventDefault(); e.stopPropagation(); }
  }

  let channel = null;
  function announce() {
    const slide = briefing?.slides[index];
    if (slide) channel?.postMessage({ index, total: briefing.slides.length, title: slide.title, notes: slide.notes });
  }
  function exit() {
    if (root.hidden) return;
    root.hidden = true;
    document.removeEventListener('keydown', key, true);
    document.removeEventListener('fullscreenchange', onFullscreen);
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    channel?.close(); channel = null;
    onExit();
  }
  function onFullscreen() { if (!document.fullscreenElement) exit(); }

  return {
    /** Call from a user action (click or key), as the Fullscreen API requires. */
    async start(b, { dates, from = 0 } = {}) {
      briefing = b;
      const colours = bannerColours(b.banner);
      for (const bar of [top, bottom]) {
        bar.textContent = b.banner || '';
        bar.style.background = colours.background;
        bar.style.color = colours.text;
      }
      kicker.textContent = b.name;
      dataDate.textContent = dates;
      notes.hidden = !notesOn;
      root.hidden = false;
      channel = 'BroadcastChannel' in window ? new BroadcastChannel('sahel-map-notes') : null;
      if (channel) channel.onmessage = (m) => { if (m.data === 'hello') announce(); };
      document.addEventListener('keydown', key, true);
      try {
        await document.documentElement.requestFullscreen?.({ navigationUI: 'hide' });
        document.addEventListener('fullscreenchange', onFullscreen);
      } catch { /* refused (headless, iframe): the full-window overlay stands in */ }
      onEnter();
      await go(from);
    },
    go, exit,
    get index() { return index; },
  };
}
