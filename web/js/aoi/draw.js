// Areas of interest on the map: one editable FeatureGroup in its own pane, the Leaflet.draw toolbar
// (polygon, rectangle, circle; edit; delete), a move handle while editing, and a map file
// dropped on the map. Geometry leaves here as GeoJSON; circles as 64-vertex polygons with radius_m.
import { AOI, AOI_SELECTED } from '../styles.js';
import { circleCenter, circleRing, polygonFromLatLngs } from './shapes.js';
import { escapeHtml } from '../format.js';
import { drawMeasure } from './measure.js';
import { drawingVertices } from './undo.js';
import { pane } from '../map/base.js';

const L = window.L;
const PANE = 'aois';

/**
 * handlers: onCreated({geometry, radius_m}), onEdited([{id, geometry, radius_m}]), onDeleted([id]),
 * onSelect(id), onFile(file) for a dropped File; for undo: onShapeEdit(id, before, after) as each vertex
 * move or area move ends (LatLng arrays), onEditSession('start' | 'cancel'), onUndoable() when what
 * the polygon being drawn can undo changes.
 */
export function aoiLayer(map, handlers) {
  pane(map, PANE, 450);
  const group = L.featureGroup();
  const byId = new Map();
  let busy = false; // drawing, editing or deleting: clicks belong to Leaflet.draw
  let selected = null;

  const draw = drawControl(group);
  map.addControl(draw);
  // Leaflet.draw's own figures are off (show* false above): ours are geodesic, see measure.js.
  const handlerOf = (type) => draw._toolbars.draw._modes[type]?.handler;
  drawMeasure(map, handlerOf);
  const vertices = drawingVertices(map, handlerOf, () => handlers.onUndoable?.());
  shapeEdits(map, group, handlers);

  reportDrawing(map, byId, handlers);
  // A vertex moved: the shape is no longer a circle, so it keeps no radius.
  map.on(L.Draw.Event.EDITVERTEX, (e) => { if (e.poly) e.poly.aoiRadius = null; });
  for (const [start, stop] of [['drawstart', 'drawstop'], ['editstart', 'editstop'], ['deletestart', 'deletestop']]) {
    map.on(`draw:${start}`, () => { busy = true; });
    map.on(`draw:${stop}`, () => { busy = false; });
  }
  moveHandles(map, group);
  dropTarget(map, handlers.onFile);

  // Selected (being edited) or emphasised (highlighted by a briefing slide): drawn the same, strong.
  let emphasised = new Set();
  const restyle = (layer) =>
    layer.setStyle(layer.aoiId === selected || emphasised.has(layer.aoiId) ? AOI_SELECTED : AOI);

  /**
   * Draws one AOI; a feature that cannot be drawn is reported and left out, so one stored shape
   * can never stop the others (or the page) from drawing.
   */
  function put(feature) {
    try {
      return drawOne(feature);
    } catch (e) {
      const failed = byId.get(feature.id);
      if (failed) { try { group.removeLayer(failed); } catch { /* half-added: nothing to undo */ } }
      byId.delete(feature.id);
      console.warn(`AOI ${feature.id} could not be drawn:`, e);
      handlers.onDrawFailed?.(feature, e);
      return null;
    }
  }

  function drawOne(feature) {
    const id = feature.id;
    const old = byId.get(id);
    if (old) group.removeLayer(old);
    const layer = L.polygon(latLngsOf(feature.geometry), { ...AOI, pane: PANE });
    layer.aoiId = id;
    layer.aoiRadius = feature.properties?.radius_m ?? null;
    layer.bindTooltip(escapeHtml(feature.properties?.name ?? ''), { sticky: true, className: 'hover-name' });
    layer.on('click', (e) => { if (!busy) { L.DomEvent.stop(e); handlers.onSelect(id); } });
    byId.set(id, layer);
    group.addLayer(layer);
    // Names its area in the DOM, for assistive tech and for tests that must find one area's path.
    const tag = () => layer.getElement()?.setAttribute('data-aoi', id ?? 'draft');
    layer.on('add', tag);
    tag();
    restyle(layer);
    return layer;
  }

  return {
    layer: group,
    /** Vertex undo/redo of the polygon being drawn (undo.js). */
    vertices,
    /** Gives an area the shape (LatLng arrays from onShapeEdit), also while its vertices are edited. */
    setShape(id, latlngs) {
      const l = byId.get(id);
      if (!l) return;
      l.setLatLngs(cloneLatLngs(latlngs));
      l.edited = true; // the edit toolbar's Save takes it
      if (l.editing?.enabled()) l.editing.updateMarkers();
    },
    /** Draws (or redraws) one AOI feature; features without an id are drafts, drawn the same. */
    put,
    setAll(features) { group.clearLayers(); byId.clear(); features.forEach(put); },
    remove(id) { const l = byId.get(id); if (l) group.removeLayer(l); byId.delete(id); },
    select(id) { selected = id; byId.forEach(restyle); byId.get(id)?.bringToFront(); },
    emphasise(ids) { emphasised = new Set(ids); byId.forEach(restyle); ids.forEach((i) => byId.get(i)?.bringToFront()); },
    geometry: (id) => (byId.has(id) ? geometryOf(byId.get(id)) : null),
    flyTo(id) {
      const l = byId.get(id);
      if (l) map.flyToBounds(l.getBounds(), { padding: [40, 40], maxZoom: 10, duration: 0.8 });
    },
  };
}

function latLngsOf(geometry) {
  const ring = (r) => r.map(([lon, lat]) => [lat, lon]);
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.map((p) => p.map(ring));
  return geometry.coordinates.map(ring);
}

const geometryOf = (layer) => layer.toGeoJSON(7).geometry;

const cloneLatLngs = (x) => (Array.isArray(x) ? x.map(cloneLatLngs) : L.latLng(x.lat, x.lng));

/**
 * Each vertex or whole-area move ending in the edit mode goes to onShapeEdit with the shape before
 * and after; a cancelled session (Leaflet.draw puts the shapes back) is told as 'cancel'.
 */
function shapeEdits(map, group, handlers) {
  const before = new Map();
  let saved = false;
  const moved = (layer) => {
    const after = cloneLatLngs(layer.getLatLngs());
    handlers.onShapeEdit?.(layer.aoiId, before.get(layer), after);
    before.set(layer, after);
  };
  map.on('draw:editstart', () => {
    saved = false;
    before.clear();
    group.eachLayer((layer) => before.set(layer, cloneLatLngs(layer.getLatLngs())));
    handlers.onEditSession?.('start');
  });
  map.on(L.Draw.Event.EDITVERTEX, (e) => { if (e.poly && before.has(e.poly)) moved(e.poly); });
  map.on('draw:editmove', (e) => { if (before.has(e.layer)) moved(e.layer); });
  map.on(L.Draw.Event.EDITED, () => { saved = true; });
  map.on('draw:editstop', () => { if (!saved) handlers.onEditSession?.('cancel'); before.clear(); });
}

/**
 * While editing, each AOI gets a handle at its middle: dragging it moves the whole area (a circle
 * is re-made around its new centre, so it stays a geodesic circle of the same radius).
 */
function moveHandles(map, group) {
  const handles = [];
  const icon = L.divIcon({ className: 'aoi-move-handle', html: '✥', iconSize: [26, 26], iconAnchor: [13, 13] });
  map.on('draw:editstart', () => {
    group.eachLayer((layer) => {
      const handle = L.marker(layer.getBounds().getCenter(), { icon, draggable: true, zIndexOffset: 3000,
        title: 'Drag to move this area', keyboard: false });
      let last = handle.getLatLng();
      let center = null; // a circle's centre, taken once per drag so it cannot drift
      handle.on('dragstart', () => {
        center = layer.aoiRadius ? circleCenter(layer.getLatLngs().flat(2).map((p) => [p.lng, p.lat])) : null;
      });
      handle.on('drag', () => {
        const now = handle.getLatLng();
        if (center) { center = [center[0] + now.lng - last.lng, center[1] + now.lat - last.lat]; }
        translate(layer, now.lat - last.lat, now.lng - last.lng, center);
        last = now;
      });
      handle.on('dragend', () => { layer.edited = true; map.fire('draw:editmove', { layer }); });
      handle.addTo(map);
      // Names the area it moves, for assistive tech and for tests that must grab the right one.
      handle.getElement()?.setAttribute('data-aoi', layer.aoiId);
      handles.push(handle);
    });
  });
  map.on('draw:editstop', () => { handles.forEach((h) => h.remove()); handles.length = 0; });
}

/** Moves every vertex in place (the edit handlers hold the same LatLng objects) and redraws. */
function translate(layer, dLat, dLng, center) {
  const flat = layer.getLatLngs().flat(2);
  if (center) {
    const moved = circleRing(center[0], center[1], layer.aoiRadius, flat.length);
    flat.forEach((p, i) => { p.lng = moved[i][0]; p.lat = moved[i][1]; });
  } else {
    flat.forEach((p) => { p.lat += dLat; p.lng += dLng; });
  }
  layer.redraw();
  layer.editing?.updateMarkers?.();
}

/** A map file dropped on the map: each File goes to onFile, which reads it. */
function dropTarget(map, onFile) {
  const box = map.getContainer();
  const over = (e) => { e.preventDefault(); box.classList.add('drop-over'); };
  L.DomEvent.on(box, 'dragenter dragover', over);
  L.DomEvent.on(box, 'dragleave', () => box.classList.remove('drop-over'));
  L.DomEvent.on(box, 'drop', (e) => {
    e.preventDefault();
    box.classList.remove('drop-over');
    for (const file of e.dataTransfer?.files ?? []) onFile(file);
  });
}

/** Leaflet.draw's toolbar: polygon, rectangle and circle, editing and deleting the group's areas. */
function drawControl(group) {
  return new L.Control.Draw({
    position: 'topright', // the legend has the bottom left, zoom and ruler the top left
    draw: {
      polygon: { allowIntersection: false, showArea: false, showLength: false, shapeOptions: { ...AOI, pane: PANE } },
      rectangle: { showArea: false, shapeOptions: { ...AOI, pane: PANE } },
      circle: { showRadius: true, metric: true, shapeOptions: { ...AOI, pane: PANE } },
      polyline: false, marker: false, circlemarker: false,
    },
    edit: { featureGroup: group, remove: true, edit: { selectedPathOptions: { ...AOI_SELECTED, dashArray: '8 5', maintainColor: false } } },
  });
}

/** Hands what was drawn, edited or deleted with the toolbar to the handlers, as GeoJSON and ids. */
function reportDrawing(map, byId, handlers) {
  map.on(L.Draw.Event.CREATED, (e) => {
    if (e.layerType === 'circle') {
      const c = e.layer.getLatLng();
      const radius = Math.round(e.layer.getRadius());
      handlers.onCreated({ geometry: { type: 'Polygon', coordinates: [circleRing(c.lng, c.lat, radius)] }, radius_m: radius });
    } else {
      handlers.onCreated({ geometry: polygonFromLatLngs(e.layer.getLatLngs()[0]), radius_m: null });
    }
  });
  map.on(L.Draw.Event.EDITED, (e) => {
    const changes = [];
    e.layers.eachLayer((layer) => changes.push({ id: layer.aoiId, geometry: geometryOf(layer), radius_m: layer.aoiRadius ?? null }));
    if (changes.length) handlers.onEdited(changes);
  });
  map.on(L.Draw.Event.DELETED, (e) => {
    const ids = [];
    e.layers.eachLayer((layer) => { ids.push(layer.aoiId); byId.delete(layer.aoiId); });
    if (ids.length) handlers.onDeleted(ids);
  });
}
