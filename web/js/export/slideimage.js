// One slide as a 1920x1080 image: banner, title, caption, the map with legend, scale bar and north
// arrow, sources and data date. Drawn on a canvas with no third-party code.
import { bannerColours } from '../briefing/banner.js';
import { CATEGORIES } from '../styles.js';
import { drawMap, hatch, projection } from './mapcanvas.js';
import { drawMarker } from '../symbols.js';

const FONT = '"DejaVu Sans", "Noto Sans", sans-serif';
const BANNER = 36; const HEAD = 104; const PANEL = 540; const FOOT = 64;
/** The image, and the map inside it (what a slide's events are fetched for). */
export const SIZE = { width: 1920, height: 1080, mapWidth: 1920 - PANEL, mapHeight: 1080 - 2 * BANNER - HEAD - FOOT };
/** The map's width: a page with no text column (the view export) gives the map the whole width. */
export const mapWidth = (withPanel) => (withPanel ? SIZE.mapWidth : SIZE.width);

/**
 * page: {title, subtitle, caption, events: [{date, title}], sources, banner, dates, view,
 * layers: Map id → geojson, missions: the mission collections among them in map order, eventsShown:
 * {events, clusters} (eventtiles.eventsInBox), emphasised:
 * the slide's highlighted event features, aois, aoisEmphasised and relief (mapcanvas.drawMap),
 * legend: [{title, entries}], categories, panel: false for no text column (the view export)}
 */
export function slideCanvas(page) {
  const canvas = document.createElement('canvas');
  canvas.width = SIZE.width; canvas.height = SIZE.height;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fbfaf7'; ctx.fillRect(0, 0, SIZE.width, SIZE.height);
  const panel = page.panel === false ? 0 : PANEL;
  const mapBox = { x: panel, y: BANNER + HEAD, w: SIZE.width - panel, h: SIZE.height - 2 * BANNER - HEAD - FOOT };
  const proj = projection(page.view, mapBox.w, mapBox.h);
  ctx.save(); ctx.translate(mapBox.x, mapBox.y);
  ctx.beginPath(); ctx.rect(0, 0, mapBox.w, mapBox.h); ctx.clip();
  drawMap(ctx, proj, { layers: page.layers, missions: page.missions, events: page.eventsShown, emphasised: page.emphasised,
    aois: page.aois, aoisEmphasised: page.aoisEmphasised, relief: page.relief });
  northArrow(ctx, mapBox.w - 60, 24);
  scaleBar(ctx, proj, mapBox.w - 24, mapBox.h - 24);
  legend(ctx, page.legend, page.categories, 16, mapBox.h - 16);
  ctx.restore();
  ctx.strokeStyle = '#8d8478'; ctx.lineWidth = 1; ctx.strokeRect(mapBox.x + 0.5, mapBox.y + 0.5, mapBox.w - 1, mapBox.h - 1);
  banner(ctx, page.banner, 0); banner(ctx, page.banner, SIZE.height - BANNER);
  text(ctx, page.title, 32, BANNER + 52, { size: 44, weight: 700, max: SIZE.width - 64 });
  text(ctx, page.subtitle, 32, BANNER + 88, { size: 22, color: '#5d564c', max: SIZE.width - 64 });
  if (!panel) return finish(ctx, page);
  let y = BANNER + HEAD + 36;
  y = wrap(ctx, page.caption, 32, y, PANEL - 64, { size: 26, line: 36, maxLines: 14 });
  for (const e of page.events) {
    y += 18;
    y = wrap(ctx, e.date, 32, y, PANEL - 64, { size: 18, line: 24, color: '#5d564c', maxLines: 1 });
    y = wrap(ctx, e.title, 32, y, PANEL - 64, { size: 20, line: 27, weight: 600, maxLines: 3 });
  }
  return finish(ctx, page);
}

/** The footer: sources, data date and attribution. */
function finish(ctx, page) {
  const footY = SIZE.height - BANNER - FOOT;
  wrap(ctx, page.sources ? `Sources: ${page.sources}` : '', 32, footY + 24, SIZE.width - 520, { size: 16, line: 21, color: '#3b342c', maxLines: 2 });
  ctx.textAlign = 'right';
  text(ctx, page.dates, SIZE.width - 32, footY + 24, { size: 16, color: '#3b342c' });
  text(ctx, 'Sahel Map · © OpenStreetMap contributors, Natural Earth, GeoNames', SIZE.width - 32, footY + 46, { size: 14, color: '#5d564c' });
  ctx.textAlign = 'left';
  return ctx.canvas;
}

function text(ctx, s, x, y, { size = 20, weight = 400, color = '#1f1b16', max } = {}) {
  ctx.font = `${weight} ${size}px ${FONT}`; ctx.fillStyle = color; ctx.textBaseline = 'alphabetic';
  ctx.fillText(s ?? '', x, y, max);
}

/** Word-wrapped text from y (baseline of the first line); returns the y after the last line. */
function wrap(ctx, s, x, y, width, { size, line, weight = 400, color = '#1f1b16', maxLines = 99 }) {
  ctx.font = `${weight} ${size}px ${FONT}`; ctx.fillStyle = color; ctx.textBaseline = 'alphabetic';
  const words = String(s ?? '').split(/\s+/).filter(Boolean);
  let current = ''; let lines = 0;
  for (let i = 0; i < words.length; i++) {
    const next = current ? `${current} ${words[i]}` : words[i];
    if (ctx.measureText(next).width > width && current) {
      if (lines === maxLines - 1) { ctx.fillText(`${current}…`, x, y); return y + line; }
      ctx.fillText(current, x, y); y += line; lines += 1; current = words[i];
    } else current = next;
  }
  if (current) { ctx.fillText(current, x, y); y += line; }
  return y;
}

function banner(ctx, s, y) {
  const c = bannerColours(s);
  ctx.fillStyle = c.background; ctx.fillRect(0, y, SIZE.width, BANNER);
  ctx.textAlign = 'center';
  text(ctx, s || '', SIZE.width / 2, y + 25, { size: 20, weight: 700, color: c.text });
  ctx.textAlign = 'left';
}

/** A north arrow whose point is at (x, y + 8), in a white disc; the print sheet draws it too. */
export function northArrow(ctx, x, y) {
  ctx.fillStyle = '#ffffffdd'; ctx.beginPath(); ctx.arc(x, y + 30, 28, 0, 2 * Math.PI); ctx.fill();
  ctx.fillStyle = '#1f1b16'; ctx.beginPath();
  ctx.moveTo(x, y + 8); ctx.lineTo(x + 12, y + 46); ctx.lineTo(x, y + 38); ctx.lineTo(x - 12, y + 46); ctx.closePath(); ctx.fill();
  ctx.textAlign = 'center'; text(ctx, 'N', x, y + 2 - 4 + 70, { size: 16, weight: 700 }); ctx.textAlign = 'left';
}

/** A bar of a round length (1, 2 or 5 × 10^n km) no longer than 220 px, right-aligned at x. */
export function scaleBar(ctx, proj, x, y) {
  const maxKm = (220 * proj.metresPerPixel) / 1000;
  const pow = 10 ** Math.floor(Math.log10(maxKm));
  const km = [5, 2, 1].map((m) => m * pow).find((v) => v <= maxKm);
  const px = (km * 1000) / proj.metresPerPixel;
  ctx.fillStyle = '#ffffffdd'; ctx.fillRect(x - px - 16, y - 40, px + 24, 50);
  ctx.strokeStyle = '#1f1b16'; ctx.lineWidth = 3; ctx.beginPath();
  ctx.moveTo(x - px, y - 12); ctx.lineTo(x - px, y); ctx.lineTo(x, y); ctx.lineTo(x, y - 12); ctx.stroke();
  ctx.textAlign = 'center';
  text(ctx, `${km >= 1 ? km.toLocaleString('en-GB') : km} km`, x - px / 2, y - 18, { size: 18, weight: 600 });
  ctx.textAlign = 'left';
  return km;
}

function legend(ctx, sections, categories, x, bottom) {
  const rows = [];
  for (const s of sections) {
    if (s.entries.length === 1) rows.push({ swatch: s.entries[0], label: s.title, bold: true });
    else { rows.push({ label: s.title, bold: true }); s.entries.forEach((e) => rows.push({ swatch: e, label: e.label, indent: true })); }
  }
  const cats = Object.keys(CATEGORIES).filter((c) => categories.has(c));
  if (cats.length) { rows.push({ label: 'Events', bold: true }); cats.forEach((c) => rows.push({ marker: c, label: CATEGORIES[c].label, indent: true })); }
  if (!rows.length) return;
  const h = rows.length * 26 + 40;
  ctx.fillStyle = '#fffffff2'; ctx.strokeStyle = '#b8b0a2'; ctx.lineWidth = 1;
  ctx.fillRect(x, bottom - h, 380, h); ctx.strokeRect(x + 0.5, bottom - h + 0.5, 379, h - 1);
  text(ctx, 'Legend', x + 14, bottom - h + 28, { size: 18, weight: 700 });
  rows.forEach((r, i) => {
    const y = bottom - h + 56 + i * 26;
    const lx = x + 14 + (r.indent ? 14 : 0);
    if (r.swatch) swatch(ctx, r.swatch, lx, y - 8);
    if (r.marker) drawMarker(ctx, lx + 14, y - 2, r.marker, 16);
    text(ctx, r.label, lx + (r.swatch || r.marker ? 38 : 0), y + 4, { size: 16, weight: r.bold ? 600 : 400, max: 300 });
  });
}

/** A legend entry's 28x14 swatch at (x, y - 1), hatch included; the print legend draws it too. */
export function swatch(ctx, e, x, y) {
  const s = e.style;
  ctx.globalAlpha = 1; ctx.setLineDash(s.dashArray ? s.dashArray.split(/[ ,]+/).map(Number) : []);
  ctx.strokeStyle = s.color === '#fff' ? '#333' : s.color; ctx.lineWidth = Math.min(s.weight ?? 2, 4);
  if (e.shape === 'line') { ctx.beginPath(); ctx.moveTo(x, y + 6); ctx.lineTo(x + 28, y + 6); ctx.stroke(); }
  else if (e.shape === 'point') {
    ctx.fillStyle = s.fillColor; ctx.beginPath(); ctx.arc(x + 14, y + 6, 6, 0, 2 * Math.PI); ctx.fill(); ctx.lineWidth = 1; ctx.stroke();
  } else {
    // A hatched fill is drawn with the map's own hatch, not a solid blob of its colour.
    const hatched = s.fillColor?.startsWith('url(');
    ctx.globalAlpha = hatched ? 1 : Math.max(s.fillOpacity ?? 0.2, 0.15);
    ctx.fillStyle = hatched ? hatch(ctx, s.color) : s.fillColor ?? s.color;
    ctx.fillRect(x, y - 1, 28, 14); ctx.globalAlpha = 1; ctx.strokeRect(x, y - 1, 28, 14);
  }
  ctx.setLineDash([]);
}
