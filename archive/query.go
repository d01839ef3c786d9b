package archive

import (
	"context"
	"math"
	"time"

	"github.com/hallcast/hallcast/lockout"
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
	// AttemptsLeft is how many more misses lock the lookups (of this
	// kiosk, its address or these keys, whichever comes first), counted in
	// the window whatever hits came between; 0 for an admin's test lookup.
	AttemptsLeft int `json:"attempts_left"`
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
	ev := &queryEvent{at: now, kiosk: req.Kiosk, address: req.Address, datasetID: ds.ID}
	var scopes []lockout.Scope
	left := 0
	if !req.Test {
		scopes = s.scopes(p, ds, keys, req.Kiosk, req.Address)
		var refusal *lockout.Refusal
		if refusal, left = s.guard.Check(now, scopes); refusal != nil {
			ev.outcome = refusal.Reason
			if err := s.rec.record(ctx, ev); err != nil {
				return nil, err
			}
			return nil, refused(refusal)
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
	} else if !req.Test {
		left = s.guard.Miss(now, scopes)
	}
	if err := s.rec.record(ctx, ev); err != nil {
		return nil, err
	}
	res := &Result{Dataset: ds.ID, Found: len(records) > 0, Fields: resultFields(ds), Records: records, Truncated: truncated, At: now,
		AttemptsLeft: left}
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

// refused is the error of a query the lockout refused: params reason
// (locked or slowed), seconds, and scope: kiosk, address or keys.
func refused(r *lockout.Refusal) error {
	secs := int(math.Ceil(r.Wait.Seconds()))
	scope := map[string]string{LockKiosk: "kiosk", LockAddress: "address", LockKeys: "keys"}[r.Kind]
	var e *web.Error
	switch {
	case r.Reason == OutcomeLocked && scope == "keys":
		e = web.Throttled(secs, "too many lookups of these keys without a result: they are locked for %d minutes", int(math.Ceil(r.Wait.Minutes())))
	case r.Reason == OutcomeLocked:
		e = web.Throttled(secs, "too many lookups without a result: this %s is locked for %d minutes", scope, int(math.Ceil(r.Wait.Minutes())))
	default:
		e = web.Throttled(secs, "too many lookups without a result: wait %d seconds", secs)
	}
	e.Params = map[string]any{"reason": r.Reason, "seconds": secs, "scope": scope}
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
