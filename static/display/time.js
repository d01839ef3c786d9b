// time: the screen's clock. It follows the server's time (the offset
// learnt from hello.server_time, kept across restarts) and zone, so a
// player PC with a wrong clock still shows the right time and ends
// emergencies and standby when the server meant.
import { lang, t } from '/assets/shared/i18n.js';

const KEY = 'hallcast.display.clock';
let offset = 0;
let zone;

try {
  const saved = JSON.parse(localStorage.getItem(KEY) || '{}');
  offset = Number(saved.offset) || 0;
  zone = saved.zone || undefined;
} catch (e) { /* no saved clock */ }

// sync takes hello.server_time and hello.timezone.
export function sync(serverTime, timezone) {
  const st = Date.parse(serverTime);
  if (!Number.isNaN(st)) offset = st - Date.now();
  if (timezone) zone = timezone;
  localStorage.setItem(KEY, JSON.stringify({ offset, zone }));
}

// now returns the server's current time in milliseconds.
export function now() {
  return Date.now() + offset;
}

// iso returns the server's current time as an ISO string.
export function iso(ms = now()) {
  return new Date(ms).toISOString();
}

function parts(ms) {
  const out = {};
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    second: '2-digit', weekday: 'short', hourCycle: 'h23',
  });
  for (const p of f.formatToParts(new Date(ms))) out[p.type] = p.value;
  return out;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

// clock returns {time: "HH:MM:SS", hm: "HH:MM", date: "YYYY-MM-DD",
// cdate: "2026年11月23日", weekday: "星期一"} in the server's zone.
export function clock(ms = now()) {
  const p = parts(ms);
  const d = DAYS.indexOf(p.weekday);
  const wd = lang() === 'en' ? p.weekday : t('weekday', { d: t('weekdays')[d] || '' });
  return {
    time: `${p.hour}:${p.minute}:${p.second}`, hm: `${p.hour}:${p.minute}`, date: `${p.year}-${p.month}-${p.day}`,
    cdate: lang() === 'en' ? `${p.year}-${p.month}-${p.day}` : `${p.year}年${Number(p.month)}月${Number(p.day)}日`,
    weekday: wd,
  };
}

// today returns the server's date (YYYY-MM-DD) in its zone.
export function today() {
  return clock().date;
}
