package server_test

import (
	"testing"

	"github.com/hallcast/hallcast/server/browsertest"
)

// r10JS measures the page against R10: every visible text's font size and
// line spacing, the contrast of its colour on its effective background,
// and the box of every visible control. It returns the violations.
const r10JS = `(() => {
  const minTarget = document.body.classList.contains('elderly') ? 60 : 44;
  const minFont = document.body.classList.contains('elderly') ? 30 : 22;
  const lum = (c) => {
    const m = c.match(/[\d.]+/g).map(Number);
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return [0.2126 * f(m[0]) + 0.7152 * f(m[1]) + 0.0722 * f(m[2]), m.length > 3 ? m[3] : 1];
  };
  const bg = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (lum(c)[1] > 0.5) return c;
    }
    return 'rgb(255,255,255)';
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && r.bottom > 0 && r.top < innerHeight;
  };
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || seen.has(el) || !visible(el) || el.closest('[aria-hidden="true"], .receipt, svg')) continue;
    seen.add(el);
    const s = getComputedStyle(el);
    const fs = parseFloat(s.fontSize);
    const lh = s.lineHeight === 'normal' ? fs * 1.2 : parseFloat(s.lineHeight);
    const name = el.tagName + (el.id ? '#' + el.id : '') + '.' + el.className + ' "' + n.textContent.trim().slice(0, 12) + '"';
    if (fs < minFont) out.push('font ' + fs + 'px < ' + minFont + ': ' + name);
    if (lh / fs < 1.3 - 1e-6) out.push('line spacing ' + (lh / fs).toFixed(2) + ' < 1.3: ' + name);
    const [l1] = lum(s.color);
    const [l2] = lum(bg(el));
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    if (ratio < 4.5) out.push('contrast ' + ratio.toFixed(2) + ' < 4.5: ' + name + ' ' + s.color + ' on ' + bg(el));
  }
  for (const el of document.querySelectorAll('button, a[href], input, select, textarea, [role=button]')) {
    if (!visible(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < minTarget - 0.5 || r.height < minTarget - 0.5) {
      out.push('target ' + Math.round(r.width) + 'x' + Math.round(r.height) + ' < ' + minTarget + ': ' + el.tagName + '.' + el.className + ' "' + (el.textContent || el.id).trim().slice(0, 12) + '"');
    }
  }
  return out;
})()`

// checkR10 fails the test for every R10 violation on the current screen.
func checkR10(t *testing.T, b *browsertest.Browser, where string) {
	t.Helper()
	for _, v := range browsertest.Eval[[]string](b, r10JS) {
		t.Errorf("R10 on %s: %s", where, v)
	}
	if got := browsertest.Eval[int](b, `document.querySelectorAll('*').length`); got == 0 {
		t.Fatal("empty page")
	}
}
