// On a phone the sidebar becomes a sheet under the map with one tab per panel: the map keeps the
// full width and the little height left below it goes to one panel at a time (events first, since
// reading the map's events is what a phone is for). Wider screens keep the sidebar as it is; the
// panels' own open/folded state is put back when the window widens again.
import { el } from './dom.js';

export const PHONE = '(max-width: 700px)';

/** sidebar: the element whose children with data-tab are the panels; legend: folded on a phone. */
export function phoneSheet(sidebar, legend, media = window.matchMedia(PHONE)) {
  const panels = [...sidebar.querySelectorAll(':scope > [data-tab]')];
  const tabs = panels.map((p) => el('button', { type: 'button', role: 'tab', id: `tab-${p.id}`,
    'aria-controls': p.id, 'data-panel': p.id, text: p.dataset.tab, onclick: () => pick(p) }));
  const bar = el('div', { class: 'sheet-tabs', role: 'tablist', 'aria-label': 'Panels', onkeydown: arrows }, tabs);
  sidebar.prepend(bar);
  let current = panels.find((p) => p.id === 'events-panel') ?? panels[0];
  let wideState = null;

  function pick(panel) {
    current = panel;
    panels.forEach((p, i) => {
      const on = p === panel;
      p.classList.toggle('sheet-current', on);
      tabs[i].setAttribute('aria-selected', String(on));
      tabs[i].tabIndex = on ? 0 : -1;
      // A folded <details> renders nothing but its summary, which the tab replaces: open the shown one.
      if (p.tagName === 'DETAILS') p.open = on;
    });
  }
  function arrows(e) {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
    if (!step) return;
    const i = (panels.indexOf(current) + step + panels.length) % panels.length;
    pick(panels[i]);
    tabs[i].focus();
    e.preventDefault();
  }
  // A panel that opens itself (the AOI panel when an area is drawn or picked) comes to the front.
  for (const p of panels) {
    p.addEventListener('toggle', () => { if (media.matches && p.open && p !== current) pick(p); });
  }

  function apply() {
    document.body.classList.toggle('phone', media.matches);
    if (media.matches) {
      wideState = { panels: panels.map((p) => p.open), legend: legend.open };
      legend.open = false;
      pick(current);
    } else if (wideState) {
      panels.forEach((p, i) => { if (p.tagName === 'DETAILS') p.open = wideState.panels[i]; p.classList.remove('sheet-current'); });
      legend.open = wideState.legend;
      wideState = null;
    }
  }
  media.addEventListener('change', apply);
  apply();
  return { pick: (id) => pick(panels.find((p) => p.id === id)) };
}
