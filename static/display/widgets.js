// widgets: the texts of the playlist's widgets and of a notice's 公示
// countdown, shared by the strip and big-screen renderers, and the clock
// that updates every [data-clock] element once a second.
import { lang, t } from '/assets/shared/i18n.js';
import { now, parts } from '/assets/shared/clock.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

// face returns what a clock shows of a time (default: the server's now)
// in the hall's zone: {time: "HH:MM:SS", hm: "HH:MM", date: "YYYY-MM-DD",
// cdate: "2026年11月23日", weekday: "星期一"}.
export function face(ms = now()) {
  const p = parts(ms);
  const en = lang() === 'en';
  return {
    time: `${p.hour}:${p.minute}:${p.second}`, hm: `${p.hour}:${p.minute}`, date: `${p.year}-${p.month}-${p.day}`,
    cdate: en ? `${p.year}-${p.month}-${p.day}` : `${p.year}年${Number(p.month)}月${Number(p.day)}日`,
    weekday: en ? DAYS[p.weekday] || '' : t('weekday', { d: t('weekdays')[p.weekday] || '' }),
  };
}

// tick fills every [data-clock="time|hm|date|cdate|weekday"] under root.
export function tick(root = document) {
  const c = face();
  for (const el of root.querySelectorAll('[data-clock]')) {
    const v = c[el.dataset.clock] || '';
    if (el.textContent !== v) el.textContent = v;
  }
}

let timer;

// startClock updates the clocks on every second boundary.
export function startClock() {
  clearTimeout(timer);
  const step = () => {
    tick();
    timer = setTimeout(step, 1000 - (now() % 1000) + 5);
  };
  step();
}

// countdown describes a notice's 公示 period: {until, left, n} or null when
// it has none. "left" prefers working days (R7) and falls back to days.
export function countdown(n) {
  if (!n || !n.notice_end) return null;
  const until = t('countdown.until', { date: n.notice_end }) + (n.notice_end_provisional ? t('countdown.provisional') : '');
  let left = '';
  let num = null;
  if (Number.isFinite(n.workdays_left)) {
    num = n.workdays_left;
    left = num > 0 ? t('countdown.left', { n: num }) : t('countdown.last');
  } else if (Number.isFinite(n.days_left)) {
    num = n.days_left;
    left = num > 0 ? t('countdown.days', { n: num }) : t('countdown.last');
  }
  return { until, left, n: num, unit: Number.isFinite(n.workdays_left) ? 'workdays' : 'days' };
}

// statsParts returns the figures of the stats widget as [label, value,
// unit]: a queue's waiting and served, today's ratings and satisfaction.
export function statsParts(s) {
  s = s || {};
  const out = [];
  if (Number.isFinite(s.waiting)) out.push([t('stats.waiting'), String(s.waiting), t('stats.people')]);
  if (Number.isFinite(s.rated_today)) out.push([t('stats.rated'), String(s.rated_today), t('stats.times')]);
  if (Number.isFinite(s.served_today)) out.push([t('stats.served'), String(s.served_today), t('stats.items')]);
  if (Number.isFinite(s.satisfaction)) out.push([t('stats.satisfaction'), (s.satisfaction * 100).toFixed(s.satisfaction >= 0.995 ? 0 : 1) + '%', '']);
  return out;
}

// stripText is the one-line marquee text of an item on a strip.
export function stripText(item) {
  const n = item.notice;
  switch (item.type) {
    case 'notice': {
      const cd = countdown(n);
      const head = n.led_text || [n.title, n.text].filter(Boolean).join('：');
      return cd ? `${head}　${cd.until}　${cd.left}` : head;
    }
    case 'countdown': {
      const cd = countdown(n);
      return cd ? `${n.title}　${cd.until}　${cd.left}` : (n && n.title) || '';
    }
    case 'ticker':
      return item.text || '';
    case 'stats':
      return statsParts(item.stats).map((p) => p.join(' ')).join('　');
    default:
      return item.text || '';
  }
}
