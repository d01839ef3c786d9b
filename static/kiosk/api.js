// api: the kiosk API with the device token and the visit's session.
import { deviceFetch, Unpaired } from '/assets/shared/device.js';
import { visit } from './state.js';

export class APIError extends Error {
  constructor(status, body) {
    super((body && body.message) || 'HTTP ' + status);
    this.status = status;
    Object.assign(this, body || {});
  }
}

export async function kapi(method, path, body) {
  const headers = {};
  const opts = { method, headers };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    opts.body = JSON.stringify(body);
  }
  if (visit.session) headers['X-Kiosk-Session'] = visit.session;
  let res;
  try {
    res = await deviceFetch('kiosk', '/api/kiosk' + path, opts);
  } catch (e) {
    if (e instanceof Unpaired) {
      location.replace('/kiosk');
      return new Promise(() => {});
    }
    throw new APIError(0, { code: 'network', message: String(e) });
  }
  if (res.status === 204) return null;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new APIError(res.status, data.error);
  return data;
}

let pending = null;

// ensureSession starts the visit's server session if there is none. A
// session that arrives after the visit was wiped is ended at once.
export function ensureSession() {
  if (visit.session) return Promise.resolve(visit.session);
  if (pending) return pending;
  const gen = visit.gen;
  pending = kapi('POST', '/sessions').then(({ id }) => {
    pending = null;
    if (gen !== visit.gen) {
      end(id);
      throw new APIError(409, { code: 'invalid_state', message: 'the visit ended' });
    }
    visit.session = id;
    return id;
  }, (e) => { pending = null; throw e; });
  return pending;
}

function end(id) {
  deviceFetch('kiosk', '/api/kiosk/sessions/end', { method: 'POST', headers: { 'X-Kiosk-Session': id } }).catch(() => {});
}

// endSession ends the visit's session on the server (best effort).
export function endSession() {
  const id = visit.session;
  visit.session = '';
  if (id) end(id);
}
