// archive-fields: the editor of a dataset's fields (with their column
// mapping) and query keys.
import { t } from '/assets/shared/i18n.js';
import { h, clear } from '/assets/shared/dom.js';

const KINDS = ['', 'id18', 'id15', 'mobile', 'bank_card', 'name', 'generic'];
const KEYPADS = ['digits', 'alnum', 'name'];

function select(values, current, label, prefix, onchange) {
  return h('select', { 'aria-label': label, onchange },
    values.map((v) => h('option', { value: v, selected: v === current }, t(prefix + v))));
}

// fieldEditor edits def.fields, def.keys and mapping in place and returns
// the two tables.
export function fieldEditor(fieldsEl, keysEl, def, mapping) {
  const fieldRow = (f, i) => h('tr', { dataset: { field: i } },
    h('td', {}, h('input', { value: f.name, 'aria-label': t('ar.f_name'), class: 'f-name', oninput: (e) => { rename(f, e.target.value); } })),
    h('td', {}, h('input', { value: f.label, 'aria-label': t('ar.f_label'), class: 'f-label', oninput: (e) => { f.label = e.target.value; } })),
    h('td', {}, h('input', { value: mapping[f.name] || '', placeholder: f.label, 'aria-label': t('ar.f_column'), class: 'f-column',
      oninput: (e) => { mapping[f.name] = e.target.value; } })),
    h('td', {}, select(KINDS, f.kind || '', t('ar.f_kind'), 'ar.kind_', (e) => { f.kind = e.target.value || undefined; })),
    h('td', {}, h('input', { type: 'checkbox', checked: !!f.shown, 'aria-label': t('ar.f_shown'), onchange: (e) => { f.shown = e.target.checked; } })),
    h('td', {}, h('input', { type: 'checkbox', checked: !!f.required, 'aria-label': t('ar.f_required'), onchange: (e) => { f.required = e.target.checked; } })),
    h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: () => { def.fields.splice(i, 1); render(); } }, t('ar.remove'))));

  const keyRow = (k, i) => h('tr', { dataset: { key: i } },
    h('td', {}, h('input', { value: k.name, 'aria-label': t('ar.k_name'), class: 'k-name', oninput: (e) => { k.name = e.target.value; } })),
    h('td', {}, h('input', { value: k.label, 'aria-label': t('ar.k_label'), class: 'k-label', oninput: (e) => { k.label = e.target.value; } })),
    h('td', {}, select(def.fields.map((f) => f.name), k.field, t('ar.k_field'), '', (e) => { k.field = e.target.value; })),
    h('td', {}, h('input', { type: 'number', min: 0, max: 40, value: k.last || 0, 'aria-label': t('ar.k_last'), class: 'k-last',
      oninput: (e) => { k.last = +e.target.value || 0; } })),
    h('td', {}, select(KEYPADS, k.keypad, t('ar.k_keypad'), 'ar.keypad_', (e) => { k.keypad = e.target.value; })),
    h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: () => { def.keys.splice(i, 1); render(); } }, t('ar.remove'))));

  // rename keeps the mapping and the keys pointing at a renamed field.
  function rename(f, name) {
    if (mapping[f.name] !== undefined) { mapping[name] = mapping[f.name]; delete mapping[f.name]; }
    for (const k of def.keys) if (k.field === f.name) k.field = name;
    f.name = name;
  }

  function render() {
    clear(fieldsEl).append(h('table', { class: 'editor' },
      h('thead', {}, h('tr', {}, ['ar.f_name', 'ar.f_label', 'ar.f_column', 'ar.f_kind', 'ar.f_shown', 'ar.f_required', ''].map((k) => h('th', {}, k && t(k))))),
      h('tbody', {}, def.fields.map(fieldRow))),
    h('button', { type: 'button', class: 'secondary', id: 'add-field', onclick: () => {
      def.fields.push({ name: 'field' + (def.fields.length + 1), label: '', shown: true }); render();
    } }, t('ar.add_field')));
    clear(keysEl).append(h('table', { class: 'editor' },
      h('thead', {}, h('tr', {}, ['ar.k_name', 'ar.k_label', 'ar.k_field', 'ar.k_last', 'ar.k_keypad', ''].map((k) => h('th', {}, k && t(k))))),
      h('tbody', {}, def.keys.map(keyRow))),
    h('button', { type: 'button', class: 'secondary', id: 'add-key', onclick: () => {
      def.keys.push({ name: 'key' + (def.keys.length + 1), label: '', field: def.fields[0]?.name || '', keypad: 'digits' }); render();
    } }, t('ar.add_key')));
    // Refresh the key's field choices when a field name changes.
    fieldsEl.querySelectorAll('.f-name').forEach((el) => el.addEventListener('change', render));
  }
  render();
  return render;
}
