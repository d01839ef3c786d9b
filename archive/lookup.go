package archive

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hallcast/hallcast/web"
)

// maxRecords is the most records one lookup returns.
const maxRecords = 50

// keyValues checks and normalises the keys a citizen entered, in the
// dataset's key order. Errors name the key (keys.<name>) and never echo
// the value.
func keyValues(ds *Dataset, in map[string]string) ([]string, error) {
	var c web.Check
	out := make([]string, 0, len(ds.Definition.Keys))
	for _, k := range ds.Definition.Keys {
		v := NormalizeKey(in[k.Name])
		switch {
		case v == "":
			c.Add(web.Invalid("keys."+k.Name, web.CodeRequired, "enter %s", k.Label))
		case k.Last > 0 && len(v) != k.Last:
			c.Add(web.Invalid("keys."+k.Name, web.CodeInvalid, "%s has %d characters", k.Label, k.Last))
		case !k.Keypad.accepts(v):
			c.Add(web.Invalid("keys."+k.Name, web.CodeInvalid, "%s has characters that the keypad does not have", k.Label))
		}
		out = append(out, v)
	}
	for name := range in {
		found := false
		for _, k := range ds.Definition.Keys {
			found = found || k.Name == name
		}
		c.That(found, "keys."+name, web.CodeUnknownField, "the dataset has no key %q", name)
	}
	return out, c.Err()
}

// find returns the display values of the live records whose keys hash to
// the given ones, at most maxRecords, and whether there were more.
func (s *Service) find(ctx context.Context, r lookupReads, ds *Dataset, keys []string) ([]map[string]string, bool, error) {
	rows, err := r.records(ctx, s.key.keyHash(ds.ID, keys), ds.ID)
	if err != nil {
		return nil, false, err
	}
	truncated := len(rows) > maxRecords
	if truncated {
		rows = rows[:maxRecords]
	}
	out := make([]map[string]string, 0, len(rows))
	for _, r := range rows {
		m := map[string]string{}
		if err := json.Unmarshal([]byte(r), &m); err != nil {
			return nil, false, fmt.Errorf("archive: dataset %d: a stored record is damaged: %w", ds.ID, err)
		}
		out = append(out, m)
	}
	return out, truncated, nil
}

// Probe is the keyed lookup alone, without the audit or the lockout: it
// reports whether a live record matches. Benchmarks use it; it is not
// offered over HTTP.
func (s *Service) Probe(ctx context.Context, datasetID int64, keys map[string]string) (bool, error) {
	ds, err := s.cache.get(ctx, datasetID)
	if err != nil {
		return false, err
	}
	vals, err := keyValues(ds, keys)
	if err != nil {
		return false, err
	}
	var found bool
	err = s.reading(ctx, func(r lookupReads) error {
		recs, _, err := s.find(ctx, r, ds, vals)
		found = len(recs) > 0
		return err
	})
	return found, err
}
