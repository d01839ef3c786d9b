// emergency: the overlay that covers the rotation at once when an
// emergency broadcast arrives, in its level's colours. It stays until the
// server clears it or its expires_at passes (server time), even offline,
// and survives a restart of the page.
import { h } from '/assets/shared/dom.js';
import { t } from '/assets/shared/i18n.js';
import { now } from '/assets/shared/clock.js';
import { load, save } from './store.js';
import { renderLines } from './strip.js';

const LEVELS = ['info', 'warning', 'critical'];
// Strip colours per level: what one- and two-colour LEDs can show.
const STRIP = { red: { info: '#ff0000', warning: '#ff0000', critical: '#ff0000' },
  red_green: { info: '#00ff00', warning: '#ff0000', critical: '#ff0000' },
  full: { info: '#40a0ff', warning: '#ffc000', critical: '#ff2020' } };

let current = load('emergency');
let expiry = null;
let stopAnim = null;
let onChange = () => {};
let profileOf = () => null;

// setup gives the overlay its profile getter and a callback told whether
// an emergency is showing.
export function setup(getProfile, changed) {
  profileOf = getProfile;
  onChange = changed;
  draw();
}

// show displays an emergency ({id, text, level, expires_at}).
export function show(em) {
  if (!em || !em.id) return;
  current = Object.assign({}, em, { level: LEVELS.includes(em.level) ? em.level : 'critical', confirmed: true });
  save('emergency', current);
  draw();
}

// clear removes the emergency with id (or any when id is empty).
export function clear(id) {
  if (!current || (id && current.id !== id)) return;
  current = null;
  save('emergency', null);
  draw();
}

// active returns the shown emergency's id, or ''.
export function active() {
  return current ? current.id : '';
}

// unconfirm marks the shown emergency as carried over from an earlier
// connection; confirmLater() drops it unless the server sent it again
// (the server resends an active emergency right after hello).
export function unconfirm() {
  if (current) current.confirmed = false;
}

export function dropUnconfirmed() {
  if (current && !current.confirmed) clear(current.id);
}

// redraw draws the overlay again (after a profile change).
export function redraw() {
  draw();
}

function draw() {
  const box = document.getElementById('emergency');
  clearTimeout(expiry);
  if (stopAnim) stopAnim();
  stopAnim = null;
  const left = current && current.expires_at ? Date.parse(current.expires_at) - now() : Infinity;
  if (!current || left <= 0) {
    if (current) save('emergency', (current = null));
    box.hidden = true;
    box.dataset.id = '';
    document.body.classList.remove('em-on');
    onChange(false);
    return;
  }
  if (left < 2 ** 31) expiry = setTimeout(draw, left + 50);
  const p = profileOf();
  const label = t('em.' + current.level);
  box.dataset.id = current.id;
  box.dataset.level = current.level;
  box.hidden = false;
  document.body.classList.add('em-on');
  const inner = box.querySelector('.em-box');
  if (p && p.kind === 'led_strip') {
    const color = (STRIP[p.colors] || STRIP.red)[current.level];
    inner.classList.add('em-strip');
    stopAnim = renderLines(inner, [label, current.text || ''], p, color);
  } else {
    inner.classList.remove('em-strip');
    inner.replaceChildren(h('div', { class: 'em-level' }, label), h('div', { class: 'em-text' }, current.text || ''));
  }
  onChange(true);
}
