//go:build linux

package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

func load(o options, w io.Writer) error {
	tokens, err := readTokens(o.tokens)
	if err != nil {
		return err
	}
	if o.n > 0 && o.n < len(tokens) {
		tokens = tokens[:o.n]
	}
	n := len(tokens)
	adm, err := login(o.url, o.user, o.passwordFile)
	if err != nil {
		return err
	}
	slowEvery := 0
	if o.slowPct > 0 {
		slowEvery = int(100 / o.slowPct)
	}
	fmt.Fprintf(w, "hallcast-load: %d screens from %d source addresses, %d CPUs here\n", n, o.sources, runtime.NumCPU())
	rss0 := rss(o.pid)
	rec := newRecorder()
	start := time.Now()
	f, err := dial(context.Background(), o, tokens, slowEvery, rec)
	if err != nil {
		return err
	}
	defer f.close()
	if !waitUntil(60*time.Second, func() bool { return f.hello.Load() >= int64(n) }) {
		return fmt.Errorf("only %d of %d screens got hello", f.hello.Load(), n)
	}
	fmt.Fprintf(w, "connected: %d screens in %s (%.0f/s)\n", n, time.Since(start).Round(time.Millisecond), float64(n)/time.Since(start).Seconds())
	time.Sleep(5 * time.Second)
	rss1 := rss(o.pid)

	// Idle hold: pings only.
	pings0, disc0 := f.pings.Load(), f.disconnected.Load()
	time.Sleep(o.hold)
	rss2 := rss(o.pid)
	fmt.Fprintf(w, "idle hold %s: %d disconnects, %d pings answered\n", o.hold, f.disconnected.Load()-disc0, f.pings.Load()-pings0)
	if o.pid != 0 {
		fmt.Fprintf(w, "server RSS: %d KiB before, %d KiB connected, %d KiB after the hold → %.1f KiB per idle connection\n",
			rss0, rss1, rss2, float64(rss2-rss0)/float64(n))
	}
	fast := n - n/max(slowEvery, n+1)
	if slowEvery > 0 {
		fast = n - n/slowEvery
	}
	text := makeText(o.textBytes)

	// One broadcast at a time.
	var alls, pers []time.Duration
	settled := func() { // the acks of the last broadcast are in: each one is measured alone
		waitUntil(10*time.Second, func() bool { return f.pendingAcks.Load() == 0 })
		time.Sleep(300 * time.Millisecond)
	}
	for i := range o.broadcasts {
		settled()
		t0 := time.Now()
		mid, err := adm.send(text)
		if err != nil {
			return err
		}
		rec.started(mid, t0)
		if !waitUntil(30*time.Second, func() bool { return rec.count(mid) >= fast }) {
			return fmt.Errorf("broadcast %d: %d of %d screens received it", i, rec.count(mid), fast)
		}
		per, all, _ := rec.result(mid)
		alls, pers = append(alls, all), append(pers, per...)
		if i == o.broadcasts-1 {
			break // cleared once its receipts are counted
		}
		settled() // acks of a cleared emergency do not count
		if err := clearAndWait(adm, rec, mid, n); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "broadcast (%d bytes, %d one at a time): delivered-to-all p50 %s p99 %s max %s; per screen p50 %s p99 %s\n",
		len(text), o.broadcasts, ms(pct(alls, 50)), ms(pct(alls, 99)), ms(pct(alls, 100)), ms(pct(pers, 50)), ms(pct(pers, 99)))
	if len(alls) > 0 {
		fmt.Fprintf(w, "delivered-to-all of each, in order (ms):%s\n", msList(alls))
	}
	if o.broadcasts > 0 {
		settled()
		time.Sleep(time.Second) // let the last acks be written
		last := lastID(rec)
		conf, targets, err := adm.receipts(last)
		if err == nil {
			fmt.Fprintf(w, "receipts of the last one: %d / %d confirmed\n", conf, targets)
		}
		if err := clearAndWait(adm, rec, last, n); err != nil {
			return err
		}
	}

	// Back-to-back.
	if o.burst > 0 {
		settled()
		srv0, self0 := cpu(o.pid), cpu(0)
		t0 := time.Now()
		var ids []string
		for range o.burst {
			ts := time.Now()
			mid, err := adm.send(text)
			if err != nil {
				return err
			}
			rec.started(mid, ts)
			ids = append(ids, mid)
		}
		var last time.Time
		for _, mid := range ids {
			if !waitUntil(60*time.Second, func() bool { return rec.count(mid) >= fast }) {
				return fmt.Errorf("burst: %d of %d screens received %s", rec.count(mid), fast, mid)
			}
			if _, _, l := rec.result(mid); l.After(last) {
				last = l
			}
		}
		total := o.burst * fast
		fmt.Fprintf(w, "back-to-back: %d broadcasts, %d deliveries in %s → %.0f deliveries/s\n",
			o.burst, total, last.Sub(t0).Round(time.Millisecond), float64(total)/last.Sub(t0).Seconds())
		if o.pid != 0 {
			srv, self := cpu(o.pid)-srv0, cpu(0)-self0
			fmt.Fprintf(w, "CPU until the last delivery: server %s, this load process %s\n", srv, self)
			settled() // the acks' cost belongs to the deliveries too
			srv, self = cpu(o.pid)-srv0, cpu(0)-self0
			fmt.Fprintf(w, "CPU of the burst with its acks: server %s (%.1f µs per delivery, i.e. %.0f deliveries per CPU-second), this load process %s\n",
				srv, float64(srv.Microseconds())/float64(total), float64(total)/srv.Seconds(), self)
		}
		for _, mid := range ids {
			if err := clearAndWait(adm, rec, mid, n); err != nil {
				return err
			}
		}
	}
	if slowEvery > 0 {
		if err := slowPhase(o, w, f, adm, rec, fast, settled); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "disconnects outside the slow phase: %d\n", f.disconnected.Load()-f.slowDrops())
	if n := f.ackFailed.Load(); n > 0 {
		fmt.Fprintf(w, "acks the socket did not take: %d\n", n)
	}
	return nil
}

// slowPhase makes 1% of the screens stop reading and broadcasts large
// messages until the server has dropped them all (or slow-rounds), while
// measuring the others. Like the one-at-a-time broadcasts, each round
// starts once the last one's acks are in and it is cleared, so its
// figure compares with theirs.
func slowPhase(o options, w io.Writer, f *fleet, adm *admin, rec *recorder, fast int, settled func()) error {
	f.pause()
	_, slow0 := f.open()
	base := serverScreens(o.url)
	text := makeText(1500)
	var alls []time.Duration
	rounds := 0
	for rounds < o.slowRounds {
		settled()
		t0 := time.Now()
		mid, err := adm.send(text)
		if err != nil {
			return err
		}
		rec.started(mid, t0)
		rounds++
		if !waitUntil(30*time.Second, func() bool { return rec.count(mid) >= fast }) {
			return fmt.Errorf("slow phase: %d of %d fast screens received %s", rec.count(mid), fast, mid)
		}
		_, all, _ := rec.result(mid)
		alls = append(alls, all)
		settled()
		if err := clearAndWait(adm, rec, mid, fast); err != nil {
			return err
		}
		if base-serverScreens(o.url) >= slow0 {
			break
		}
	}
	dropped := base - serverScreens(o.url)
	f.resume()
	waitUntil(10*time.Second, func() bool { return f.slowDrops() >= int64(dropped) })
	fmt.Fprintf(w, "slow consumers: %d screens stopped reading; after %d broadcasts of %d bytes the server had dropped %d of them; the others: delivered-to-all p50 %s p99 %s max %s\n",
		slow0, rounds, len(text), dropped, ms(pct(alls, 50)), ms(pct(alls, 99)), ms(pct(alls, 100)))
	return nil
}

func clearAndWait(adm *admin, rec *recorder, mid string, n int) error {
	if err := adm.clear(mid); err != nil {
		return err
	}
	waitUntil(30*time.Second, func() bool { return rec.clears(mid) >= n*98/100 })
	return nil
}

func lastID(r *recorder) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	best, bestN := "", 0
	for id := range r.bc {
		var k int
		fmt.Sscanf(id, "em-%d", &k)
		if k > bestN {
			best, bestN = id, k
		}
	}
	return best
}

// makeText returns an emergency text of n bytes of UTF-8.
func makeText(n int) string {
	const s = "紧急通知：一楼大厅发生火警，请从东侧安全出口有序撤离，不要乘坐电梯。"
	var b strings.Builder
	for b.Len() < n-3 {
		for _, r := range s {
			if b.Len()+len(string(r)) > n {
				break
			}
			b.WriteRune(r)
		}
	}
	for b.Len() < n {
		b.WriteByte('!')
	}
	return b.String()
}

func waitUntil(d time.Duration, cond func() bool) bool {
	end := time.Now().Add(d)
	for time.Now().Before(end) {
		if cond() {
			return true
		}
		time.Sleep(2 * time.Millisecond)
	}
	return cond()
}

func readTokens(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := strings.Fields(string(b))
	if len(out) == 0 {
		return nil, fmt.Errorf("no tokens in %s", path)
	}
	return out, nil
}

// msList formats durations as " 12.3 45.6 …" milliseconds.
func msList(ds []time.Duration) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, " %.1f", float64(d)/float64(time.Millisecond))
	}
	return b.String()
}

func formatMS(d time.Duration) string {
	return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
}

// serverScreens reads how many screens are connected to the server
// (hallcast_push_connections on /metrics): a screen that stops reading
// is dropped when its queue fills or a write to it times out.
func serverScreens(base string) int {
	res, err := http.Get(base + "/metrics")
	if err != nil {
		return 0
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, `hallcast_push_connections{kind="screen"} `); ok {
			f, _ := strconv.ParseFloat(strings.TrimSpace(v), 64)
			return int(f)
		}
	}
	return 0
}
