// archive-dataset: one archive dataset: its definition and column mapping,
// imports with their progress and reports, and a test lookup.
import { start, flash } from './app.js';
import { api } from './api.js';
import { fieldLabel } from './archive-i18n.js';
import { fieldEditor } from './archive-fields.js';
import { importPanel } from './archive-import.js';
import { lookupForm } from './archive-lookup.js';
import { add, apply, errorText, t } from '/assets/shared/i18n.js';
import { $, ready } from '/assets/shared/dom.js';

await start('archive');

const id = new URLSearchParams(location.search).get('id');
let ds = {
  name: '', description: '', published: false, mapping: {},
  definition: { fields: [{ name: 'name', label: '姓名', kind: 'name', shown: true }, { name: 'id_number', label: '身份证号', kind: 'id18', shown: true }],
    keys: [{ name: 'id_number', label: '身份证号', field: 'id_number', keypad: 'digits' }] },
};
if (id) ds = await api('GET', '/api/admin/archive/datasets/' + id);

// Definition errors name fields as fields[2].kind: label them readably.
const labels = {};
for (const f of ['fields', 'keys']) for (let i = 0; i < 40; i++) for (const p of ['name', 'label', 'kind', 'field', 'last', 'keypad', 'keep_first', 'keep_last']) {
  labels[`field.${f}[${i}].${p}`] = fieldLabel(`${f}[${i}].${p}`);
}
add({ zh: labels, en: labels });

const def = ds.definition;
const mapping = ds.mapping || {};
let render = fieldEditor($('#fields'), $('#keys'), def, mapping);

function fill() {
  $('#name').value = ds.name;
  $('#description').value = ds.description;
  $('#published').checked = ds.published;
  if (id) {
    $('#title').removeAttribute('data-i18n');
    $('#title').textContent = ds.name;
    $('#delete').hidden = false;
    $('#data').hidden = false;
  }
}

$('#definition').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  $('#error').textContent = '';
  const body = { name: $('#name').value, description: $('#description').value, published: $('#published').checked, definition: def, mapping };
  try {
    const saved = await api(id ? 'PUT' : 'POST', '/api/admin/archive/datasets' + (id ? '/' + id : ''), body);
    if (!id) { location.href = '/admin/archive-dataset?id=' + saved.id; return; }
    ds = saved;
    flash(t('common.saved'));
    lookup.refresh(ds);
  } catch (e) {
    $('#error').textContent = errorText(e);
  }
});

$('#delete').addEventListener('click', async () => {
  if (!confirm(t('ar.confirm_delete', { name: ds.name }))) return;
  try {
    await api('DELETE', '/api/admin/archive/datasets/' + id);
    location.href = '/admin/archive';
  } catch (e) {
    $('#error').textContent = errorText(e);
  }
});

fill();
const lookup = lookupForm($('#lookup'), $('#lookup-result'), $('#lookup-error'), ds);
const imports = id ? importPanel(id, async () => { ds = await api('GET', '/api/admin/archive/datasets/' + id); lookup.refresh(ds); }) : null;
document.addEventListener('langchange', () => { render(); lookup.refresh(ds); imports?.reload(); });
apply(document);
if (imports) await imports.reload();
ready();
