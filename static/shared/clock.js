// clock: the server's clock, the one clock of every page. No page takes a
// date or a time of day from the browser's own clock: the server gives its
// reading {now, today, timezone} (/api/admin/me, the kiosk's /config, the
// hello of screens and kiosks), sync() measures the offset between it and
// the browser's clock at that moment, and now() ticks on as the browser's
// clock plus that offset. Dates and times are formatted here, in the hall's
// zone. Durations (idle timers, retries) may still use the browser's
// relative time.

let offset = 0; // server ms minus browser ms at the last reading
let zone; // the hall's IANA zone
let kept = null; // localStorage key of a clock that survives restarts

// sync takes a reading of the server's clock: {now: RFC 3339, today:
// "YYYY-MM-DD", timezone: IANA name}. today is the date of now in the zone,
// so today() agrees with the server's today until midnight in the hall.
export function sync(reading) {
  if (!reading) return;
  const ms = Date.parse(reading.now);
  if (!Number.isNaN(ms)) offset = ms - Date.now();
  if (reading.timezone) zone = reading.timezone;
  if (kept) {
    try { localStorage.setItem(kept, JSON.stringify({ offset, zone })); } catch (e) { /* storage full or off */ }
  }
}

// keep makes the clock outlive the page: it restores the offset and zone
// last saved under key and saves each new reading (a screen that restarts
// without its server still shows the server's time).
export function keep(key) {
  kept = key;
  try {
    const saved = JSON.parse(localStorage.getItem(key) || '{}');
    offset = Number(saved.offset) || 0;
    zone = saved.zone || undefined;
  } catch (e) { /* nothing saved */ }
}

// now returns the server's current time in milliseconds.
export function now() {
  return Date.now() + offset;
}

// timeZone returns the hall's zone (undefined before the first reading).
export function timeZone() {
  return zone;
}

// iso returns a time (default: now) as an ISO string in UTC.
export function iso(ms = now()) {
  return new Date(ms).toISOString();
}

let formatter = null;

function format() {
  if (!formatter || formatter.zone !== zone) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      second: '2-digit', weekday: 'short', hourCycle: 'h23',
    });
    formatter.zone = zone;
  }
  return formatter;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

// parts returns the wall time of a time (ms, an ISO string or a Date;
// default now) in the hall's zone: year, month, day, hour, minute and
// second as zero-padded strings, weekday 0 (Sunday) to 6.
export function parts(t = now()) {
  const out = {};
  for (const p of format().formatToParts(new Date(t))) out[p.type] = p.value;
  out.weekday = DAYS.indexOf(out.weekday);
  return out;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// fmtDate formats a time as YYYY-MM-DD in the hall's zone; a date
// (YYYY-MM-DD) stays as it is; empty gives "".
export function fmtDate(t) {
  if (t === undefined || t === null || t === '') return '';
  if (typeof t === 'string' && DATE.test(t)) return t;
  const p = parts(t);
  return `${p.year}-${p.month}-${p.day}`;
}

// fmtTime formats a time as YYYY-MM-DD HH:MM(:SS) in the hall's zone.
export function fmtTime(t, withSeconds) {
  if (t === undefined || t === null || t === '') return '';
  const p = parts(t);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` + (withSeconds ? ':' + p.second : '');
}

// today returns the server's date (YYYY-MM-DD) in the hall's zone.
export function today() {
  return fmtDate(now());
}

// addDays returns the date n days after a date (both YYYY-MM-DD).
export function addDays(date, n) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

// toLocalInput formats a time as the value of a datetime-local input
// (YYYY-MM-DDTHH:MM), in the hall's zone.
export function toLocalInput(t) {
  if (!t) return '';
  const p = parts(t);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

// fromLocalInput reads a datetime-local input's value as a wall time in
// the hall's zone and returns it as an ISO string ("" gives null).
export function fromLocalInput(v) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(v || '');
  if (!m) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0));
  // The zone's offset at the guess, then again at the result (a change of
  // offset between the two moves the result once more).
  let ms = wall - zoneOffset(wall);
  const again = zoneOffset(ms);
  if (again !== wall - ms) ms = wall - again;
  return new Date(ms).toISOString();
}

// zoneOffset returns the hall's zone's offset from UTC at ms, in ms.
function zoneOffset(ms) {
  const p = parts(ms);
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - whole;
}
