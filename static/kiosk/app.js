// app: the kiosk's start. It pairs the device if it has no token, loads
// its configuration, builds the shell (home, back, elderly mode, language,
// finish) and connects the push channel (content changes, emergencies).
import './messages.js';
import { h, ready } from '/assets/shared/dom.js';
import { sync, now } from '/assets/shared/clock.js';
import { apply, lang, setLang, t } from '/assets/shared/i18n.js';
import { token, pair, forget } from '/assets/shared/device.js';
import { Push } from '/assets/shared/push.js';
import { kapi, ensureSession, endSession } from './api.js';
import { visit, wipe, onWipe, config } from './state.js';
import * as nav from './nav.js';
import * as idle from './idle.js';
import * as keyboard from './keyboard.js';
import * as handwriting from './handwriting.js';
import { icon } from './icons.js';
import './views/home.js';
import './views/browse.js';
import './views/notice.js';
import './views/search.js';
import './views/rate.js';
import './views/suggest.js';
import './views/apply.js';
import './views/status.js';
import './views/archive.js';

function setElderly(on) {
  document.body.classList.toggle('elderly', on);
  document.getElementById('elderly-btn').setAttribute('aria-pressed', on ? 'true' : 'false');
}

// finish ends the visit: the session, every trace of it, back home.
function finish() {
  endSession();
  keyboard.hide();
  wipe();
}

onWipe(() => {
  setElderly(false);
  if (lang() !== 'zh') setLang('zh');
  nav.home();
});

async function paired() {
  if (token('kiosk')) return;
  const box = document.getElementById('pairing');
  box.hidden = false;
  apply(box);
  await pair('kiosk', { onCode: (code) => { document.getElementById('pair-code').textContent = code; } });
  box.hidden = true;
}

function banner(msg) {
  const b = document.getElementById('banner');
  if (msg.type === 'emergency') {
    const d = msg.data || {};
    b.replaceChildren(icon('warn'), ' ', h('strong', {}, t('emergency') + '：'), d.text || d.title || '');
    b.dataset.id = msg.id || '';
    b.dataset.level = d.level || '';
    b.hidden = false;
    // An emergency with an expiry ends there even if its clear is missed.
    clearTimeout(b._expiry);
    const left = d.expires_at ? Date.parse(d.expires_at) - now() : 0;
    if (left > 0 && left < 2 ** 31) b._expiry = setTimeout(() => banner({ type: 'emergency_clear', data: { id: msg.id } }), left);
  } else if (!b.dataset.id || !msg.data || !msg.data.id || msg.data.id === b.dataset.id) {
    b.hidden = true;
    b.replaceChildren();
    b.dataset.id = '';
  }
}

function connect() {
  const push = new Push({
    kind: 'kiosk', token: token('kiosk'),
    heartbeat: () => ({ view: nav.currentName(), resolution: `${innerWidth}x${innerHeight}` }),
    onUnauthorized: () => { forget('kiosk'); location.replace('/kiosk'); },
    onMessage: (msg) => {
      if (msg.type === 'hello' && msg.data) {
        if (msg.data.idle) idle.configure(msg.data.idle);
        sync(msg.data);
      }
      if (msg.type === 'content') nav.refresh(msg.data);
      if (msg.type === 'emergency' || msg.type === 'emergency_clear') {
        banner(msg);
        if (msg.id) push.ack(msg.id);
      }
      if (msg.type === 'reload') location.reload();
    },
  });
  push.start();
}

async function main() {
  apply(document);
  await paired();
  Object.assign(config, await kapi('GET', '/config'));
  sync(config); // the kiosk's dates and times are the server's
  handwriting.check(); // whether the keyboard can offer handwriting
  idle.configure(config.idle);
  document.getElementById('home-btn').addEventListener('click', () => { keyboard.hide(); nav.home(); });
  document.getElementById('back-btn').addEventListener('click', () => { keyboard.hide(); nav.back(); });
  document.getElementById('done-btn').addEventListener('click', finish);
  document.getElementById('elderly-btn').addEventListener('click', () => setElderly(!document.body.classList.contains('elderly')));
  document.getElementById('lang-btn').addEventListener('click', () => setLang(lang() === 'zh' ? 'en' : 'zh'));
  document.addEventListener('langchange', () => { apply(document); nav.relabel(); });
  // No long-press menu, no text selection menu on a public screen.
  document.addEventListener('contextmenu', (e) => e.preventDefault());
  // A visit starts with the first touch after the home screen or a wipe.
  document.addEventListener('pointerdown', () => { if (!visit.session) ensureSession().catch(() => {}); }, { capture: true });
  idle.start(finish, () => !!visit.session || nav.currentName() !== 'home');
  nav.home();
  connect();
  ready();
}

main();
