// notice-privacy: the editor's personal-data panel. It scans the unsaved
// texts on the server, lists the findings with their positions, marks
// them in the body, and masks them all in one click.
import { api } from './api.js';
import { findingText } from './content.js';
import { h, $, clear } from '/assets/shared/dom.js';

// privacyPanel wires the panel; texts() returns the current texts and
// apply(masked) writes masked texts back into the form. It returns
// scan().
export function privacyPanel(texts, apply) {
  let masked = null;
  async function scan() {
    const tx = texts();
    const out = await api('POST', '/api/admin/notices/scan', tx);
    masked = out.masked;
    show(out.findings, tx.body);
    return out.findings;
  }
  function show(findings, body) {
    $('#scan-ok').hidden = findings.length > 0;
    $('#mask-all').hidden = findings.length === 0;
    clear($('#findings')).append(...findings.map((f) => h('li', { dataset: { field: f.field, kind: f.kind } }, findingText(f))));
    const inBody = findings.filter((f) => f.field === 'body');
    const marked = clear($('#marked'));
    marked.hidden = inBody.length === 0;
    let at = 0;
    for (const f of inBody) {
      marked.append(body.slice(at, f.start16), h('mark', {}, body.slice(f.start16, f.end16)));
      at = f.end16;
    }
    marked.append(body.slice(at));
  }
  $('#mask-all').addEventListener('click', async () => {
    if (!masked) return;
    apply(masked);
    await scan();
  });
  return scan;
}
