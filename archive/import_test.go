package archive_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/archive/archivegen"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// gbkFixture is the file of the acceptance check: GBK, a broken row, a
// duplicate row and full-width digits.
func gbkFixture(t *testing.T) (path string, people []archivegen.Person) {
	g := archivegen.New(42)
	for range 5 {
		people = append(people, g.Person())
	}
	row := func(seq int, p archivegen.Person, id string) string {
		return fmt.Sprintf("%d,%s,%s,城关镇,东村,城乡低保金,1200.00,2025-03-01,%s", seq, p.Name, id, p.Card)
	}
	badID := people[4].ID[:16] + "99" // wrong check character
	lines := []string{
		strings.Join(archivegen.Header, ","),
		row(1, people[0], people[0].ID),                                       // row 2
		row(2, people[1], fullWidth(people[1].ID)),                            // row 3: full-width digits
		`3,王"五,` + people[2].ID + `,城关镇,东村,低保,1,2025-03-01,` + people[2].Card, // row 4: stray quote
		"4," + people[3].Name + "," + people[3].ID + ",城关镇,东村",                // row 5: 5 columns
		row(1, people[0], people[0].ID),                                       // row 6: duplicate of row 2
		row(5, people[4], badID),                                              // row 7: invalid ID
	}
	return writeFile(t, "补贴.csv", gbk(t, lines...)), people
}

func TestGBKImportReportsEachRowAndReimportChangesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		d := f.dataset("低保金发放")
		path, people := gbkFixture(t)
		im := f.mustImport(d, archive.ModeAppend, path)
		if im.State != archive.StateLive || im.Encoding != archive.EncodingGBK {
			t.Fatalf("import: %+v", im)
		}
		if im.RowsRead != 6 || im.RowsAdded != 2 || im.RowsDuplicate != 1 || im.RowsBad != 3 {
			t.Fatalf("counts: read %d added %d dup %d bad %d", im.RowsRead, im.RowsAdded, im.RowsDuplicate, im.RowsBad)
		}
		want := []archive.Problem{
			{Row: 4, Reason: archive.ReasonParse, Detail: `line 4: bare " in non-quoted-field`},
			{Row: 5, Reason: archive.ReasonColumns, Detail: "5 columns, the header has 9"},
			{Row: 7, Column: "身份证号", Reason: archive.ReasonInvalidID},
			{Row: 6, Reason: archive.ReasonDuplicate, SameAs: 2},
		}
		if got := im.Report.Problems; fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("report:\n got %+v\nwant %+v", got, want)
		}
		ds, _ := f.svc.Dataset(t.Context(), d.ID)
		if ds.RowCount != 2 {
			t.Fatalf("row count %d", ds.RowCount)
		}
		// The full-width ID was normalised: the half-width key finds it.
		res := f.lookup(d, people[1].Keys())
		if !res.Found || len(res.Records) != 1 {
			t.Fatalf("lookup: %+v", res)
		}
		rec := res.Records[0]
		wantName := string([]rune(people[1].Name)[:1]) + strings.Repeat("*", len([]rune(people[1].Name))-1)
		wantID := people[1].ID[:6] + "********" + people[1].ID[14:]
		if rec["name"] != wantName || rec["id_number"] != wantID || rec["amount"] != "1200.00" {
			t.Fatalf("record: %v, want name %s id %s", rec, wantName, wantID)
		}
		// Full-width digits typed at the kiosk work too.
		keys := people[1].Keys()
		keys["id_number"] = fullWidth(strings.ToLower(keys["id_number"]))
		if res := f.lookup(d, keys); !res.Found {
			t.Fatal("full-width key missed")
		}
		if res := f.lookup(d, people[2].Keys()); res.Found {
			t.Fatal("the broken row was imported")
		}

		// The same file again: nothing new, in either mode.
		again := f.mustImport(d, archive.ModeAppend, path)
		if again.RowsAdded != 0 || again.RowsDuplicate != 3 || again.RowsBad != 3 {
			t.Fatalf("second import: added %d dup %d bad %d", again.RowsAdded, again.RowsDuplicate, again.RowsBad)
		}
		if p := again.Report.Problems[3]; p.Row != 2 || p.SameImport != im.ID || p.SameAs != 2 {
			t.Fatalf("duplicate of the earlier import not named: %+v", again.Report.Problems)
		}
		replaced := f.mustImport(d, archive.ModeReplace, path)
		if replaced.RowsAdded != 2 {
			t.Fatalf("replace: added %d", replaced.RowsAdded)
		}
		ds, _ = f.svc.Dataset(t.Context(), d.ID)
		if ds.RowCount != 2 || !f.lookup(d, people[0].Keys()).Found {
			t.Fatalf("after replace: %d rows", ds.RowCount)
		}
	}, sets...)
}

// Rows are numbered as a spreadsheet shows the file: the header is row 1,
// an empty line is an empty row, a cell with a line break inside quotes
// stays one row (the file had an empty line 7 and reported line 8
// as "row 7").
func TestCSVRowNumbersAreTheSpreadsheetsRows(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		d := f.dataset("临时救助")
		g := archivegen.New(7)
		var ps []archivegen.Person
		for range 6 {
			ps = append(ps, g.Person())
		}
		row := func(seq int, p archivegen.Person, id, village string) string {
			return fmt.Sprintf("%d,%s,%s,城关镇,%s,临时救助,800.00,2025-03-01,%s", seq, p.Name, id, village, p.Card)
		}
		bad := func(p archivegen.Person) string { // the wrong check character
			if p.ID[17] == '0' {
				return p.ID[:17] + "1"
			}
			return p.ID[:17] + "0"
		}
		lines := []string{
			strings.Join(archivegen.Header, ","),  // row 1
			row(1, ps[0], ps[0].ID, "东村"),         // row 2
			row(2, ps[1], ps[1].ID, "\"西村\n三组\""), // row 3, over two lines of the file
			row(3, ps[2], bad(ps[2]), "南村"),       // row 4: invalid ID
			row(4, ps[3], ps[3].ID, "北村"),         // row 5
			"",                                    // row 6: empty
			row(5, ps[4], bad(ps[4]), "东村"),       // row 7: invalid ID
			"",                                    // row 8: empty
			"6," + ps[5].Name + "," + ps[5].ID + ",城关镇,东村", // row 9: 5 columns
		}
		im := f.mustImport(d, archive.ModeAppend, writeFile(t, "临时救助.csv", gbk(t, lines...)))
		if im.Encoding != archive.EncodingGBK || im.RowsAdded != 3 || im.RowsBad != 3 {
			t.Fatalf("import: %+v", im)
		}
		want := []archive.Problem{
			{Row: 4, Column: "身份证号", Reason: archive.ReasonInvalidID},
			{Row: 7, Column: "身份证号", Reason: archive.ReasonInvalidID},
			{Row: 9, Reason: archive.ReasonColumns, Detail: "5 columns, the header has 9"},
		}
		got := im.Report.Problems
		sortProblems(got)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("report:\n got %+v\nwant %+v", got, want)
		}
	}, sets...)
}

func sortProblems(ps []archive.Problem) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && ps[j].Row < ps[j-1].Row; j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}
