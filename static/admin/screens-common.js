// Helpers shared by the screens pages: the tab bar, groups, weekdays.
import './screens-i18n.js';
import { api } from './api.js';
import { t } from '/assets/shared/i18n.js';
import { h, $, clear } from '/assets/shared/dom.js';

const TABS = [
  ['screens', '/admin/screens'], ['playlists', '/admin/screen-playlists'],
  ['schedules', '/admin/screen-schedules'], ['timeline', '/admin/screen-timeline'],
];

// tabs fills <nav id="tabs"> with the screens pages, active one marked.
export function tabs(active) {
  const draw = () => clear($('#tabs')).append(...TABS.map(([k, href]) =>
    h('a', { href, class: k === active ? 'active' : '' }, t('screens.tab.' + k))));
  draw();
  document.addEventListener('langchange', draw);
}

// groups returns the screen groups.
export async function groups() {
  return (await api('GET', '/api/admin/screen-groups')).groups;
}

// groupOptions returns <option>s for a group select; withAll adds "all
// screens" (value "").
export function groupOptions(list, withAll) {
  const out = list.map((g) => h('option', { value: g.id }, g.name));
  if (withAll) out.unshift(h('option', { value: '' }, t('groups.all')));
  return out;
}

export function groupName(list, id) {
  if (id == null) return t('groups.all');
  const g = list.find((x) => x.id === id);
  return g ? g.name : '#' + id;
}

// daysPicker fills el with seven checkboxes (ISO days), checked as given.
export function daysPicker(el, checked) {
  clear(el).append(...[1, 2, 3, 4, 5, 6, 7].map((d) => h('label', {},
    h('input', { type: 'checkbox', value: d, checked: checked.includes(d) }), t('day.' + d))));
}

export function pickedDays(el) {
  return [...el.querySelectorAll('input:checked')].map((i) => Number(i.value));
}

export function daysText(days) {
  return days.map((d) => t('day.' + d)).join(' ');
}
