package archive

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/store"
)

// hold renews the import's lease every leaseEvery until ctx ends, and
// stops the import when an admin cancels it, when another process ended it
// (taking it for dead), or when the lease could not be renewed for half
// its length (another instance may soon take it for dead).
func (j *Job) hold(ctx context.Context, stop context.CancelCauseFunc) {
	t := time.NewTicker(leaseEvery)
	defer t.Stop()
	renewed := time.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		var cancel bool
		err := j.s.db.Tx(ctx, func(tx *store.Tx) error {
			return tx.Get(ctx, &cancel, "UPDATE archive_imports SET lease_until = ? WHERE id = ? AND state = 'running' AND owner = ? RETURNING cancel",
				j.s.now().Add(leaseFor), j.ID, j.s.work.token)
		})
		switch {
		case ctx.Err() != nil:
			return
		case store.IsNotFound(err):
			stop(errTakenOver)
			return
		case err != nil:
			if time.Since(renewed) > leaseFor/2 {
				stop(fmt.Errorf("archive: the import lost its lease: %w", err))
				return
			}
			j.s.log.Warn("archive: unable to renew the lease of an import", "import", j.ID, "err", err)
		case cancel:
			stop(errCancelled)
			return
		default:
			renewed = time.Now()
		}
	}
}
