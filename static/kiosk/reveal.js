// reveal: keeps the field being typed into, and the button that sends its
// form, in sight while the on-screen keyboard is open. The keyboard never
// lies over the page: it takes its own place in the layout (kiosk.css,
// "The on-screen keyboard"), under the view in portrait and beside it in
// landscape, so the view is what is left of the screen. This scrolls the
// view so that the field (with its label) and the form's submit button
// are both inside it; the fields between them are then in sight too, so
// the next one can be tapped. When both cannot fit (a long step of the
// application in elderly mode), the submit button stays at the foot of
// the view anyway (it is sticky while the keyboard is open, kiosk.css)
// and the field is kept above it.

const MARGIN = 12;

function shown(el) {
  return el && !el.hidden && el.checkVisibility() && el.getBoundingClientRect().height > 0;
}

// submitFor is the visible button that sends input's form: a
// [data-submit] or .submit button of its section.
export function submitFor(input) {
  const scope = input.closest('section') || document.getElementById('view');
  return [...scope.querySelectorAll('[data-submit], button.submit')].find(shown) || null;
}

// fieldBox is what must stay in sight of a field: its label, the input
// and its error line, or the search bar it sits in.
function fieldBox(input) {
  return input.closest('.field') || input.closest('.search-bar') || input;
}

// stickyBar is the sticky element that holds btn (the button itself or
// its row of buttons), or null.
function stickyBar(btn) {
  for (let el = btn; el && el.id !== 'view'; el = el.parentElement) {
    if (getComputedStyle(el).position === 'sticky') return el;
  }
  return null;
}

// reveal scrolls the view to show input's field and its submit button.
export function reveal(input) {
  const view = document.getElementById('view');
  if (!input || !input.isConnected || !view.contains(input)) return;
  const box = view.getBoundingClientRect();
  const top = box.top + MARGIN;
  let bottom = box.bottom - MARGIN;
  const f = fieldBox(input).getBoundingClientRect();
  let lo = f.top;
  let hi = f.bottom;
  const btn = submitFor(input);
  const bar = btn && !fieldBox(input).contains(btn) ? stickyBar(btn) : null;
  if (bar) {
    // The bar floats at the foot of the view: the field goes above it.
    bottom -= bar.getBoundingClientRect().height + MARGIN;
  } else if (btn) {
    const s = btn.getBoundingClientRect();
    if (Math.max(hi, s.bottom) - Math.min(lo, s.top) <= bottom - top) {
      lo = Math.min(lo, s.top);
      hi = Math.max(hi, s.bottom);
    }
  }
  let d = 0;
  if (bar) {
    // Field at the top: the fields after it show between it and the
    // bar, ready to be tapped next.
    d = lo - top;
  } else {
    if (hi > bottom) d = hi - bottom;
    if (lo - d < top) d = lo - top;
  }
  if (d) view.scrollTop += d;
}

// revealSoon reveals input once the layout has followed a change (the
// keyboard opening, a layer of another height).
export function revealSoon(input) {
  requestAnimationFrame(() => requestAnimationFrame(() => reveal(input)));
}
