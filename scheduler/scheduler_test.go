package scheduler_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/scheduler"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

var shanghai, _ = time.LoadLocation("Asia/Shanghai")

func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for i := 0; i < 400; i++ {
		if cond() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

func start(t *testing.T, s *scheduler.Scheduler) {
	t.Helper()
	if err := s.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		s.Stop(ctx)
	})
}

func TestCronJobRunsAtEachTickWithTheFakeClock(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fake := clock.NewFake(time.Date(2026, 11, 23, 9, 0, 0, 0, shanghai))
		s := scheduler.New(db, scheduler.Options{Clock: fake, Location: shanghai})
		var mu sync.Mutex
		var ticks []time.Time
		s.Add(scheduler.Job{Name: "test.every10s", Title: "测试", Spec: "*/10 * * * * *", Run: func(ctx context.Context, tick time.Time) (string, error) {
			mu.Lock()
			ticks = append(ticks, tick)
			mu.Unlock()
			return "ok", nil
		}})
		start(t, s)
		count := func() int { mu.Lock(); defer mu.Unlock(); return len(ticks) }
		for i := 1; i <= 3; i++ {
			eventually(t, "the job to wait for its tick", func() bool { return fake.Waiters() > 0 })
			fake.Advance(10 * time.Second)
			eventually(t, "a run", func() bool { return count() == i })
		}
		mu.Lock()
		defer mu.Unlock()
		for i, tick := range ticks {
			want := time.Date(2026, 11, 23, 9, 0, 10*(i+1), 0, shanghai)
			if !tick.Equal(want) {
				t.Errorf("run %d at tick %v, want %v", i, tick, want)
			}
		}
		runs, err := s.Runs(context.Background(), "test.every10s", 10)
		if err != nil || len(runs) != 3 || runs[0].Status != "ok" || runs[0].Cause != "schedule" {
			t.Fatalf("history: %+v %v", runs, err)
		}
	}, audit.Migrations, scheduler.Migrations)
}

func TestInstantJobCatchesUpAtStartAndRunsToTheSecond(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fake := clock.NewFake(time.Date(2026, 11, 23, 8, 59, 30, 0, shanghai))
		due := time.Date(2026, 11, 23, 9, 0, 0, 0, shanghai)
		var runs atomic.Int32
		var lastAt atomic.Value
		s := scheduler.New(db, scheduler.Options{Clock: fake, Location: shanghai})
		s.AddInstant(scheduler.Instant{Name: "test.publish", Title: "定时发布",
			Next: func(ctx context.Context, now time.Time) (time.Time, bool, error) {
				if now.Before(due) {
					return due, true, nil
				}
				return time.Time{}, false, nil
			},
			Run: func(ctx context.Context, tick time.Time) (string, error) {
				runs.Add(1)
				lastAt.Store(fake.Now())
				return "", nil
			}})
		start(t, s)
		eventually(t, "the catch-up run at start", func() bool { return runs.Load() == 1 })
		eventually(t, "the timer for 09:00:00", func() bool { return fake.Waiters() > 0 })
		fake.Set(due)
		eventually(t, "the run at 09:00:00", func() bool { return runs.Load() == 2 })
		if at := lastAt.Load().(time.Time); !at.Equal(due) {
			t.Fatalf("ran at %v, want exactly %v", at, due)
		}
	}, audit.Migrations, scheduler.Migrations)
}

func TestJobsDoNotOverlapAndPanicsAreRecorded(t *testing.T) {
	db := storetest.SQLite(t, audit.Migrations, scheduler.Migrations)
	s := scheduler.New(db, scheduler.Options{Location: shanghai})
	release := make(chan struct{})
	var started atomic.Int32
	s.Add(scheduler.Job{Name: "test.slow", Spec: "@yearly", Run: func(ctx context.Context, tick time.Time) (string, error) {
		started.Add(1)
		<-release
		return "done", nil
	}})
	s.Add(scheduler.Job{Name: "test.panics", Spec: "@yearly", Run: func(ctx context.Context, tick time.Time) (string, error) {
		panic("boom")
	}})
	s.Add(scheduler.Job{Name: "test.fails", Spec: "@yearly", Run: func(ctx context.Context, tick time.Time) (string, error) {
		return "", errors.New("feed unreachable")
	}})
	start(t, s)
	ctx := context.Background()
	s.RunNow("test.slow")
	eventually(t, "the slow job to start", func() bool { return started.Load() == 1 })
	s.RunNow("test.slow")
	eventually(t, "the overlapping run to be skipped", func() bool {
		runs, _ := s.Runs(ctx, "test.slow", 5)
		return len(runs) == 2 && runs[0].Status == "skipped"
	})
	close(release)
	s.RunNow("test.panics")
	s.RunNow("test.fails")
	eventually(t, "failures recorded", func() bool {
		p, _ := s.Runs(ctx, "test.panics", 1)
		f, _ := s.Runs(ctx, "test.fails", 1)
		return len(p) == 1 && p[0].Status == "error" && len(f) == 1 && f[0].Error == "feed unreachable"
	})
	if started.Load() != 1 {
		t.Fatalf("slow job ran %d times concurrently", started.Load())
	}
}

func TestSetScheduleValidatesAndApplies(t *testing.T) {
	db := storetest.SQLite(t, audit.Migrations, scheduler.Migrations)
	fake := clock.NewFake(time.Date(2026, 11, 23, 9, 0, 0, 0, shanghai))
	s := scheduler.New(db, scheduler.Options{Clock: fake, Location: shanghai})
	s.Add(scheduler.Job{Name: "test.nightly", Spec: "0 3 * * *", Run: func(context.Context, time.Time) (string, error) { return "", nil }})
	start(t, s)
	ctx := context.Background()
	if err := s.SetSchedule(ctx, audit.Actor{Name: "t"}, "test.nightly", "0 99 * * *", true); err == nil {
		t.Fatal("bad schedule accepted")
	}
	if err := s.SetSchedule(ctx, audit.Actor{Name: "t"}, "test.nightly", "30 2 * * *", true); err != nil {
		t.Fatal(err)
	}
	jobs, err := s.Jobs(ctx)
	if err != nil || len(jobs) != 1 {
		t.Fatal(jobs, err)
	}
	j := jobs[0]
	want := time.Date(2026, 11, 24, 2, 30, 0, 0, shanghai)
	if j.Spec != "30 2 * * *" || len(j.Next) != 5 || !j.Next[0].Equal(want) || j.DescriptionZH == "" {
		t.Fatalf("after change: %+v", j)
	}
}

// Two instances on one PostgreSQL: a job every second runs once per second
// in total.
func TestTwoInstancesRunEachTickOnce(t *testing.T) {
	u := storetest.PostgresURL(t)
	ctx := context.Background()
	var total atomic.Int32
	open := func() *scheduler.Scheduler {
		db, err := store.Open(ctx, store.Options{URL: u, BusChannel: storetest.Channel(u)})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if _, err := db.Migrate(ctx, audit.Migrations, scheduler.Migrations); err != nil {
			t.Fatal(err)
		}
		s := scheduler.New(db, scheduler.Options{Location: shanghai})
		s.Add(scheduler.Job{Name: "test.every_second", Spec: "* * * * * *", Run: func(context.Context, time.Time) (string, error) {
			total.Add(1)
			return "", nil
		}})
		return s
	}
	a, b := open(), open()
	start(t, a)
	start(t, b)
	eventually(t, "four runs", func() bool { return total.Load() >= 4 })
	a.Stop(ctx)
	b.Stop(ctx)
	runs, err := a.Runs(ctx, "test.every_second", 100)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[time.Time]int{}
	instances := map[string]bool{}
	for _, r := range runs {
		seen[r.Tick.UTC()]++
		instances[r.Instance] = true
	}
	for tick, n := range seen {
		if n > 1 {
			t.Errorf("tick %v ran %d times", tick, n)
		}
	}
	if int(total.Load()) != len(runs) {
		t.Errorf("job ran %d times but %d runs recorded", total.Load(), len(runs))
	}
	t.Logf("%d ticks over %d instance(s)", len(seen), len(instances))
}
