// The timeline: a month-granular date range (two sliders) over a histogram of events per month
// (the server's counts, under the current filter), with play/pause. Playing slides the window
// forward a month at a time; the events shown follow the window through the state.
import { el } from './dom.js';
import { monthEnd, monthIndex, monthLabel, monthStart } from '../dates.js';

const STEP_MS = 1000;
const PLAY_WIDTH_MONTHS = 6;

const NUMBER = new Intl.NumberFormat('en-GB');

export function timeline(container, extent, onChange) {
  const min = monthIndex(extent.from);
  const max = monthIndex(extent.to);
  let timer = null;
  let perMonth = null;
  const bars = el('canvas', { class: 'histogram', 'aria-hidden': 'true' });
  const slider = (label) => el('input', { type: 'range', min, max, step: 1, 'aria-label': label });
  const fromInput = slider('Start of the time window');
  const toInput = slider('End of the time window');
  fromInput.oninput = () => changed(true);
  toInput.oninput = () => changed(false);
  const play = el('button', { type: 'button', class: 'play', 'aria-label': 'Play', onclick: () => toggle() });
  const reset = el('button', { type: 'button', class: 'reset', text: 'All dates',
    onclick: () => { stop(); set(min, max); } });
  const label = el('output', { class: 'window-label', 'aria-live': 'polite' });
  const count = el('span', { class: 'window-count' });
  container.replaceChildren(play,
    el('div', { class: 'sliders' }, bars, fromInput, toInput,
      el('div', { class: 'ticks' }, el('span', { text: monthLabel(min) }), el('span', { text: monthLabel(max) }))),
    el('div', { class: 'window-text' }, label, count), reset);
  showPlaying(play, false);

  let windowTotal = null;
  let allTotal = null;
  function showCount() {
    if (windowTotal === null || allTotal === null) return;
    count.textContent = `${NUMBER.format(windowTotal)} of ${NUMBER.format(allTotal)} events`;
    count.dataset.inWindow = String(windowTotal);
    count.dataset.total = String(allTotal);
  }
  function drawBars() {
    drawHistogram(bars, perMonth, min, max, Number(fromInput.value), Number(toInput.value));
  }
  new ResizeObserver(() => drawBars()).observe(bars);

  function changed(fromMoved) {
    let a = Number(fromInput.value);
    let b = Number(toInput.value);
    if (a > b) { if (fromMoved) b = a; else a = b; }
    set(a, b);
  }
  function set(a, b) {
    fromInput.value = a; toInput.value = b;
    onChange({ from: monthStart(a), to: monthEnd(b) });
  }
  function stop() { clearInterval(timer); timer = null; showPlaying(play, false); }
  function toggle() {
    if (timer) { stop(); return; }
    let a = Number(fromInput.value);
    let b = Number(toInput.value);
    if (b >= max || (a === min && b === max)) {
      a = min; b = Math.min(max, min + PLAY_WIDTH_MONTHS - 1);
      set(a, b);
    }
    showPlaying(play, true);
    timer = setInterval(() => {
      const next = nextWindow(Number(fromInput.value), Number(toInput.value), max, perMonth);
      if (next) set(...next); else stop();
    }, STEP_MS);
  }
  return {
    /** Reflects a window set elsewhere (permalink) without calling back. */
    show(time) {
      fromInput.value = monthIndex(time.from);
      toInput.value = monthIndex(time.to);
      label.textContent = `${monthLabel(monthIndex(time.from))} – ${monthLabel(monthIndex(time.to))}`;
      drawBars();
    },
    /** The server's count of events in the window (under the filter). */
    setCounts(inWindow) {
      windowTotal = inWindow;
      showCount();
    },
    /** months: [{month: 'YYYY-MM', count}] from the server; drawn as bars, the window's darker. */
    setHistogram(months, total) {
      perMonth = new Map(months.map((m) => [monthIndex(`${m.month}-01`), m.count]));
      allTotal = total;
      showCount();
      drawBars();
    },
    stop,
  };
}

/**
 * The window a month on from months [a, b], skipping on while it would hold no events (years of
 * nothing, at the start); null once the window has reached the last month.
 */
function nextWindow(a, b, max, perMonth) {
  if (b >= max) return null;
  const hasEvents = (from, to) => {
    if (!perMonth) return true;
    for (let m = from; m <= to; m++) if (perMonth.get(m)) return true;
    return false;
  };
  do { a += 1; b += 1; } while (b < max && !hasEvents(a, b));
  return [a, b];
}

/** Events per month as bars on the canvas, months [a, b] (the window) darker. */
function drawHistogram(bars, perMonth, min, max, a, b) {
  const w = bars.clientWidth;
  const h = bars.clientHeight;
  if (!perMonth || !w || !h) return;
  const ratio = window.devicePixelRatio || 1;
  bars.width = w * ratio; bars.height = h * ratio;
  const ctx = bars.getContext('2d');
  ctx.scale(ratio, ratio);
  const peak = Math.max(1, ...perMonth.values());
  const step = w / (max - min + 1);
  for (let m = min; m <= max; m++) {
    const n = perMonth.get(m) ?? 0;
    if (!n) continue;
    // Square root, so a quiet month next to a peak still shows.
    const bh = Math.max(1.5, Math.sqrt(n / peak) * (h - 1));
    ctx.fillStyle = m >= a && m <= b ? '#1458a8' : '#b9b2a6';
    ctx.fillRect((m - min) * step + step * 0.1, h - bh, Math.max(1, step * 0.8), bh);
  }
}

/** The play button as Pause while playing, as Play otherwise. */
function showPlaying(play, on) {
  play.textContent = on ? '❚❚' : '▶';
  play.setAttribute('aria-label', on ? 'Pause' : 'Play');
  play.setAttribute('aria-pressed', String(on));
}
