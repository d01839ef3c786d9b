package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/coreos/go-systemd/v22/daemon"
)

// Serve listens on the configured address and serves until ctx is done,
// then shuts down gracefully: it stops accepting, lets in-flight requests
// finish within the shutdown timeout, runs the stop hooks (closing
// WebSockets, stopping jobs) and closes the database. ready, if not nil,
// receives the bound address once the server accepts connections.
func (a *App) Serve(ctx context.Context, ready chan<- net.Addr) error {
	ln, err := net.Listen("tcp", a.Cfg.Listen)
	if err != nil {
		a.Close(context.Background())
		return fmt.Errorf("server: unable to listen on %s: %w", a.Cfg.Listen, err)
	}
	srv := &http.Server{
		Handler:           a.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       5 * time.Minute, // large uploads on slow links
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          nil,
	}
	errc := make(chan error, 1)
	go func() {
		if a.Cfg.TLS() {
			errc <- srv.ServeTLS(ln, a.Cfg.TLSCert, a.Cfg.TLSKey)
		} else {
			errc <- srv.Serve(ln)
		}
	}()
	a.Log.Info("hallcast: serving", "addr", ln.Addr().String(), "database", string(a.DB.Dialect()), "data_dir", a.Cfg.DataDir)
	if ready != nil {
		ready <- ln.Addr()
	}
	_, _ = daemon.SdNotify(false, daemon.SdNotifyReady)
	stopWatchdog := a.watchdog()
	// The first admin is created once the server answers: hashing its
	// password must not delay readiness.
	if _, err := a.Auth.EnsureAdmin(ctx); err != nil {
		a.Log.Error("hallcast: unable to create the first admin account", "err", err)
	}

	select {
	case err = <-errc:
		a.Log.Error("hallcast: server stopped", "err", err)
	case <-ctx.Done():
		a.Log.Info("hallcast: shutting down", "timeout", a.Cfg.ShutdownTimeout)
	}
	_, _ = daemon.SdNotify(false, daemon.SdNotifyStopping)
	stopWatchdog()
	sctx, cancel := context.WithTimeout(context.Background(), a.Cfg.ShutdownTimeout)
	defer cancel()
	shutdownErr := srv.Shutdown(sctx)
	a.Close(sctx)
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("server: %w", err)
	}
	if shutdownErr != nil {
		return fmt.Errorf("server: requests still running at the shutdown deadline: %w", shutdownErr)
	}
	a.Log.Info("hallcast: stopped")
	return nil
}

// watchdog pings systemd's watchdog at half its interval while the
// database answers, so a wedged server is restarted.
func (a *App) watchdog() (stop func()) {
	interval, err := daemon.SdWatchdogEnabled(false)
	if err != nil || interval == 0 {
		return func() {}
	}
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(interval / 2)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if err := a.DB.Ping(context.Background()); err != nil {
					a.Log.Error("hallcast: watchdog: database unreachable", "err", err)
					continue
				}
				_, _ = daemon.SdNotify(false, daemon.SdNotifyWatchdog)
			}
		}
	}()
	return func() { close(done) }
}
