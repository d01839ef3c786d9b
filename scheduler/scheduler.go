// Package scheduler runs the server's jobs: cron jobs on robfig/cron
// schedules in the configured time zone, and instant jobs that compute the
// exact instant of their next run (publish a notice at 09:00:00). With
// several instances on one PostgreSQL every activation runs on exactly one
// of them: the instance that first claims the tick in the database runs
// it, and a lease keeps a job from overlapping itself across instances.
package scheduler

import (
	"context"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/store"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the scheduler schema.
var Migrations = store.Embedded("scheduler", migrationFS)

// Topic is the change-bus topic published when a job's schedule changes.
const Topic = "jobs"

// RunFunc does a job's work for the activation at tick and returns a short
// result for the run history.
type RunFunc func(ctx context.Context, tick time.Time) (string, error)

// Job is a job on a cron schedule.
type Job struct {
	Name    string // stable key, "<package>.<job>"
	Title   string // Chinese
	TitleEN string
	Spec    string // default schedule; admins may change it
	Run     RunFunc
	// Timeout bounds one run (default 10 minutes).
	Timeout time.Duration
}

// Instant is a job that runs at instants it computes: Next returns the
// next instant after now (ok=false when there is none). Run is also called
// once at start, to catch up on what fell due while the server was down,
// and Next is asked again after any event on Topics.
type Instant struct {
	Name    string
	Title   string
	TitleEN string
	Next    func(ctx context.Context, now time.Time) (time.Time, bool, error)
	Run     RunFunc
	Topics  []string
	Timeout time.Duration
}

type entry struct {
	job     Job
	instant *Instant
	mu      sync.Mutex
	spec    string
	enabled bool
	sched   cron.Schedule
	running atomic.Bool
	wake    chan struct{}
}

func (e *entry) name() string {
	if e.instant != nil {
		return e.instant.Name
	}
	return e.job.Name
}

// Options configure a Scheduler.
type Options struct {
	Clock    clock.Clock
	Location *time.Location
	Logger   *slog.Logger
}

// Scheduler owns the jobs of this instance.
type Scheduler struct {
	db       *store.DB
	opts     Options
	instance string
	mu       sync.Mutex
	entries  map[string]*entry
	order    []string
	cancel   context.CancelFunc
	wg       sync.WaitGroup
	runs     sync.WaitGroup
}

// New returns a scheduler; add jobs, then Start it.
func New(db *store.DB, o Options) *Scheduler {
	if o.Clock == nil {
		o.Clock = clock.System{}
	}
	if o.Location == nil {
		o.Location = time.Local
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return &Scheduler{db: db, opts: o, instance: hex.EncodeToString(b), entries: map[string]*entry{}}
}

// Add registers a cron job. It panics on a bad default schedule or a
// duplicate name: both are programming errors.
func (s *Scheduler) Add(j Job) {
	sched, err := Parse(j.Spec)
	if err != nil {
		panic("scheduler: job " + j.Name + ": " + err.Error())
	}
	s.add(&entry{job: j, spec: j.Spec, enabled: true, sched: sched, wake: make(chan struct{}, 1)})
}

// AddInstant registers an instant job.
func (s *Scheduler) AddInstant(i Instant) {
	s.add(&entry{instant: &i, enabled: true, wake: make(chan struct{}, 1)})
}

func (s *Scheduler) add(e *entry) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.entries[e.name()]; dup {
		panic("scheduler: duplicate job " + e.name())
	}
	s.entries[e.name()] = e
	s.order = append(s.order, e.name())
}

func (s *Scheduler) entry(name string) *entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.entries[name]
}

func (e *entry) poke() {
	select {
	case e.wake <- struct{}{}:
	default:
	}
}
