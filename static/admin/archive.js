// archive: the list of archive datasets.
import { start } from './app.js';
import { api } from './api.js';
import './archive-i18n.js';
import { apply, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { fmtTime } from '/assets/shared/clock.js';

await start('archive');

function status(d) {
  if (d.needs_reimport) return h('span', { class: 'badge warn' }, t('ar.reimport'));
  if (!d.row_count) return h('span', { class: 'badge' }, t('ar.empty'));
  return h('span', { class: 'badge ' + (d.published ? 'ok' : '') }, t(d.published ? 'ar.published' : 'ar.unpublished'));
}

async function load() {
  const { datasets } = await api('GET', '/api/admin/archive/datasets');
  clear($('#datasets')).append(...(datasets.length ? datasets.map((d) => h('tr', { dataset: { id: d.id } },
    h('td', {}, h('strong', {}, d.name), h('div', { class: 'muted' }, d.description)),
    h('td', {}, d.row_count.toLocaleString()),
    h('td', {}, fmtTime(d.last_import_at)),
    h('td', {}, status(d)),
    h('td', {}, h('a', { href: '/admin/archive-dataset?id=' + d.id }, t('ar.edit'))))) : [h('tr', {}, h('td', { colspan: 5, class: 'muted' }, t('common.none')))]));
}

document.addEventListener('langchange', load);
apply(document);
load().then(ready);
