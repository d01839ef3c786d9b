// notice-led: the LED strip preview. Text is drawn in a 16 px CJK font at
// the strip's real resolution, thresholded to on/off pixels, and shown
// magnified as a matrix of amber LEDs on black, one page at a time.
import { h } from '/assets/shared/dom.js';
import { t } from '/assets/shared/i18n.js';

export const STRIPS = [
  { w: 256, h: 32, scale: 3 },
  { w: 384, h: 64, scale: 2 },
];
const LINE = 16;
const FONT = '16px "Noto Sans CJK SC", "Noto Sans Mono CJK SC", "Source Han Sans SC", sans-serif';

// wrap breaks text into lines that fit width pixels.
function wrap(ctx, text, width) {
  const lines = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const ch of para) {
      if (ctx.measureText(line + ch).width > width && line) {
        lines.push(line);
        line = ch;
      } else line += ch;
    }
    lines.push(line);
  }
  return lines.filter((l, i) => l !== '' || i < lines.length - 1);
}

// render draws one page of text for a strip into canvas; it returns the
// number of pages.
function render(canvas, strip, text, page) {
  const off = document.createElement('canvas');
  off.width = strip.w;
  off.height = strip.h;
  const o = off.getContext('2d', { willReadFrequently: true });
  o.fillStyle = '#000';
  o.fillRect(0, 0, strip.w, strip.h);
  o.font = FONT;
  o.textBaseline = 'top';
  o.fillStyle = '#fff';
  const lines = wrap(o, text, strip.w);
  const per = Math.max(1, Math.floor(strip.h / LINE));
  const pages = Math.max(1, Math.ceil(lines.length / per));
  page = Math.min(page, pages - 1);
  lines.slice(page * per, page * per + per).forEach((l, i) => o.fillText(l, 0, i * LINE));
  const src = o.getImageData(0, 0, strip.w, strip.h).data;
  const s = strip.scale;
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(strip.w * s, strip.h * s);
  for (let y = 0; y < strip.h * s; y++) {
    for (let x = 0; x < strip.w * s; x++) {
      const lit = src[((y / s | 0) * strip.w + (x / s | 0)) * 4] > 110;
      const gap = s >= 3 && (x % s === s - 1 || y % s === s - 1);
      const i = (y * strip.w * s + x) * 4;
      const [r, g, b] = gap ? [0, 0, 0] : lit ? [255, 176, 0] : [30, 15, 0];
      img.data[i] = r; img.data[i + 1] = g; img.data[i + 2] = b; img.data[i + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
  return pages;
}

// ledPreviews builds the previews into container and returns update(text).
export function ledPreviews(container) {
  const views = STRIPS.map((strip) => {
    const canvas = h('canvas', { width: strip.w * strip.scale, height: strip.h * strip.scale,
      id: `led-${strip.w}x${strip.h}`, 'aria-label': `LED ${strip.w}×${strip.h}` });
    const caption = h('span');
    const view = { strip, canvas, caption, page: 0, pages: 1, text: '' };
    const step = (d) => { view.page = (view.page + d + view.pages) % view.pages; draw(view); };
    container.append(h('div', { class: 'led-wrap' }, canvas,
      h('div', { class: 'led-caption' }, `${strip.w}×${strip.h}`, caption,
        h('button', { type: 'button', 'aria-label': 'previous page', onclick: () => step(-1) }, '‹'),
        h('button', { type: 'button', class: 'led-next', 'aria-label': 'next page', onclick: () => step(1) }, '›'))));
    return view;
  });
  function draw(v) {
    v.pages = render(v.canvas, v.strip, v.text, v.page);
    v.caption.textContent = t('editor.led_page', { page: Math.min(v.page, v.pages - 1) + 1, pages: v.pages });
  }
  return (text) => {
    for (const v of views) {
      if (v.text !== text) v.page = 0;
      v.text = text;
      draw(v);
    }
  };
}
