// app: the display client of LED strips, LED walls and big screens. It
// pairs the screen when it has no token, then plays what it last received
// at once (offline first), connects the push channel (have=<version>, so
// an unchanged playlist is not sent again), and follows hello, playlist,
// notice, power, emergency and reload frames. It sends heartbeats and
// proof of play. See docs/protocol.md, "Screens".
import './messages.js';
import { ready } from '/assets/shared/dom.js';
import { apply } from '/assets/shared/i18n.js';
import { token, pair, forget } from '/assets/shared/device.js';
import { Push } from '/assets/shared/push.js';
import { load, save, forgetAll } from './store.js';
import { keep, sync } from '/assets/shared/clock.js';
import { startClock } from './widgets.js';
import { Rotation, onAir } from './rotation.js';
import * as played from './played.js';
import * as emergency from './emergency.js';
import * as power from './power.js';
import * as strip from './strip.js';
import * as big from './screen.js';

export const VERSION = '1.0.0';
const KIND = 'screen';
const started = Date.now();

// The screen follows the server's clock (learnt from hello), kept across
// restarts so that a player PC with a wrong clock still shows the right
// time and ends emergencies and standby when the server meant, offline too.
keep('hallcast.display.clock');

let hello = load('hello');
let playlist = load('playlist');
let profile = null;
let slot = null;
let push = null;

// profileOf returns hello's profile, or one guessed from the window.
function profileOf(hi) {
  if (hi && hi.profile && hi.profile.kind) return hi.profile;
  const w = innerWidth, hgt = innerHeight;
  if (hgt <= 128) return { kind: 'led_strip', width: w, height: hgt, lines: hgt >= 64 ? 2 : 1, colors: 'red', glyph_px: 16, chars_per_second: 4 };
  return { kind: w >= hgt ? 'landscape' : 'portrait', width: w, height: hgt, colors: 'full' };
}

// layout sets up the stage for the profile.
function layout() {
  const p = profileOf(hello);
  const key = JSON.stringify(p) + '|' + (hello && hello.device);
  if (layout.key === key) return;
  layout.key = key;
  profile = p;
  const stage = document.getElementById('stage');
  document.body.className = 'p-' + p.kind;
  document.body.dataset.profile = p.kind;
  const fixed = p.kind === 'led_strip' || p.kind === 'led_wall';
  stage.style.width = fixed && p.width ? p.width + 'px' : '';
  stage.style.height = fixed && p.height ? p.height + 'px' : '';
  document.documentElement.style.setProperty('--w', (fixed && p.width ? p.width : innerWidth) + 'px');
  document.documentElement.style.setProperty('--h', (fixed && p.height ? p.height : innerHeight) + 'px');
  slot = p.kind === 'led_strip' ? stage : big.frame(stage, p, hello);
  tickers();
  rotation.redraw();
  emergency.redraw();
}

// tickers feeds the footer ticker of big screens.
function tickers() {
  if (profile && profile.kind !== 'led_strip' && profile.kind !== 'led_wall') {
    const items = (playlist && playlist.items) || [];
    big.ticker(document.getElementById('stage'), items.filter((it) => it.type === 'ticker' && onAir(it)).map((it) => it.text));
  }
}

const rotation = new Rotation({
  show: (item) => (profile.kind === 'led_strip' ? strip.render(slot, item, profile) : big.render(slot, item, profile)),
  played: (rec) => played.record(rec),
});

function visibility() {
  rotation.setVisible(power.current() === 'on' && !emergency.active());
}

function setPlaylist(pl) {
  playlist = pl;
  save('playlist', pl);
  if (pl.power) power.set(pl.power);
  tickers();
  rotation.setItems(pl.items || []);
}

// updateNotice replaces a notice in place in the items that show it.
function updateNotice(n) {
  if (!playlist || !n || !n.id) return;
  const items = (playlist.items || []).map((it) => (it.notice && it.notice.id === n.id ? Object.assign({}, it, { notice: n }) : it));
  setPlaylist(Object.assign({}, playlist, { items }));
}

function onMessage(msg) {
  const d = msg.data || {};
  switch (msg.type) {
    case 'hello':
      hello = d;
      save('hello', d);
      sync(d);
      push.heartbeatEvery && push.heartbeatEvery((d.heartbeat_seconds || 30) * 1000);
      layout();
      emergency.unconfirm();
      setTimeout(emergency.dropUnconfirmed, 3000);
      played.online((id, data) => push.send('played', id, data));
      break;
    case 'playlist':
      setPlaylist(d);
      push.sendHeartbeat(); // the server learns the new version at once
      break;
    case 'notice': updateNotice(d.notice); break;
    case 'power': power.set(d); visibility(); break;
    case 'emergency':
      emergency.show(Object.assign({ id: msg.id }, d));
      if (msg.id) ackLater(msg.id);
      break;
    case 'emergency_clear': emergency.clear(d.id || msg.id); break;
    case 'ack': played.acked(msg.id || d.id); break;
    case 'reload': location.reload(); break;
    default:
  }
}

// ackLater acknowledges an emergency 0.5–1.5 s after showing it, at
// random: every screen of a hall receives it in the same instant, and
// receipts spread over a second leave the server free to finish delivering
// it first (docs/protocol.md, "emergency"). The admin's count still fills
// within two seconds. Emergencies shown while an ack waits go in the same
// frame (32 ids a frame at most).
let unacked = [];
function ackLater(id) {
  unacked.push(id);
  if (unacked.length > 1) return; // the first one's timer sends them all
  setTimeout(() => {
    const ids = unacked;
    unacked = [];
    for (let i = 0; push && i < ids.length; i += 32) push.ack(ids[i], ids.slice(i + 1, i + 32));
  }, 500 + Math.random() * 1000);
}

function heartbeat() {
  return {
    item: rotation.playing(), version: (playlist && playlist.version) || '', resolution: `${innerWidth}x${innerHeight}`,
    client: VERSION, uptime_s: Math.round((Date.now() - started) / 1000), power: power.current(),
  };
}

// unpaired forgets everything and starts pairing again.
function unpaired() {
  forget(KIND);
  forgetAll();
  played.reset();
  location.replace('/display');
}

function connect() {
  push = new Push({
    kind: KIND, token: token(KIND), heartbeat, heartbeatMs: ((hello && hello.heartbeat_seconds) || 30) * 1000,
    query: () => (playlist && playlist.version ? 'have=' + encodeURIComponent(playlist.version) : ''),
    onMessage, onUnauthorized: unpaired,
    onState: (s) => {
      document.body.dataset.online = s === 'open' ? '1' : '0';
      document.getElementById('offline').hidden = s === 'open';
      if (s !== 'open') played.offline();
    },
  });
  push.start();
}

async function paired() {
  if (token(KIND)) return;
  const box = document.getElementById('pairing');
  box.hidden = false;
  document.body.className = 'pairing' + (innerHeight <= 128 ? ' tiny' : '');
  apply(box);
  await pair(KIND, { onCode: (code) => { document.getElementById('pair-code').textContent = code; } });
  box.hidden = true;
  document.body.className = '';
}

function registerWorker() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/display-sw.js', { scope: '/display' }).catch((e) => console.warn('display: no service worker', e));
}

async function main() {
  apply(document);
  registerWorker();
  await paired();
  startClock();
  layout();
  emergency.setup(() => profile, visibility);
  power.setup(visibility);
  if (playlist) setPlaylist(playlist);
  else rotation.next();
  addEventListener('resize', () => { layout.key = ''; layout(); });
  connect();
  ready();
}

main();
