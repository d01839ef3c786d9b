// Package browsertest drives a real headless Chromium with chromedp for
// page tests, records JavaScript errors, and saves screenshots.
//
// Chromium is found through HALLCAST_CHROMIUM or on the PATH (chromium,
// chromium-browser, google-chrome). Without it, browser tests skip with a
// message, unless HALLCAST_TEST_REQUIRE_BROWSER=1 (set in CI), which makes
// them fail. Screenshots go to HALLCAST_SCREENSHOT_DIR, default
// $TMPDIR/hallcast-screenshots.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Browser is one headless Chromium tab.
type Browser struct {
	Ctx  context.Context
	t    *testing.T
	mu   sync.Mutex
	errs []string
}

// ExecPath finds Chromium, or returns "".
func ExecPath() string {
	if p := os.Getenv("HALLCAST_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New starts Chromium with a viewport of width×height CSS pixels at scale
// 1. The browser closes at the end of the test.
func New(t *testing.T, width, height int) *Browser {
	t.Helper()
	path := ExecPath()
	if path == "" {
		if os.Getenv("HALLCAST_TEST_REQUIRE_BROWSER") == "1" {
			t.Fatal("Chromium is required (HALLCAST_TEST_REQUIRE_BROWSER=1) but was not found; install Debian's chromium or set HALLCAST_CHROMIUM")
		}
		t.Skip("Chromium not found: install chromium (and fonts-noto-cjk for Chinese text) or set HALLCAST_CHROMIUM to run browser tests")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-features", "Translate,MediaRouter,OptimizationHints"),
		chromedp.Flag("lang", "zh-CN"),
		chromedp.Flag("force-device-scale-factor", "1"),
		chromedp.WindowSize(width, height),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	b := &Browser{t: t}
	ctx, cancelCtx := chromedp.NewContext(actx, chromedp.WithListener(b.listen))
	b.Ctx = ctx
	t.Cleanup(func() {
		cancelCtx()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		t.Fatalf("start Chromium %s: %v", path, err)
	}
	return b
}

// listen records uncaught exceptions and console.error calls. It runs in
// the tab's event loop, so it only appends.
func (b *Browser) listen(ev any) {
	switch e := ev.(type) {
	case *runtime.EventExceptionThrown:
		d := e.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		b.addErr(fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber+1, msg))
	case *runtime.EventConsoleAPICalled:
		if e.Type == "error" {
			var parts []string
			for _, a := range e.Args {
				if len(a.Value) > 0 {
					parts = append(parts, strings.Trim(string(a.Value), `"`))
				} else {
					parts = append(parts, a.Description)
				}
			}
			b.addErr("console.error: " + strings.Join(parts, " "))
		}
	}
}

func (b *Browser) addErr(s string) {
	b.mu.Lock()
	b.errs = append(b.errs, s)
	b.mu.Unlock()
}

// Errors returns the JavaScript errors seen so far.
func (b *Browser) Errors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.errs...)
}

// NoErrors fails the test if the page logged errors, ignoring those that
// contain one of the allowed substrings (expected failed requests).
func (b *Browser) NoErrors(allowed ...string) {
	b.t.Helper()
outer:
	for _, e := range b.Errors() {
		for _, a := range allowed {
			if strings.Contains(e, a) {
				continue outer
			}
		}
		b.t.Errorf("JavaScript error in the page: %s", e)
	}
}

// Do runs actions in order with a 30 s deadline, failing the test on error.
func (b *Browser) Do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.Ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatalf("browser: %v (page errors: %v)", err, b.Errors())
	}
}

// Eval evaluates a JavaScript expression and decodes its value as T.
func Eval[T any](b *Browser, expr string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.Ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("browser: evaluate %s: %v (page errors: %v)", expr, err, b.Errors())
	}
	return v
}

// Text returns the text content of the first element matching the CSS
// selector, waiting for it to be ready.
func (b *Browser) Text(sel string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.Ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("browser: text of %s: %v (page errors: %v)", sel, err, b.Errors())
	}
	return v
}

// ScreenshotDir is where screenshots are written.
func ScreenshotDir() string {
	if d := os.Getenv("HALLCAST_SCREENSHOT_DIR"); d != "" {
		return d
	}
	return filepath.Join(os.TempDir(), "hallcast-screenshots")
}

// Screenshot saves the viewport as <dir>/<name>.png and returns the path.
func (b *Browser) Screenshot(name string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.Ctx, 30*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatalf("browser: screenshot: %v", err)
	}
	dir := ScreenshotDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.t.Fatal(err)
	}
	p := filepath.Join(dir, name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot: %s", p)
	return p
}

// WaitText waits until the first element matching the CSS selector
// contains text. Like every wait here, it survives navigations.
func WaitText(sel, text string) chromedp.Action[chromedp.Void] {
	return WaitJS(fmt.Sprintf(`(() => { const el = document.querySelector(%q); return !!el && el.textContent.includes(%q); })()`, sel, text))
}

// WaitJS waits, up to 20 s, until the JavaScript expression is truthy. It
// evaluates the expression again every 50 ms, also across page loads.
func WaitJS(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		js := "!!(" + expr + ")"
		var last error
		for {
			ok, err := chromedp.Evaluate[bool](js)(ctx, t)
			if err == nil && ok {
				return nil
			}
			if err != nil {
				last = err
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("waiting for %s: %w (last error: %v)", expr, ctx.Err(), last)
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
}

// WaitReady waits until the page called ready() from /assets/shared/dom.js:
// its scripts ran and its first data is shown.
func WaitReady() chromedp.Action[chromedp.Void] {
	return WaitJS(`document.documentElement.dataset.ready === '1'`)
}
