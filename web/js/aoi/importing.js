// AOIs imported from a chosen or dropped file: each area in it created on the server, and the
// analyst told how many came in and why each of the others did not.
import * as aois from './requests.js';
import { reason } from '../api.js';
import { aoisFromFile, isGeoPackage } from './fileimport.js';
import { keep, quoted, refresh, select } from './session.js';

/** A GeoPackage is read by the server (SQLite is not for the page to parse); the rest here. */
export async function importFile(app, file) {
  if (!isGeoPackage(file.name)) {
    await importText(app, await file.text().catch(() => null), file.name);
    return;
  }
  app.panel.message(`Reading ${file.name}…`);
  try {
    await importText(app, await aois.readGeoPackage(file), file.name);
  } catch (e) {
    app.panel.message(`Could not import ${file.name}: ${reason(e)}`, { kind: 'error' });
  }
}

/** text: the file's content (GeoJSON, KML or GPX, or what the server made of a GeoPackage). */
export async function importText(app, text, fileName) {
  if (text === null) { app.panel.message(`Could not read ${fileName}.`, { kind: 'error' }); return; }
  let parsed;
  try {
    parsed = aoisFromFile(text, fileName);
  } catch (e) {
    app.panel.message(`Could not import ${fileName}: ${reason(e)}`, { kind: 'error' });
    return;
  }
  const problems = parsed.problems.map((p) => `#${p.index} ${quoted(p.name)}: ${p.message}`);
  const added = [];
  for (const { index, feature } of parsed.features) {
    try {
      const created = await aois.create(feature);
      keep(app, created);
      added.push(created.feature.id);
    } catch (e) {
      problems.push(`#${index} ${quoted(feature.properties.name)}: ${e.code ? `${e.code}: ` : ''}${reason(e)}`);
    }
  }
  const total = parsed.features.length + parsed.problems.length;
  refresh(app);
  if (added.length) { select(app, added[0]); app.layer.flyTo(added[0]); }
  app.panel.message(`Imported ${added.length} of ${total} area${total === 1 ? '' : 's'} from ${fileName}.`,
    { kind: problems.length ? 'error' : 'info', details: problems });
}
