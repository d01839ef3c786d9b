package server_test

import (
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/handwriting"
	"github.com/hallcast/hallcast/server"
	"github.com/hallcast/hallcast/server/servertest"
)

// needHandwritingModel skips a test without the Debian model, or fails it
// under HALLCAST_TEST_REQUIRE_HANDWRITING=1 (CI installs it).
func needHandwritingModel(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(handwriting.DefaultModelPath); errors.Is(err, fs.ErrNotExist) {
		if os.Getenv("HALLCAST_TEST_REQUIRE_HANDWRITING") == "1" {
			t.Fatal("no handwriting model: apt install tegaki-zinnia-simplified-chinese")
		}
		t.Skip("no handwriting model (apt install tegaki-zinnia-simplified-chinese)")
	}
}

// padStrokes returns char's strokes from the handwriting test data as
// they would be drawn on a pad of side pixels: [x, y] pairs, y down.
func padStrokes(t *testing.T, char string, side int) [][][2]int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "handwriting", "testdata", "medians.json"))
	if err != nil {
		t.Fatal(err)
	}
	var list []struct {
		Char    string
		Medians [][][2]int
	}
	if err := json.Unmarshal(b, &list); err != nil {
		t.Fatal(err)
	}
	for _, w := range list {
		if w.Char != char {
			continue
		}
		out := make([][][2]int, len(w.Medians))
		for i, m := range w.Medians {
			for _, p := range m {
				out[i] = append(out[i], [2]int{p[0] * side / 1024, (900 - p[1]) * side / 1024})
			}
		}
		return out
	}
	t.Fatalf("%s is not in the test data", char)
	return nil
}

// The kiosk's handwriting pad: the server says the pad can be offered and
// recognises 低 written on it; malformed or oversized ink is refused; only
// kiosks may ask.
func TestKioskHandwritingOverHTTP(t *testing.T) {
	needHandwritingModel(t)
	s := servertest.Start(t)
	k := pairKiosk(t, s, "一楼自助机")
	var st struct{ Available bool }
	if k.do("GET", "/api/kiosk/handwriting", nil).JSON(t, &st); !st.Available {
		t.Fatal("the pad is not offered")
	}
	var out struct {
		Candidates []struct{ Char string }
	}
	res := k.do("POST", "/api/kiosk/handwriting", map[string]any{"width": 500, "height": 500, "strokes": padStrokes(t, "低", 500)})
	if res.Status != http.StatusOK {
		t.Fatalf("recognise: %d %s", res.Status, res.Body)
	}
	res.JSON(t, &out)
	if len(out.Candidates) != handwriting.Candidates {
		t.Fatalf("candidates: %+v", out)
	}
	found := false
	for _, c := range out.Candidates[:5] {
		found = found || c.Char == "低"
	}
	if !found {
		t.Fatalf("低 is not among the first five: %+v", out.Candidates)
	}

	for name, body := range map[string]map[string]any{
		"strokes": {"width": 500, "height": 500, "strokes": [][][2]int{}},
		"width":   {"width": 0, "height": 500, "strokes": [][][2]int{{{1, 1}}}},
	} {
		if res := k.do("POST", "/api/kiosk/handwriting", body); res.Status != http.StatusBadRequest || !strings.Contains(string(res.Body), `"field":"`+name+`"`) {
			t.Errorf("%s: %d %s", name, res.Status, res.Body)
		}
	}
	long := make([][2]int, 1500)
	if res := k.do("POST", "/api/kiosk/handwriting", map[string]any{"width": 500, "height": 500, "strokes": [][][2]int{long}}); res.Status != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized ink: %d %s", res.Status, res.Body)
	}
	if res := s.Client(t).Do("POST", "/api/kiosk/handwriting", map[string]any{"width": 500, "height": 500, "strokes": padStrokes(t, "低", 500)}); res.Status != http.StatusUnauthorized {
		t.Errorf("without a kiosk token: %d", res.Status)
	}
}

// Without a model the pad is not offered and recognising is refused with
// 503 (the kiosk keeps pinyin).
func TestKioskHandwritingWithoutModel(t *testing.T) {
	s := servertest.Start(t, func(cfg *config.Config, _ *server.Options) {
		cfg.HandwritingModel = filepath.Join(t.TempDir(), "missing.model")
	})
	k := pairKiosk(t, s, "一楼自助机")
	var st struct{ Available bool }
	if k.do("GET", "/api/kiosk/handwriting", nil).JSON(t, &st); st.Available {
		t.Fatal("the pad is offered without a model")
	}
	if res := k.do("POST", "/api/kiosk/handwriting", map[string]any{"width": 500, "height": 500, "strokes": [][][2]int{{{10, 10}, {400, 10}}}}); res.Status != http.StatusServiceUnavailable {
		t.Fatalf("recognise without a model: %d %s", res.Status, res.Body)
	}
}
