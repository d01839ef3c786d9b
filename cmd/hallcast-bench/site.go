package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/search/searchtest"
	"github.com/hallcast/hallcast/server"
)

// runSite serves the app for the public web edition's load test
// (docs/benchmarks.md, "Public web edition"): on a fresh data folder it
// first publishes --notices realistic notices through the real workflow
// (an editor writes and submits, a reviewer approves; the generated text
// of search/searchtest, with a 12-row table in every tenth), then writes
// their page paths to --paths for wrk (site.lua) and serves.
func runSite(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("site", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("notices", 500, "notices to publish when there are none yet")
	paths := fs.String("paths", "site-paths.txt", "file for the notice page paths (one a line) that site.lua requests")
	noCache := fs.Bool("no-page-cache", false, "render every page afresh (the site's page cache keeps nothing)")
	l := config.NewLoader(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	cfg, err := l.Load(os.LookupEnv)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer cancel()
	app, err := server.Open(ctx, cfg, log, server.Options{})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if *noCache {
		app.Site.SetCacheSize(0)
	}
	ids, err := publishNotices(ctx, app, *n)
	if err != nil {
		fmt.Fprintln(stderr, "publishing notices:", err)
		return 1
	}
	f, err := os.Create(*paths)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	w := bufio.NewWriter(f)
	for _, id := range ids {
		fmt.Fprintf(w, "/gk/n/%d\n", id)
	}
	if err := w.Flush(); err != nil || f.Close() != nil {
		fmt.Fprintln(stderr, "writing", *paths, err)
		return 1
	}
	fmt.Fprintf(stdout, "%d public notices, paths in %s\n", len(ids), *paths)
	if err := app.Serve(ctx, nil); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// publishNotices publishes n notices unless some are public already, and
// returns the public notices' IDs.
func publishNotices(ctx context.Context, app *server.App, n int) ([]int64, error) {
	have, err := app.Notices.Published(ctx, notice.PublicFilter{Limit: 1000})
	if err != nil || len(have) == 0 {
		if err := writeNotices(ctx, app, n); err != nil {
			return nil, err
		}
		if have, err = app.Notices.Published(ctx, notice.PublicFilter{Limit: 1000}); err != nil {
			return nil, err
		}
	}
	ids := make([]int64, len(have))
	for i, p := range have {
		ids[i] = p.ID
	}
	return ids, nil
}

func writeNotices(ctx context.Context, app *server.App, n int) error {
	who := func(name string, role auth.Role) (notice.Who, error) {
		u, _, err := app.Auth.Create(ctx, audit.Actor{Name: "bench"}, auth.NewUser{Username: name, Role: role, Password: name + "-password-1"})
		if err != nil {
			return notice.Who{}, err
		}
		return notice.Who{Actor: audit.Actor{ID: u.ID, Name: u.Username}, Role: role}, nil
	}
	ed, err := who("bench.editor", auth.RoleEditor)
	if err != nil {
		return err
	}
	rev, err := who("bench.reviewer", auth.RoleReviewer)
	if err != nil {
		return err
	}
	cats, err := app.Catalogue.List(ctx)
	if err != nil {
		return err
	}
	g := searchtest.New(23)
	for i := 1; i <= n; i++ {
		d := g.Doc(int64(i))
		body := d.Body
		if i%10 == 0 {
			var b strings.Builder
			b.WriteString(body + "\n\n| 序号 | 户主 | 村（社区） | 保障人口 | 月保障金额（元） |\n| --- | --- | --- | --- | --- |\n")
			for r := 1; r <= 12; r++ {
				fmt.Fprintf(&b, "| %d | %s* | 石桥村 | %d | %d |\n", r, string([]rune("张王李赵刘陈杨黄周吴徐孙")[r-1]), 1+r%4, 600+55*r)
			}
			body = b.String()
		}
		in := notice.Input{Title: d.Title, Body: body, Kind: notice.KindAnnouncement, CategoryID: cats[i%len(cats)].ID, SourceDept: "县人民政府办公室"}
		det, err := app.Notices.Create(ctx, ed, in)
		if err != nil {
			return fmt.Errorf("notice %d: %w", i, err)
		}
		id := det.Notice.ID
		if _, err := app.Notices.Submit(ctx, ed, id); err != nil {
			return fmt.Errorf("submit %d: %w", i, err)
		}
		if _, err := app.Notices.Approve(ctx, rev, id, notice.Decision{Reason: "同意公开", OverrideReason: "生成的测试数据"}); err != nil {
			return fmt.Errorf("approve %d: %w", i, err)
		}
	}
	return nil
}
