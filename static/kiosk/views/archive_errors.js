// archive_errors: how the archive query explains a refused or malformed
// lookup. Field errors name the key, never its value.
import { t } from '/assets/shared/i18n.js';

// refusal reads a 429 answer: {reason: 'locked'|'slowed'|'rate', seconds,
// scope: 'kiosk'|'address'|'keys'} (what the lock is on).
export function refusal(e) {
  const p = e.params || {};
  const seconds = Number(p.seconds || e.retry_after || 60);
  return { reason: p.reason || 'rate', seconds: Math.max(1, seconds), scope: p.scope || 'kiosk' };
}

// fieldErrors puts the server's errors on keys ("keys.<name>") next to
// their fields; it reports whether there was any.
export function fieldErrors(e, form, keys) {
  let any = false;
  for (const d of e.details && e.details.length ? e.details : [e]) {
    const name = (d.field || '').replace(/^keys\./, '');
    const k = keys.find((x) => x.name === name);
    const p = k && form.querySelector(`[data-field="keys.${name}"] .error`);
    if (!p) continue;
    p.textContent = t(d.code === 'required' ? 'archive.err.required' : 'archive.err.chars', { label: k.label });
    any = true;
  }
  return any;
}
