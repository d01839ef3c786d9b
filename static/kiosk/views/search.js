// search: keyword search over every published and expired notice, with
// highlighted snippets, category and year filters, and pages. The query
// and results live in this view only; a wipe forgets them.
import { h, clear } from '/assets/shared/dom.js';
import { t } from '/assets/shared/i18n.js';
import { kapi } from '../api.js';
import { register, show } from '../nav.js';
import { attach, hide } from '../keyboard.js';
import { loading, failed, pageHead, segments, button, keepScroll, showUpdated } from '../ui.js';
import { fmtDate } from '/assets/shared/clock.js';

function select(name, label, options, onchange) {
  const s = h('select', { id: 'search-' + name, 'aria-label': label, onchange }, options.map(([v, l]) => h('option', { value: v }, l)));
  return h('label', { class: 'filter' }, h('span', {}, label), s);
}

register('search', () => {
  let page = 1;
  const input = attach(h('input', { id: 'q', type: 'search', maxlength: 100, placeholder: t('search.placeholder'), enterkeyhint: 'search' }), 'zh');
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  const pager = h('div', { class: 'pager' });
  const cats = select('category', t('search.category'), [['', t('search.all_cats')]], () => { page = 1; run(); });
  const years = select('year', t('search.year'), [['', t('search.all_years')]], () => { page = 1; run(); });
  kapi('GET', '/categories').then(({ categories }) => cats.querySelector('select').append(...categories.map((c) => h('option', { value: c.id }, c.name)))).catch(() => {});
  kapi('GET', '/search/years').then(({ years: ys }) => years.querySelector('select').append(...ys.map((y) => h('option', { value: y }, String(y))))).catch(() => {});

  const run = async () => {
    const q = input.value.trim();
    clear(pager);
    if (!q) { clear(results); return; }
    clear(results).append(loading());
    const params = new URLSearchParams({ q, page });
    const c = cats.querySelector('select').value;
    const y = years.querySelector('select').value;
    if (c) params.set('category', c);
    if (y) params.set('year', y);
    try {
      const r = await kapi('GET', '/search?' + params);
      const head = h('p', { class: 'muted total' }, r.total_capped ? t('search.total_more', { n: r.total }) : t('search.total', { n: r.total }));
      clear(results).append(head, ...(r.hits.length ? r.hits.map((hit) =>
        h('button', { type: 'button', class: 'row hit', 'data-notice': hit.id, onclick: () => show('notice', { id: hit.id }) },
          h('span', { class: 'row-title' }, segments(hit.title)),
          h('span', { class: 'snippet' }, segments(hit.snippet)),
          h('span', { class: 'meta' }, hit.category, ' · ', fmtDate(hit.published_at), hit.status === 'expired' ? h('span', { class: 'badge' }, t('notice.expired')) : null))) :
        [h('p', { class: 'none' }, t('search.none'))]));
      const pages = Math.ceil(r.total / r.per_page);
      if (pages > 1) {
        pager.append(
          button(t('search.prev'), () => { page--; run(); }, 'secondary prev'),
          h('span', { class: 'muted' }, t('list.page', { p: page }) + ' / ' + pages),
          button(t('search.next'), () => { page++; run(); }, 'secondary next'));
        pager.querySelector('.prev').disabled = page <= 1;
        pager.querySelector('.next').disabled = page >= pages;
      }
    } catch (e) {
      clear(results).append(failed(e));
    }
  };
  const go = () => { hide(); page = 1; run(); };
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') go(); });
  const form = h('div', { class: 'search-bar' }, input, h('button', { type: 'button', class: 'primary go', 'data-submit': '', onclick: go }, t('search.go')));
  return {
    el: h('section', { class: 'search' }, pageHead(t('home.search')), form, h('div', { class: 'filters' }, cats, years), results, pager),
    refresh: () => (input.value.trim() ? keepScroll(run).then(() => showUpdated()) : null),
  };
});
