// ui: small building blocks of the kiosk views.
import { h } from '/assets/shared/dom.js';
import { t, errorText } from '/assets/shared/i18n.js';

export function button(label, onclick, cls = '') {
  return h('button', { type: 'button', class: cls, onclick }, label);
}

// choice is a group of toggle buttons; the chosen one is marked with a
// tick and aria-pressed, not by colour alone. multi allows several.
export function choice(name, options, { multi = false, value = multi ? [] : '', onchange } = {}) {
  let current = multi ? [...value] : value;
  const group = h('div', { class: 'choices', role: 'group', 'data-name': name });
  const render = () => {
    for (const b of group.children) {
      const on = multi ? current.includes(b.dataset.value) : current === b.dataset.value;
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
      b.querySelector('.tick').textContent = on ? '✓ ' : '';
    }
  };
  for (const [v, label] of options) {
    group.append(h('button', {
      type: 'button', class: 'choice', 'data-value': v,
      onclick: () => {
        if (multi) current = current.includes(v) ? current.filter((x) => x !== v) : [...current, v];
        else current = v;
        render();
        onchange && onchange(current);
      },
    }, h('span', { class: 'tick', 'aria-hidden': 'true' }), label));
  }
  render();
  group.value = () => current;
  return group;
}

// field wraps a control with its label and an error line.
export function field(name, label, control) {
  const id = 'f-' + name;
  control.id = control.id || id;
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: control.id }, label), control, h('p', { class: 'error', role: 'alert', id: id + '-error' }));
}

// showErrors puts API field errors next to their fields (or in the form's
// general error line).
export function showErrors(form, err) {
  for (const p of form.querySelectorAll('.error')) p.textContent = '';
  const list = err.details && err.details.length ? err.details : [err];
  for (const e of list) {
    const p = e.field && form.querySelector(`[data-field="${e.field}"] .error`);
    (p || form.querySelector('.form-error')).textContent = errorText(e);
  }
}

// segments renders search text segments, marking hits with <mark> (bold and
// underlined, so not by colour alone).
export function segments(list) {
  return (list || []).map((s) => (s.h ? h('mark', {}, s.t) : s.t));
}

export function loading() {
  return h('p', { class: 'muted' }, t('loading'));
}

export function failed(err) {
  return h('p', { class: 'error' }, err && err.code && err.code !== 'network' ? errorText(err) : t('error.load'));
}

// pageHead is a view's heading.
export function pageHead(title, ...more) {
  return h('div', { class: 'page-head' }, h('h1', {}, title), ...more);
}

let updatedTimer = null;

// showUpdated tells the reader, without moving anything, that what they
// look at was refreshed.
export function showUpdated(text) {
  const el = document.getElementById('updated');
  el.textContent = '↻ ' + (text || t('updated'));
  el.hidden = false;
  clearTimeout(updatedTimer);
  updatedTimer = setTimeout(() => { el.hidden = true; }, 6000);
}

// keepScroll runs an update of the view and puts the scroll back.
export async function keepScroll(fn) {
  const main = document.getElementById('view');
  const top = main.scrollTop;
  await fn();
  main.scrollTop = top;
}
