// The presenter: full screen (or the full window where the Fullscreen API is refused), one slide
// at a time on the live map, driven by the keyboard, the on-screen buttons, the slide overview or a
// swipe on the text column. Text goes in through textContent only.
import { el } from './dom.js';
import { bannerColours } from '../briefing/banner.js';
import { slideOverview } from './slideoverview.js';

const KEYS_NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar']);
const KEYS_PREV = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);

/** A touch swipe this long (px), and mostly sideways, turns the slide. */
const SWIPE = 60;

/**
 * root: the #presenter element. show(slide, index) moves the map and resolves when it has arrived;
 * describe(slide) gives the highlighted events as [{date, title}]; onExit restores the page;
 * onSlide(index) hears every slide turn (presence tells followers).
 */
export function presenter(root, { show, describe, onEnter, onExit, openNotesWindow, onSlide }) {
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
  const overview = slideOverview((i) => { overview.toggle(false); go(i); });
  const button = (cls, text, label, onclick) => el('button', { type: 'button', class: `slide-button ${cls}`, text,
    'aria-label': label, title: label, onclick });
  const prev = button('slide-prev', '◀', 'Previous slide', () => go(index - 1));
  const next = button('slide-next', '▶', 'Next slide', () => go(index + 1));
  const counter = button('slide-counter', '', 'Slide overview', () => overview.toggle());
  counter.setAttribute('aria-controls', 'slide-overview');
  const exitButton = button('slide-exit', 'Exit', 'Leave the presentation (Esc)', () => exit());
  const dataDate = el('span', { class: 'data-date' });
  // Following: who this stage follows, or who follows it; and the link that lets others follow.
  const audience = el('span', { class: 'slide-audience', role: 'status' });
  let followUrl = null;
  const followButton = button('slide-follow', 'Follow link', 'Copy a link that lets others follow these slides live',
    () => copyFollowLink());
  const hint = el('span', { class: 'slide-hint',
    text: '← → Space · Home/End · O: overview · N: notes · W: notes window · Esc: exit' });
  const panel = el('aside', { class: 'slide-panel', 'aria-labelledby': 'slide-title' },
    kicker, title, caption, events, notes, sources);
  root.replaceChildren(top, panel, overview.root,
    el('footer', { class: 'slide-footer' }, dataDate, hint,
      audience, followButton,
      el('span', { class: 'slide-nav', role: 'group', 'aria-label': 'Slides' }, prev, counter, next), exitButton), bottom);
  swipes(panel, (step) => go(index + step));

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
    prev.disabled = index === 0;
    next.disabled = index === briefing.slides.length - 1;
    overview.mark(index);
    announce();
    onSlide?.(index);
    await show(slide, index);
    if (mine === seq) root.dataset.arrived = String(index);
  }

  function key(e) {
    if (root.hidden || e.target.closest?.('input, textarea')) return;
    // Space and Enter on a focused button press it, as anywhere else.
    if ((e.key === ' ' || e.key === 'Enter') && e.target.closest?.('button')) return;
    let handled = true;
    if (overview.open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) moveFocus(e.key === 'ArrowDown' ? 1 : -1);
    else if (overview.open && e.key === 'Escape') { overview.toggle(false); counter.focus(); }
    else if (KEYS_NEXT.has(e.key)) go(index + 1);
    else if (KEYS_PREV.has(e.key)) go(index - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(briefing.slides.length - 1);
    else if (e.key === 'Escape') exit();
    else if (e.key === 'n' || e.key === 'N') { notesOn = !notesOn; notes.hidden = !notesOn; }
    else if (e.key === 'w' || e.key === 'W') openNotesWindow?.();
    else if (e.key === 'o' || e.key === 'O') overview.toggle();
    else handled = false;
    if (handled) { e.preventDefault(); e.stopPropagation(); }
  }

  function moveFocus(step) {
    const items = [...overview.root.querySelectorAll('button')];
    const i = items.indexOf(document.activeElement);
    items[Math.max(0, Math.min(items.length - 1, i + step))]?.focus();
  }

  let channel = null;
  function announce() {
    const slide = briefing?.slides[index];
    if (slide) channel?.postMessage({ index, total: briefing.slides.length, title: slide.title, notes: slide.notes });
  }
  function exit() {
    if (root.hidden) return;
    root.hidden = true;
    overview.toggle(false);
    document.removeEventListener('keydown', key, true);
    document.removeEventListener('fullscreenchange', onFullscreen);
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    channel?.close(); channel = null;
    onExit();
  }
  function onFullscreen() { if (!document.fullscreenElement) exit(); }

  async function copyFollowLink() {
    try {
      await navigator.clipboard.writeText(followUrl);
      followButton.textContent = 'Link copied';
      setTimeout(() => { followButton.textContent = 'Follow link'; }, 3000);
    } catch {
      // No clipboard (refused, or not a secure context): show the link to copy by hand.
      audience.textContent = followUrl;
    }
  }

  return {
    /** Call from a user action (click or key), as the Fullscreen API requires. */
    async start(b, { dates, from = 0, follow = null } = {}) {
      briefing = b;
      followUrl = follow;
      followButton.hidden = !follow;
      audience.textContent = '';
      const colours = bannerColours(b.banner);
      for (const bar of [top, bottom]) {
        bar.textContent = b.banner || '';
        bar.style.background = colours.background;
        bar.style.color = colours.text;
      }
      kicker.textContent = b.name;
      overview.fill(b.slides);
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
    get active() { return !root.hidden; },
    get briefingId() { return root.hidden ? null : briefing?.id; },
    /** The briefing changed (saved elsewhere): show its new text at the same slide. */
    update(b) { if (root.hidden) return; briefing = b; kicker.textContent = b.name; overview.fill(b.slides); go(index); },
    /** A line in the footer: who follows this stage, or whom it follows. */
    setAudience(text) { audience.textContent = text; },
  };
}

/** Calls turn(+1) for a swipe to the left, turn(-1) to the right; touch only, so mouse text selection stays. */
function swipes(element, turn) {
  let start = null;
  element.addEventListener('pointerdown', (e) => { start = e.pointerType === 'touch' ? { x: e.clientX, y: e.clientY } : null; });
  element.addEventListener('pointercancel', () => { start = null; });
  element.addEventListener('pointerup', (e) => {
    if (!start) return;
    const dx = e.clientX - start.x;
    const dy = e.clientY - start.y;
    start = null;
    if (Math.abs(dx) >= SWIPE && Math.abs(dx) > 2 * Math.abs(dy)) turn(dx < 0 ? 1 : -1);
  });
}
