// Settings kept in this browser: for now whether to draw the online tile basemap. The server decides
// whether there is one at all (--online-basemap); without it the map stays strictly offline and the
// checkbox says how to configure one.
const KEY = 'sahel-map.online-basemap';

export function onlineBasemapSetting(checkbox, configuredUrl, onChange) {
  if (!configuredUrl) {
    checkbox.checked = false;
    checkbox.disabled = true;
    checkbox.parentElement.title = 'No online basemap configured: start the server with --online-basemap URL';
    return false;
  }
  let on = false;
  try { on = localStorage.getItem(KEY) === 'on'; } catch { /* storage blocked: stay offline */ }
  checkbox.checked = on;
  checkbox.addEventListener('change', () => {
    try { localStorage.setItem(KEY, checkbox.checked ? 'on' : 'off'); } catch { /* not kept */ }
    onChange(checkbox.checked);
  });
  return on;
}
