// alerts-channels: the channels (with their test button) and the
// recipient groups of the alerts page.
import { flash } from './app.js';
import { api } from './api.js';
import { errorText, t } from '/assets/shared/i18n.js';
import { h, $, $$, clear } from '/assets/shared/dom.js';

const KINDS = ['email', 'wecom', 'dingtalk', 'feishu', 'webhook'];
export const page = { channels: [], groups: [], changed: () => {} };

const secretInputs = { password: '#ch-password', url: '#ch-robot-url', secret: '#ch-secret', token: '#ch-token' };

function showKind() {
  const k = $('#ch-kind').value;
  for (const el of $$('[data-kinds]')) {
    el.hidden = !el.dataset.kinds.split(' ').includes(k);
    el.style.display = el.hidden ? 'none' : ''; // .row sets display
  }
}

function fill(ch) {
  $('#ch-id').value = ch ? ch.id : '';
  $('#ch-name').value = ch ? ch.name : '';
  $('#ch-kind').value = ch ? ch.kind : 'email';
  $('#ch-kind').disabled = !!ch;
  $('#ch-enabled').checked = ch ? ch.enabled : true;
  const st = (ch && ch.settings) || {};
  $('#ch-host').value = st.host || '';
  $('#ch-port').value = st.port || 587;
  $('#ch-security').value = st.security || 'starttls';
  $('#ch-username').value = st.username || '';
  $('#ch-from').value = st.from || '';
  $('#ch-to').value = (st.to || []).join('\n');
  $('#ch-url').value = st.url || '';
  for (const [name, sel] of Object.entries(secretInputs)) {
    $(sel).value = '';
    $(sel).placeholder = ch && ch.secrets_set.includes(name) ? t('alerts.keep') : '';
  }
  $('#channel-title').textContent = t(ch ? 'alerts.channel_edit' : 'alerts.channel_add');
  $('#ch-error').textContent = '';
  showKind();
}

// test queues a test message and waits for its first attempt.
async function test(ch) {
  flash(t('alerts.testing'));
  const { message_id: id } = await api('POST', `/api/admin/alerts/channels/${ch.id}/test`);
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const m = await api('GET', '/api/admin/alerts/messages/' + id);
    if (m.status === 'sent' || m.status === 'failed') {
      const answer = (m.deliveries[m.deliveries.length - 1] || {}).answer || m.last_error;
      flash(t(m.status === 'sent' ? 'alerts.test_ok' : 'alerts.test_bad', { answer }), m.status === 'sent' ? 'ok' : 'bad');
      page.changed();
      return;
    }
  }
}

function channelRow(ch) {
  return h('tr', { dataset: { channel: ch.id } },
    h('td', {}, ch.name, ch.enabled ? null : [' ', h('span', { class: 'badge' }, t('alerts.off'))]),
    h('td', {}, t('alerts.kind.' + ch.kind)),
    h('td', {}, h('div', {}, ch.hint), ch.secrets_set.length ? h('div', { class: 'muted' }, ch.secrets_set.join(', ') + ' ' + t('alerts.set')) : null),
    h('td', {},
      h('button', { type: 'button', class: 'secondary', onclick: () => fill(ch) }, t('alerts.edit')), ' ',
      h('button', { type: 'button', class: 'secondary', dataset: { test: ch.id }, onclick: () => test(ch).catch((e) => flash(errorText(e), 'bad')) }, t('alerts.test')), ' ',
      h('button', { type: 'button', class: 'secondary', onclick: async () => {
        if (!confirm(t('alerts.confirm_channel', { name: ch.name }))) return;
        await api('DELETE', '/api/admin/alerts/channels/' + ch.id);
        page.changed();
      } }, t('alerts.delete'))));
}

function groupRow(g) {
  const names = g.channel_ids.map((id) => (page.channels.find((c) => c.id === id) || {}).name).filter(Boolean);
  return h('tr', { dataset: { group: g.id } }, h('td', {}, g.name), h('td', {}, names.join('、')),
    h('td', {},
      h('button', { type: 'button', class: 'secondary', onclick: () => fillGroup(g) }, t('alerts.edit')), ' ',
      h('button', { type: 'button', class: 'secondary', onclick: async () => {
        if (!confirm(t('alerts.confirm_group', { name: g.name }))) return;
        await api('DELETE', '/api/admin/alerts/groups/' + g.id);
        page.changed();
      } }, t('alerts.delete'))));
}

function fillGroup(g) {
  $('#g-id').value = g ? g.id : '';
  $('#g-name').value = g ? g.name : '';
  clear($('#g-channels')).append(...page.channels.map((c) => h('label', {},
    h('input', { type: 'checkbox', value: c.id, checked: !!(g && g.channel_ids.includes(c.id)) }), ' ', c.name)));
  $('#g-error').textContent = '';
}

// loadChannels draws the channels and groups.
export async function loadChannels() {
  [{ channels: page.channels }, { groups: page.groups }] = await Promise.all([api('GET', '/api/admin/alerts/channels'), api('GET', '/api/admin/alerts/groups')]);
  clear($('#channels')).append(h('table', {}, h('tbody', {}, page.channels.map(channelRow))));
  clear($('#groups')).append(h('table', {}, h('tbody', {}, page.groups.map(groupRow))));
  fillGroup(null);
}

// setupChannels attaches the forms' handlers.
export function setupChannels() {
  $('#ch-kind').append(...KINDS.map((k) => h('option', { value: k }, t('alerts.kind.' + k))));
  $('#ch-kind').addEventListener('change', showKind);
  $('#ch-reset').addEventListener('click', () => fill(null));
  $('#channel-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const kind = $('#ch-kind').value;
    const body = { name: $('#ch-name').value, kind, enabled: $('#ch-enabled').checked, settings: {}, secrets: {} };
    if (kind === 'email') {
      body.settings = { host: $('#ch-host').value, port: Number($('#ch-port').value) || 0, security: $('#ch-security').value,
        username: $('#ch-username').value, from: $('#ch-from').value, to: $('#ch-to').value.split(/[\n,;]+/).map((s) => s.trim()).filter(Boolean) };
    } else if (kind === 'webhook') body.settings = { url: $('#ch-url').value };
    for (const [name, sel] of Object.entries(secretInputs)) if (!$(sel).closest('[data-kinds]').hidden && $(sel).value) body.secrets[name] = $(sel).value;
    try {
      const id = $('#ch-id').value;
      await api(id ? 'PUT' : 'POST', '/api/admin/alerts/channels' + (id ? '/' + id : ''), body);
      flash(t('common.saved'));
      fill(null);
      page.changed();
    } catch (e) {
      $('#ch-error').textContent = errorText(e);
    }
  });
  $('#group-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { name: $('#g-name').value, channel_ids: $$('#g-channels input:checked').map((i) => Number(i.value)) };
    try {
      const id = $('#g-id').value;
      await api(id ? 'PUT' : 'POST', '/api/admin/alerts/groups' + (id ? '/' + id : ''), body);
      flash(t('common.saved'));
      page.changed();
    } catch (e) {
      $('#g-error').textContent = errorText(e);
    }
  });
  fill(null);
}
