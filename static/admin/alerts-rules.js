// alerts-rules: the rules (one row per rule, saved on change) and the
// quiet and opening hours of the alerts page.
import { flash } from './app.js';
import { api } from './api.js';
import { errorText, lang, t } from '/assets/shared/i18n.js';
import { h, $, clear } from '/assets/shared/dom.js';
import { page } from './alerts-channels.js';

let conditions = [];
const title = (c) => (lang() === 'en' ? c.title_en : c.title);

function ruleRow(r) {
  const c = conditions.find((x) => x.kind === r.condition) || { title: r.condition, title_en: r.condition, unit: '' };
  const el = {
    enabled: h('input', { type: 'checkbox', checked: r.enabled, 'aria-label': title(c) }),
    threshold: c.unit ? h('input', { type: 'number', min: c.min, max: c.max, value: r.threshold, style: { width: '6em' } }) : null,
    group: h('select', {}, h('option', { value: '' }, t('alerts.no_group')),
      page.groups.map((g) => h('option', { value: g.id, selected: r.group_id === g.id }, g.name))),
    remind: h('input', { type: 'number', min: 0, max: 10080, value: r.remind_minutes, style: { width: '7em' } }),
    urgent: h('input', { type: 'checkbox', checked: r.urgent }),
  };
  const err = h('div', { class: 'error', style: { minHeight: 0, margin: 0 } });
  const save = async () => {
    err.textContent = '';
    try {
      await api('PUT', '/api/admin/alerts/rules/' + r.id, {
        condition: r.condition, enabled: el.enabled.checked, group_id: el.group.value ? Number(el.group.value) : null,
        threshold: el.threshold ? Number(el.threshold.value) : 0, remind_minutes: Number(el.remind.value) || 0, urgent: el.urgent.checked,
      });
      flash(t('common.saved'));
    } catch (e) {
      err.textContent = errorText(e);
    }
  };
  for (const x of Object.values(el)) if (x) x.addEventListener('change', save);
  return h('tr', { dataset: { rule: r.id, condition: r.condition } },
    h('td', {}, h('label', {}, el.enabled, ' ', title(c))),
    h('td', {}, el.threshold ? [el.threshold, ' ', t('alerts.unit.' + c.unit)] : '—'),
    h('td', {}, el.group), h('td', {}, el.remind), h('td', {}, el.urgent),
    h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: async () => {
      if (!confirm(t('alerts.confirm_rule'))) return;
      await api('DELETE', '/api/admin/alerts/rules/' + r.id);
      loadRules();
    } }, t('alerts.delete')), err));
}

// loadRules draws the rules (after the groups are known).
export async function loadRules() {
  const out = await api('GET', '/api/admin/alerts/rules');
  conditions = out.conditions;
  clear($('#rules')).append(h('table', {},
    h('thead', {}, h('tr', {}, ['alerts.condition', 'alerts.threshold', 'alerts.group', 'alerts.remind', 'alerts.urgent', 'common.actions'].map((k) => h('th', {}, t(k))))),
    h('tbody', {}, out.rules.map(ruleRow))));
  clear($('#new-rule')).append(...conditions.map((c) => h('option', { value: c.kind }, title(c))));
}

async function setting(key, value) {
  await api('PUT', '/api/admin/settings/' + key, { value });
}

// loadHours fills the hours form from the settings.
export async function loadHours() {
  const { settings } = await api('GET', '/api/admin/settings');
  const v = (key) => (settings.find((s) => s.key === key) || {}).value;
  const q = v('alert.quiet_hours') || {};
  const o = v('alert.opening_hours') || {};
  $('#q-enabled').checked = !!q.enabled;
  $('#q-start').value = q.start || '22:00';
  $('#q-end').value = q.end || '07:30';
  $('#o-open').value = o.open || '08:30';
  $('#o-close').value = o.close || '17:30';
  $('#o-workdays').checked = !!o.working_days_only;
  $('#s-days').value = v('alert.suggestion_reply_workdays') || 10;
}

// setupRules attaches the handlers.
export function setupRules() {
  $('#add-rule').addEventListener('click', async () => {
    const c = conditions.find((x) => x.kind === $('#new-rule').value);
    await api('POST', '/api/admin/alerts/rules', { condition: c.kind, enabled: true, threshold: c.threshold, remind_minutes: c.remind_minutes, urgent: c.urgent });
    loadRules();
  });
  $('#hours-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    $('#h-error').textContent = '';
    try {
      await setting('alert.quiet_hours', { enabled: $('#q-enabled').checked, start: $('#q-start').value, end: $('#q-end').value });
      await setting('alert.opening_hours', { open: $('#o-open').value, close: $('#o-close').value, working_days_only: $('#o-workdays').checked });
      await setting('alert.suggestion_reply_workdays', Number($('#s-days').value));
      flash(t('common.saved'));
    } catch (e) {
      $('#h-error').textContent = errorText(e);
    }
  });
}
