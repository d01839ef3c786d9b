// api: fetch wrapper for the admin JSON API. It sends the CSRF token,
// decodes the typed error format, and sends the browser to the login page
// when the session has ended.
export class APIError extends Error {
  constructor(status, body) {
    super((body && body.message) || 'HTTP ' + status);
    this.status = status;
    Object.assign(this, body || {});
  }
}

// csrfToken is the session's CSRF token, which the server hands over in
// a cookie (__Host- prefixed under HTTPS) and wants back in the
// X-CSRF-Token header; the server checks it against the session, never
// against the cookie, so a cookie planted from elsewhere cannot help.
export function csrfToken() {
  for (const name of ['__Host-hallcast_csrf', 'hallcast_csrf']) {
    const m = document.cookie.match(new RegExp('(?:^|;\\s*)' + name + '=([^;]+)'));
    if (m) return decodeURIComponent(m[1]);
  }
  return '';
}

export async function api(method, path, body, opts = {}) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin' };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrfToken();
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new APIError(0, { code: 'network', message: String(e) });
  }
  if (res.status === 204) return null;
  const ct = res.headers.get('Content-Type') || '';
  const data = ct.includes('json') ? await res.json() : await res.blob();
  if (!res.ok) {
    const err = new APIError(res.status, data && data.error);
    // On a lost session, leave for the login page and never settle, so
    // the page does not go on with half its data.
    if (res.status === 401 && !opts.noRedirect) {
      location.href = '/admin/login?next=' + encodeURIComponent(location.pathname + location.search);
      return new Promise(() => {});
    }
    if (err.code === 'password_change_required' && !opts.noRedirect) {
      location.href = '/admin/password';
      return new Promise(() => {});
    }
    throw err;
  }
  return data;
}
