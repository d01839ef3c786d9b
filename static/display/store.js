// store: what the screen keeps across restarts in localStorage, so that it
// starts and keeps playing without a server: the last hello (profile), the
// last playlist, the power state and an active emergency.
const PREFIX = 'hallcast.display.';

// load returns the saved value of name, or fallback.
export function load(name, fallback = null) {
  try {
    const v = JSON.parse(localStorage.getItem(PREFIX + name));
    return v === null || v === undefined ? fallback : v;
  } catch (e) {
    return fallback;
  }
}

// save keeps value under name; a full storage keeps the old value.
export function save(name, value) {
  try {
    if (value === null || value === undefined) localStorage.removeItem(PREFIX + name);
    else localStorage.setItem(PREFIX + name, JSON.stringify(value));
  } catch (e) {
    console.warn('display: unable to save', name, e);
  }
}

// forgetAll drops everything the screen learnt from its server (after a
// revocation: the next pairing may give another profile).
export function forgetAll() {
  for (const name of ['hello', 'playlist', 'power', 'emergency', 'played']) save(name, null);
}
