import { start, flash } from './app.js';
import { api } from './api.js';
import { add, apply, errorText, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { fmtTime } from '/assets/shared/clock.js';

add({
  zh: {
    'users.add': '新建用户', 'users.create': '创建', 'users.password_opt': '初始密码（留空则随机生成）',
    'users.secret_once': '请将此密码告知用户，它只显示这一次：', 'users.status': '状态', 'users.last_login': '最近登录',
    'users.enabled': '启用', 'users.disabled': '已停用', 'users.disable': '停用', 'users.enable': '启用',
    'users.reset': '重置密码', 'users.confirm_reset': '确定为 {name} 重置密码吗？', 'users.must_change': '需改密码',
    'users.locked': '登录已锁定', 'users.unlock': '解除锁定', 'users.unlocked': '已解除 {name} 的登录锁定',
    'users.locked_hint': '某个地址连续输错密码，该地址暂时不能登录此账号；其他地址不受影响',
    'field.username': '用户名', 'field.display_name': '姓名', 'field.role': '角色', 'field.password': '密码',
  },
  en: {
    'users.add': 'New user', 'users.create': 'Create', 'users.password_opt': 'Initial password (empty: random)',
    'users.secret_once': 'Give this password to the user; it is shown only once:', 'users.status': 'Status', 'users.last_login': 'Last login',
    'users.enabled': 'Active', 'users.disabled': 'Disabled', 'users.disable': 'Disable', 'users.enable': 'Enable',
    'users.reset': 'Reset password', 'users.confirm_reset': 'Reset the password of {name}?', 'users.must_change': 'must change password',
    'users.locked': 'login locked', 'users.unlock': 'Unlock', 'users.unlocked': 'Unlocked {name}',
    'users.locked_hint': 'Wrong passwords from one address locked this account there for a while; other addresses are not affected',
    'field.username': 'User name', 'field.display_name': 'Name', 'field.role': 'Role', 'field.password': 'Password',
  },
});

await start('users');

function showSecret(pw) {
  $('#secret-value').textContent = pw;
  $('#secret').hidden = false;
}

async function patch(u, change) {
  try {
    await api('PATCH', `/api/admin/users/${u.id}`, change);
    flash(t('common.saved'));
  } catch (e) {
    flash(errorText(e), 'bad');
  }
  load();
}

function row(u) {
  const role = h('select', { 'aria-label': t('field.role'), onchange: (ev) => patch(u, { role: ev.target.value }) },
    ['editor', 'reviewer', 'admin'].map((r) => h('option', { value: r, selected: u.role === r }, t('role.' + r))));
  return h('tr', { dataset: { user: u.username } },
    h('td', {}, u.username),
    h('td', {}, u.display_name),
    h('td', {}, role),
    h('td', {}, h('span', { class: 'badge ' + (u.disabled ? 'bad' : 'ok') }, t(u.disabled ? 'users.disabled' : 'users.enabled')),
      u.must_change_password ? [' ', h('span', { class: 'badge warn' }, t('users.must_change'))] : null,
      u.locked ? [' ', h('span', { class: 'badge bad', title: t('users.locked_hint') }, t('users.locked'))] : null),
    h('td', {}, fmtTime(u.last_login_at)),
    h('td', {},
      h('button', { type: 'button', class: 'secondary', onclick: () => patch(u, { disabled: !u.disabled }) }, t(u.disabled ? 'users.enable' : 'users.disable')), ' ',
      h('button', { type: 'button', class: 'secondary', onclick: () => reset(u) }, t('users.reset')),
      u.locked ? [' ', h('button', { type: 'button', class: 'secondary', dataset: { unlock: u.username }, onclick: () => unlock(u) }, t('users.unlock'))] : null));
}

async function unlock(u) {
  try {
    await api('POST', `/api/admin/users/${u.id}/unlock`, {});
    flash(t('users.unlocked', { name: u.username }));
  } catch (e) {
    flash(errorText(e), 'bad');
  }
  load();
}

async function reset(u) {
  if (!confirm(t('users.confirm_reset', { name: u.username }))) return;
  try {
    const out = await api('POST', `/api/admin/users/${u.id}/password`, {});
    showSecret(out.password);
  } catch (e) {
    flash(errorText(e), 'bad');
  }
  load();
}

async function load() {
  const { users } = await api('GET', '/api/admin/users');
  clear($('#users')).append(...users.map(row));
}

$('#create').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  $('#error').textContent = '';
  try {
    const out = await api('POST', '/api/admin/users', {
      username: $('#username').value, display_name: $('#display_name').value, role: $('#role').value, password: $('#password').value,
    });
    if (out.password) showSecret(out.password);
    ev.target.reset();
    flash(t('common.saved'));
    load();
  } catch (e) {
    $('#error').textContent = errorText(e);
  }
});

document.addEventListener('langchange', load);
apply(document);
load().then(ready);
