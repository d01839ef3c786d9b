import { start, flash } from './app.js';
import { api } from './api.js';
import { KINDS, KIND_ZH, loadCategories, categoryOptions, statusBadge, debounce, fieldLabel } from './content.js';
import { ledPreviews } from './notice-led.js';
import { screenDoc, bodyDoc } from './notice-screen.js';
import { privacyPanel } from './notice-privacy.js';
import { buildGuide, collect, fill, fillGuide, setReadOnly, endPreview, publishDay } from './notice-form.js';
import { apply, errorText, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import './notice-i18n.js';

const user = await start('notices');
const canWrite = user.role === 'editor' || user.role === 'admin';
const cats = await loadCategories();
const state = { id: Number(new URLSearchParams(location.search).get('id')) || 0, versionId: 0, attachments: [], detail: null };

clear($('#kind')).append(...KINDS.map((k) => h('option', { value: k, 'data-i18n': 'kind.' + k }, t('kind.' + k))));
clear($('#category')).append(...categoryOptions(cats, 0, t('editor.choose')));
buildGuide();
const updateLED = ledPreviews($('#leds'));
const scan = privacyPanel(() => ({ title: $('#title').value, body: $('#body').value, led_text: $('#led_text').value, guide: collect(state).guide }),
  (m) => {
    $('#title').value = m.title; $('#body').value = m.body; $('#led_text').value = m.led_text;
    if (m.guide) fillGuide(m.guide);
    refresh();
    flash(t('editor.masked'));
  });

async function loadGroups() {
  try {
    const out = await api('GET', '/api/admin/screen-groups');
    const groups = out.groups || out.screen_groups || [];
    clear($('#groups')).append(...groups.map((g) => h('option', { value: g.id }, g.name)));
    $('#groups').hidden = $('#all_screens').checked;
  } catch (e) {
    if (e.status !== 404) throw e;
    state.noGroups = true;
    $('#all_screens').checked = true;
    $('#all_screens').disabled = true;
    $('#groups-note').textContent = t('editor.no_groups');
  }
}

async function loadInterpretations() {
  const out = await api('GET', '/api/admin/notices?kind=interpretation&limit=200');
  clear($('#interpretations')).append(...out.notices.filter((n) => n.id !== state.id && n.status !== 'withdrawn')
    .map((n) => h('option', { value: n.id }, `${n.title}（${t('status.' + n.status)}）`)));
}

function category() { return cats.find((c) => c.id === Number($('#category').value)); }

// defaults applies the category's notice period to a 公示 without an end.
function defaults() {
  const c = category();
  if ($('#kind').value === 'publicity' && c && c.period && $('#end_mode').value === 'none') {
    $('#end_mode').value = 'period';
    $('#period_n').value = c.period.n;
    $('#period_unit').value = c.period.unit;
  }
}

function layout() {
  const mode = $('#end_mode').value;
  $('#period-box').hidden = mode !== 'period';
  $('#expire-box').hidden = mode !== 'at';
  $('#guide').hidden = $('#kind').value !== 'guide';
  $('#links').hidden = $('#kind').value !== 'policy';
  $('#groups').hidden = $('#all_screens').checked;
  $('#led-count').textContent = t('editor.led_count', { n: [...$('#led_text').value].length });
}

async function refresh() {
  layout();
  const led = $('#led_text').value.trim() || $('#title').value.trim();
  updateLED(led);
  const { html } = await api('POST', '/api/admin/notices/preview', { body: $('#body').value });
  const end = await endPreview();
  const c = category();
  $('#preview').srcdoc = bodyDoc(html);
  $('#screen').srcdoc = screenDoc({ title: $('#title').value, html, kind: KIND_ZH[$('#kind').value], category: c ? c.path : '',
    index_no: state.detail && state.detail.notice.index_no, source_dept: $('#source_dept').value, made_on: $('#made_on').value,
    publish: publishDay(), end, footer: 'hallcast · 政务公开' });
  await scan();
}
const refreshSoon = debounce(() => refresh().catch((e) => flash(errorText(e), 'bad')), 400);

function renderAttachments() {
  const ro = !editable();
  clear($('#attachments')).append(...state.attachments.map((a, i) => h('li', {},
    a.id ? h('a', { href: '/api/admin/attachments/' + a.id, target: '_blank' }, a.name) : h('span', {}, a.name),
    h('span', { class: 'muted' }, `${Math.ceil(a.size / 1024)} KB`),
    ro ? null : h('button', { type: 'button', class: 'secondary', onclick: () => { state.attachments.splice(i, 1); renderAttachments(); } }, t('editor.remove')))));
}

function editable() {
  if (!canWrite || !state.detail) return canWrite;
  const v = state.detail.current;
  if (state.detail.notice.withdrawn_at) return false;
  if (v.status === 'draft') return v.author_id === user.id;
  return ['refused', 'scheduled', 'published', 'expired'].includes(v.status);
}

function show(d) {
  state.detail = d;
  state.id = d.notice.id;
  state.versionId = d.current.id;
  state.attachments = d.current.attachments.map((a) => ({ ...a }));
  fill(d.current);
  showMeta(d);
  const ro = !editable();
  setReadOnly(ro);
  if (state.noGroups) $('#all_screens').disabled = true;
  $('#save').hidden = ro;
  $('#submit-review').hidden = !(d.current.status === 'draft' && d.current.author_id === user.id);
  $('#recall').hidden = !(d.current.status === 'submitted' && d.current.author_id === user.id);
  $('#history-link').hidden = false;
  $('#history-link').href = '/admin/history?id=' + d.notice.id;
  history.replaceState(null, '', '?id=' + d.notice.id);
  renderAttachments();
}

// showMeta shows the state of the notice (again after a language switch).
function showMeta(d) {
  $('#heading').removeAttribute('data-i18n');
  $('#heading').textContent = d.current.title;
  clear($('#state')).append(statusBadge(d.current.status), ' ', h('span', { class: 'muted' }, 'v' + d.current.number));
  $('#index-no').textContent = d.notice.index_no ? t('notices.index_no') + '：' + d.notice.index_no : '';
  const note = $('#version-note');
  note.hidden = !(d.live || ['published', 'scheduled'].includes(d.current.status));
  note.textContent = d.live ? t('editor.live_note', { n: d.live.number }) : t('editor.new_version_note');
}

function showError(e) {
  $('#error').textContent = (e.field ? fieldLabel(e.field) + ': ' : '') + errorText({ ...e, field: undefined });
  const el = e.field && document.getElementById(e.field.split('.')[0].replace('category_id', 'category'));
  if (el) el.focus();
}

async function save() {
  $('#error').textContent = '';
  const body = collect(state);
  const d = state.id ? await api('PUT', '/api/admin/notices/' + state.id, body) : await api('POST', '/api/admin/notices', body);
  show(d);
  flash(t('common.saved'));
  return d;
}

$('#form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  try { await save(); await refresh(); } catch (e) { showError(e); }
});
$('#submit-review').addEventListener('click', async () => {
  try {
    if (editable()) await save();
    show(await api('POST', `/api/admin/notices/${state.id}/submit`));
    flash(t('editor.submitted'));
  } catch (e) { showError(e); }
});
$('#recall').addEventListener('click', async () => {
  try { show(await api('POST', `/api/admin/notices/${state.id}/recall`)); } catch (e) { showError(e); }
});
$('#file').addEventListener('change', async (ev) => {
  const file = ev.target.files[0];
  if (!file) return;
  const form = new FormData();
  form.append('file', file);
  try {
    state.attachments.push(await api('POST', '/api/admin/uploads', form));
    renderAttachments();
  } catch (e) { showError(e); }
  ev.target.value = '';
});
$('#kind').addEventListener('change', defaults);
$('#category').addEventListener('change', defaults);
$('#form').addEventListener('input', refreshSoon);
$('#form').addEventListener('change', refreshSoon);
document.addEventListener('langchange', () => {
  if (state.detail) showMeta(state.detail);
  if (state.noGroups) $('#groups-note').textContent = t('editor.no_groups');
  refreshSoon();
});

await Promise.all([loadGroups(), loadInterpretations()]);
if (state.id) show(await api('GET', '/api/admin/notices/' + state.id));
else {
  $('#kind').value = 'announcement';
  setReadOnly(!canWrite);
  $('#save').hidden = $('#submit-review').hidden = !canWrite;
}
apply(document);
await refresh();
ready();
