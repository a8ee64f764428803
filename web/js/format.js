// Numbers and text for people: thousands separators, sensible rounding, one HTML escape helper.

const LOCALE = 'en-GB';

/** Rounds by size: integers from 100 up, one decimal from 10, two below. */
export function formatNumber(value) {
  if (value === null || value === undefined || value === '' || Number.isNaN(Number(value))) return '–';
  const v = Number(value);
  const abs = Math.abs(v);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: digits }).format(v);
}

export const formatKm = (v) => `${formatNumber(v)} km`;
export const formatKm2 = (v) => `${formatNumber(v)} km²`;

/** Lon/lat as degrees with hemisphere letters, e.g. "18.4411° N, 1.4072° E". */
export function formatLatLon(lat, lon, decimals = 4) {
  const ns = lat >= 0 ? 'N' : 'S';
  const ew = lon >= 0 ? 'E' : 'W';
  return `${Math.abs(lat).toFixed(decimals)}° ${ns}, ${Math.abs(lon).toFixed(decimals)}° ${ew}`;
}

/** Escapes text for HTML. Prefer textContent; use this where markup must be a string. */
export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
  })[c]);
}

/** "fort_area" → "Fort area". */
export function humanize(word) {
  const s = String(word ?? '').replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
