// archive: the home tile of the archive self-query. The archive work
// registers its own 'archive' view (register('archive', ...) from
// /assets/kiosk/nav.js, using keypad() from /assets/kiosk/keyboard.js)
// and imports it from app.js in place of this placeholder.
import { h } from '/assets/shared/dom.js';
import { t } from '/assets/shared/i18n.js';
import { register } from '../nav.js';
import { pageHead } from '../ui.js';

register('archive', () => ({
  el: h('section', { class: 'archive' }, pageHead(t('archive.title')), h('p', { class: 'note' }, t('archive.soon'))),
}));
