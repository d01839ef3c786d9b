package archive

import (
	"bytes"
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/workbook"
)

// Options configure a Service.
type Options struct {
	DB  *store.DB
	Key *Key
	// Settings holds the protection settings (rate limits, lockout);
	// New registers them.
	Settings *settings.Service
	Clock    clock.Clock
	Logger   *slog.Logger
	// Location is the time zone of the daily statistics.
	Location *time.Location
	// Policy masks personal fields (default privacy.DefaultPolicy).
	Policy *privacy.Policy
	// UploadDir holds uploaded files while they are imported, and
	// excelize's temporary files, each process in its own folder.
	UploadDir string
	// UploadLimit is the largest file accepted by upload (default 20 MB).
	UploadLimit int64
	// UnzipLimit is the most an XLSX file may inflate to (default 1 GiB);
	// see workbook.Import for its other limits.
	UnzipLimit int64
}

// Service manages datasets, imports and lookups.
type Service struct {
	db          *store.DB
	key         *Key
	settings    *settings.Service
	clock       clock.Clock
	log         *slog.Logger
	loc         *time.Location
	policy      privacy.Policy
	upload      string
	uploadLimit int64
	xlsx        workbook.Limits
	work        *workDir
	cache       *datasetCache
	rec         *recorder
	limits      *limiters
	protect     protectionCache
	stmts       statements

	// jobs are the imports running in this process; running maps their
	// IDs to what stops them (a cancel takes effect at once here).
	running   sync.Map
	jobsCtx   context.Context
	stopJobs  context.CancelCauseFunc
	jobs      sync.WaitGroup
	purgeKick chan struct{}
	closeOnce sync.Once
}

// New returns a Service and starts its background work (the query
// recorder, the purge of replaced records). Close stops it.
func New(o Options) *Service {
	if o.Clock == nil {
		o.Clock = clock.System{}
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Location == nil {
		o.Location = time.Local
	}
	if o.UploadLimit <= 0 {
		o.UploadLimit = 20 << 20
	}
	if o.UnzipLimit <= 0 {
		o.UnzipLimit = 1 << 30
	}
	p := privacy.DefaultPolicy()
	if o.Policy != nil {
		p = *o.Policy
	}
	s := &Service{
		db: o.DB, key: o.Key, settings: o.Settings, clock: o.Clock, log: o.Logger, loc: o.Location,
		policy: p, upload: o.UploadDir, uploadLimit: o.UploadLimit, xlsx: workbook.Import(o.UnzipLimit), purgeKick: make(chan struct{}, 1),
	}
	var err error
	if s.work, err = openWorkDir(o.UploadDir); err != nil {
		s.log.Error("archive: uploads will fail", "err", err)
		s.work = &workDir{token: newToken()}
	}
	if s.settings != nil {
		registerSettings(s.settings)
	}
	s.cache = newDatasetCache(s)
	s.rec = newRecorder(s)
	s.limits = newLimiters()
	s.jobsCtx, s.stopJobs = context.WithCancelCause(context.Background())
	s.jobs.Add(1)
	go s.purgeLoop()
	return s
}

// Close stops running imports (they fail and leave the data as it was),
// waits for them, stops the background work and deletes this process's
// folder of uploads.
func (s *Service) Close() {
	s.closeOnce.Do(func() {
		s.stopJobs(errStopped)
		s.jobs.Wait()
		s.work.close()
		s.rec.close()
		s.cache.close()
		s.stmts.close()
	})
}

// Recover ends the imports whose process is gone (a crash, kill -9, a
// lost machine) and deletes what they left in the upload folder; the
// background work repeats it every minute. Call it at start, before
// serving.
func (s *Service) Recover(ctx context.Context) error {
	if err := s.recoverImports(ctx, "1 = 1"); err != nil {
		return err
	}
	return s.sweepUploads(ctx)
}

// KeyID is the fingerprint of the lookup key in use.
func (s *Service) KeyID() string { return s.key.ID() }

func (s *Service) now() time.Time { return s.clock.Now() }

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
