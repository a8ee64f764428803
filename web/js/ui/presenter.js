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
  const [top, bottom] = [el('div', { class: 'banner banner-top', role: 'note' }),
    el('div', { class: 'banner banner-bottom', 'aria-hidden': 'true' })];
  const column = slideText();
  const overview = slideOverview((i) => { overview.toggle(false); go(i); });
  let followUrl = null;
  const footer = stageFooter({ turn: (step) => go(index + step), toggleOverview: () => overview.toggle(),
    exit: () => exit(), copyFollowLink: () => copyLink(followUrl, footer.followButton, footer.audience) });
  const { counter, dataDate, audience } = footer;
  const panel = el('aside', { class: 'slide-panel', 'aria-labelledby': 'slide-title' },
    column.kicker, column.title, column.caption, column.events, column.notes, column.sources);
  root.replaceChildren(top, panel, overview.root, footer.root, bottom);
  swipes(panel, (step) => go(index + step));

  async function go(i) {
    if (!briefing?.slides.length) return;
    index = Math.max(0, Math.min(briefing.slides.length - 1, i));
    const slide = briefing.slides[index];
    const mine = ++seq;
    root.dataset.slide = String(index);
    delete root.dataset.arrived;
    showSlideText(column, slide, describe(slide));
    showPosition(footer, index, briefing.slides.length);
    overview.mark(index);
    announce();
    onSlide?.(index);
    await show(slide, index);
    if (mine === seq) root.dataset.arrived = String(index);
  }

  const key = keyHandler(root, () => overview.open, {
    overviewDown: () => moveFocus(overview.root, 1),
    overviewUp: () => moveFocus(overview.root, -1),
    overviewClose: () => { overview.toggle(false); counter.focus(); },
    next: () => go(index + 1), prev: () => go(index - 1),
    first: () => go(0), last: () => go(briefing.slides.length - 1),
    exit,
    notes: () => { notesOn = !notesOn; column.notes.hidden = !notesOn; },
    notesWindow: () => openNotesWindow?.(),
    overview: () => overview.toggle(),
  });

  let channel = null;
  const announce = () => tellNotesWindow(channel, briefing, index);
  function exit() {
    if (root.hidden) return;
    root.hidden = true;
    overview.toggle(false);
    releaseScreen(key, onFullscreen);
    channel?.close(); channel = null;
    onExit();
  }
  function onFullscreen() { if (!document.fullscreenElement) exit(); }

  return {
    /** Call from a user action (click or key), as the Fullscreen API requires. */
    async start(b, { dates, from = 0, follow = null } = {}) {
      briefing = b;
      followUrl = follow;
      showFollowing(footer, follow);
      paintBanners([top, bottom], b.banner);
      column.kicker.textContent = b.name;
      overview.fill(b.slides);
      dataDate.textContent = dates;
      column.notes.hidden = !notesOn;
      root.hidden = false;
      channel = notesChannel(announce);
      await takeScreen(key, onFullscreen);
      onEnter();
      await go(from);
    },
    go, exit,
    get index() { return index; },
    get active() { return !root.hidden; },
    get briefingId() { return root.hidden ? null : briefing?.id; },
    /** The briefing changed (saved elsewhere): show its new text at the same slide. */
    update(b) { if (root.hidden) return; briefing = b; column.kicker.textContent = b.name; overview.fill(b.slides); go(index); },
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

/** The slide's text column: the briefing's name above the slide's title, caption, events, notes, sources. */
function slideText() {
  return {
    kicker: el('p', { class: 'slide-kicker' }),
    title: el('h2', { class: 'slide-title', id: 'slide-title' }),
    caption: el('p', { class: 'slide-caption' }),
    events: el('ul', { class: 'slide-events' }),
    sources: el('p', { class: 'slide-sources' }),
    notes: el('section', { class: 'slide-notes', hidden: true, 'aria-label': 'Speaker notes' }),
  };
}

/** Fills the text column for a slide; highlighted: its events as [{date, title}]. */
function showSlideText(text, slide, highlighted) {
  text.title.textContent = slide.title;
  text.caption.textContent = slide.caption;
  text.events.replaceChildren(...highlighted.map((e) => el('li', {},
    el('span', { class: 'slide-event-date', text: e.date }), el('span', { text: e.title }))));
  text.sources.textContent = slide.sources ? `Sources: ${slide.sources}` : '';
  text.notes.replaceChildren(el('h3', { text: 'Notes' }), el('p', { text: slide.notes || '(no notes)' }));
}

/** What a key does on the stage (null: nothing, the key goes on to the page). */
function keyCommand(key, overviewOpen) {
  if (overviewOpen && key === 'ArrowDown') return 'overviewDown';
  if (overviewOpen && key === 'ArrowUp') return 'overviewUp';
  if (overviewOpen && key === 'Escape') return 'overviewClose';
  if (KEYS_NEXT.has(key)) return 'next';
  if (KEYS_PREV.has(key)) return 'prev';
  return { Home: 'first', End: 'last', Escape: 'exit', n: 'notes', N: 'notes', w: 'notesWindow', W: 'notesWindow',
    o: 'overview', O: 'overview' }[key] ?? null;
}

/** Moves the focus step buttons on within the overview. */
function moveFocus(container, step) {
  const items = [...container.querySelectorAll('button')];
  const i = items.indexOf(document.activeElement);
  items[Math.max(0, Math.min(items.length - 1, i + step))]?.focus();
}

/** The classification banners, top and bottom, in the colours their marking calls for. */
function paintBanners(bars, banner) {
  const colours = bannerColours(banner);
  for (const bar of bars) {
    bar.textContent = banner || '';
    bar.style.background = colours.background;
    bar.style.color = colours.text;
  }
}

/** Copies the follow link; with no clipboard (refused, or not a secure context) shows it to copy by hand. */
async function copyLink(url, button, audience) {
  try {
    await navigator.clipboard.writeText(url);
    button.textContent = 'Link copied';
    setTimeout(() => { button.textContent = 'Follow link'; }, 3000);
  } catch {
    audience.textContent = url;
  }
}

/**
 * The stage's footer: the data's date, the keys, who follows (and the link to follow), previous,
 * counter (opens the overview), next and exit. actions: turn(step), toggleOverview(), exit(),
 * copyFollowLink().
 */
function stageFooter({ turn, toggleOverview, exit, copyFollowLink }) {
  const button = (cls, text, label, onclick) => el('button', { type: 'button', class: `slide-button ${cls}`, text,
    'aria-label': label, title: label, onclick });
  const prev = button('slide-prev', '◀', 'Previous slide', () => turn(-1));
  const next = button('slide-next', '▶', 'Next slide', () => turn(1));
  const counter = button('slide-counter', '', 'Slide overview', toggleOverview);
  counter.setAttribute('aria-controls', 'slide-overview');
  const exitButton = button('slide-exit', 'Exit', 'Leave the presentation (Esc)', exit);
  const dataDate = el('span', { class: 'data-date' });
  // Following: who this stage follows, or who follows it; and the link that lets others follow.
  const audience = el('span', { class: 'slide-audience', role: 'status' });
  const followButton = button('slide-follow', 'Follow link', 'Copy a link that lets others follow these slides live',
    copyFollowLink);
  const hint = el('span', { class: 'slide-hint',
    text: '← → Space · Home/End · O: overview · N: notes · W: notes window · Esc: exit' });
  const root = el('footer', { class: 'slide-footer' }, dataDate, hint, audience, followButton,
    el('span', { class: 'slide-nav', role: 'group', 'aria-label': 'Slides' }, prev, counter, next), exitButton);
  return { root, prev, next, counter, dataDate, audience, followButton };
}

/**
 * The stage's keys: a keydown handler calling actions[keyCommand(...)], while the stage is shown
 * and not while typing. Space and Enter on a focused button press it, as anywhere else.
 */
function keyHandler(root, overviewOpen, actions) {
  return (e) => {
    if (root.hidden || e.target.closest?.('input, textarea')) return;
    if ((e.key === ' ' || e.key === 'Enter') && e.target.closest?.('button')) return;
    const command = keyCommand(e.key, overviewOpen());
    if (!command) return;
    e.preventDefault(); e.stopPropagation();
    actions[command]();
  };
}

/** The channel the speaker-notes window listens on (null without BroadcastChannel); its hello is answered. */
function notesChannel(announce) {
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel('sahel-map-notes') : null;
  if (channel) channel.onmessage = (m) => { if (m.data === 'hello') announce(); };
  return channel;
}

/** The keys, and the full screen where the browser grants it (leaving it exits the stage). */
async function takeScreen(key, onFullscreen) {
  document.addEventListener('keydown', key, true);
  try {
    await document.documentElement.requestFullscreen?.({ navigationUI: 'hide' });
    document.addEventListener('fullscreenchange', onFullscreen);
  } catch { /* refused (headless, iframe): the full-window overlay stands in */ }
}

/** Gives back what takeScreen took. */
function releaseScreen(key, onFullscreen) {
  document.removeEventListener('keydown', key, true);
  document.removeEventListener('fullscreenchange', onFullscreen);
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
}

/** Slide index + 1 of total, and the arrows that lead nowhere disabled. */
function showPosition(footer, index, total) {
  footer.counter.textContent = `${index + 1} / ${total}`;
  footer.prev.disabled = index === 0;
  footer.next.disabled = index === total - 1;
}

/** The follow link offered only when there is one; nobody is heard following yet. */
function showFollowing(footer, follow) {
  footer.followButton.hidden = !follow;
  footer.audience.textContent = '';
}

/** Tells the speaker-notes window (notes.html) which slide is shown, with its title and notes. */
function tellNotesWindow(channel, briefing, index) {
  const slide = briefing?.slides[index];
  if (slide) channel?.postMessage({ index, total: briefing.slides.length, title: slide.title, notes: slide.notes });
}
