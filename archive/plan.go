package archive

import (
	"fmt"
	"strings"

	"github.com/hallcast/hallcast/privacy"
)

// plan is a dataset definition resolved against a file's header: which
// column feeds each field, how each is masked, how the keys are derived.
type plan struct {
	datasetID int64
	key       *Key
	fields    []fieldPlan
	keys      []keyPlan
	width     int
	strict    bool
	headerRow int
}

type fieldPlan struct {
	Field
	col    int
	header string
	policy privacy.Policy
	key    bool // a query key comes from it
}

type keyPlan struct {
	QueryKey
	field int // index in plan.fields
}

// headerText normalises a column header for matching: no byte order
// mark, half-width, trimmed.
func headerText(s string) string {
	return privacy.NormalizeDigits(strings.TrimPrefix(s, "\ufeff"))
}

// newPlan matches the definition's columns to the header. A missing or
// ambiguous column stops the import before any row is read.
func newPlan(d *Dataset, key *Key, p privacy.Policy, header []string, headerRow int, strict bool) (*plan, error) {
	index := map[string]int{}
	twice := map[string]bool{}
	for i, h := range header {
		h = headerText(h)
		if _, dup := index[h]; dup {
			twice[h] = true
		}
		index[h] = i
	}
	pl := &plan{datasetID: d.ID, key: key, width: len(header), strict: strict, headerRow: headerRow}
	var missing []string
	for _, f := range d.Definition.Fields {
		name := column(f, d.Mapping)
		col := headerText(name)
		i, ok := index[col]
		switch {
		case !ok:
			missing = append(missing, name)
			continue
		case twice[col]:
			return nil, fmt.Errorf("archive: the column %q appears more than once in the header", col)
		}
		pl.fields = append(pl.fields, fieldPlan{Field: f, col: i, header: strings.TrimSpace(strings.TrimPrefix(header[i], "\ufeff")), policy: fieldPolicy(p, f), key: d.Definition.isKeySource(f.Name)})
	}
	if len(missing) > 0 {
		return nil, &MissingColumnsError{Missing: missing, Header: cleanHeader(header)}
	}
	for _, k := range d.Definition.Keys {
		for i, f := range pl.fields {
			if f.Name == k.Field {
				pl.keys = append(pl.keys, keyPlan{QueryKey: k, field: i})
			}
		}
	}
	return pl, nil
}

func cleanHeader(header []string) []string {
	out := make([]string, 0, len(header))
	for _, h := range header {
		if h = headerText(h); h != "" {
			out = append(out, h)
		}
	}
	return out
}

// MissingColumnsError means the file lacks columns the dataset reads.
type MissingColumnsError struct {
	Missing []string `json:"missing"`
	Header  []string `json:"header"`
}

func (e *MissingColumnsError) Error() string {
	return fmt.Sprintf("archive: the file has no column %s (its columns: %s); rename the column or change the dataset's column mapping",
		strings.Join(quoteAll(e.Missing), ", "), strings.Join(quoteAll(e.Header), ", "))
}

func quoteAll(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = fmt.Sprintf("%q", v)
	}
	return out
}
