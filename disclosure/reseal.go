package disclosure

import (
	"context"

	"github.com/hallcast/hallcast/sealed"
	"github.com/hallcast/hallcast/store"
)

// Rows sealed per transaction by Reseal: requests are small, scans may be
// as large as the upload limit.
const (
	resealRequests = 200
	resealScans    = 4
)

// SealedTables are the tables that hold the applicants' sealed data.
func (s *Service) SealedTables() []string { return []string{"disclosure_requests", "disclosure_scans"} }

// SealedWith counts the rows of requests and scans by the key that sealed
// them ("" for rows stored before personal data was sealed).
func (s *Service) SealedWith(ctx context.Context) (map[string]int, error) {
	out := map[string]int{}
	for _, t := range s.SealedTables() {
		var rows []struct {
			Key string `db:"seal_key"`
			N   int    `db:"n"`
		}
		if err := s.db.Select(ctx, &rows, "SELECT seal_key, COUNT(*) AS n FROM "+t+" GROUP BY seal_key"); err != nil {
			return nil, wrap("count sealed rows", err)
		}
		for _, r := range rows {
			out[r.Key] += r.N
		}
	}
	return out, nil
}

// Reseal seals, with the current contact key, the requests and scans
// that are not sealed with it: the plain rows stored before personal data
// was sealed (all false: only those, as the server does at start), or
// every row sealed with another key too (all true: a key rotation). Each
// batch is one transaction and a row is written only if nobody sealed it
// meanwhile, so it may stop and run again, and run on several instances
// at once. It returns how many rows it sealed.
func (s *Service) Reseal(ctx context.Context, all bool) (int, error) {
	n, err := s.resealRequests(ctx, all)
	if err != nil {
		return n, wrap("seal requests", err)
	}
	m, err := s.resealScans(ctx, all)
	return n + m, wrap("seal scans", err)
}

// pending is the condition of the rows Reseal takes, with its argument.
func pending(all bool, k *sealed.Key, column string) (string, []any) {
	if all {
		return column + " <> ?", []any{k.ID()}
	}
	return column + " = ''", nil
}

func (s *Service) resealRequests(ctx context.Context, all bool) (int, error) {
	total := 0
	var last int64
	for {
		k, err := s.opts.Keys.Sealing()
		if err != nil {
			return total, err
		}
		cond, args := pending(all, k, "seal_key")
		var rows []requestRow
		err = s.db.Tx(ctx, func(tx *store.Tx) error {
			if err := tx.Select(ctx, &rows, "SELECT "+requestColumns+" FROM disclosure_requests WHERE id > ? AND "+cond+" ORDER BY id LIMIT ?",
				append(append([]any{last}, args...), resealRequests)...); err != nil {
				return err
			}
			for _, r := range rows {
				old := r.SealKey
				if old == "" {
					s.mask(&r)
				} else if err := s.openRow(&r, true); err != nil {
					return err
				}
				sealRow(k, &r)
				res, err := tx.Exec(ctx, `UPDATE disclosure_requests SET name = ?, id_number = ?, legal_rep = ?, contact_name = ?, phone = ?,
					email = ?, address = ?, description = ?, note = ?, seal_key = ?, name_masked = ?, id_masked = ?, phone_masked = ?
					WHERE id = ? AND seal_key = ?`, r.Name, r.IDNumber, r.LegalRep, r.ContactName, r.Phone, r.Email, r.Address,
					r.Description, r.Note, r.SealKey, r.NameMasked, r.IDMasked, r.PhoneMasked, r.ID, old)
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
			return total, err
		}
		if len(rows) < resealRequests {
			return total, nil
		}
		last = rows[len(rows)-1].ID
	}
}

func (s *Service) resealScans(ctx context.Context, all bool) (int, error) {
	total := 0
	var last int64
	for {
		k, err := s.opts.Keys.Sealing()
		if err != nil {
			return total, err
		}
		cond, args := pending(all, k, "s.seal_key")
		var rows []struct {
			ID         int64  `db:"request_id"`
			TrackingNo string `db:"tracking_no"`
			SealKey    string `db:"seal_key"`
			Name       string `db:"name"`
			Data       []byte `db:"data"`
		}
		err = s.db.Tx(ctx, func(tx *store.Tx) error {
			if err := tx.Select(ctx, &rows, `SELECT s.request_id, r.tracking_no, s.seal_key, s.name, s.data
				FROM disclosure_scans s JOIN disclosure_requests r ON r.id = s.request_id
				WHERE s.request_id > ? AND `+cond+` ORDER BY s.request_id LIMIT ?`, append(append([]any{last}, args...), resealScans)...); err != nil {
				return err
			}
			for _, r := range rows {
				name, data := r.Name, r.Data
				if r.SealKey != "" {
					var err error
					if name, err = s.opts.Keys.Open(r.Name, scanPlace("name", r.TrackingNo)); err != nil {
						return err
					}
					if data, err = s.opts.Keys.OpenBytes(r.Data, scanPlace("data", r.TrackingNo)); err != nil {
						return err
					}
				}
				res, err := tx.Exec(ctx, "UPDATE disclosure_scans SET name = ?, data = ?, seal_key = ? WHERE request_id = ? AND seal_key = ?",
					k.Seal(name, scanPlace("name", r.TrackingNo)), k.SealBytes(data, scanPlace("data", r.TrackingNo)), k.ID(), r.ID, r.SealKey)
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
			return total, err
		}
		if len(rows) < resealScans {
			return total, nil
		}
		last = rows[len(rows)-1].ID
	}
}
