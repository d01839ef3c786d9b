import { start, flash } from './app.js';
import { api } from './api.js';
import { add, apply, errorText, lang, t } from '/assets/shared/i18n.js';
import { h, $, clear, ready } from '/assets/shared/dom.js';
import { fmtTime } from '/assets/shared/clock.js';

add({
  zh: {
    'jobs.zone': '时区', 'jobs.help': '表达式：分 时 日 月 周（可在最前加秒），或 @daily、@every 1h。',
    'jobs.spec': '执行时间', 'jobs.enabled': '启用', 'jobs.next': '接下来', 'jobs.last': '上次运行', 'jobs.run': '立即运行',
    'jobs.history': '运行记录', 'jobs.never': '尚未运行', 'jobs.instant': '到期即运行（精确到秒）', 'jobs.started': '已开始运行',
    'jobs.status.ok': '成功', 'jobs.status.warning': '需关注', 'jobs.status.error': '失败', 'jobs.status.running': '运行中', 'jobs.status.skipped': '已跳过',
    'field.spec': '执行时间',
  },
  en: {
    'jobs.zone': 'Time zone', 'jobs.help': 'Expression: minute hour day month weekday (seconds first optional), or @daily, @every 1h.',
    'jobs.spec': 'Schedule', 'jobs.enabled': 'Enabled', 'jobs.next': 'Next', 'jobs.last': 'Last run', 'jobs.run': 'Run now',
    'jobs.history': 'History', 'jobs.never': 'Never run', 'jobs.instant': 'When something falls due (to the second)', 'jobs.started': 'Started',
    'jobs.status.ok': 'OK', 'jobs.status.warning': 'Needs attention', 'jobs.status.error': 'Failed', 'jobs.status.running': 'Running', 'jobs.status.skipped': 'Skipped',
    'field.spec': 'Schedule',
  },
});

await start('jobs');

const badge = (st) => h('span', { class: 'badge ' + ({ ok: 'ok', warning: 'warn', error: 'bad', skipped: 'warn' }[st] || '') }, t('jobs.status.' + st));

function runLine(r) {
  return h('div', {}, badge(r.status), ' ', fmtTime(r.started_at),
    r.duration_ms !== undefined ? ` · ${r.duration_ms} ms` : '', r.result ? ' · ' + r.result : '',
    r.error ? h('div', { class: 'error' }, r.error) : null);
}

function card(j) {
  const desc = h('p', { class: 'muted' }, lang() === 'en' ? j.description_en : j.description_zh);
  const next = h('p', { class: 'muted' }, t('jobs.next'), ': ', j.next.map((x) => fmtTime(x)).join(' · '));
  const err = h('p', { class: 'error', role: 'alert' });
  const spec = h('input', { id: 'spec-' + j.name, value: j.spec || '', 'aria-label': t('jobs.spec'), disabled: j.kind === 'instant' });
  const enabled = h('input', { type: 'checkbox', id: 'en-' + j.name, checked: j.enabled });
  spec.addEventListener('input', async () => {
    err.textContent = '';
    try {
      const out = await api('POST', '/api/admin/jobs/check', { spec: spec.value });
      desc.textContent = lang() === 'en' ? out.description_en : out.description_zh;
      next.textContent = t('jobs.next') + ': ' + out.next.map((x) => fmtTime(x)).join(' · ');
    } catch (e) { err.textContent = errorText(e); }
  });
  const save = async () => {
    err.textContent = '';
    try {
      await api('PUT', '/api/admin/jobs/' + encodeURIComponent(j.name), { spec: spec.value, enabled: enabled.checked });
      flash(t('common.saved'));
      load();
    } catch (e) { err.textContent = errorText(e); }
  };
  const history = h('div', { class: 'history' });
  const showHistory = async () => {
    const { runs } = await api('GET', `/api/admin/jobs/${encodeURIComponent(j.name)}/runs?limit=20`);
    clear(history).append(...runs.map(runLine));
  };
  return h('section', { class: 'card', dataset: { job: j.name } },
    h('h2', {}, lang() === 'en' ? j.title_en || j.title : j.title, ' ', h('code', { class: 'muted' }, j.name)),
    j.kind === 'instant' ? h('p', {}, t('jobs.instant')) : h('div', { class: 'row' },
      h('div', {}, h('label', { for: spec.id }, t('jobs.spec')), spec)),
    desc, next, err,
    h('div', { class: 'row' },
      h('label', {}, enabled, ' ', t('jobs.enabled')),
      h('button', { type: 'button', onclick: save }, t('common.save')),
      h('button', { type: 'button', class: 'secondary', onclick: async () => {
        await api('POST', `/api/admin/jobs/${encodeURIComponent(j.name)}/run`);
        flash(t('jobs.started'));
        setTimeout(load, 1000);
      } }, t('jobs.run')),
      h('button', { type: 'button', class: 'secondary', onclick: showHistory }, t('jobs.history'))),
    h('div', {}, h('strong', {}, t('jobs.last'), ': '), j.last_run ? runLine(j.last_run) : t('jobs.never')),
    history);
}

async function load() {
  const { jobs, timezone } = await api('GET', '/api/admin/jobs');
  $('#zone').textContent = timezone;
  clear($('#jobs')).append(...jobs.map(card));
}

document.addEventListener('langchange', load);
apply(document);
load().then(ready);
