// archive-import: upload a file with a progress bar, follow the import
// (rows/s and the time left) until it ends, show its report, and list the
// dataset's import history.
import { api, APIError, csrfToken } from './api.js';
import { reportView } from './archive-report.js';
import { errorText, t } from '/assets/shared/i18n.js';
import { h, $, clear } from '/assets/shared/dom.js';
import { fmtTime } from '/assets/shared/clock.js';

// send uploads the form with XMLHttpRequest, which reports upload progress.
function send(url, form, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('X-CSRF-Token', csrfToken());
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onerror = () => reject(new APIError(0, { code: 'network', message: 'upload failed' }));
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new APIError(xhr.status, body && body.error));
    };
    xhr.send(form);
  });
}

function fmtSecs(s) {
  if (!s) return '—';
  const m = Math.floor(s / 60);
  return m ? `${m}:${String(s % 60).padStart(2, '0')}` : `${s}s`;
}

// progressView shows a running import.
function progressView(im) {
  const pct = im.rows_total ? Math.min(100, Math.round((100 * im.rows_read) / im.rows_total)) : 0;
  return [
    h('p', {}, t('ar.importing'), ' #', String(im.id), ' · ', im.file_name),
    h('progress', { id: 'import-bar', max: 100, value: pct }),
    h('div', { class: 'stats', id: 'import-stats' },
      h('span', {}, t('ar.read'), ' ', h('strong', {}, im.rows_read.toLocaleString()), im.rows_total ? ` / ${t('ar.of')} ${im.rows_total.toLocaleString()}` : ''),
      h('span', {}, h('strong', {}, im.rate.toLocaleString()), ' ', t('ar.rate')),
      h('span', {}, t('ar.eta'), ' ', h('strong', {}, fmtSecs(im.eta_seconds))),
      h('span', {}, t('ar.added'), ' ', h('strong', {}, String(im.rows_added))),
      h('span', {}, t('ar.bad'), ' ', h('strong', {}, String(im.rows_bad)))),
    h('button', { type: 'button', class: 'secondary', onclick: () => api('POST', `/api/admin/archive/imports/${im.id}/cancel`).catch(() => {}) }, t('ar.cancel')),
  ];
}

export function importPanel(datasetID, onDone) {
  const box = $('#progress');

  async function follow(id) {
    for (;;) {
      const im = await api('GET', '/api/admin/archive/imports/' + id);
      box.hidden = false;
      if (im.state !== 'running') {
        clear(box).append(...reportView(im));
        box.dataset.state = im.state;
        await reload();
        await onDone();
        return;
      }
      clear(box).append(...progressView(im));
      await new Promise((r) => setTimeout(r, 400));
    }
  }

  $('#upload').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    $('#upload-error').textContent = '';
    const file = $('#file').files[0];
    if (!file) { $('#upload-error').textContent = t('field.file') + ': ' + t('err.required'); return; }
    const form = new FormData();
    form.append('mode', $('#mode').value);
    form.append('encoding', $('#encoding').value);
    form.append('file', file);
    box.hidden = false;
    delete box.dataset.state;
    const bar = h('progress', { id: 'upload-bar', max: 100, value: 0 });
    clear(box).append(h('p', {}, t('ar.uploading'), ' ', file.name), bar);
    $('#start').disabled = true;
    try {
      const im = await send(`/api/admin/archive/datasets/${datasetID}/imports`, form, (f) => { bar.value = Math.round(f * 100); });
      await follow(im.id);
    } catch (e) {
      box.hidden = true;
      $('#upload-error').textContent = errorText(e);
    } finally {
      $('#start').disabled = false;
    }
  });

  async function reload() {
    const { imports } = await api('GET', `/api/admin/archive/imports?dataset_id=${datasetID}&limit=50`);
    clear($('#history')).append(...imports.map((im) => h('tr', { dataset: { import: im.id } },
      h('td', {}, String(im.id)), h('td', {}, fmtTime(im.started_at)), h('td', {}, im.file_name), h('td', {}, t('ar.mode_' + im.mode)),
      h('td', {}, h('span', { class: 'badge ' + ({ live: 'ok', failed: 'bad', running: 'warn' }[im.state] || '') }, t('ar.state_' + im.state))),
      h('td', {}, String(im.rows_read)), h('td', {}, String(im.rows_added)), h('td', {}, String(im.rows_duplicate)), h('td', {}, String(im.rows_bad)),
      h('td', {}, im.actor),
      h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: () => showReport(im.id) }, t('ar.show'))))));
    const running = imports.find((im) => im.state === 'running');
    if (running && !box.dataset.following) { box.dataset.following = '1'; follow(running.id).finally(() => delete box.dataset.following); }
  }

  async function showReport(id) {
    const im = await api('GET', '/api/admin/archive/imports/' + id);
    clear($('#history-report')).append(h('div', { class: 'card' }, ...reportView(im)));
  }

  return { reload };
}
