package static

import (
	"io/fs"
	"os"
	"regexp"
	"slices"
	"testing"
)

// TestProtocolNamesTheTokenKeys keeps docs/protocol.md in step with the
// pages: the localStorage keys it names for the device tokens are the ones
// static/shared/device.js builds from the kinds the display and kiosk
// apps pass it (issue 22: the document once said hallcast.display.token).
func TestProtocolNamesTheTokenKeys(t *testing.T) {
	read := func(name string) string {
		b, err := fs.ReadFile(FS, name)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	tmpl := regexp.MustCompile("const key = \\(kind\\) => `([a-z.]*)\\$\\{kind\\}([a-z.]*)`").FindStringSubmatch(read("shared/device.js"))
	if tmpl == nil {
		t.Fatal("shared/device.js: no `const key = (kind) => `...${kind}...`` found; update this test with the new way keys are built")
	}
	display := regexp.MustCompile(`const KIND = '([a-z]+)'`).FindStringSubmatch(read("display/app.js"))
	if display == nil {
		t.Fatal("display/app.js: no const KIND found")
	}
	kiosk := regexp.MustCompile(`token\('([a-z]+)'\)`).FindStringSubmatch(read("kiosk/app.js"))
	if kiosk == nil {
		t.Fatal("kiosk/app.js: no token('<kind>') call found")
	}
	want := []string{tmpl[1] + display[1] + tmpl[2], tmpl[1] + kiosk[1] + tmpl[2]}

	doc, err := os.ReadFile("../docs/protocol.md")
	if err != nil {
		t.Fatal(err)
	}
	var named []string
	for _, m := range regexp.MustCompile(`hallcast\.[a-z]+\.token`).FindAllString(string(doc), -1) {
		if !slices.Contains(named, m) {
			named = append(named, m)
		}
	}
	slices.Sort(named)
	slices.Sort(want)
	if !slices.Equal(named, want) {
		t.Fatalf("docs/protocol.md names the token keys %v; the pages use %v", named, want)
	}
}
