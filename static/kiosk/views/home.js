// home: the tiles of every service, three taps from anything.
import { h } from '/assets/shared/dom.js';
import { register, show } from '../nav.js';
import { visit } from '../state.js';
import { icon } from '../icons.js';

const TILES = [
  ['browse', 'categories'], ['guides', 'guides'], ['search', 'search'], ['archive', 'archive'],
  ['rate', 'rate'], ['suggest', 'suggest'], ['apply', 'apply'], ['status', 'status'],
];

register('home', () => {
  const el = h('div', { class: 'home' },
    h('div', { class: 'tiles' }, TILES.map(([key, view]) =>
      h('button', { type: 'button', class: 'tile', 'data-tile': key, onclick: () => show(view) },
        h('span', { class: 'icon' }, icon(key)),
        h('span', { class: 'label', 'data-i18n': 'home.' + key }),
        h('span', { class: 'sub', 'data-i18n': key === 'rate' && visit.rated ? 'home.rated' : 'home.' + key + '.sub' })))));
  return { el };
});
