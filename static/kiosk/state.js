// state: everything one visit leaves behind, in memory only, and the
// wipe that forgets it. Modules register what they hold with onWipe.
const hooks = [];

// config is the kiosk's configuration from the server (not personal).
export const config = {};

// visit holds the current visitor's state: the server session, whether
// they rated, and caches of what they saw or typed.
export const visit = { session: '', rated: false, gen: 0, cache: new Map() };

export function onWipe(fn) {
  hooks.push(fn);
}

// wipe forgets the visit: fields, results, caches, storage, history.
export function wipe() {
  visit.session = '';
  visit.rated = false;
  visit.gen++;
  visit.cache.clear();
  try { sessionStorage.clear(); } catch (e) { /* storage may be disabled */ }
  for (const fn of hooks) fn();
  for (const el of document.querySelectorAll('input, textarea')) el.value = '';
  history.replaceState(null, '', '/kiosk');
}
