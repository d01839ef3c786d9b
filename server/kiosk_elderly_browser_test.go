package server_test

import (
	"fmt"
	"testing"

	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// layoutJS measures the items matching sel: how many columns they stand
// in (distinct left edges) and the smallest one's width and height.
const layoutJS = `(() => {
  const els = [...document.querySelectorAll(%q)].filter((e) => e.checkVisibility());
  const lefts = new Set(els.map((e) => Math.round(e.getBoundingClientRect().left)));
  const w = Math.min(...els.map((e) => e.getBoundingClientRect().width));
  const h = Math.min(...els.map((e) => e.getBoundingClientRect().height));
  return [els.length, lefts.size, w, h];
})()`

type layout struct {
	n, columns int
	w, h       float64
}

func measure(b *browsertest.Browser, sel string) layout {
	v := browsertest.Eval[[]float64](b, fmt.Sprintf(layoutJS, sel))
	return layout{int(v[0]), int(v[1]), v[2], v[3]}
}

// Elderly mode lays the kiosk out anew, not only with bigger text: the
// home tiles stand in fewer columns (portrait 2 → 1, landscape 4 → 2)
// and each is bigger; lists (the catalogue's categories) stand in one
// column (two in landscape otherwise) with taller rows.
func TestKioskElderlyModeLayoutInBrowser(t *testing.T) {
	s := servertest.Start(t)
	sampleContent(t, s)
	for _, c := range []struct {
		w, h                    int
		tiles, elderlyTiles     int
		rows, elderlyRowColumns int
	}{{1080, 1920, 2, 1, 1, 1}, {1920, 1080, 4, 2, 2, 1}} {
		t.Run(fmt.Sprintf("%dx%d", c.w, c.h), func(t *testing.T) {
			b := kioskBrowser(t, s, c.w, c.h)
			size := fmt.Sprintf("%dx%d", c.w, c.h)
			normal := measure(b, `.home .tile`)
			b.Do(tap(`[data-tile="browse"]`), browsertest.WaitJS(`document.querySelectorAll('.list .row').length >= 4`))
			list := measure(b, `.list .row`)
			b.Screenshot("kiosk-categories-" + size)
			b.Do(tap(`#home-btn`), tap(`#elderly-btn`), browsertest.WaitJS(`document.body.classList.contains('elderly')`))
			old := measure(b, `.home .tile`)
			b.Screenshot("kiosk-home-elderly-" + size)
			checkR10(t, b, "home, elderly")
			b.Do(tap(`[data-tile="browse"]`), browsertest.WaitJS(`document.querySelectorAll('.list .row').length >= 4`))
			oldList := measure(b, `.list .row`)
			b.Screenshot("kiosk-categories-elderly-" + size)
			checkR10(t, b, "categories, elderly")
			if normal.n != 8 || normal.columns != c.tiles || old.columns != c.elderlyTiles {
				t.Errorf("home tiles: %d in %d columns, elderly %d columns; want %d and %d", normal.n, normal.columns, old.columns, c.tiles, c.elderlyTiles)
			}
			if old.w <= normal.w*1.4 {
				t.Errorf("elderly tiles are %.0f px wide, normal %.0f: want much wider", old.w, normal.w)
			}
			if old.w*old.h <= normal.w*normal.h {
				t.Errorf("elderly tiles are %.0f×%.0f, normal %.0f×%.0f: want bigger", old.w, old.h, normal.w, normal.h)
			}
			if list.columns != c.rows || oldList.columns != c.elderlyRowColumns || oldList.h <= list.h {
				t.Errorf("categories: %d columns of rows %.0f px high, elderly %d columns of %.0f px; want %d and %d columns, taller", list.columns, list.h, oldList.columns, oldList.h, c.rows, c.elderlyRowColumns)
			}
			b.NoErrors()
		})
	}
}
