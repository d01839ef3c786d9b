// screen: the renderer of big screens (landscape 1920×1080, portrait
// 1080×1920) and full-colour LED walls (led_wall, e.g. 768×384). Big
// screens keep a clock/date bar and a ticker around the rotating item;
// a wall shows the item alone in large type. Sizes follow the viewport
// (vmin units in display.css), so any resolution of the kind works.
import { h } from '/assets/shared/dom.js';
import { t } from '/assets/shared/i18n.js';
import { loop, scrollUp, fit } from './marquee.js';
import { countdown, statsParts, tick } from './widgets.js';
import { fmtDate } from '/assets/shared/clock.js';

// frame builds the persistent parts of a big screen into stage and returns
// the element items go into.
export function frame(stage, profile, hello) {
  const wall = profile.kind === 'led_wall';
  const slot = h('main', { class: 'slot' });
  const parts = [];
  if (!wall) {
    parts.push(h('header', { class: 'bar' },
      h('span', { class: 'bar-name' }, (hello && hello.device) || ''),
      h('span', { class: 'bar-date' }, h('span', { 'data-clock': 'cdate' }), ' ', h('span', { 'data-clock': 'weekday' })),
      h('span', { class: 'bar-time', 'data-clock': 'hm' })));
  }
  parts.push(slot);
  if (!wall) parts.push(h('footer', { class: 'ticker', hidden: true }, h('div', { class: 'ticker-track' })));
  stage.replaceChildren(h('div', { class: 'big' }, ...parts));
  tick(stage);
  return slot;
}

let tickerText = null;
let tickerAnim = null;

// ticker shows the texts of the playlist's ticker items in the footer,
// scrolling forever; the same text keeps its position across playlists.
export function ticker(stage, texts) {
  const foot = stage.querySelector('.ticker');
  if (!foot) return;
  const text = texts.filter(Boolean).join('　　◆　　');
  if (text === tickerText && foot.querySelector('.ticker-copy')) return;
  tickerText = text;
  if (tickerAnim) tickerAnim.cancel();
  tickerAnim = null;
  const track = foot.querySelector('.ticker-track');
  foot.hidden = !text;
  if (!text) {
    track.replaceChildren();
    return;
  }
  const copy = () => h('span', { class: 'ticker-copy' }, text + '　　◆　　');
  track.replaceChildren(copy(), copy());
  const px = Math.max(60, innerHeight * 0.09); // about two characters a second
  tickerAnim = loop(track, px);
}

function body(text) {
  const paras = String(text || '').split(/\n+/).filter((p) => p.trim() !== '');
  return h('div', { class: 'body' }, h('div', { class: 'body-inner' }, paras.map((p) => h('p', {}, p))));
}

// short is the short text of a notice on a wall: its LED text, or the
// first sentence of its text.
function short(n) {
  if (n.led_text) return n.led_text;
  const text = String(n.text || '').split('\n')[0];
  const m = text.match(/^.*?[。！？；]/);
  return m ? m[0] : text;
}

function countdownBox(n, big) {
  const cd = countdown(n);
  if (!cd) return null;
  return h('div', { class: 'countdown' + (big ? ' big-countdown' : '') },
    h('div', { class: 'cd-until' }, cd.until),
    h('div', { class: 'cd-left' }, cd.left));
}

// qrModule is the size of a QR module in whole screen pixels: 8 on a
// 1080p screen (a version-3 code with its quiet zone, 37 modules, is 296
// px: about 19 cm on a 55" panel, 5 mm a module, read from 2 m; see
// docs/site.md), scaled with the screen's short side, at least 2.
export function qrModule() {
  return Math.max(2, Math.floor(Math.min(innerWidth, innerHeight) * 8 / 1080));
}

// qrFigure is the QR code of a notice's public page (/gk/n/<id>, served
// as SVG by the site); strips have none. It goes away if it cannot load.
function qrFigure(n, wall) {
  if (!n.id) return null;
  const k = qrModule();
  const img = h('img', { class: 'qr', src: '/gk/qr/' + n.id + '.svg', alt: t('qr.alt'), width: 37 * k, height: 37 * k });
  const fig = h('figure', { class: 'qr-box' }, img, wall ? null : h('figcaption', {}, t('qr.caption')));
  img.addEventListener('load', () => { img.width = img.naturalWidth * k; img.height = img.naturalHeight * k; });
  img.addEventListener('error', () => fig.remove());
  return fig;
}

function noticeView(item, wall) {
  const n = item.notice || {};
  const qr = qrFigure(n, wall);
  return h('article', { class: 'notice kind-' + (n.kind || 'notice') + (qr ? ' has-qr' : ''), style: qr ? `--qr: ${37 * qrModule()}px` : null },
    h('div', { class: 'meta' }, n.category ? h('span', { class: 'pill' }, n.category) : null,
      n.published_at ? h('span', { class: 'date' }, fmtDate(n.published_at)) : null),
    h('h1', { class: 'title' }, n.title || ''),
    body(wall ? short(n) : n.text),
    countdownBox(n, false),
    qr);
}

function clockView() {
  return h('div', { class: 'w-clock' },
    h('div', { class: 'w-time', 'data-clock': 'time' }),
    h('div', { class: 'w-date' }, h('span', { 'data-clock': 'cdate' }), '　', h('span', { 'data-clock': 'weekday' })));
}

function countdownView(item) {
  const n = item.notice || {};
  const cd = countdown(n);
  return h('div', { class: 'w-countdown' },
    h('div', { class: 'w-label' }, t('countdown.label')),
    h('h1', { class: 'title' }, n.title || ''),
    cd && cd.n !== null ? h('div', { class: 'w-num' }, String(cd.n)) : null,
    cd ? h('div', { class: 'cd-left' }, cd.left) : null,
    cd ? h('div', { class: 'cd-until' }, cd.until) : null);
}

function statsView(item) {
  return h('div', { class: 'w-stats' }, statsParts(item.stats).map(([label, value, unit]) =>
    h('div', { class: 'stat' }, h('div', { class: 'stat-label' }, label), h('div', { class: 'stat-value' }, value, unit ? h('small', {}, unit) : null))));
}

function tickerView(item) {
  return h('div', { class: 'w-ticker' }, h('div', { class: 'w-ticker-line' }, h('span', {}, item.text || '')));
}

// render shows one item in slot and returns a function that stops its
// animations.
export function render(slot, item, profile) {
  const wall = profile.kind === 'led_wall';
  let view;
  switch (item.type) {
    case 'notice': view = noticeView(item, wall); break;
    case 'clock': view = clockView(); break;
    case 'countdown': view = countdownView(item); break;
    case 'stats': view = statsView(item); break;
    case 'ticker': view = tickerView(item); break;
    default: view = h('div', { class: 'w-empty' }, item.text || t('empty'));
  }
  slot.replaceChildren(view);
  slot.dataset.type = item.type;
  tick(slot);
  const anims = [];
  const b = view.querySelector('.body');
  if (b && !wall) anims.push(scrollUp(b, (item.duration_s || 10) * 1000));
  const line = view.querySelector('.w-ticker-line');
  if (line) anims.push(fit(line, Math.max(60, innerHeight * 0.12)));
  return () => anims.forEach((a) => a && a.cancel());
}
