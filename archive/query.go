package archive

import (
	"context"
	"math"
	"time"

	"github.com/hallcast/hallcast/web"
)

// LookupRequest is one query: a dataset and the keys entered.
type LookupRequest struct {
	DatasetID int64
	Keys      map[string]string
	// Kiosk is the device that asks (for an admin's test lookup,
	// "admin:<user name>"), Address the client address.
	Kiosk, Address string
	// Test marks an admin's test lookup: unpublished datasets are
	// searched, the kiosk lockout and the response padding do not apply.
	Test bool
}

// ResultField is a field shown in results.
type ResultField struct {
	Name  string `json:"name"`
	Label string `json:"label"`
}

// Result is the answer to a lookup. A hit and a miss have the same shape:
// a miss has Found false and no records.
type Result struct {
	Dataset   int64               `json:"dataset"`
	Found     bool                `json:"found"`
	Fields    []ResultField       `json:"fields"`
	Records   []map[string]string `json:"records"`
	Truncated bool                `json:"truncated"`
	At        time.Time           `json:"at"`
}

// Lookup answers a query and audits it. For kiosks it enforces the
// lockout and pads the answer to the configured minimum time; a refused
// query is a *web.Error with status 429 and Retry-After. The audit row is
// written by the recorder within flushEvery (recorder.go).
func (s *Service) Lookup(ctx context.Context, req LookupRequest) (*Result, error) {
	start := time.Now()
	p := s.protection(ctx)
	ds, err := s.cache.get(ctx, req.DatasetID)
	if err != nil || (!req.Test && !ds.Queryable()) {
		return nil, web.NotFound("dataset")
	}
	keys, err := keyValues(ds, req.Keys)
	if err != nil {
		return nil, err
	}
	now := s.now()
	ev := &queryEvent{at: now, kiosk: req.Kiosk, address: req.Address, datasetID: ds.ID, guarded: !req.Test}
	if !req.Test {
		st, err := s.rec.kioskState(ctx, req.Kiosk, p)
		if err != nil {
			return nil, err
		}
		if refusal, wait := st.refusal(now); refusal != "" {
			ev.outcome = refusal
			if err := s.rec.record(ctx, ev, p); err != nil {
				return nil, err
			}
			return nil, refused(refusal, wait)
		}
	}
	var (
		records   []map[string]string
		truncated bool
	)
	err = s.reading(ctx, func(r lookupReads) error {
		var err error
		records, truncated, err = s.find(ctx, r, ds, keys)
		return err
	})
	if err != nil {
		return nil, err
	}
	ev.outcome, ev.records = OutcomeMiss, len(records)
	if len(records) > 0 {
		ev.outcome = OutcomeHit
	}
	if err := s.rec.record(ctx, ev, p); err != nil {
		return nil, err
	}
	res := &Result{Dataset: ds.ID, Found: len(records) > 0, Fields: resultFields(ds), Records: records, Truncated: truncated, At: now}
	if !req.Test {
		pad(ctx, start, p.minResponse())
	}
	return res, nil
}

func resultFields(ds *Dataset) []ResultField {
	out := []ResultField{}
	for _, f := range ds.Definition.Fields {
		if f.Shown {
			out = append(out, ResultField{Name: f.Name, Label: f.Label})
		}
	}
	return out
}

// refused is the error of a query the lockout refused.
func refused(outcome string, wait time.Duration) error {
	secs := int(math.Ceil(wait.Seconds()))
	if outcome == OutcomeLocked {
		e := web.Throttled(secs, "too many lookups without a result: this kiosk is locked for %d minutes", int(math.Ceil(wait.Minutes())))
		e.Params = map[string]any{"reason": "locked", "seconds": secs}
		return e
	}
	e := web.Throttled(secs, "too many lookups without a result: wait %d seconds", secs)
	e.Params = map[string]any{"reason": "slowed", "seconds": secs}
	return e
}

// pad sleeps until min has passed since start, so that every answer takes
// about the same time whatever it found.
func pad(ctx context.Context, start time.Time, min time.Duration) {
	wait := min - time.Since(start)
	if wait <= 0 {
		return
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}
