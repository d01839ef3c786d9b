// app: the admin shell shared by every page: header, navigation, the
// current user, logout and the language switch.
import { api } from './api.js';
import { add, apply, lang, setLang, t } from '/assets/shared/i18n.js';
import { h, $ } from '/assets/shared/dom.js';
import { sync } from '/assets/shared/clock.js';

add({
  zh: {
    'app.title': 'hallcast 政务公开管理', 'app.logout': '退出登录', 'app.password': '修改密码', 'app.lang': 'English',
    'nav.dashboard': '工作台', 'nav.notices': '信息发布', 'nav.review': '保密审查', 'nav.catalogue': '公开目录',
    'nav.screens': '屏幕管理', 'nav.emergency': '紧急插播', 'nav.kiosks': '自助终端', 'nav.archive': '档案查询',
    'nav.requests': '依申请公开', 'nav.feedback': '好差评与意见', 'nav.jobs': '定时任务', 'nav.calendar': '工作日历',
    'nav.stats': '统计报表', 'nav.users': '用户管理', 'nav.audit': '操作日志', 'nav.settings': '系统设置', 'nav.feeds': '信息源',
    'nav.screenstatus': '屏幕状态', 'nav.proof': '播放统计', 'nav.alerts': '告警通知',
    'role.admin': '管理员', 'role.editor': '编辑', 'role.reviewer': '审核员',
    'common.save': '保存', 'common.cancel': '取消', 'common.loading': '加载中…', 'common.none': '暂无数据',
    'common.saved': '已保存', 'common.yes': '是', 'common.no': '否', 'common.actions': '操作', 'common.close': '关闭',
  },
  en: {
    'app.title': 'hallcast disclosure admin', 'app.logout': 'Log out', 'app.password': 'Change password', 'app.lang': '中文',
    'nav.dashboard': 'Dashboard', 'nav.notices': 'Notices', 'nav.review': 'Review', 'nav.catalogue': 'Catalogue',
    'nav.screens': 'Screens', 'nav.emergency': 'Emergency', 'nav.kiosks': 'Kiosks', 'nav.archive': 'Archive query',
    'nav.requests': 'Disclosure requests', 'nav.feedback': 'Ratings & suggestions', 'nav.jobs': 'Scheduled jobs', 'nav.calendar': 'Workday calendar',
    'nav.stats': 'Statistics', 'nav.users': 'Users', 'nav.audit': 'Audit log', 'nav.settings': 'Settings', 'nav.feeds': 'Feeds',
    'nav.screenstatus': 'Screen status', 'nav.proof': 'Proof of play', 'nav.alerts': 'Alerts',
    'role.admin': 'Admin', 'role.editor': 'Editor', 'role.reviewer': 'Reviewer',
    'common.save': 'Save', 'common.cancel': 'Cancel', 'common.loading': 'Loading…', 'common.none': 'Nothing yet',
    'common.saved': 'Saved', 'common.yes': 'Yes', 'common.no': 'No', 'common.actions': 'Actions', 'common.close': 'Close',
  },
});

// NAV lists the admin sections. ready=false marks sections still to come;
// roles limits who sees a section (admins see everything).
export const NAV = [
  { key: 'dashboard', href: '/admin/', ready: true },
  { key: 'notices', href: '/admin/notices', roles: ['editor', 'reviewer'], ready: true },
  { key: 'review', href: '/admin/review', roles: ['reviewer'], ready: true },
  { key: 'catalogue', href: '/admin/catalogue', roles: ['editor', 'reviewer'], ready: true },
  { key: 'screens', href: '/admin/screens', roles: [], ready: true },
  { key: 'screenstatus', href: '/admin/screen-status', roles: [], ready: true },
  { key: 'proof', href: '/admin/proof', roles: ['editor'], ready: true },
  { key: 'emergency', href: '/admin/emergency', roles: [], ready: true },
  { key: 'kiosks', href: '/admin/kiosks', roles: [], ready: true },
  { key: 'archive', href: '/admin/archive', roles: [], ready: true },
  { key: 'requests', href: '/admin/requests', roles: ['editor'], ready: true },
  { key: 'feedback', href: '/admin/feedback', roles: ['editor'], ready: true },
  { key: 'alerts', href: '/admin/alerts', roles: [], ready: true },
  { key: 'jobs', href: '/admin/jobs', roles: [], ready: true },
  { key: 'feeds', href: '/admin/feeds', roles: [], ready: true },
  { key: 'calendar', href: '/admin/calendar', roles: [], ready: true },
  { key: 'stats', href: '/admin/stats', roles: ['editor', 'reviewer'], ready: true },
  { key: 'users', href: '/admin/users', roles: [], ready: true },
  { key: 'audit', href: '/admin/audit', roles: [], ready: true },
  { key: 'settings', href: '/admin/settings', roles: [], ready: true },
];

export function canSee(item, user) {
  return user.role === 'admin' || !item.roles || item.roles.includes(user.role);
}

// start renders the shell around the page's <main> and resolves with the
// logged-in user (or sends the browser to the login page).
export async function start(active) {
  const user = await api('GET', '/api/admin/me');
  sync(user); // now, today and the zone are the server's
  const nav = h('nav', { class: 'nav', 'aria-label': 'sections' },
    NAV.filter((n) => n.ready && canSee(n, user)).map((n) =>
      h('a', { href: n.href, class: n.key === active ? 'active' : '', 'data-i18n': 'nav.' + n.key, 'aria-current': n.key === active ? 'page' : false })));
  const header = h('header', { class: 'top' },
    h('a', { class: 'brand', href: '/admin/', 'data-i18n': 'app.title' }),
    h('span', { class: 'spacer' }),
    h('span', { class: 'who', id: 'who' }, user.display_name || user.username, ' · ', h('span', { 'data-i18n': 'role.' + user.role })),
    h('a', { href: '/admin/password', 'data-i18n': 'app.password' }),
    h('button', { type: 'button', class: 'link', id: 'lang', 'data-i18n': 'app.lang', onclick: () => setLang(lang() === 'zh' ? 'en' : 'zh') }),
    h('button', { type: 'button', class: 'link', id: 'logout', 'data-i18n': 'app.logout', onclick: logout }));
  document.body.prepend(header, nav);
  apply(document);
  document.title = t('nav.' + active) + ' · hallcast';
  return user;
}

async function logout() {
  await api('POST', '/api/admin/logout', undefined, { noRedirect: true }).catch(() => {});
  location.href = '/admin/login';
}

// flash shows a short message in the page's status area.
export function flash(msg, kind = 'ok') {
  let el = $('#flash');
  if (!el) {
    el = h('div', { id: 'flash', role: 'status', 'aria-live': 'polite' });
    document.body.append(el);
  }
  el.textContent = msg;
  el.className = 'flash ' + kind;
  clearTimeout(el._timer);
  el._timer = setTimeout(() => { el.className = 'flash'; }, 4000);
}
