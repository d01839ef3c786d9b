package archive

import "time"

// Progress is how far an import is, as its OnProgress callback sees it.
type Progress struct {
	ImportID      int64
	RowsRead      int64 // data rows read so far
	RowsTotal     int64 // estimate of all rows (from the bytes read, or the sheet's size); 0 while unknown
	RowsAdded     int64
	RowsDuplicate int64
	RowsBad       int64
	Elapsed       time.Duration
	// Rate is rows read per second.
	Rate float64
	// ETA is the estimated time left, 0 while unknown.
	ETA  time.Duration
	Done bool
}

// tally counts an import's rows and collects its problems.
type tally struct {
	read, total, added, dup, bad int64
	report                       Report
}

// progress computes rates and the estimate from the counts.
func (t *tally) progress(id int64, elapsed time.Duration) Progress {
	p := Progress{ImportID: id, RowsRead: t.read, RowsTotal: max(t.total, t.read), RowsAdded: t.added,
		RowsDuplicate: t.dup, RowsBad: t.bad, Elapsed: elapsed}
	if secs := elapsed.Seconds(); secs > 0 {
		p.Rate = float64(t.read) / secs
	}
	if p.Rate > 0 && p.RowsTotal > t.read {
		p.ETA = time.Duration(float64(p.RowsTotal-t.read) / p.Rate * float64(time.Second))
	}
	return p
}
