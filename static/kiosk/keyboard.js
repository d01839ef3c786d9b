// keyboard: the on-screen keyboard and numeric keypad (kiosks have no
// physical keyboard). attach(input, mode) shows it when the input is
// touched: mode 'zh' (pinyin or handwriting, with English and digits),
// 'text' (letters and digits), 'email', 'digits' or 'id' (digits and X;
// the number is shown masked, see maskID). keypad(input) returns a numeric
// keypad to place inline (the archive query uses it too). The keyboard
// takes its own place beside or under the page and keeps the field and
// its submit button in sight (reveal.js). Chinese is written by hand
// (handwriting.js) or in pinyin; elderly mode opens on handwriting.
import { h, clear } from '/assets/shared/dom.js';
import { add, t } from '/assets/shared/i18n.js';
import * as pinyin from './pinyin.js';
import * as hw from './handwriting.js';
import { revealSoon } from './reveal.js';
import { onWipe } from './state.js';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const kb = { input: null, mode: 'zh', layer: 'zh', buf: '' };

function insert(input, text) {
  if (input.dataset.masked) {
    // A masked field shows other characters than it holds: type at the end.
    const max = input.maxLength > 0 ? input.maxLength : Infinity;
    if (input.value.length + text.length > max) return;
    input.value += text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return;
  }
  const s = input.selectionStart ?? input.value.length;
  const e = input.selectionEnd ?? input.value.length;
  const max = input.maxLength > 0 ? input.maxLength : Infinity;
  if (input.value.length - (e - s) + text.length > max) return;
  input.setRangeText(text, s, e, 'end');
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function backspace(input) {
  if (input.dataset.masked) {
    input.value = input.value.slice(0, -1);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return;
  }
  const s = input.selectionStart ?? input.value.length;
  const e = input.selectionEnd ?? input.value.length;
  if (s === e && s > 0) input.setRangeText('', s - 1, s, 'end');
  else if (s !== e) input.setRangeText('', s, e, 'end');
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function key(label, onpress, cls = '', name = label) {
  // pointerdown keeps the focus in the field; click works for everyone.
  return h('button', { type: 'button', class: 'key ' + cls, 'data-key': name, onpointerdown: (e) => e.preventDefault(), onclick: onpress }, label);
}

// press handles one key for the attached input. Typing redraws only the
// candidates: the keys under the finger stay the same elements.
function press(ch) {
  const input = kb.input;
  if (!input) return;
  if (kb.layer === 'zh' && /^[a-z]$/.test(ch)) {
    kb.buf += ch;
    renderCands();
  } else {
    insert(input, kb.layer === 'caps' ? ch.toUpperCase() : ch);
  }
}

function choose(c) {
  insert(kb.input, c.text);
  kb.buf = kb.buf.slice(c.consume);
  renderCands();
}

function del() {
  if (kb.buf) {
    kb.buf = kb.buf.slice(0, -1);
    renderCands();
  } else backspace(kb.input);
}

function space() {
  if (kb.buf) {
    const cs = pinyin.candidates(kb.buf);
    if (cs.length) choose(cs[0]);
    return;
  }
  insert(kb.input, ' ');
}

function done() {
  if (kb.buf) insert(kb.input, kb.buf);
  hide();
}

function digitsPad(extra) {
  const rows = ['123', '456', '789'].map((r) => h('div', { class: 'krow' }, [...r].map((d) => key(d, () => press(d), 'digit'))));
  rows.push(h('div', { class: 'krow' },
    extra ? key(extra, () => press(extra), 'digit') : key(t('kb.clear'), () => { kb.input.value = ''; kb.input.dispatchEvent(new Event('input', { bubbles: true })); }, 'fn', 'clear'),
    key('0', () => press('0'), 'digit'), key('⌫', del, 'fn', 'backspace')));
  return rows;
}

function lettersPad() {
  const rows = ROWS.map((r) => h('div', { class: 'krow' }, [...r].map((c) => key(kb.layer === 'caps' ? c.toUpperCase() : c, () => press(c)))));
  rows[2].append(key('⌫', del, 'fn wide', 'backspace'));
  const bottom = h('div', { class: 'krow' });
  if (kb.mode === 'zh') {
    bottom.append(key(t('kb.hand'), () => { done0(); kb.layer = 'hand'; render(); }, 'fn', 'hand'),
      key(kb.layer === 'zh' ? t('kb.en') : t('kb.zh'), () => { done0(); kb.layer = kb.layer === 'zh' ? 'en' : 'zh'; render(); }, 'fn', 'lang'));
  }
  bottom.append(key(t('kb.num'), () => { done0(); kb.layer = 'num'; render(); }, 'fn', 'num'));
  if (kb.mode === 'email') bottom.append(key('@', () => press('@')), key('.', () => press('.')), key('-', () => press('-')), key('_', () => press('_')));
  else bottom.append(key('，', () => press('，')), key('。', () => press('。')));
  bottom.append(key(t('kb.space'), space, 'space', 'space'));
  return [...rows, bottom];
}

function numLayer() {
  const rows = digitsPad();
  rows.push(h('div', { class: 'krow' }, key(t('kb.abc'), () => { kb.layer = kb.mode === 'zh' ? 'zh' : 'en'; render(); }, 'fn', 'abc'),
    ...['-', '/', '(', ')', '、'].map((c) => key(c, () => press(c)))));
  return rows;
}

// done0 commits typed letters before switching layers.
function done0() {
  if (kb.buf) insert(kb.input, kb.buf);
  kb.buf = '';
}

// cands is the bar of the typed pinyin and its candidates.
function cands() {
  const cs = pinyin.candidates(kb.buf);
  return h('div', { class: 'cands', 'aria-live': 'polite' },
    h('span', { class: 'buf' }, kb.buf),
    cs.map((c, i) => h('button', { type: 'button', class: 'cand', 'data-cand': i, onpointerdown: (e) => e.preventDefault(), onclick: () => choose(c) }, c.text)));
}

// renderCands redraws the candidates alone.
function renderCands() {
  const bar = document.querySelector('#keyboard .cands');
  if (bar) bar.replaceWith(cands());
}

// handPad is the handwriting layer: the pad, a way back to pinyin, and
// backspace for what was already typed.
function handPad() {
  return hw.pad({
    onChoose: (c) => insert(kb.input, c),
    count: document.body.classList.contains('elderly') ? 6 : 8,
    keys: [key(t('kb.pinyin'), () => { kb.layer = 'zh'; render(); }, 'fn', 'pinyin'), key('⌫', () => backspace(kb.input), 'fn', 'backspace')],
  });
}

function render() {
  const root = document.getElementById('keyboard');
  clear(root);
  if (kb.layer === 'zh') root.append(cands());
  let rows;
  if (kb.mode === 'digits') rows = digitsPad();
  else if (kb.mode === 'id') rows = digitsPad('X');
  else if (kb.layer === 'num') rows = numLayer();
  else if (kb.layer === 'hand') rows = [handPad()];
  else rows = lettersPad();
  root.append(h('div', { class: 'keys', 'data-mode': kb.mode, 'data-layer': kb.layer }, rows), h('div', { class: 'krow' }, key(t('kb.done'), done, 'fn done', 'done')));
  root.hidden = false;
  document.body.classList.add('kb-open');
  // The view just lost the keyboard's room: bring the field back.
  revealSoon(kb.input);
}

export function hide() {
  kb.buf = '';
  kb.input = null;
  const root = document.getElementById('keyboard');
  root.hidden = true;
  clear(root);
  document.body.classList.remove('kb-open');
}

// firstLayer is where Chinese input starts: handwriting in elderly mode
// (many cannot spell pinyin) unless the server cannot recognise it,
// pinyin otherwise.
function firstLayer() {
  return document.body.classList.contains('elderly') && hw.available() !== false ? 'hand' : 'zh';
}

// attach makes input use the on-screen keyboard of the given mode.
export function attach(input, mode = 'zh') {
  if (mode === 'id') maskID(input, { length: 18 });
  input.setAttribute('inputmode', 'none');
  input.setAttribute('autocomplete', 'off');
  input.dataset.kb = mode;
  const open = () => {
    // A touch fires focus and click: the keyboard opens once.
    if (kb.input === input && !document.getElementById('keyboard').hidden) return;
    kb.buf = '';
    kb.input = input;
    kb.mode = mode;
    kb.layer = mode === 'zh' ? firstLayer() : mode === 'text' || mode === 'email' ? 'en' : 'digits';
    if (mode === 'zh') pinyin.load().then(() => { if (kb.input === input) renderCands(); });
    render();
  };
  input.addEventListener('focus', open);
  input.addEventListener('click', open);
  return input;
}

// keypad returns an inline numeric keypad that types into input (with an X
// key when withX), for flows that keep the keypad on screen.
export function keypad(input, { withX = false } = {}) {
  const type = (ch) => { input.focus(); insert(input, ch); };
  const k = (label, fn, name = label) => h('button', { type: 'button', class: 'key digit', 'data-key': name, onpointerdown: (e) => e.preventDefault(), onclick: fn }, label);
  return h('div', { class: 'keypad' },
    ['123', '456', '789'].map((r) => h('div', { class: 'krow' }, [...r].map((d) => k(d, () => type(d))))),
    h('div', { class: 'krow' }, withX ? k('X', () => type('X')) : k(t('kb.clear'), () => { input.value = ''; input.dispatchEvent(new Event('input', { bubbles: true })); }, 'clear'),
      k('0', () => type('0')), k('⌫', () => { input.focus(); backspace(input); }, 'backspace')));
}

add({
  zh: { 'kb.hand': '手写', 'kb.pinyin': '拼音' },
  en: { 'kb.hand': 'Write', 'kb.pinyin': 'Pinyin' },
});

// A turned screen or a resized window moves the layout: keep the field
// in sight.
window.addEventListener('resize', () => { if (kb.input) revealSoon(kb.input); });

add({
  zh: { 'kb.hold_show': '按住显示', 'kb.masked': '为保护隐私，号码只显示后四位；按住“按住显示”可查看完整号码' },
  en: { 'kb.hold_show': 'Hold to show', 'kb.masked': 'For privacy only the last four characters are shown; hold "Hold to show" to see the whole number' },
});

const nativeValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
const BULLET = '•';

// maskedText shows an ID number grouped as its parts are (region 6, birth
// date 8, sequence and check 4; a 15-digit one 6-6-3) with every character
// but the last four of the whole number replaced by a bullet, unless
// reveal. length is the number's expected length: while it is typed, the
// characters before its last four stay masked.
export function maskedText(v, length = 18, reveal = false) {
  const n = Math.max(length, v.length);
  const chars = [...v].map((c, i) => (reveal || i >= n - 4 ? c : BULLET));
  const sizes = n === 15 ? [6, 6, 3] : [6, 8, 4];
  const out = [];
  for (let i = 0, g = 0; i < chars.length; g++) {
    const size = sizes[g] || 4;
    out.push(chars.slice(i, i + size).join(''));
    i += size;
  }
  return out.join(' ');
}

// maskID makes input hold an ID number while it shows it masked
// (maskedText): reading and setting input.value work on the number, what
// the field displays is the masked text, so someone behind the citizen
// sees at most the last four characters. A hold-to-show button next to
// the field shows the whole number while it is held down.
export function maskID(input, { length = 18 } = {}) {
  if (input.dataset.masked) return input;
  let real = '';
  let shown = false;
  const paint = () => nativeValue.set.call(input, maskedText(real, length, shown));
  Object.defineProperty(input, 'value', {
    configurable: true,
    get: () => real,
    set: (v) => { real = String(v ?? ''); paint(); },
  });
  input.dataset.masked = '1';
  input.classList.add('masked-id');
  input.setAttribute('aria-description', t('kb.masked'));
  const hold = (on) => (e) => {
    if (e.cancelable) e.preventDefault();
    shown = on;
    hold.btn.classList.toggle('held', on);
    paint();
  };
  hold.btn = h('button', {
    type: 'button', class: 'secondary show-id', 'data-show': input.dataset.keyName || input.id || 'id', title: t('kb.masked'),
    onpointerdown: hold(true), onpointerup: hold(false), onpointerleave: hold(false), onpointercancel: hold(false),
    oncontextmenu: (e) => e.preventDefault(),
  }, t('kb.hold_show'));
  // The button follows the field once the field is on the page.
  const place = () => { if (input.isConnected && !hold.btn.isConnected) input.after(hold.btn); };
  input.addEventListener('focus', place);
  input.addEventListener('input', place);
  //RAF
  return input;
}

onWipe(hide);
