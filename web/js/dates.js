// Event dates shown at the precision the source gives them. ISO dates in, English text out; all
// arithmetic is in UTC so a date never shifts with the viewer's time zone.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

export function parseDate(iso) {
  const [y, m, d] = String(iso).slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function toIso(date) {
  return date.toISOString().slice(0, 10);
}

export function lastDayOfMonth(y, m0) {
  return new Date(Date.UTC(y, m0 + 1, 0)).getUTCDate();
}

const monthYear = (d) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
const dayMonthYear = (d) => `${d.getUTCDate()} ${monthYear(d)}`;
const isMonthStart = (d) => d.getUTCDate() === 1;
const isMonthEnd = (d) => d.getUTCDate() === lastDayOfMonth(d.getUTCFullYear(), d.getUTCMonth());

/** "late February 2024", "30 September 2024", "October–November 2023", "1 July – 21 October 2024". */
export function formatEventDate(start, end, precision) {
  const s = parseDate(start);
  const e = parseDate(end ?? start);
  switch (precision) {
    case 'day': return dayMonthYear(s);
    case 'month': return monthYear(s);
    case 'early-month': return `early ${monthYear(s)}`;
    case 'mid-month': return `mid-${monthYear(s)}`;
    case 'late-month': return `late ${monthYear(s)}`;
    case 'year': return String(s.getUTCFullYear());
    default: return formatRange(s, e);
  }
}

function formatRange(s, e) {
  const sameYear = s.getUTCFullYear() === e.getUTCFullYear();
  if (toIso(s) === toIso(e)) return dayMonthYear(s);
  if (isMonthStart(s) && isMonthEnd(e)) {
    if (s.getUTCMonth() === 0 && e.getUTCMonth() === 11) {
      return sameYear ? String(s.getUTCFullYear()) : `${s.getUTCFullYear()}–${e.getUTCFullYear()}`;
    }
    if (sameYear && s.getUTCMonth() === e.getUTCMonth()) return monthYear(s);
    return sameYear ? `${MONTHS[s.getUTCMonth()]}–${monthYear(e)}` : `${monthYear(s)} – ${monthYear(e)}`;
  }
  if (sameYear) return `${s.getUTCDate()} ${MONTHS[s.getUTCMonth()]} – ${dayMonthYear(e)}`;
  return `${dayMonthYear(s)} – ${dayMonthYear(e)}`;
}

/** Months between two ISO dates, as indices counted from year 0 (for range sliders). */
export const monthIndex = (iso) => { const d = parseDate(iso); return d.getUTCFullYear() * 12 + d.getUTCMonth(); };
export const monthStart = (index) => toIso(new Date(Date.UTC(Math.floor(index / 12), index % 12, 1)));
export const monthEnd = (index) => toIso(new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)));
export const monthLabel = (index) => `${MONTHS[index % 12].slice(0, 3)} ${Math.floor(index / 12)}`;
