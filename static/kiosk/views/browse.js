// browse: catalogue categories → notices of a category; service guides.
import { h, clear } from '/assets/shared/dom.js';
import { t } from '/assets/shared/i18n.js';
import { kapi } from '../api.js';
import { register, show } from '../nav.js';
import { loading, failed, pageHead, showUpdated, keepScroll, button } from '../ui.js';
import { fmtDate } from '/assets/shared/clock.js';
import { icon } from '../icons.js';

register('categories', () => {
  const list = h('div', { class: 'list' }, loading());
  const load = async () => {
    const { categories } = await kapi('GET', '/categories');
    clear(list).append(...(categories.length ? categories.map((c) =>
      h('button', { type: 'button', class: 'row', 'data-category': c.id, onclick: () => show('notices', { category: c.id, title: c.name }) },
        h('span', { class: 'row-title' }, c.name), h('span', { class: 'count' }, t('list.total', { n: c.count })))) : [h('p', {}, t('list.empty'))]));
  };
  load().catch((e) => clear(list).append(failed(e)));
  return {
    el: h('section', {}, pageHead(t('home.browse')), list),
    refresh: () => keepScroll(load).then(() => showUpdated()),
  };
});

// noticeRow is one notice in a list: title, date, 公示 countdown.
export function noticeRow(n) {
  return h('button', { type: 'button', class: 'row notice-row', 'data-notice': n.id, onclick: () => show('notice', { id: n.id }) },
    h('span', { class: 'row-title' }, n.title),
    h('span', { class: 'meta' }, fmtDate(n.published_at),
      n.status === 'expired' ? h('span', { class: 'badge' }, t('notice.expired')) : null,
      n.notice_end && n.workdays_left > 0 ? h('span', { class: 'badge warn' }, icon('clock'), ' ', t('notice.left', { n: n.workdays_left })) : null));
}

function listView(title, query) {
  let pages = 1;
  const list = h('div', { class: 'list' }, loading());
  const more = button(t('list.more'), () => { pages++; load(); }, 'secondary more');
  more.hidden = true;
  const total = h('p', { class: 'muted total' });
  const load = async () => {
    const rows = [];
    let count = 0;
    for (let p = 1; p <= pages; p++) {
      const r = await kapi('GET', '/notices?' + query + '&page=' + p);
      rows.push(...r.notices);
      count = r.total;
    }
    total.textContent = t('list.total', { n: count });
    clear(list).append(...(rows.length ? rows.map(noticeRow) : [h('p', {}, t('list.empty'))]));
    more.hidden = rows.length >= count;
  };
  load().catch((e) => clear(list).append(failed(e)));
  return {
    el: h('section', {}, pageHead(title), total, list, more),
    refresh: () => keepScroll(load).then(() => showUpdated()),
  };
}

register('notices', (p) => listView(p.title, 'category=' + encodeURIComponent(p.category)));
register('guides', () => listView(t('home.guides'), 'kind=guide'));
