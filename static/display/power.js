// power: standby. In standby the screen shows black or a dim clock
// ({"state":"standby","standby":"black"|"dim_clock","until":"…"}); it wakes
// at `until` by itself (server time), even offline.
import { h } from '/assets/shared/dom.js';
import { load, save } from './store.js';
import { now } from '/assets/shared/clock.js';
import { tick } from './widgets.js';

let state = load('power', { state: 'on' });
let wake = null;
let onChange = () => {};

// setup gives a callback told whether the screen is on, and applies the
// saved state.
export function setup(changed) {
  onChange = changed;
  draw();
}

// set applies a power message or a playlist's power.
export function set(p) {
  if (!p || !p.state) return;
  state = { state: p.state === 'standby' ? 'standby' : 'on', standby: p.standby || 'black', until: p.until || '' };
  save('power', state);
  draw();
}

// current returns "on" or "standby".
export function current() {
  return state.state;
}

function draw() {
  clearTimeout(wake);
  const box = document.getElementById('standby');
  let on = state.state !== 'standby';
  if (!on && state.until) {
    const left = Date.parse(state.until) - now();
    if (left <= 0) {
      state = { state: 'on' };
      save('power', state);
      on = true;
    } else if (left < 2 ** 31) wake = setTimeout(draw, left + 50);
  }
  box.hidden = on;
  box.dataset.mode = on ? '' : state.standby;
  document.body.dataset.power = on ? 'on' : 'standby';
  const c = box.querySelector('.standby-clock');
  if (!on && state.standby === 'dim_clock') {
    c.replaceChildren(h('div', { 'data-clock': 'hm' }), h('div', { class: 'small', 'data-clock': 'cdate' }));
    tick(c);
  } else c.replaceChildren();
  onChange(on);
}
