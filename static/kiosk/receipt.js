// receipt: a printable slip (80 mm receipt printer, print.css) with a
// tracking number; it is wiped with the visit.
import { h, clear } from '/assets/shared/dom.js';
import { fmtTime, now } from '/assets/shared/clock.js';
import { t } from '/assets/shared/i18n.js';
import { onWipe } from './state.js';
import { button } from './ui.js';
import { icon } from './icons.js';

// receipt shows the slip's lines on screen and fills the print area.
// lines: [[label, value], ...]; the first is the tracking number.
export function receipt(title, lines, note) {
  const rows = (cls) => h('dl', { class: cls }, lines.filter(([, v]) => v).map(([k, v], i) => [h('dt', {}, k), h('dd', { class: i === 0 ? 'big-no' : '' }, v)]));
  const print = document.getElementById('receipt');
  clear(print).append(h('div', {}, h('h1', {}, t('app.title')), h('h2', {}, title), rows('slip'), note ? h('p', {}, note) : null,
    when()));
  return h('div', { class: 'receipt-screen', id: 'receipt-screen' }, h('h2', {}, title), rows('slip'), note ? h('p', { class: 'note' }, note) : null,
    h('button', { type: 'button', class: 'secondary print', onclick: () => window.print() }, icon('print'), ' ', t('receipt.print')));
}

// slip fills the print area with several groups of lines (e.g. the
// records of an archive query), each under a dashed rule.
export function slip(title, groups, note) {
  clear(document.getElementById('receipt')).append(h('div', {}, h('h1', {}, t('app.title')), h('h2', {}, title),
    groups.map((lines) => h('dl', { class: 'slip group' }, lines.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))),
    note ? h('p', {}, note) : null, when()));
}

// when is the slip's time: the server's, in the hall's zone.
function when() {
  return h('p', { class: 'when' }, fmtTime(now(), true));
}

onWipe(() => clear(document.getElementById('receipt')));
