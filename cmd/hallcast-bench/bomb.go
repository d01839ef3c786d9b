package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/archive/archivegen"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/workbook/workbooktest"
)

// runBomb posts decompression bombs to the server as archive imports and
// notice attachments and prints each answer, how long it took, and how
// much the server's memory grew above idle (Go's memory from the system
// and the peak resident set; the bombs themselves are a few MB).
func runBomb(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bomb", flag.ContinueOnError)
	fs.SetOutput(stderr)
	l := config.NewLoader(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	cfg, err := l.Load(os.LookupEnv)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	ctx := context.Background()
	p, err := startInProcess(ctx, cfg)
	if err != nil {
		fmt.Fprintln(stderr, "bomb:", err)
		return 1
	}
	defer p.close()
	var ds archive.Dataset
	if _, err := p.do("POST", "/api/admin/archive/datasets", archivegen.Dataset("炸弹"+strconv.FormatInt(time.Now().UnixNano(), 36)), &ds); err != nil {
		fmt.Fprintln(stderr, "bomb:", err)
		return 1
	}
	cases := []struct {
		what string
		bomb workbooktest.Bomb
		path string
	}{
		{"archive import", workbooktest.Bomb{Size: 2 << 30, Compressed: 4 << 20}, fmt.Sprintf("/api/admin/archive/datasets/%d/imports", ds.ID)},
		{"archive import", workbooktest.Bomb{Size: 1200 << 20, Compressed: 9 << 20}, fmt.Sprintf("/api/admin/archive/datasets/%d/imports", ds.ID)},
		{"notice attachment", workbooktest.Bomb{Size: 2 << 30, Compressed: 4 << 20}, "/api/admin/uploads"},
		{"notice attachment", workbooktest.Bomb{Size: 300 << 20, Compressed: 3 << 20}, "/api/admin/uploads"},
		{"notice attachment", workbooktest.Bomb{Size: 250 << 20, Compressed: 900 << 10}, "/api/admin/uploads"},
	}
	bodies := make([][]byte, len(cases))
	for i, c := range cases {
		if bodies[i], err = c.bomb.Bytes(); err != nil {
			fmt.Fprintln(stderr, "bomb:", err)
			return 1
		}
	}
	runtime.GC()
	idle := memNow()
	fmt.Fprintf(stdout, "idle: Go heap in use %d MiB, from the system %d MiB, RSS %d MiB\n", idle.heap>>20, idle.sys>>20, idle.rss>>20)
	fmt.Fprintln(stdout, "| upload | file | inflates to | answer | time | Go memory from the system, growth | peak RSS during the request |")
	fmt.Fprintln(stdout, "| --- | --- | --- | --- | --- | --- | --- |")
	for i, c := range cases {
		body := upload(map[string]string{"mode": "replace"}, "名单.xlsx", bodies[i])
		_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) // the peak RSS starts again from now
		start := time.Now()
		status, err := p.do("POST", c.path, body, nil)
		took := time.Since(start)
		m := memNow()
		fmt.Fprintf(stdout, "| %s | %.1f MB | %d MiB | %d %s | %d ms | +%d MiB | %d MiB |\n", c.what, float64(len(bodies[i]))/1e6, c.bomb.Size>>20,
			status, answer(err), took.Milliseconds(), max(m.sys-idle.sys, 0)>>20, m.hwm>>20)
	}
	return 0
}

// answer is the error code and limit of an error answer.
func answer(err error) string {
	if err == nil {
		return "accepted"
	}
	msg := err.Error()
	var e struct {
		Error struct {
			Code   string
			Params map[string]any
		}
	}
	if i := strings.Index(msg, "{"); i >= 0 && json.Unmarshal([]byte(msg[i:]), &e) == nil {
		return fmt.Sprintf("%s %v", e.Error.Code, e.Error.Params["limit"])
	}
	return msg
}

type mem struct{ heap, sys, rss, hwm int64 }

// memNow reads the runtime's memory and this process's resident set, now
// and at its peak since the last reset (clear_refs).
func memNow() mem {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m := mem{heap: int64(ms.HeapInuse), sys: int64(ms.Sys)}
	raw, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(raw), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case "VmRSS:":
			m.rss = kb << 10
		case "VmHWM:":
			m.hwm = kb << 10
		}
	}
	return m
}
