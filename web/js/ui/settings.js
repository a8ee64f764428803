// Settings kept in this browser: for now whether to draw an online tile basemap (off by default,
// so the map works with no internet).
const KEY = 'sahel-map.online-basemap';

export function onlineBasemapSetting(checkbox, onChange) {
  let on = false;
  try { on = localStorage.getItem(KEY) === 'on'; } catch { /* storage blocked: stay offline */ }
  checkbox.checked = on;
  checkbox.addEventListener('change', () => {
    try { localStorage.setItem(KEY, checkbox.checked ? 'on' : 'off'); } catch { /* not kept */ }
    onChange(checkbox.checked);
  });
  return on;
}

/** Who saves AOIs (sent as X-User until there are accounts): kept in this browser. */
export function userNameSetting(input) {
  const key = 'sahel.user'; // the key aois.js reads
  try { input.value = localStorage.getItem(key) ?? ''; } catch { /* storage blocked */ }
  input.addEventListener('change', () => {
    try { localStorage.setItem(key, input.value.trim()); } catch { /* not kept */ }
  });
}
