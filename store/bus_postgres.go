package store

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jmoiron/sqlx"
)

// listenPostgres connects a LISTEN session for the bus channel and wires
// Publish to NOTIFY. It returns once the first LISTEN is in place, so an
// event published by another instance after Open is not missed.
func (b *Bus) listenPostgres(ctx context.Context, url, channel string, db *sqlx.DB) error {
	b.notify = func(ctx context.Context, payload string) error {
		if _, err := db.ExecContext(ctx, "SELECT pg_notify($1, $2)", channel, payload); err != nil {
			return fmt.Errorf("store: unable to notify: %w", err)
		}
		return nil
	}
	conn, err := listenConn(ctx, url, channel)
	if err != nil {
		return err
	}
	lctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		b.listenLoop(lctx, conn, url, channel)
	}()
	b.stop = func() { cancel(); wg.Wait() }
	return nil
}

func listenConn(ctx context.Context, url, channel string) (*pgx.Conn, error) {
	cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(cctx, url)
	if err != nil {
		return nil, fmt.Errorf("store: unable to connect the event listener: %w", err)
	}
	if _, err := conn.Exec(cctx, "LISTEN "+pgx.Identifier{channel}.Sanitize()); err != nil {
		conn.Close(context.Background())
		return nil, fmt.Errorf("store: unable to LISTEN: %w", err)
	}
	return conn, nil
}

func (b *Bus) listenLoop(ctx context.Context, conn *pgx.Conn, url, channel string) {
	backoff := 100 * time.Millisecond
	for {
		for conn != nil {
			n, err := conn.WaitForNotification(ctx)
			if err != nil {
				conn.Close(context.Background())
				conn = nil
				if ctx.Err() != nil {
					return
				}
				b.log.Warn("store: event listener lost its connection", "err", err)
				break
			}
			backoff = 100 * time.Millisecond
			var env envelope
			if err := json.Unmarshal([]byte(n.Payload), &env); err != nil {
				b.log.Warn("store: ignoring a malformed event", "err", err)
				continue
			}
			if env.Origin != b.origin {
				b.deliver(env.Event)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Duration(rand.Int64N(int64(backoff)))):
		}
		backoff = min(backoff*2, 10*time.Second)
		var err error
		if conn, err = listenConn(ctx, url, channel); err != nil {
			b.log.Warn("store: event listener cannot reconnect", "err", err)
			continue
		}
		// Whatever was published while we were away is lost: resync.
		b.deliver(Event{Topic: TopicResync})
	}
}
