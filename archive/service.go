package archive

import (
	"bytes"
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/lockout"
	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/store"
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
	// UploadDir holds uploaded files while they are imported.
	UploadDir string
	// UploadLimit is the largest file accepted by upload (default 20 MB).
	UploadLimit int64
	// Lockout counts the misses of kiosk lookups, shared with the other
	// instances; nil: the service opens one of its own on DB.
	Lockout *lockout.Guard
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
	cache       *datasetCache
	rec         *recorder
	guard       *lockout.Guard
	ownGuard    bool
	limits      *limiters
	protect     protectionCache
	stmts       statements

	// jobs are the imports running in this process.
	jobsCtx   context.Context
	stopJobs  context.CancelFunc
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
	p := privacy.DefaultPolicy()
	if o.Policy != nil {
		p = *o.Policy
	}
	s := &Service{
		db: o.DB, key: o.Key, settings: o.Settings, clock: o.Clock, log: o.Logger, loc: o.Location,
		policy: p, upload: o.UploadDir, uploadLimit: o.UploadLimit, purgeKick: make(chan struct{}, 1),
	}
	if s.settings != nil {
		registerSettings(s.settings)
	}
	s.cache = newDatasetCache(s)
	s.rec = newRecorder(s)
	if s.guard = o.Lockout; s.guard == nil {
		s.guard = lockout.New(context.Background(), lockout.Options{DB: o.DB, Clock: o.Clock, Logger: o.Logger})
		s.ownGuard = true
	}
	s.limits = newLimiters()
	s.jobsCtx, s.stopJobs = context.WithCancel(context.Background())
	s.jobs.Add(1)
	go s.purgeLoop()
	return s
}

// Close cancels running imports (they fail and leave the data as it
// was), waits for them and stops the background work.
func (s *Service) Close() {
	s.closeOnce.Do(func() {
		s.stopJobs()
		s.jobs.Wait()
		s.rec.close()
		if s.ownGuard {
			s.guard.Close()
		}
		s.cache.close()
		s.stmts.close()
	})
}

// KeyID is the fingerprint of the lookup key in use.
func (s *Service) KeyID() string { return s.key.ID() }

func (s *Service) now() time.Time { return s.clock.Now() }

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
