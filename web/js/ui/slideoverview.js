// The presenter's slide overview: every slide's number and title as a button, the current one
// marked; picking one jumps there and folds the overview. Titles go in through textContent.
import { el } from './dom.js';

/** onPick(i) jumps to slide i. Returns the element and what fills, shows and hides it. */
export function slideOverview(onPick) {
  const list = el('ol', { class: 'overview-list' });
  const root = el('nav', { class: 'slide-overview', id: 'slide-overview', 'aria-label': 'Slides', hidden: true },
    el('h2', { class: 'overview-heading', text: 'Slides' }), list);
  let buttons = [];
  return {
    root,
    fill(slides) {
      buttons = slides.map((s, i) => el('button', { type: 'button', class: 'overview-item', 'data-slide': String(i),
        onclick: () => onPick(i) }, el('span', { class: 'overview-no', text: String(i + 1) }),
      el('span', { class: 'overview-title', text: s.title || `Slide ${i + 1}` })));
      list.replaceChildren(...buttons.map((b) => el('li', {}, b)));
    },
    mark(index) {
      buttons.forEach((b, i) => { if (i === index) b.setAttribute('aria-current', 'step'); else b.removeAttribute('aria-current'); });
    },
    get open() { return !root.hidden; },
    /** Opening moves the focus to the current slide, so Enter or arrows-then-Enter picks. */
    toggle(on = root.hidden) {
      root.hidden = !on;
      if (on) (buttons.find((b) => b.hasAttribute('aria-current')) ?? buttons[0])?.focus();
    },
  };
}
