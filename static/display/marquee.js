// marquee: scrolling of text that is wider than its box. LED strips move
// in whole pixels (steps) at chars_per_second; tickers glide.
const HOLD_MS = 1000;

// fit makes the first child of box scroll horizontally when it is wider
// than box: it holds at the start, scrolls to the end at pxPerSecond,
// holds, and starts again. It returns the animation, or null when the text
// fits.
export function fit(box, pxPerSecond, { pixelSteps = false } = {}) {
  const inner = box.firstElementChild;
  if (!inner) return null;
  const dist = Math.ceil(inner.scrollWidth - box.clientWidth);
  if (dist <= 1) {
    box.classList.remove('scrolling');
    return null;
  }
  box.classList.add('scrolling');
  const scroll = (dist / pxPerSecond) * 1000;
  const total = HOLD_MS + scroll + HOLD_MS;
  const a = HOLD_MS / total;
  const b = (HOLD_MS + scroll) / total;
  return inner.animate([
    { transform: 'translateX(0)', offset: 0 },
    { transform: 'translateX(0)', offset: a, easing: pixelSteps ? `steps(${dist}, end)` : 'linear' },
    { transform: `translateX(-${dist}px)`, offset: b },
    { transform: `translateX(-${dist}px)`, offset: 1 },
  ], { duration: total, iterations: Infinity });
}

// loop scrolls a ticker track forever: the track holds its text twice, and
// moves by one copy at pxPerSecond.
export function loop(track, pxPerSecond) {
  const copy = track.firstElementChild;
  if (!copy) return null;
  const w = copy.getBoundingClientRect().width;
  if (w <= 0) return null;
  return track.animate([{ transform: 'translateX(0)' }, { transform: `translateX(-${w}px)` }],
    { duration: (w / pxPerSecond) * 1000, iterations: Infinity });
}

// scrollUp scrolls a tall body up within its box over durationMs, holding
// at the top for the first fifth and at the bottom for the last tenth.
export function scrollUp(box, durationMs) {
  const inner = box.firstElementChild;
  if (!inner) return null;
  const dist = Math.ceil(inner.scrollHeight - box.clientHeight);
  if (dist <= 2 || !(durationMs > 0)) return null;
  return inner.animate([
    { transform: 'translateY(0)', offset: 0 },
    { transform: 'translateY(0)', offset: 0.2 },
    { transform: `translateY(-${dist}px)`, offset: 0.9 },
    { transform: `translateY(-${dist}px)`, offset: 1 },
  ], { duration: durationMs, fill: 'forwards' });
}
