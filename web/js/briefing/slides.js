// Slides as data: a slide is a permalink state (view, visible layers, time window) plus text and
// the events/AOIs it highlights. Pure functions, no DOM, no Leaflet.

export const LIMITS = { title: 200, caption: 2000, notes: 10000, sources: 500, slides: 100 };

/**
 * A new slide from the map as it is now. bbox, [w, s, e, n] of the free part of the map, is what
 * the slide stores when given, so it is framed to fit whatever screen presents it; without one
 * the slide keeps the centre and zoom (read as before, but tied to the screen it was made on).
 */
export function captureSlide(state, title = 'New slide', selectedAoi = null, bbox = null) {
  const { view, visible, time, selected } = state;
  return {
    title, caption: '', notes: '', sources: '',
    view: bbox ? { bbox: [...bbox] } : { center: [round(view.lon, 5), round(view.lat, 5)], zoom: view.zoom },
    layers: [...visible].sort(),
    time: time ? { ...time } : null,
    events: selected ? [selected] : [],
    aois: selectedAoi ? [selectedAoi] : [],
  };
}

/**
 * The state patch that shows a slide (the view is applied by the map). A slide that highlights
 * AOIs shows the AOI layer, whatever layers it was captured with.
 */
export function slideState(slide, allLayers) {
  const visible = new Set(slide.layers?.length ? slide.layers : allLayers);
  if (slide.aois?.length) visible.add('aois');
  return {
    visible,
    time: slide.time ? { ...slide.time } : null,
    selected: null,
  };
}

/** {lat, lon, zoom} or {bbox: [w, s, e, n]} from a slide's view. */
export function slideView(slide) {
  const v = slide.view ?? {};
  if (Array.isArray(v.bbox)) return { bbox: v.bbox };
  return { lon: v.center[0], lat: v.center[1], zoom: v.zoom };
}

export function moved(slides, i, delta) {
  const j = i + delta;
  if (j < 0 || j >= slides.length) return slides;
  const out = [...slides];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

export const duplicated = (slides, i) => [...slides.slice(0, i + 1),
  structuredClone({ ...slides[i], title: `${slides[i].title} (copy)`.slice(0, LIMITS.title) }),
  ...slides.slice(i + 1)];

export const removed = (slides, i) => slides.filter((_, k) => k !== i);

export const edited = (slides, i, patch) => slides.map((s, k) => (k === i ? { ...s, ...patch } : s));

/** The body PUT/POST expects: the fields the server keeps, nothing else. */
export function briefingBody(b) {
  return { name: b.name, banner: b.banner ?? '', slides: b.slides };
}

/** Latest date of the data shown: last event day (the collection's extent) and when the layers were computed. */
export function dataDates(collections) {
  const interval = collections.find((c) => c.id === 'events')?.extent?.temporal?.interval?.[0];
  const events = interval ? (interval[1] ?? interval[0]).slice(0, 10) : null;
  const computed = collections.map((c) => c.computedAt).filter(Boolean).sort().pop() ?? null;
  return { events, computed: computed ? computed.slice(0, 10) : null };
}

const round = (v, d) => Math.round(v * 10 ** d) / 10 ** d;
