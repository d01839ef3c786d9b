// nav: the in-app view stack. The browser history never grows (one entry,
// replaced), so no gesture or key can bring back an earlier visitor's
// pages; Back walks this stack, Home empties it.
import { clear } from '/assets/shared/dom.js';
import { apply } from '/assets/shared/i18n.js';

const views = {};
let stack = [];
let current = null;

// register adds a view: render(params) returns {el, refresh?, leave?}.
export function register(name, render) {
  views[name] = render;
}

function mount() {
  const top = stack[stack.length - 1];
  const main = document.getElementById('view');
  if (current && current.leave) current.leave();
  current = views[top.name](top.params || {});
  clear(main).append(current.el);
  apply(main);
  main.scrollTop = top.scroll || 0;
  document.body.dataset.view = top.name;
  document.getElementById('back-btn').hidden = stack.length <= 1;
  document.dispatchEvent(new CustomEvent('viewchange', { detail: top.name }));
}

export function show(name, params) {
  const main = document.getElementById('view');
  if (stack.length) stack[stack.length - 1].scroll = main.scrollTop;
  stack.push({ name, params });
  history.replaceState(null, '', '/kiosk');
  mount();
}

export function back() {
  if (stack.length <= 1) return;
  stack.pop();
  mount();
}

export function home() {
  stack = [{ name: 'home' }];
  mount();
}

// refresh asks the current view to reload its data in place.
export function refresh(change) {
  if (current && current.refresh) return current.refresh(change);
  return false;
}

export function currentName() {
  return stack.length ? stack[stack.length - 1].name : '';
}

// snapshot records what the reader typed and chose in the current view.
function snapshot(main) {
  const fields = {};
  for (const el of main.querySelectorAll('[data-field] input, [data-field] textarea, input#q')) fields[el.closest('[data-field]')?.dataset.field || el.id] = el.value;
  const choices = {};
  for (const g of main.querySelectorAll('.choices[data-name]')) {
    choices[g.dataset.name] = [...g.querySelectorAll('[aria-pressed="true"]')].map((b) => b.dataset.value);
  }
  return { fields, choices };
}

// restore puts a snapshot back into the freshly rendered view.
function restore(main, snap) {
  for (const [name, values] of Object.entries(snap.choices)) {
    const g = main.querySelector(`.choices[data-name="${name}"]`);
    if (!g) continue;
    for (const b of g.querySelectorAll('[aria-pressed="true"]')) if (!values.includes(b.dataset.value)) b.click();
    for (const v of values) {
      const b = g.querySelector(`[data-value="${CSS.escape(v)}"]`);
      if (b && b.getAttribute('aria-pressed') !== 'true') b.click();
    }
  }
  for (const [name, v] of Object.entries(snap.fields)) {
    const el = main.querySelector(`[data-field="${name}"] input, [data-field="${name}"] textarea`) || (name === 'q' && main.querySelector('input#q'));
    if (el) el.value = v;
  }
}

// relabel re-renders the current view in the new language (after a
// language change), keeping what the reader typed, chose and scrolled to.
export function relabel() {
  if (!stack.length) return;
  const main = document.getElementById('view');
  const snap = snapshot(main);
  stack[stack.length - 1].scroll = main.scrollTop;
  mount();
  restore(main, snap);
}
