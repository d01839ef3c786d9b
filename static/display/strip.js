// strip: the LED strip renderer (led_strip profiles such as 256×32 and
// 384×64). The stage is exactly the strip's pixels at the top left of the
// window, where the LED sending card captures it; text is drawn in rows
// of glyph_px CJK glyphs (scaled by whole multiples to fill a line), one or
// two lines, in the strip's colours on black, and text wider than the strip
// moves as a marquee at chars_per_second, one pixel step at a time.
import { h } from '/assets/shared/dom.js';
import { fit } from './marquee.js';
import { countdown, statsParts, stripText } from './widgets.js';

const COLORS = {
  red: ['#ff0000', '#ff0000'],
  red_green: ['#ff0000', '#00ff00'],
  full: ['#ffd800', '#ffffff'],
};

// geometry returns the line count, line height and font size of a profile.
export function geometry(p) {
  const lines = p.lines === 2 ? 2 : 1;
  const lineH = Math.floor(p.height / lines);
  const glyph = p.glyph_px > 0 ? p.glyph_px : 16;
  const font = glyph * Math.max(1, Math.floor(lineH / glyph));
  return { lines, lineH, font, colors: COLORS[p.colors] || COLORS.red };
}

function line(text, color, g, extra) {
  return h('div', { class: 'sline' + (extra ? ' ' + extra : ''), style: { height: g.lineH + 'px', color, fontSize: g.font + 'px', lineHeight: g.lineH + 'px' } },
    h('span', {}, text));
}

// lines returns the texts of the one or two lines of an item.
function texts(item, g) {
  const n = item.notice;
  if (g.lines === 1) {
    if (item.type === 'clock') return [{ clock: 'time' }];
    return [stripText(item)];
  }
  switch (item.type) {
    case 'clock':
      return [{ clock: 'cdate' }, { clock: 'time' }];
    case 'notice': {
      const cd = countdown(n);
      return [n.title || '', [n.led_text || n.text, cd && cd.until, cd && cd.left].filter(Boolean).join('　')];
    }
    case 'countdown': {
      const cd = countdown(n);
      return [n ? n.title : '', cd ? `${cd.until}　${cd.left}` : ''];
    }
    case 'stats':
    {
      const parts = statsParts(item.stats).map((p) => p.join(' '));
      const half = Math.ceil(parts.length / 2);
      return [parts.slice(0, half).join('　'), parts.slice(half).join('　')];
    }
    default:
      return [stripText(item), ''];
  }
}

// render builds the strip's view of an item into stage and starts its
// marquees. It returns a function that stops them.
export function render(stage, item, profile) {
  const g = geometry(profile);
  const els = texts(item, g).map((txt, i) => {
    const color = item.type === 'clock' ? g.colors[g.colors.length - 1] : g.colors[i];
    if (txt && typeof txt === 'object') {
      const el = line('', color, g, 'center');
      el.firstChild.dataset.clock = txt.clock;
      return el;
    }
    return line(txt, color, g);
  });
  stage.replaceChildren(...els);
  const speed = Math.max(1, profile.chars_per_second || 4) * g.font;
  const anims = els.map((el) => fit(el, speed, { pixelSteps: true }));
  return () => anims.forEach((a) => a && a.cancel());
}

// renderLines shows fixed texts (an emergency: its level, its text) on a
// strip in color: the last text when the strip has one line.
export function renderLines(box, texts, profile, color) {
  const g = geometry(profile);
  const lines = g.lines === 2 ? texts.slice(-2) : [texts.join('　')];
  const els = lines.map((l) => line(l, color, g));
  box.replaceChildren(...els);
  const speed = Math.max(1, profile.chars_per_second || 4) * g.font;
  const anims = els.map((el) => fit(el, speed, { pixelSteps: true }));
  return () => anims.forEach((a) => a && a.cancel());
}
