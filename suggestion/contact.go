package suggestion

import (
	"context"
	"fmt"

	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/sealed"
	"github.com/hallcast/hallcast/store"
)

// The citizen's phone and message are sealed at rest with the contact key
// (package sealed), bound to their column and the tracking number. The
// phone is never opened to be shown: lists show the masked copy
// (phone_masked). The message is opened for the admins' list: they read
// it, and citizens write their names, addresses and numbers into it.

// resealBatch is the number of messages sealed per transaction by Reseal.
const resealBatch = 200

func place(column, trackingNo string) string { return sealed.Place("suggestions", column, trackingNo) }

// maskPhone is the phone's masked copy ("" for none).
func (s *Service) maskPhone(phone string) string {
	if phone == "" {
		return ""
	}
	return s.opts.Policy.Mask(privacy.KindMobile, phone)
}

// SealedTables are the tables that hold sealed data.
func (s *Service) SealedTables() []string { return []string{"suggestions"} }

// SealedWith counts the messages by the key that sealed them ("" for
// those stored before personal data was sealed).
func (s *Service) SealedWith(ctx context.Context) (map[string]int, error) {
	var rows []struct {
		Key string `db:"seal_key"`
		N   int    `db:"n"`
	}
	if err := s.db.Select(ctx, &rows, "SELECT seal_key, COUNT(*) AS n FROM suggestions GROUP BY seal_key"); err != nil {
		return nil, wrap("count sealed messages", err)
	}
	out := map[string]int{}
	for _, r := range rows {
		out[r.Key] += r.N
	}
	return out, nil
}

// Reseal seals, with the current contact key, the messages not sealed
// with it: those stored before personal data was sealed (all false, as
// the server does at start), or also those sealed with another key (all
// true: a key rotation). One transaction per batch, and a row is written
// only if nobody sealed it meanwhile: it may stop and run again. It
// returns how many messages it sealed.
func (s *Service) Reseal(ctx context.Context, all bool) (int, error) {
	total := 0
	var last int64
	for {
		k, err := s.opts.Keys.Sealing()
		if err != nil {
			return total, wrap("seal messages", err)
		}
		cond, args := "seal_key = ''", []any{}
		if all {
			cond, args = "seal_key <> ?", []any{k.ID()}
		}
		var rows []struct {
			ID         int64  `db:"id"`
			TrackingNo string `db:"tracking_no"`
			SealKey    string `db:"seal_key"`
			Phone      string `db:"phone"`
			Body       string `db:"body"`
			Masked     string `db:"phone_masked"`
		}
		err = s.db.Tx(ctx, func(tx *store.Tx) error {
			if err := tx.Select(ctx, &rows, "SELECT id, tracking_no, seal_key, phone, body, phone_masked FROM suggestions WHERE id > ? AND "+cond+
				" ORDER BY id LIMIT ?", append(append([]any{last}, args...), resealBatch)...); err != nil {
				return err
			}
			for _, r := range rows {
				phone, body, masked := r.Phone, r.Body, r.Masked
				if r.SealKey == "" {
					masked = s.maskPhone(phone)
				} else {
					var err error
					if phone, err = s.opts.Keys.Open(r.Phone, place("phone", r.TrackingNo)); err != nil {
						return fmt.Errorf("open the phone of message %d: %w", r.ID, err)
					}
					if body, err = s.opts.Keys.Open(r.Body, place("body", r.TrackingNo)); err != nil {
						return fmt.Errorf("open message %d: %w", r.ID, err)
					}
				}
				res, err := tx.Exec(ctx, "UPDATE suggestions SET phone = ?, body = ?, phone_masked = ?, seal_key = ? WHERE id = ? AND seal_key = ?",
					k.Seal(phone, place("phone", r.TrackingNo)), k.Seal(body, place("body", r.TrackingNo)), masked, k.ID(), r.ID, r.SealKey)
				if err != nil {
					return err
				}
				if c, _ := res.RowsAffected(); c == 1 {
					total++
				}
			}
			return nil
		})
		if err != nil {
			return total, wrap("seal messages", err)
		}
		if len(rows) < resealBatch {
			return total, nil
		}
		last = rows[len(rows)-1].ID
	}
}
