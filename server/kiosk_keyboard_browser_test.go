package server_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// inSightJS measures, for the focused field, the field itself and the
// button that sends its form ([data-submit] or .submit in its section):
// each must lie inside the viewport and the view's visible box, clear of
// the on-screen keyboard (above its top in portrait, left of it in
// landscape, where it docks beside the form), and be what a finger at its
// centre touches. It returns what is wrong.
const inSightJS = `(() => {
  const input = document.activeElement;
  if (!input || !input.matches('input, textarea')) return ['no field has the focus'];
  const section = input.closest('section');
  const submit = [...section.querySelectorAll('[data-submit], button.submit')].find((b) => !b.hidden && b.checkVisibility());
  if (!submit) return ['no submit button'];
  const kb = document.getElementById('keyboard');
  const k = kb.hidden ? null : kb.getBoundingClientRect();
  const v = document.getElementById('view').getBoundingClientRect();
  const portrait = innerHeight > innerWidth;
  const out = [];
  for (const [name, el] of [['field', input], ['submit', submit]]) {
    const r = el.getBoundingClientRect();
    const at = name + ' [' + [r.left, r.top, r.right, r.bottom].map(Math.round) + ']';
    if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) out.push(at + ' is outside the viewport');
    if (r.top < v.top - 0.5 || r.bottom > v.bottom + 0.5) out.push(at + ' is scrolled out of the view [' + Math.round(v.top) + ', ' + Math.round(v.bottom) + ']');
    if (k && portrait && r.bottom > k.top + 0.5) out.push(at + ' is not above the keyboard (top ' + Math.round(k.top) + ')');
    if (k && !portrait && r.right > k.left + 0.5) out.push(at + ' is not left of the keyboard (left ' + Math.round(k.left) + ')');
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!hit || !(el === hit || el.contains(hit))) out.push(at + ' is covered by ' + (hit ? hit.tagName + '.' + hit.className : 'nothing'));
  }
  return out;
})()`

// settled waits three animation frames: the keyboard has been drawn and
// the view scrolled (reveal.js waits two), before the next look or tap.
func settled() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := chromedp.Evaluate[bool](`(window.__frames = 0, requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => { window.__frames = 3; }))), true)`)(ctx, t); err != nil {
			return err
		}
		_, err := browsertest.WaitJS(`window.__frames === 3`)(ctx, t)
		return err
	})
}

// keyboardWait is how long the layout may take to settle after a tap.
const keyboardWait = 3 * time.Second

// swipeUncoverJS scrolls the view, as a finger swiping up would, when the
// field sel lies under the submit bar that floats at the foot of a long
// form (kiosk.css): a citizen moves it into sight before tapping it.
const swipeUncoverJS = `(() => {
  const el = document.querySelector(%q);
  el.scrollIntoViewIfNeeded(true);
  const r = el.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  if (hit && !el.contains(hit) && hit.closest('.buttons, button.submit, .go')) {
    document.getElementById('view').scrollTop += r.bottom - hit.closest('.buttons, button.submit, .go').getBoundingClientRect().top + 24;
  }
  return true;
})()`

// focusInSight taps the field sel and checks, once the keyboard (or the
// archive's inline keypad) is up, that the field and its submit button
// are in sight (inSightJS).
func focusInSight(t *testing.T, b *browsertest.Browser, where, sel string) {
	t.Helper()
	b.Do(browsertest.WaitJS(fmt.Sprintf(swipeUncoverJS, sel)))
	b.Do(tap(sel), browsertest.WaitJS(fmt.Sprintf(`document.activeElement === document.querySelector(%q)`, sel)), settled())
	var v []string
	for start := time.Now(); ; time.Sleep(50 * time.Millisecond) {
		if v = browsertest.Eval[[]string](b, inSightJS); len(v) == 0 || time.Since(start) > keyboardWait {
			break
		}
	}
	for _, p := range v {
		t.Errorf("%s, %s: %s", where, sel, p)
	}
}

// kioskForm is one form of the kiosk and how to get to its fields.
type kioskForm struct {
	name   string
	open   []chromedp.Action[chromedp.Void]
	fields []string
	// then, when set, moves on (a next step) before the next fields.
	steps []kioskStep
}

type kioskStep struct {
	next   []chromedp.Action[chromedp.Void]
	fields []string
}

// nameDataset makes an archive dataset keyed by a name (typed on the
// keyboard) and the ID number's last six digits (typed on the inline
// keypad), and returns its ID.
func nameDataset(t *testing.T, s *servertest.Server) int64 {
	t.Helper()
	s.User(t, "root", auth.RoleAdmin)
	adm := s.Login(t, "root", "root-password-1")
	in := archive.DatasetInput{Name: "人员编制档案", Published: true, Definition: archive.Definition{
		Fields: []archive.Field{{Name: "name", Label: "姓名", Kind: privacy.KindName, Shown: true}, {Name: "id_number", Label: "身份证号", Kind: privacy.KindID18, Shown: true}},
		Keys: []archive.QueryKey{
			{Name: "name", Label: "姓名", Field: "name", Keypad: archive.KeypadName},
			{Name: "code", Label: "人员编码", Field: "id_number", Keypad: archive.KeypadAlnum},
			{Name: "id_last6", Label: "身份证号后六位", Field: "id_number", Last: 6, Keypad: archive.KeypadDigits},
		},
	}}
	var ds archive.Dataset
	res := adm.Do("POST", "/api/admin/archive/datasets", in)
	if res.Status != http.StatusCreated {
		t.Fatalf("dataset: %d %s", res.Status, res.Body)
	}
	res.JSON(t, &ds)
	var im archive.Import
	upload(t, s, adm, ds.ID, "人员.csv", []byte("姓名,身份证号\n张伟,11010519491231002X\n"), "replace").JSON(t, &im)
	if im = waitImport(t, adm, im.ID); im.State != archive.StateLive {
		t.Fatalf("import: %+v", im)
	}
	return ds.ID
}

// Issue 17, point 9: at 1920×1080 and 1080×1920, in every form of the
// kiosk, focusing each field leaves it and the form's submit button in
// sight: inside the viewport, clear of the keyboard, touchable. In
// portrait the keyboard sits under the view; in landscape it docks beside
// it (kiosk.css).
func TestKioskKeyboardNeverCoversFieldsInBrowser(t *testing.T) {
	s := servertest.Start(t)
	sampleContent(t, s)
	ds := nameDataset(t, s)
	forms := []kioskForm{
		{name: "search", open: []chromedp.Action[chromedp.Void]{tap(`[data-tile="search"]`)}, fields: []string{`#q`}},
		{name: "suggest", open: []chromedp.Action[chromedp.Void]{tap(`[data-tile="suggest"]`)},
			fields: []string{`[data-field="body"] textarea`, `[data-field="phone"] input`}},
		{name: "rate", open: []chromedp.Action[chromedp.Void]{tap(`[data-tile="rate"]`)},
			fields: []string{`[data-field="comment"] textarea`, `[data-field="case_no"] input`}},
		{name: "status", open: []chromedp.Action[chromedp.Void]{tap(`[data-tile="status"]`)},
			fields: []string{`[data-field="tracking_no"] input`, `[data-field="key"] input`}},
		{name: "apply", open: []chromedp.Action[chromedp.Void]{tap(`[data-tile="apply"]`)},
			fields: []string{`[data-field="name"] input`, `[data-field="id_number"] input`, `[data-field="phone"] input`},
			steps: []kioskStep{
				{next: []chromedp.Action[chromedp.Void]{tap(`[data-name="applicant_type"] [data-value="organisation"]`)},
					fields: []string{`[data-field="name"] input`, `[data-field="org_code"] input`, `[data-field="legal_rep"] input`, `[data-field="contact_name"] input`, `[data-field="phone"] input`}},
				{next: []chromedp.Action[chromedp.Void]{tap(`.apply .next`)}, fields: []string{`[data-field="address"] textarea`, `[data-field="postcode"] input`, `[data-field="email"] input`}},
				{next: []chromedp.Action[chromedp.Void]{tap(`.apply .next`)}, fields: []string{`[data-field="description"] textarea`, `[data-field="doc_ref"] input`}},
			}},
		{name: "archive", open: []chromedp.Action[chromedp.Void]{tap(`[data-tile="archive"]`), tap(fmt.Sprintf(`.datasets [data-dataset="%d"]`, ds))},
			fields: []string{`#key-name`, `#key-code`, `#key-id_last6`}},
	}
	for _, size := range [][2]int{{1920, 1080}, {1080, 1920}} {
		for _, elderly := range []bool{false, true} {
			t.Run(fmt.Sprintf("%dx%d elderly=%v", size[0], size[1], elderly), func(t *testing.T) {
				b := kioskBrowser(t, s, size[0], size[1])
				for _, f := range forms {
					b.Do(tap(`#home-btn`))
					if elderly && !strings.Contains(browsertest.Eval[string](b, `document.body.className`), "elderly") {
						b.Do(tap(`#elderly-btn`))
					}
					b.Do(f.open...)
					steps := append([]kioskStep{{fields: f.fields}}, f.steps...)
					for i, st := range steps {
						b.Do(st.next...)
						for j, sel := range st.fields {
							focusInSight(t, b, f.name, sel)
							if j == 0 {
								b.Screenshot(fmt.Sprintf("kiosk-keyboard-%s-%d-first-%dx%d%s", f.name, i+1, size[0], size[1], map[bool]string{true: "-elderly"}[elderly]))
								checkR10(t, b, f.name+" with the keyboard")
							}
						}
						b.Screenshot(fmt.Sprintf("kiosk-keyboard-%s-%d-%dx%d%s", f.name, i+1, size[0], size[1], map[bool]string{true: "-elderly"}[elderly]))
					}
					// Done, if the last field used the keyboard (not the
					// archive's inline keypad).
					b.Do(browsertest.WaitJS(`(() => { const d = document.querySelector('#keyboard [data-key="done"]'); if (d) d.click(); return true; })()`))
				}
				b.NoErrors()
			})
		}
	}
}
