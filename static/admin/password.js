import { api } from './api.js';
import { add, apply, errorText, t } from '/assets/shared/i18n.js';
import { $, ready } from '/assets/shared/dom.js';

add({
  zh: { 'app.password': '修改密码', 'pw.must': '首次登录或密码被重置后，请先设置新密码。', 'field.current': '当前密码',
    'field.new': '新密码（至少 10 个字符）', 'pw.again': '再次输入新密码', 'pw.mismatch': '两次输入的新密码不一致', 'common.save': '保存' },
  en: { 'app.password': 'Change password', 'pw.must': 'Choose a new password before you continue.', 'field.current': 'Current password',
    'field.new': 'New password (at least 10 characters)', 'pw.again': 'New password again', 'pw.mismatch': 'The new passwords differ', 'common.save': 'Save' },
});
apply(document);

const me = await api('GET', '/api/admin/me');
$('#must').hidden = !me.must_change_password;

$('#form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  $('#error').textContent = '';
  if ($('#new').value !== $('#again').value) {
    $('#error').textContent = t('pw.mismatch');
    return;
  }
  try {
    await api('POST', '/api/admin/me/password', { current: $('#current').value, new: $('#new').value });
    location.href = '/admin/';
  } catch (e) {
    $('#error').textContent = errorText(e);
  }
});
ready();
