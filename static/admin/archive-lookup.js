// archive-lookup: the admin's test lookup, showing records as a kiosk
// would (masked on the server).
import { api } from './api.js';
import { add, errorText, t } from '/assets/shared/i18n.js';
import { h, clear } from '/assets/shared/dom.js';

export function lookupForm(form, out, err, ds) {
  let current = ds;

  function render() {
    const labels = {};
    for (const k of current.definition.keys) labels['field.keys.' + k.name] = k.label;
    add({ zh: labels, en: labels });
    clear(form).append(...current.definition.keys.map((k) => h('div', {},
      h('label', { for: 'key-' + k.name }, k.label),
      h('input', { id: 'key-' + k.name, name: k.name, autocomplete: 'off', inputmode: k.keypad === 'digits' ? 'numeric' : 'text', maxlength: k.last || 40 }))),
    h('div', {}, h('button', { type: 'submit', id: 'lookup-submit' }, t('ar.search'))));
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    clear(out);
    const keys = {};
    for (const k of current.definition.keys) keys[k.name] = form.querySelector('#key-' + k.name).value;
    try {
      const res = await api('POST', `/api/admin/archive/datasets/${current.id}/lookup`, { keys });
      if (!res.found) { out.append(h('p', { class: 'badge warn', id: 'lookup-status' }, t('ar.not_found'))); return; }
      out.append(h('p', { class: 'badge ok', id: 'lookup-status' }, t('ar.found', { n: res.records.length })),
        h('table', { class: 'result' },
          h('thead', {}, h('tr', {}, res.fields.map((f) => h('th', {}, f.label)))),
          h('tbody', {}, res.records.map((r) => h('tr', {}, res.fields.map((f) => h('td', {}, r[f.name] || '')))))));
    } catch (e) {
      err.textContent = errorText(e);
    }
  });

  render();
  return { refresh(d) { current = d; render(); } };
}
