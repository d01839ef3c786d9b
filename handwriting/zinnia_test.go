package handwriting

import (
	"bufio"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// parseSexp reads one line of Zinnia's text format:
// (character (value 字)(width W)(height H)(strokes ((x y)(x y))((x y)...))).
func parseSexp(t *testing.T, line string) (string, Ink) {
	t.Helper()
	value := line[strings.Index(line, "(value ")+7:]
	value = value[:strings.IndexByte(value, ')')]
	num := func(key string) float64 {
		s := line[strings.Index(line, "("+key+" ")+len(key)+2:]
		v, err := strconv.Atoi(s[:strings.IndexByte(s, ')')])
		if err != nil {
			t.Fatal(err)
		}
		return float64(v)
	}
	ink := Ink{Width: num("width"), Height: num("height")}
	body := line[strings.Index(line, "(strokes ")+9:]
	for _, st := range strings.Split(body, "))")[:] {
		st = strings.Trim(st, "() ")
		if st == "" {
			continue
		}
		var stroke []Point
		for _, pt := range strings.Split(st, ")(") {
			xy := strings.Fields(pt)
			x, _ := strconv.Atoi(xy[0])
			y, _ := strconv.Atoi(xy[1])
			stroke = append(stroke, Point{float64(x), float64(y)})
		}
		ink.Strokes = append(ink.Strokes, stroke)
	}
	return value, ink
}

// TestMatchesZinnia scores the inks of testdata/zinnia.sexp and compares
// the ten best characters and their scores with what Zinnia's own
// recogniser answered for them (testdata/zinnia.out, see
// testdata/README.md): the Go port computes the same features and
// scores.
func TestMatchesZinnia(t *testing.T) {
	m := model(t)
	in, err := os.ReadFile("testdata/zinnia.sexp")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]Candidate{}
	f, err := os.Open("testdata/zinnia.out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cur string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if a, ok := strings.CutPrefix(line, "Answer: "); ok {
			cur = a
			continue
		}
		c, s, _ := strings.Cut(line, " ")
		v, err := strconv.ParseFloat(s, 32)
		if err != nil {
			t.Fatal(err)
		}
		want[cur] = append(want[cur], Candidate{Char: c, Score: float32(v)})
	}
	lines := strings.Split(strings.TrimSpace(string(in)), "\n")
	if len(lines) < 20 || len(want) != len(lines) {
		t.Fatalf("%d inks, %d answers", len(lines), len(want))
	}
	for _, line := range lines {
		char, ink := parseSexp(t, line)
		got := m.classify(ink, 10)
		w := want[char]
		if len(got) != len(w) {
			t.Fatalf("%s: %d candidates, want %d", char, len(got), len(w))
		}
		for i := range w {
			// Zinnia prints six significant digits.
			if got[i].Char != w[i].Char || math.Abs(float64(got[i].Score-w[i].Score)) > 2e-5 {
				t.Errorf("%s: candidate %d is %v, Zinnia says %v", char, i, got[i], w[i])
			}
		}
	}
}
