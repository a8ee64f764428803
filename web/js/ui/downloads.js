// Download links for the export formats the server offers. The formats come from a collection's
// own links (rel "enclosure": GeoJSON, CSV, KML, GeoPackage, each with its media type), so a format
// the server adds shows up here without an edit. DOM only through el (text via textContent).
import { path } from '../api.js';
import { el } from './dom.js';

const NAMES = {
  'application/geo+json': 'GeoJSON',
  'text/csv': 'CSV',
  'application/vnd.google-earth.kml+xml': 'KML',
  'application/geopackage+sqlite3': 'GeoPackage',
};

/** The files a collection offers: [{f, name, type}] from its enclosure links, in their order. */
export function fileFormats(collection) {
  return (collection?.links ?? [])
    .filter((l) => l.rel === 'enclosure')
    .map((l) => {
      const f = new URL(l.href, 'http://x/').searchParams.get('f');
      return { f, type: l.type, name: NAMES[l.type] ?? f };
    })
    .filter((x) => x.f);
}

/** The items URL of a collection as a file in format f, with the given query parameters. */
export function itemsFileUrl(collectionId, f, params = new URLSearchParams()) {
  const p = new URLSearchParams(params);
  p.set('f', f);
  return path('items', { collectionId }, p);
}

/**
 * A folded list of download links, one per format. url(f) gives each href; it is asked again when
 * the link is clicked, so a link made once follows the state (time window, filter) of that moment.
 */
export function downloadMenu(label, formats, url, attrs = {}) {
  return el('details', { class: 'downloads', ...attrs },
    el('summary', { text: label }),
    el('div', { class: 'download-links' }, formats.map((x) => el('a', {
      class: 'button', href: url(x.f), download: '', 'data-format': x.f, text: x.name,
      onclick: (e) => { e.currentTarget.href = url(x.f); },
    }))));
}
