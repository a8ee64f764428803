// The timeline: a month-granular date range (two sliders) with play/pause. Playing slides the
// window forward a month at a time; the events shown follow the window through the state.
import { el } from './dom.js';
import { monthEnd, monthIndex, monthLabel, monthStart } from '../dates.js';

const STEP_MS = 1000;
const PLAY_WIDTH_MONTHS = 6;

/** hasEvents(window): lets play skip the months where nothing happened (years, at the start). */
export function timeline(container, extent, onChange, hasEvents = () => true) {
  const min = monthIndex(extent.from);
  const max = monthIndex(extent.to);
  let timer = null;
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
    el('div', { class: 'sliders' }, fromInput, toInput,
      el('div', { class: 'ticks' }, el('span', { text: monthLabel(min) }), el('span', { text: monthLabel(max) }))),
    el('div', { class: 'window-text' }, label, count), reset);
  setPlaying(false);

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
  function setPlaying(on) {
    play.textContent = on ? '❚❚' : '▶';
    play.setAttribute('aria-label', on ? 'Pause' : 'Play');
    play.setAttribute('aria-pressed', String(on));
  }
  function stop() { clearInterval(timer); timer = null; setPlaying(false); }
  function toggle() {
    if (timer) { stop(); return; }
    let a = Number(fromInput.value);
    let b = Number(toInput.value);
    if (b >= max || (a === min && b === max)) {
      a = min; b = Math.min(max, min + PLAY_WIDTH_MONTHS - 1);
      set(a, b);
    }
    setPlaying(true);
    timer = setInterval(() => {
      let a2 = Number(fromInput.value);
      let b2 = Number(toInput.value);
      if (b2 >= max) { stop(); return; }
      do { a2 += 1; b2 += 1; } while (b2 < max && !hasEvents({ from: monthStart(a2), to: monthEnd(b2) }));
      set(a2, b2);
    }, STEP_MS);
  }
  return {
    /** Reflects a window set elsewhere (permalink) without calling back. */
    show(time, shown, total) {
      fromInput.value = monthIndex(time.from);
      toInput.value = monthIndex(time.to);
      label.textContent = `${monthLabel(monthIndex(time.from))} – ${monthLabel(monthIndex(time.to))}`;
      count.textContent = `${shown} of ${total} events`;
    },
    stop,
  };
}
