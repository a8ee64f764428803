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
