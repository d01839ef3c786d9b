package server_test

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// decodeQR reads the one QR code in a PNG with a QR decoding library
// (gozxing, a port of ZXing).
func decodeQR(t *testing.T, file string) string {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true})
	if err != nil {
		t.Fatalf("no QR code found in %s: %v", file, err)
	}
	return res.GetText()
}

// TestDisplayShowsNoticeQRCode plays a notice on a 1920×1080 screen,
// decodes the QR code on the screenshot and opens the URL it holds: the
// notice's public page. A strip shows none.
func TestDisplayShowsNoticeQRCode(t *testing.T) {
	s := servertest.Start(t)
	group, notice := displayHall(t, s)
	b := displayBrowser(t, s, "一楼大厅东侧大屏", screenProfiles["land"], []int64{group})
	b.Do(browsertest.WaitJS(fmt.Sprintf(`document.body.dataset.item === 'n%d' && (() => { const i = document.querySelector('.qr-box img'); return i && i.complete && i.naturalWidth > 0; })()`, notice)))
	box := browsertest.Eval[map[string]float64](b, `(() => { const r = document.querySelector('.qr-box img').getBoundingClientRect(); return {w: r.width, h: r.height, x: r.x, y: r.y, n: document.querySelector('.qr-box img').naturalWidth}; })()`)
	// 37 modules (version 3 with its quiet zone) of 8 px on a 1080p screen.
	if box["n"] != 37 || box["w"] != 296 || box["x"]+box["w"] > 1920 || box["y"]+box["h"] > 1080 {
		t.Errorf("QR code box %v", box)
	}
	shot := b.Screenshot("display-land-notice-qr")
	got := decodeQR(t, shot)
	want := s.URL + "/gk/n/" + itoa(notice)
	if got != want {
		t.Fatalf("QR code holds %q, want %q", got, want)
	}
	res := s.Client(t).Do("GET", strings.TrimPrefix(got, s.URL), nil)
	if res.Status != http.StatusOK || !strings.Contains(string(res.Body), "关于2026年城乡低保对象名单的公示") {
		t.Fatalf("the QR code's page: %d %.300s", res.Status, res.Body)
	}
	b.NoErrors()

	strip := displayBrowser(t, s, "门口条屏", screenProfiles["strip256"], []int64{group})
	strip.Do(browsertest.WaitJS(fmt.Sprintf(`document.body.dataset.item === 'n%d'`, notice)))
	if browsertest.Eval[bool](strip, `!!document.querySelector('.qr-box, img')`) {
		t.Error("an LED strip shows a QR code")
	}
	strip.NoErrors()
}

var mediaBox = regexp.MustCompile(`/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]`)

// printPDF prints the page shown as Chromium's print does, with the
// page's CSS page size, saves it next to the screenshots and returns it.
func printPDF(t *testing.T, b *browsertest.Browser, name string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.Ctx, 60*time.Second)
	defer cancel()
	yes := true
	res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &yes, PrintBackground: &yes})
	if err != nil {
		t.Fatalf("print: %v", err)
	}
	dir := browsertest.ScreenshotDir()
	_ = os.MkdirAll(dir, 0o755)
	if err := os.WriteFile(filepath.Join(dir, name+".pdf"), res.Data, 0o644); err != nil {
		t.Fatal(err)
	}
	return res.Data
}

// TestBoardPrintLayouts prints the A4 and the A3 layout of a 公示 with a
// 12-row table for a 公开栏 board, checks the PDF's paper size, and reads
// the print DOM back: the title, every row, the period in full, the
// issuing organisation, the seal box and the QR code. Then the week's
// batch for a board.
func TestBoardPrintLayouts(t *testing.T) {
	s := servertest.Start(t)
	p := newPublisher(t, s)
	board := publishBoardNotice(t, p)
	p.publish(map[string]any{"title": "关于石桥村村务公开的公告", "kind": "announcement", "category_id": p.category("SHJZ"),
		"body": "本季度村级财务收支情况已张贴于村公开栏。"})
	waitIndexed(t, s, 2)
	b := browsertest.New(t, 1240, 1754)
	paper := map[string][2]float64{"a4": {595.28, 841.89}, "a3": {841.89, 1190.55}}
	for _, size := range []string{"a4", "a3"} {
		b.Do(emulationMedia(""), chromedp.Navigate(s.URL+"/gk/n/"+itoa(board)+"/print?size="+size),
			browsertest.WaitJS(`document.querySelector('.sheet img').complete && document.querySelector('.sheet img').naturalWidth > 0`))
		pdf := printPDF(t, b, "site-print-"+size)
		m := mediaBox.FindSubmatch(pdf)
		if m == nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatalf("%s: not a PDF with a MediaBox", size)
		}
		w, _ := strconv.ParseFloat(string(m[1]), 64)
		h, _ := strconv.ParseFloat(string(m[2]), 64)
		if want := paper[size]; abs(w-want[0]) > 2 || abs(h-want[1]) > 2 {
			t.Errorf("%s: paper %.1f×%.1f pt, want %.1f×%.1f", size, w, h, want[0], want[1])
		}
		b.Do(emulationMedia("print"))
		b.Screenshot("site-print-" + size)
		text := browsertest.Eval[string](b, `document.querySelector('.sheet').innerText`)
		for _, want := range []string{boardTitle, "公示期：" + zhSpan(today(s), periodEnd(t, s, today(s), 7, calendar.UnitWorkdays)), "县民政局", "（盖章）", "扫码查看全文", s.URL + "/gk/n/" + itoa(board)} {
			if !strings.Contains(text, want) {
				t.Errorf("%s print: %q missing", size, want)
			}
		}
		for _, r := range boardRows {
			if !strings.Contains(text, strings.Join(r, "\t")) {
				t.Errorf("%s print: row %v missing", size, r)
			}
		}
		if browsertest.Eval[bool](b, `getComputedStyle(document.querySelector('.print-bar')).display !== 'none'`) {
			t.Errorf("%s: the screen bar is printed", size)
		}
		fontPt := browsertest.Eval[float64](b, `parseFloat(getComputedStyle(document.querySelector('.sheet-body')).fontSize) * 0.75`)
		if (size == "a4" && fontPt < 14) || (size == "a3" && fontPt < 20) {
			t.Errorf("%s: body type %.1f pt", size, fontPt)
		}
	}
	// The week's batch: both notices, one a sheet.
	b.Do(emulationMedia(""), chromedp.Navigate(s.URL+"/gk/board?size=a4"), browsertest.WaitJS(`document.querySelectorAll('.sheet').length === 2`))
	if pdf := printPDF(t, b, "site-board-a4"); !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatal("the batch did not print")
	}
	batch := browsertest.Eval[string](b, `document.body.innerText`)
	monday := today(s).AddDays(-((int(today(s).Weekday()) + 6) % 7)) // the board's week, Monday to Sunday
	for _, want := range []string{boardTitle, "关于石桥村村务公开的公告", zhSpan(monday, monday.AddDays(6))} {
		if !strings.Contains(batch, want) {
			t.Errorf("batch: %q missing", want)
		}
	}
	b.NoErrors()
}

// emulationMedia sets the CSS media type ("" for the screen).
func emulationMedia(media string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
		return err
	})
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}
