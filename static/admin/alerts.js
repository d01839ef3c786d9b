// alerts: the alerts page (电子监察): open alerts, rules, channels with a
// test button, recipient groups, quiet and opening hours, the delivery log.
import './alerts-i18n.js';
import { start } from './app.js';
import { api } from './api.js';
import { apply, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { fmtTime } from '/assets/shared/clock.js';
import { page, loadChannels, setupChannels } from './alerts-channels.js';
import { loadRules, loadHours, setupRules } from './alerts-rules.js';

const user = await start('alerts');

// when shows an instant in the hall's zone.
const when = (iso) => (iso ? fmtTime(iso) : '');

async function loadActive() {
  const { alerts } = await api('GET', '/api/admin/alerts/active');
  const open = alerts.filter((a) => !a.resolved_at);
  const done = alerts.filter((a) => a.resolved_at).slice(0, 10);
  const row = (a) => h('tr', { dataset: { alert: a.item } },
    h('td', {}, h('span', { class: 'badge ' + (a.resolved_at ? 'ok' : 'bad') }, a.resolved_at ? t('alerts.resolved') : '!')),
    h('td', {}, a.text), h('td', {}, t('alerts.since'), ' ', when(a.started_at), a.resolved_at ? ' → ' + when(a.resolved_at) : ''),
    h('td', {}, a.reminders ? t('alerts.reminders', { n: a.reminders }) : ''));
  clear($('#active')).append(open.length ? h('table', { id: 'open-alerts' }, h('tbody', {}, open.map(row))) : h('p', { class: 'muted' }, t('alerts.none_active')),
    done.length ? h('div', {}, h('h3', {}, t('alerts.recent')), h('table', {}, h('tbody', {}, done.map(row)))) : '');
}

async function showMessage(id) {
  const m = await api('GET', '/api/admin/alerts/messages/' + id);
  clear($('#message')).append(h('div', { class: 'card', dataset: { message: m.id } },
    h('h3', {}, m.subject), h('pre', { style: { whiteSpace: 'pre-wrap' } }, m.body),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, t('alerts.when')), h('th', {}, t('alerts.status')), h('th', {}, t('alerts.answer')))),
      h('tbody', {}, m.deliveries.map((d) => h('tr', { dataset: { attempt: d.attempt } }, h('td', {}, String(d.attempt)), h('td', {}, when(d.at)),
        h('td', {}, h('span', { class: 'badge ' + (d.ok ? 'ok' : 'bad') }, d.ok ? '✓' : '✗')), h('td', {}, h('code', {}, d.answer))))))));
}

async function loadLog() {
  const { messages } = await api('GET', '/api/admin/alerts/messages?limit=100');
  const cls = { sent: 'ok', failed: 'bad', pending: 'warn', held: 'warn' };
  clear($('#log')).append(messages.length ? h('table', {},
    h('thead', {}, h('tr', {}, ['alerts.when', 'alerts.channel', 'alerts.subject', 'alerts.status', 'alerts.attempts'].map((k) => h('th', {}, t(k))))),
    h('tbody', {}, messages.map((m) => h('tr', { dataset: { log: m.id } },
      h('td', {}, when(m.created_at)), h('td', {}, m.channel_name),
      h('td', {}, h('a', { href: '#message', onclick: (ev) => { ev.preventDefault(); showMessage(m.id); } }, m.subject)),
      h('td', {}, h('span', { class: 'badge ' + (cls[m.status] || '') }, t('alerts.status.' + m.status)),
        m.status === 'pending' && m.attempts ? h('div', { class: 'muted' }, t('alerts.next'), ' ', when(m.next_at)) : null,
        m.last_error ? h('div', { class: 'error' }, m.last_error) : null),
      h('td', {}, `${m.attempts}/${m.max_attempts}`)))))
    : h('p', { class: 'muted' }, t('alerts.none_log')));
}

async function refresh() {
  await loadChannels();
  await Promise.all([loadRules(), loadActive(), loadLog()]);
}

page.changed = refresh;
setupChannels();
setupRules();
apply(document);
document.addEventListener('langchange', refresh);
Promise.all([refresh(), loadHours()]).then(ready);
