// archive-report: the report of an import, a row per problem.
import { t } from '/assets/shared/i18n.js';
import { h } from '/assets/shared/dom.js';

function detail(p) {
  if (p.same_import) return t('ar.same_import', { row: p.same_as, id: p.same_import });
  if (p.same_as) return t('ar.same_as', { row: p.same_as });
  return p.detail || '';
}

// reportView renders an import's result and its problems.
export function reportView(im) {
  const problems = (im.report && im.report.problems) || [];
  const out = [h('h3', {}, t('ar.report'), ' #', String(im.id), ' · ', im.file_name, ' · ', t('ar.state_' + im.state))];
  if (im.error) out.push(h('p', { class: 'error', role: 'alert' }, im.error));
  out.push(h('div', { class: 'stats' },
    h('span', {}, t('ar.read'), ' ', h('strong', {}, String(im.rows_read))),
    h('span', {}, t('ar.added'), ' ', h('strong', { class: 'added' }, String(im.rows_added))),
    h('span', {}, t('ar.duplicate'), ' ', h('strong', {}, String(im.rows_duplicate))),
    h('span', {}, t('ar.bad'), ' ', h('strong', {}, String(im.rows_bad)))));
  if (!problems.length) {
    if (im.state === 'live') out.push(h('p', { class: 'muted' }, t('ar.no_problems')));
    return out;
  }
  out.push(h('div', { class: 'report' }, h('table', { class: 'problems' },
    h('thead', {}, h('tr', {}, h('th', {}, t('ar.row')), h('th', {}, t('ar.column')), h('th', {}, t('ar.reason')), h('th', {}, t('ar.detail')))),
    h('tbody', {}, problems.map((p) => h('tr', {},
      h('td', {}, p.row ? String(p.row) : ''), h('td', {}, p.column || ''), h('td', {}, t('ar.reason_' + p.reason)), h('td', {}, detail(p))))))));
  if (im.report.truncated) out.push(h('p', { class: 'muted' }, t('ar.truncated', { n: im.report.truncated })));
  return out;
}
