package calendar

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"sync"
)

// builtinFS holds the State Council holiday lists shipped with hallcast,
// one holiday-cn file per year:
//
//   - 2025: 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号,
//     2024-11-12);
//   - 2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
//
// Each file was written from the text of the notice as published by Xinhua
// (the "papers" field gives the copy consulted), one entry per day off and
// per make-up working day, named as holiday-cn names them.
//
//go:embed data/*.json
var builtinFS embed.FS

// builtinYears parses the embedded lists once; they are checked by tests,
// so a failure here is a build defect.
var builtinYears = sync.OnceValue(func() []Year {
	names, err := fs.Glob(builtinFS, "data/*.json")
	if err != nil {
		panic(err)
	}
	var years []Year
	for _, name := range names { // fs.Glob sorts, so years ascend
		data, err := builtinFS.ReadFile(name)
		if err != nil {
			panic(err)
		}
		y, err := ParseHolidayCN(bytes.NewReader(data))
		if err != nil {
			panic(fmt.Sprintf("calendar: builtin %s: %v", name, err))
		}
		years = append(years, y)
	}
	return years
})

// Builtin returns the holiday lists embedded in the binary (2025 and 2026),
// in ascending order, for the server to seed its calendar on first start.
// The result is a fresh copy that the caller may modify.
func Builtin() []Year {
	src := builtinYears()
	out := make([]Year, len(src))
	for i, y := range src {
		out[i] = y.clone()
	}
	return out
}
