package alert

import (
	"context"
	"encoding/json"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

type channelRow struct {
	ID          int64     `db:"id"`
	Name        string    `db:"name"`
	Kind        Kind      `db:"kind"`
	Enabled     bool      `db:"enabled"`
	Settings    string    `db:"settings"`
	Sealed      string    `db:"secrets"`
	SecretNames string    `db:"secret_names"`
	Hint        string    `db:"hint"`
	CreatedAt   time.Time `db:"created_at"`
	UpdatedAt   time.Time `db:"updated_at"`
}

const channelColumns = "id, name, kind, enabled, settings, secrets, secret_names, hint, created_at, updated_at"

func (r channelRow) channel() Channel {
	c := Channel{ID: r.ID, Name: r.Name, Kind: r.Kind, Enabled: r.Enabled, Hint: r.Hint, SecretsSet: []string{},
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
	_ = json.Unmarshal([]byte(r.Settings), &c.Settings)
	_ = json.Unmarshal([]byte(r.SecretNames), &c.SecretsSet)
	return c
}

func (s *Service) channelRow(ctx context.Context, q store.Querier, id int64) (*channelRow, error) {
	var r channelRow
	err := q.Get(ctx, &r, "SELECT "+channelColumns+" FROM alert_channels WHERE id = ?", id)
	if store.IsNotFound(err) {
		return nil, web.NotFound("channel")
	}
	return &r, err
}

// secrets opens a channel's sealed secrets.
func (s *Service) secrets(r *channelRow) (Secrets, error) {
	var sec Secrets
	plain, err := s.seal.open(r.Sealed, r.ID)
	if err != nil || plain == nil {
		return sec, err
	}
	err = json.Unmarshal(plain, &sec)
	return sec, err
}

// Channels lists every channel by name.
func (s *Service) Channels(ctx context.Context) ([]Channel, error) {
	var rows []channelRow
	if err := s.db.Select(ctx, &rows, "SELECT "+channelColumns+" FROM alert_channels ORDER BY name, id"); err != nil {
		return nil, wrap("list channels", err)
	}
	out := make([]Channel, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.channel())
	}
	return out, nil
}

// Channel returns one channel.
func (s *Service) Channel(ctx context.Context, id int64) (*Channel, error) {
	r, err := s.channelRow(ctx, s.db, id)
	if err != nil {
		return nil, wrap("read a channel", err)
	}
	c := r.channel()
	return &c, nil
}

// SaveChannel creates (id 0) or changes a channel. Secrets left empty keep
// their stored value; they are sealed, and neither returned nor audited.
func (s *Service) SaveChannel(ctx context.Context, who audit.Actor, id int64, in ChannelInput) (*Channel, error) {
	var out Channel
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		var before *Channel
		var stored Secrets
		now := s.now()
		if id != 0 {
			r, err := s.channelRow(ctx, tx, id)
			if err != nil {
				return err
			}
			b := r.channel()
			before = &b
			if stored, err = s.secrets(r); err != nil {
				return err
			}
			if in.Kind != r.Kind {
				return web.Invalid("kind", web.CodeInvalid, "a channel keeps its kind; add a new one")
			}
		}
		sec := in.Secrets.merge(stored, in.Clear)
		if err := in.check(sec); err != nil {
			return err
		}
		settingsJSON, _ := json.Marshal(in.Settings)
		names, _ := json.Marshal(sec.names())
		if id == 0 {
			if err := tx.Get(ctx, &id, `INSERT INTO alert_channels (name, kind, enabled, settings, secret_names, hint, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, in.Name, in.Kind, in.Enabled, string(settingsJSON), string(names),
				hint(in.Kind, in.Settings, sec), now, now); err != nil {
				return err
			}
		}
		plain, _ := json.Marshal(sec)
		if _, err := tx.Exec(ctx, `UPDATE alert_channels SET name = ?, enabled = ?, settings = ?, secrets = ?, secret_names = ?, hint = ?,
			updated_at = ? WHERE id = ?`, in.Name, in.Enabled, string(settingsJSON), s.seal.seal(plain, id), string(names),
			hint(in.Kind, in.Settings, sec), now, id); err != nil {
			return err
		}
		r, err := s.channelRow(ctx, tx, id)
		if err != nil {
			return err
		}
		out = r.channel()
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "alert_channel.save", ObjectType: "alert_channel", ObjectID: id,
			Before: before, After: out})
	})
	if err != nil {
		return nil, wrap("save a channel", err)
	}
	return &out, nil
}

// DeleteChannel removes a channel with its queued messages and log.
func (s *Service) DeleteChannel(ctx context.Context, who audit.Actor, id int64) error {
	return wrap("delete a channel", s.db.Tx(ctx, func(tx *store.Tx) error {
		r, err := s.channelRow(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM alert_channels WHERE id = ?", id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: s.now(), Action: "alert_channel.delete", ObjectType: "alert_channel", ObjectID: id,
			Before: r.channel()})
	}))
}
