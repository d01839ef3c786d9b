package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/hallcast/hallcast/archive"
)

// progressBar draws an import's progress on stderr: a bar redrawn in
// place on a terminal, a plain line every few seconds otherwise (logs).
type progressBar struct {
	w        io.Writer
	terminal bool
	last     time.Time
	drawn    bool
}

func newProgressBar(w io.Writer) *progressBar {
	f, ok := w.(*os.File)
	term := false
	if ok {
		if st, err := f.Stat(); err == nil {
			term = st.Mode()&os.ModeCharDevice != 0
		}
	}
	return &progressBar{w: w, terminal: term}
}

const plainEvery = 5 * time.Second

func (b *progressBar) update(p archive.Progress) {
	if p.Done {
		return
	}
	pct := 0.0
	if p.RowsTotal > 0 {
		pct = float64(p.RowsRead) / float64(p.RowsTotal)
	}
	eta := "?"
	if p.ETA > 0 {
		eta = p.ETA.Round(time.Second).String()
	}
	if b.terminal {
		const width = 30
		done := int(pct * width)
		fmt.Fprintf(b.w, "\r[%s%s] %3.0f%% %d/~%d rows  %.0f rows/s  ETA %s   ",
			strings.Repeat("#", done), strings.Repeat(".", width-done), pct*100, p.RowsRead, p.RowsTotal, p.Rate, eta)
		b.drawn = true
		return
	}
	if time.Since(b.last) < plainEvery {
		return
	}
	b.last = time.Now()
	fmt.Fprintf(b.w, "progress: %d of ~%d rows (%.0f%%), %.0f rows/s, %s left\n", p.RowsRead, p.RowsTotal, pct*100, p.Rate, eta)
}

// finish ends the bar's line.
func (b *progressBar) finish() {
	if b.drawn {
		fmt.Fprintln(b.w)
	}
}
