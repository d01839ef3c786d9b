import { start, flash } from './app.js';
import { api } from './api.js';
import { add, apply, errorText, lang, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';

add({
  zh: { 'nav.settings': '系统设置', 'settings.intro': '各栏目的运行参数。值为 JSON；保存前会校验。', 'settings.default': '默认值', 'settings.reset': '恢复默认' },
  en: { 'nav.settings': 'Settings', 'settings.intro': 'Run-time parameters of each section, as JSON, validated on save.', 'settings.default': 'Default', 'settings.reset': 'Reset to default' },
});

await start('settings');

function card(s) {
  const area = h('textarea', { id: 'v-' + s.key, rows: 4, spellcheck: 'false' }, JSON.stringify(s.value, null, 2));
  const err = h('p', { class: 'error', role: 'alert' });
  const save = async (raw) => {
    err.textContent = '';
    let value;
    try { value = JSON.parse(raw); } catch (e) { err.textContent = t('err.invalid_json'); return; }
    try {
      await api('PUT', '/api/admin/settings/' + encodeURIComponent(s.key), { value });
      flash(t('common.saved'));
      load();
    } catch (e) { err.textContent = errorText(e); }
  };
  return h('section', { class: 'card', dataset: { key: s.key } },
    h('h2', {}, lang() === 'en' && s.label_en ? s.label_en : s.label, ' ', h('code', { class: 'muted' }, s.key)),
    s.help ? h('p', { class: 'muted' }, s.help) : null,
    area, err,
    h('p', { class: 'muted' }, t('settings.default'), ': ', h('code', {}, JSON.stringify(s.default))),
    h('div', { class: 'row' },
      h('button', { type: 'button', onclick: () => save(area.value) }, t('common.save')),
      h('button', { type: 'button', class: 'secondary', onclick: () => save(JSON.stringify(s.default)) }, t('settings.reset'))));
}

async function load() {
  const { settings } = await api('GET', '/api/admin/settings');
  clear($('#list')).append(...(settings.length ? settings.map(card) : [h('p', { class: 'muted' }, t('common.none'))]));
}

document.addEventListener('langchange', load);
apply(document);
load().then(ready);
