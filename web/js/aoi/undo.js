// Undo and redo on the map: Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) and two buttons under the drawing
// tools. While a polygon is being drawn they take its last vertex away and put it back; otherwise
// they go to the edit history the caller gives (see history.js).
const L = window.L;

/**
 * Vertex undo for the polygon being drawn: handlerOf('polygon') is Leaflet.draw's handler.
 * Returns {active(), canUndo(), canRedo(), undo(), redo()}.
 */
export function drawingVertices(map, handlerOf, onChange) {
  let handler = null;
  const removed = []; // vertices taken away, the last one first to come back
  let restoring = false;
  map.on('draw:drawstart', (e) => { handler = e.layerType === 'polygon' ? handlerOf('polygon') : null; removed.length = 0; onChange(); });
  map.on('draw:drawstop', () => { handler = null; removed.length = 0; onChange(); });
  // A vertex clicked by the user (not one put back here) makes the taken-away ones stale.
  map.on('draw:drawvertex', () => { if (!restoring) removed.length = 0; onChange(); });
  return {
    active: () => handler !== null,
    canUndo: () => (handler?._markers.length ?? 0) > 0,
    canRedo: () => handler !== null && removed.length > 0,
    undo() {
      const markers = handler?._markers ?? [];
      if (!markers.length) return;
      const last = markers.at(-1).getLatLng();
      if (markers.length === 1) {
        // deleteLastVertex keeps a lone first vertex; starting over takes it away.
        handler.disable();
        handler.enable();
      } else {
        handler.deleteLastVertex();
      }
      removed.push(last);
      onChange();
    },
    redo() {
      const latlng = removed.pop();
      if (!latlng || !handler) return;
      restoring = true;
      try { handler.addVertex(latlng); } finally { restoring = false; }
      onChange();
    },
  };
}

/** Typing in a field keeps its own Ctrl+Z. */
const typing = (t) => t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

/**
 * The Undo and Redo buttons and the keys. target: {canUndo(), canRedo(), undo(), redo()}.
 * Returns update(), to call whenever what can be undone changes.
 */
export function undoControls(map, target) {
  const Control = L.Control.extend({
    options: { position: 'topright' },
    onAdd() {
      const bar = L.DomUtil.create('div', 'leaflet-bar aoi-undo');
      const make = (cls, label, key, glyph, act) => {
        const b = L.DomUtil.create('button', cls, bar);
        b.type = 'button';
        b.textContent = glyph;
        b.title = `${label} (${key})`;
        b.setAttribute('aria-label', label);
        L.DomEvent.on(b, 'click', (e) => { L.DomEvent.stop(e); act(); });
        return b;
      };
      this.undo = make('aoi-undo-button', 'Undo', 'Ctrl+Z', '↶', () => target.undo());
      this.redo = make('aoi-redo-button', 'Redo', 'Ctrl+Y', '↷', () => target.redo());
      L.DomEvent.disableClickPropagation(bar);
      return bar;
    },
  });
  const control = new Control();
  map.addControl(control);
  document.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || typing(e.target)) return;
    const key = e.key.toLowerCase();
    const redo = key === 'y' || (key === 'z' && e.shiftKey);
    if (key !== 'z' && key !== 'y') return;
    e.preventDefault();
    if (redo) target.redo(); else target.undo();
  });
  const update = () => {
    if (!control.undo) return;
    control.undo.disabled = !target.canUndo();
    control.redo.disabled = !target.canRedo();
  };
  update();
  return update;
}
