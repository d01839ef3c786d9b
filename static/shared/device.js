// device: the identity of a screen or kiosk in the browser. A device
// without a token asks for a pairing code, shows it, and waits until an
// admin enters it; the token is then kept in localStorage and sent with
// every request (Authorization: Bearer) and WebSocket (subprotocol).
const key = (kind) => `hallcast.${kind}.token`;

export function token(kind) {
  return localStorage.getItem(key(kind)) || '';
}

export function forget(kind) {
  localStorage.removeItem(key(kind));
}

export class Unpaired extends Error {}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function post(path, body) {
  const res = await fetch(path, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw Object.assign(new Error((data.error && data.error.message) || res.status), { status: res.status, body: data });
  return data;
}

// pair runs the pairing flow until an admin pairs this device. onCode(code,
// expiresAt) is called with every new code to show. Resolves with the token.
export async function pair(kind, { onCode, pollMs = 2000 } = {}) {
  const info = `${navigator.userAgent} ${screen.width}x${screen.height}`.slice(0, 500);
  for (;;) {
    let req;
    try {
      req = await post('/api/device/pair', { kind, info });
    } catch (e) {
      await sleep(e.status === 429 ? 30000 : 5000 + Math.random() * 5000);
      continue;
    }
    onCode && onCode(req.code, new Date(req.expires_at));
    for (;;) {
      await sleep(pollMs);
      let st;
      try {
        st = await post('/api/device/pair/claim', { code: req.code, claim: req.claim });
      } catch (e) {
        continue; // network or server trouble: keep the code and ask again
      }
      if (st.state === 'paired') {
        localStorage.setItem(key(kind), st.token);
        return st.token;
      }
      if (st.state === 'expired') break;
    }
  }
}

// deviceFetch calls a device API with the token. A 401 means the device was
// revoked: the token is forgotten and Unpaired is thrown.
export async function deviceFetch(kind, path, opts = {}) {
  const headers = Object.assign({ Accept: 'application/json', Authorization: 'Bearer ' + token(kind) }, opts.headers || {});
  const res = await fetch(path, Object.assign({}, opts, { headers }));
  if (res.status === 401) {
    forget(kind);
    throw new Unpaired('device not paired');
  }
  return res;
}
