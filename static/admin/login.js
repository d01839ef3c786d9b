import { api } from './api.js';
import { add, apply, errorText, lang, setLang } from '/assets/shared/i18n.js';
import { $, ready } from '/assets/shared/dom.js';

add({
  zh: { 'login.title': '政务公开管理登录', 'login.submit': '登录', 'field.username': '用户名', 'field.password': '密码', 'app.lang': 'English' },
  en: { 'login.title': 'Disclosure admin login', 'login.submit': 'Log in', 'field.username': 'User name', 'field.password': 'Password', 'app.lang': '中文' },
});
apply(document);
$('#lang').addEventListener('click', () => setLang(lang() === 'zh' ? 'en' : 'zh'));

$('#login').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  $('#error').textContent = '';
  $('#submit').disabled = true;
  try {
    const user = await api('POST', '/api/admin/login', { username: $('#username').value, password: $('#password').value }, { noRedirect: true });
    const next = new URLSearchParams(location.search).get('next');
    if (user.must_change_password) location.href = '/admin/password';
    else location.href = next && next.startsWith('/admin') ? next : '/admin/';
  } catch (e) {
    $('#error').textContent = errorText(e);
    $('#password').value = '';
    $('#password').focus();
  } finally {
    $('#submit').disabled = false;
  }
});
ready();
