// archive: 档案自助查询. The citizen picks a dataset, types its keys on the
// on-screen keypad (digits and X for ID numbers, letters for codes, pinyin
// for names), and sees the matching records as the server masked them; the
// records can be printed on an 80 mm slip. The keys leave the kiosk only in
// the lookup request: after a hit the fields are emptied, and the idle wipe
// forgets everything (the view, the slip, the nav stack).
import { h, clear } from '/assets/shared/dom.js';
import { t } from '/assets/shared/i18n.js';
import { kapi } from '../api.js';
import { register, show } from '../nav.js';
import { attach, keypad, hide, maskID } from '../keyboard.js';
import { slip } from '../receipt.js';
import { icon } from '../icons.js';
import { loading, failed, pageHead, button } from '../ui.js';
import { refusal, fieldErrors } from './archive_errors.js';

register('archive', () => {
  const list = h('div', { class: 'list datasets' }, loading());
  kapi('GET', '/archive/datasets').then(({ datasets }) => {
    clear(list).append(...(datasets.length ? datasets.map((d) =>
      h('button', { type: 'button', class: 'row dataset', 'data-dataset': d.id, onclick: () => show('archive-query', { dataset: d }) },
        h('span', { class: 'row-title' }, d.name),
        d.description ? h('span', { class: 'meta' }, d.description) : null,
        h('span', { class: 'meta' }, t('archive.needs', { keys: d.keys.map((k) => k.label).join(t('archive.and')) })))) :
      [h('p', { class: 'note' }, t('archive.none'))]));
  }).catch((e) => clear(list).append(failed(e)));
  return { el: h('section', { class: 'archive' }, pageHead(t('archive.title')), h('p', { class: 'muted' }, t('archive.pick')), list) };
});

function clearSlip() {
  clear(document.getElementById('receipt'));
}

// keyInput is the field of one key, with the keypad it is typed on.
function keyInput(k) {
  const input = h('input', { type: 'text', class: 'archive-key', maxlength: k.length || 40, 'data-key-name': k.name, spellcheck: 'false' });
  if (k.keypad === 'alnum') return { input: attach(input, 'text') };
  if (k.keypad === 'name') return { input: attach(input, 'zh') };
  input.setAttribute('inputmode', 'none');
  input.setAttribute('autocomplete', 'off');
  // A whole number (an ID or card number, not its last few characters)
  // is shown masked but its last four while it is typed.
  if (!k.length || k.length >= 15) maskID(input, { length: k.length || 18 });
  return { input, pad: keypad(input, { withX: true }) };
}

// check finds what is missing or malformed before anything is sent.
function check(keys, inputs) {
  const errs = {};
  for (const k of keys) {
    const v = inputs[k.name].value.replace(/[\s-]/g, '');
    if (!v) errs[k.name] = t('archive.err.required', { label: k.label });
    else if (k.length && v.length !== k.length) errs[k.name] = t('archive.err.length', { label: k.label, n: k.length });
    else if (k.keypad !== 'name' && !(k.keypad === 'alnum' ? /^[0-9a-z]+$/i : /^[0-9xX]+$/).test(v)) errs[k.name] = t('archive.err.chars', { label: k.label });
  }
  return errs;
}

// records renders masked records as cards.
function records(res) {
  return res.records.map((r, i) => h('section', { class: 'record', 'data-record': i },
    res.records.length > 1 ? h('h2', {}, t('archive.record', { n: i + 1 })) : null,
    h('dl', { class: 'facts' }, res.fields.filter((f) => r[f.name]).map((f) => [h('dt', {}, f.label), h('dd', {}, r[f.name])]))));
}

register('archive-query', (p) => {
  const d = p.dataset;
  const inputs = {};
  const pads = {};
  const fields = d.keys.map((k) => {
    const { input, pad } = keyInput(k);
    inputs[k.name] = input;
    if (pad) pads[k.name] = pad;
    return h('div', { class: 'field', 'data-field': 'keys.' + k.name },
      h('label', { for: 'key-' + k.name }, k.label, k.length ? h('span', { class: 'hint' }, t('archive.len', { n: k.length })) : null),
      Object.assign(input, { id: 'key-' + k.name }), h('p', { class: 'error', role: 'alert', id: 'key-' + k.name + '-error' }));
  });
  const padBox = h('div', { class: 'pad-box' });
  const status = h('div', { class: 'archive-status', 'aria-live': 'assertive' });
  const go = button(t('archive.go'), () => lookup(), 'primary submit go');
  const form = h('div', { class: 'archive-form' }, h('p', { class: 'note privacy' }, icon('warn'), ' ', t('archive.privacy')),
    h('div', { class: 'key-fields' }, fields), padBox, status, go);
  const out = h('div', { class: 'archive-result', 'aria-live': 'polite' });
  let timer = null;

  const focusKey = (name) => {
    const input = inputs[name];
    clear(padBox);
    for (const f of form.querySelectorAll('.field')) f.classList.toggle('active', f.dataset.field === 'keys.' + name);
    if (pads[name]) {
      hide();
      padBox.append(h('p', { class: 'muted pad-for' }, t('archive.typing', { label: d.keys.find((k) => k.name === name).label })), pads[name]);
    }
    if (document.activeElement !== input) input.focus();
  };
  d.keys.forEach((k, i) => {
    const input = inputs[k.name];
    input.addEventListener('focus', () => focusKey(k.name));
    input.addEventListener('input', () => {
      input.closest('.field').querySelector('.error').textContent = '';
      // A key of known length moves on to the next key when complete.
      if (k.length && input.value.length >= k.length && d.keys[i + 1]) focusKey(d.keys[i + 1].name);
    });
  });

  const stopTimer = () => { clearInterval(timer); timer = null; go.disabled = false; };
  // wait shows a refusal (slowed, locked, rate) counting down to when the
  // kiosk may ask again; the button stays off until then.
  const wait = (e) => {
    const r = refusal(e);
    const until = Date.now() + r.seconds * 1000;
    const text = h('span', {});
    const tick = () => {
      const left = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      text.textContent = r.reason === 'locked' ? t('archive.locked', { n: Math.ceil(left / 60) }) : t('archive.slowed', { n: left });
      if (left === 0) { stopTimer(); clear(status); }
    };
    stopTimer();
    go.disabled = true;
    clear(status).append(h('div', { class: 'refused', 'data-reason': r.reason, role: 'alert' }, icon(r.reason === 'locked' ? 'clock' : 'warn'), ' ', text));
    tick();
    timer = setInterval(tick, 1000);
  };

  const showResult = (res) => {
    p.result = res;
    form.hidden = true;
    hide();
    const title = d.name;
    const print = () => {
      slip(t('archive.receipt') + ' · ' + title, res.records.map((r) => res.fields.filter((f) => r[f.name]).map((f) => [f.label, r[f.name]])),
        t('archive.receipt_note'));
      // The slip leaves the page once printed.
      window.addEventListener('afterprint', clearSlip, { once: true });
      window.print();
    };
    clear(out).append(...[
      h('p', { class: 'done found' }, t('archive.found', { n: res.records.length })),
      res.truncated ? h('p', { class: 'note truncated' }, t('archive.truncated', { n: res.records.length })) : null,
      ...records(res),
      h('div', { class: 'buttons' },
        h('button', { type: 'button', class: 'primary print', onclick: print }, icon('print'), ' ', t('receipt.print')),
        button(t('archive.again'), () => { p.result = null; clear(out); form.hidden = false; focusKey(d.keys[0].name); }, 'secondary again')),
    ].filter(Boolean));
    document.getElementById('view').scrollTop = 0;
  };

  const lookup = async () => {
    for (const f of form.querySelectorAll('.error')) f.textContent = '';
    const errs = check(d.keys, inputs);
    for (const [name, msg] of Object.entries(errs)) form.querySelector(`[data-field="keys.${name}"] .error`).textContent = msg;
    if (Object.keys(errs).length) { focusKey(Object.keys(errs)[0]); return; }
    const keys = {};
    for (const k of d.keys) keys[k.name] = inputs[k.name].value;
    go.disabled = true;
    clear(status).append(loading());
    try {
      const res = await kapi('POST', '/archive/lookup', { dataset: d.id, keys });
      go.disabled = false;
      clear(status);
      if (res.found) {
        for (const input of Object.values(inputs)) input.value = '';
        showResult(res);
      } else {
        status.append(h('div', { class: 'miss', role: 'alert' }, icon('warn'), ' ', t('archive.miss')));
      }
    } catch (e) {
      go.disabled = false;
      clear(status);
      if (e.status === 429) wait(e);
      else if (e.status === 404) status.append(h('div', { class: 'miss', role: 'alert' }, icon('warn'), ' ', t('archive.gone')));
      else if (e.status === 400 && fieldErrors(e, form, d.keys)) focusKey(d.keys[0].name);
      else status.append(failed(e));
    } finally {
      for (const k in keys) keys[k] = '';
    }
  };

  const el = h('section', { class: 'archive archive-query', 'data-dataset': d.id }, pageHead(d.name), d.description ? h('p', { class: 'muted' }, d.description) : null, form, out);
  if (p.result) showResult(p.result);
  else setTimeout(() => { if (el.isConnected && !form.hidden) focusKey(d.keys[0].name); }, 0);
  return { el, leave: () => { clearInterval(timer); hide(); clearSlip(); } };
});
