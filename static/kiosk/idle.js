// idle: after idleSeconds without a touch, a warning counts down
// warningSeconds (at least 20, R10) with a big Continue button; then the
// visit is wiped and the home screen returns. Nothing is wiped while the
// kiosk sits untouched on its home screen with no visit.
const cfg = { idle: 90, warning: 30 };
let last = Date.now();
let warningSince = 0;
let ticker = null;
let onExpire = () => {};
let active = () => true;

export function configure({ idle_seconds: idle, warning_seconds: warning }) {
  cfg.idle = idle || cfg.idle;
  cfg.warning = Math.max(20, warning || cfg.warning);
}

function overlay() {
  return document.getElementById('idle');
}

export function touch() {
  last = Date.now();
  if (warningSince) {
    warningSince = 0;
    overlay().hidden = true;
  }
}

function tick() {
  const now = Date.now();
  if (!active()) {
    last = now;
    return;
  }
  if (!warningSince && now - last >= cfg.idle * 1000) {
    warningSince = now;
    overlay().hidden = false;
    document.getElementById('idle-continue').focus();
  }
  if (warningSince) {
    const left = Math.max(0, Math.ceil(cfg.warning - (now - warningSince) / 1000));
    document.getElementById('idle-count').textContent = String(left);
    if (left === 0) {
      warningSince = 0;
      overlay().hidden = true;
      last = now;
      onExpire();
    }
  }
}

// start watches touches; expire runs when the warning ran out; isActive
// says whether there is a visit worth warning about.
export function start(expire, isActive) {
  onExpire = expire;
  active = isActive;
  for (const ev of ['pointerdown', 'keydown', 'wheel', 'touchstart']) {
    document.addEventListener(ev, (e) => {
      // A touch on the warning itself only counts through its button.
      if (warningSince && overlay().contains(e.target) && e.target.id !== 'idle-continue') return;
      touch();
    }, { capture: true, passive: true });
  }
  // Scrolls are not counted: a visitor's scroll starts with a touch, a
  // pointer, the wheel or a key (counted above), while the page also
  // scrolls on its own (a redraw, the keyboard closing), which must not
  // keep a forgotten visit alive.
  document.getElementById('idle-continue').addEventListener('click', touch);
  clearInterval(ticker);
  ticker = setInterval(tick, 250);
}

export function warningShown() {
  return warningSince !== 0;
}
