// handwriting: the handwriting pad of the on-screen keyboard (手写). The
// citizen writes one character with a finger; after each stroke the
// strokes go to the server (POST /api/kiosk/handwriting, recognised there
// without any network) and the best candidates come back as big buttons.
// The strokes live in the pad only: choosing a character, clearing, the
// keyboard closing or the idle wipe forget them. Without a model on the
// server the pad says so and pinyin remains.
import { h, clear } from '/assets/shared/dom.js';
import { add, t } from '/assets/shared/i18n.js';
import { kapi } from './api.js';

add({
  zh: {
    'hw.hint': '请在框内书写一个字', 'hw.undo': '撤销一笔', 'hw.clear': '重写', 'hw.unavailable': '手写识别暂不可用，请使用拼音输入。',
    'hw.failed': '识别失败，请重写或稍后再试。', 'hw.pick': '请点选您写的字',
  },
  en: {
    'hw.hint': 'Write one character in the box', 'hw.undo': 'Undo stroke', 'hw.clear': 'Clear', 'hw.unavailable': 'Handwriting is not available; please use pinyin.',
    'hw.failed': 'Could not recognise; clear and write again, or try later.', 'hw.pick': 'Tap the character you wrote',
  },
});

let status = null;
let known = null;

// check asks the server once whether handwriting can be recognised (it
// then reads its model, before the first stroke).
export function check() {
  if (!status) {
    status = kapi('GET', '/handwriting').then((r) => !!(r && r.available), () => false)
      .then((ok) => { known = ok; return ok; });
  }
  return status;
}

// available is what check found: true, false, or null before it knows.
export function available() {
  return known;
}

const MIN_STEP = 3; // px between kept points
const MAX_POINTS = 780; // the server takes 800
const WAIT = 250; // ms after a stroke before asking

// pad returns the pad element: a square to write in, the candidates and
// the pad's own keys. onChoose(char) types a chosen character; keys are
// extra elements for the pad's key row (the layer switch, backspace).
export function pad({ onChoose, keys = [], count = 8 }) {
  const strokes = [];
  let points = 0;
  let current = null;
  let timer = null;
  let asked = 0;
  const canvas = h('canvas', { class: 'hw-canvas', 'aria-label': t('hw.hint'), role: 'img' });
  const cands = h('div', { class: 'hw-cands', 'aria-live': 'polite' }, h('p', { class: 'hw-note' }, t('hw.hint')));
  const ctx = canvas.getContext('2d');

  const size = () => {
    const r = canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(r.width * dpr)) {
      canvas.width = Math.round(r.width * dpr);
      canvas.height = Math.round(r.height * dpr);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    return r;
  };
  const paint = () => {
    const r = size();
    ctx.clearRect(0, 0, r.width, r.height);
    // A 田字格 guide, light and dashed.
    ctx.strokeStyle = '#c9cdd3';
    ctx.lineWidth = 2;
    ctx.setLineDash([10, 10]);
    ctx.beginPath();
    ctx.moveTo(r.width / 2, 0); ctx.lineTo(r.width / 2, r.height);
    ctx.moveTo(0, r.height / 2); ctx.lineTo(r.width, r.height / 2);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.strokeStyle = '#1a1a1a';
    ctx.lineWidth = Math.max(6, r.width / 60);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    for (const s of strokes) {
      ctx.beginPath();
      ctx.moveTo(s[0][0], s[0][1]);
      for (const [x, y] of s.slice(1)) ctx.lineTo(x, y);
      if (s.length === 1) ctx.lineTo(s[0][0] + 0.1, s[0][1]);
      ctx.stroke();
    }
  };

  // A candidate is chosen when the finger lifts on it, not on its click:
  // after a stroke that ends in a flick (撇, 捺) Chrome may take the next
  // tap for stopping a fling and drop its click. A click without a
  // pointer (the keyboard, assistive technology) chooses too.
  const candidate = (char, i) => {
    let down = false;
    const choose = () => { reset(); onChoose(char); };
    return h('button', {
      type: 'button', class: 'cand hw-cand' + (i === 0 ? ' first' : ''), 'data-cand': i, lang: 'zh-CN',
      onpointerdown: (e) => { e.preventDefault(); down = true; },
      onpointerleave: () => { down = false; },
      onpointerup: () => { if (down) { down = false; choose(); } },
      onclick: (e) => { if (e.detail === 0) choose(); },
    }, char);
  };
  const note = (key) => clear(cands).append(h('p', { class: 'hw-note' }, t(key)));
  const show = (list) => {
    clear(cands);
    if (!list.length) { note('hw.hint'); return; }
    cands.append(h('p', { class: 'hw-note' }, t('hw.pick')),
      h('div', { class: 'hw-grid' }, list.slice(0, count).map((c, i) => candidate(c.char, i))));
  };
  const ask = async () => {
    const n = ++asked;
    if (!strokes.length) { note('hw.hint'); return; }
    const r = canvas.getBoundingClientRect();
    try {
      const res = await kapi('POST', '/handwriting', { width: Math.round(r.width), height: Math.round(r.height), strokes });
      if (n === asked) show(res.candidates || []);
    } catch (e) {
      if (n === asked) note(e.status === 503 ? 'hw.unavailable' : 'hw.failed');
    }
  };
  const later = () => { clearTimeout(timer); timer = setTimeout(ask, WAIT); };
  function reset() {
    strokes.length = 0;
    points = 0;
    current = null;
    asked++;
    clearTimeout(timer);
    paint();
    note('hw.hint');
  }
  const at = (e) => {
    const r = canvas.getBoundingClientRect();
    return [Math.round(Math.min(Math.max(e.clientX - r.left, 0), r.width)), Math.round(Math.min(Math.max(e.clientY - r.top, 0), r.height))];
  };

  // The canvas's touch-action: none keeps the page still while writing.
  canvas.addEventListener('pointerdown', (e) => {
    if (!e.isPrimary || points >= MAX_POINTS) return;
    canvas.setPointerCapture(e.pointerId);
    clearTimeout(timer);
    current = [at(e)];
    strokes.push(current);
    points++;
    paint();
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!current || !e.isPrimary) return;
    const p = at(e);
    const last = current[current.length - 1];
    if (Math.hypot(p[0] - last[0], p[1] - last[1]) < MIN_STEP || points >= MAX_POINTS - 1) return;
    current.push(p);
    points++;
    paint();
  });
  const end = (e) => {
    if (!current || !e.isPrimary) return;
    const p = at(e);
    const last = current[current.length - 1];
    if ((p[0] !== last[0] || p[1] !== last[1]) && points < MAX_POINTS) { current.push(p); points++; }
    current = null;
    paint();
    later();
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);

  const undo = () => {
    const s = strokes.pop();
    if (s) points -= s.length;
    paint();
    if (strokes.length) later(); else { asked++; note('hw.hint'); }
  };
  const k = (label, fn, name) => h('button', { type: 'button', class: 'key fn', 'data-key': name, onpointerdown: (e) => e.preventDefault(), onclick: fn }, label);
  const el = h('div', { class: 'hw' },
    h('div', { class: 'hw-main' }, h('div', { class: 'hw-box' }, canvas), cands),
    h('div', { class: 'krow' }, ...keys, k(t('hw.undo'), undo, 'undo'), k(t('hw.clear'), reset, 'rewrite')));
  // The canvas has its size once the pad is on the page.
  requestAnimationFrame(paint);
  if (available() === false) note('hw.unavailable');
  el.reset = reset;
  return el;
}
