// notice-form: reading and filling the editor's fields.
import { api } from './api.js';
import { h, $, clear } from '/assets/shared/dom.js';
import { today, toLocalInput, fromLocalInput } from '/assets/shared/clock.js';
import { errorText, t } from '/assets/shared/i18n.js';

// GUIDE lists the service-guide fields: key and whether it is a list
// (one item per line).
export const GUIDE = [
  ['conditions', false], ['materials', true], ['steps', true], ['time_limit', false], ['fees', false],
  ['fee_basis', false], ['location', false], ['phone', false], ['basis', false],
];

export function buildGuide() {
  clear($('#guide-fields')).append(...GUIDE.map(([k, list]) => h('div', {},
    h('label', { for: 'guide-' + k, 'data-i18n': 'field.guide.' + k }, t('field.guide.' + k)),
    list || ['conditions', 'basis'].includes(k)
      ? h('textarea', { id: 'guide-' + k, rows: 3, style: { minHeight: '60px' } })
      : h('input', { id: 'guide-' + k }),
    list ? h('p', { class: 'hint', 'data-i18n': 'editor.one_per_line' }, t('editor.one_per_line')) : null)));
}

// collect reads the form as the API's notice input.
export function collect(state) {
  const mode = $('#end_mode').value;
  const guide = $('#kind').value === 'guide' ? Object.fromEntries(GUIDE.map(([k, list]) => {
    const v = $('#guide-' + k).value;
    return [k, list ? v.split('\n').map((s) => s.trim()).filter(Boolean) : v];
  })) : null;
  return {
    title: $('#title').value, body: $('#body').value, led_text: $('#led_text').value, kind: $('#kind').value,
    category_id: Number($('#category').value) || 0, disclosure: $('#disclosure').value, source_dept: $('#source_dept').value,
    made_on: $('#made_on').value, publish_at: fromLocalInput($('#publish_at').value),
    expire_at: mode === 'at' ? fromLocalInput($('#expire_at').value) : null,
    period: mode === 'period' ? { n: Number($('#period_n').value) || 0, unit: $('#period_unit').value } : null,
    priority: Number($('#priority').value) || 0, duration: Number($('#duration').value) || 0,
    all_screens: $('#all_screens').checked,
    groups: $('#all_screens').checked ? [] : [...$('#groups').selectedOptions].map((o) => Number(o.value)),
    interpretations: $('#kind').value === 'policy' ? [...$('#interpretations').selectedOptions].map((o) => Number(o.value)) : [],
    attachments: state.attachments.map((a) => ({ sha256: a.sha256, name: a.name })),
    guide,
    base_version_id: state.versionId || 0,
  };
}

// fill writes a version into the form.
export function fill(v) {
  for (const k of ['title', 'body', 'led_text', 'kind', 'disclosure', 'source_dept']) $('#' + k).value = v[k] ?? '';
  $('#category').value = v.category_id || '';
  $('#made_on').value = v.made_on || '';
  $('#publish_at').value = toLocalInput(v.publish_at);
  $('#end_mode').value = v.period ? 'period' : v.expire_at ? 'at' : 'none';
  $('#expire_at').value = v.period ? '' : toLocalInput(v.expire_at);
  if (v.period) {
    $('#period_n').value = v.period.n;
    $('#period_unit').value = v.period.unit;
  }
  $('#priority').value = v.priority;
  $('#duration').value = v.duration;
  $('#all_screens').checked = v.all_screens;
  for (const o of $('#groups').options) o.selected = (v.groups || []).includes(Number(o.value));
  for (const o of $('#interpretations').options) o.selected = (v.interpretations || []).includes(Number(o.value));
  fillGuide(v.guide);
}

// fillGuide writes the service-guide fields.
export function fillGuide(g) {
  for (const [k, list] of GUIDE) {
    const val = g ? g[k] : '';
    $('#guide-' + k).value = list ? (val || []).join('\n') : (val || '');
  }
}

// setReadOnly disables every input of the form.
export function setReadOnly(ro) {
  for (const el of $('#form').querySelectorAll('input, select, textarea')) el.disabled = ro;
}

// publishDay is the day the notice will be published: that of the
// publication time (a wall time in the hall's zone), or the server's today.
export function publishDay() {
  return $('#publish_at').value ? $('#publish_at').value.slice(0, 10) : today();
}

// endPreview shows when the notice ends, computed by the server's
// workday calendar; it returns the last day ("" when none).
export async function endPreview() {
  const el = $('#end-preview');
  el.className = 'end-preview';
  const mode = $('#end_mode').value;
  // The period starts on the publication day, or on the server's today.
  const from = publishDay();
  if (mode === 'at') { el.textContent = $('#expire_at').value ? t('editor.ends', { date: $('#expire_at').value.replace('T', ' ') }) : ''; return ''; }
  if (mode !== 'period' || !$('#period_n').value) { el.textContent = ''; return ''; }
  try {
    const out = await api('GET', `/api/admin/calendar/compute?from=${from}&n=${$('#period_n').value}&unit=${$('#period_unit').value}`);
    el.textContent = t('editor.period_end', { from, end: out.end });
    return out.end;
  } catch (e) {
    el.className = 'end-preview bad';
    el.textContent = errorText(e);
    return '';
  }
}
