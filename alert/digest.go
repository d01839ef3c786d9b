package alert

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hallcast/hallcast/store"
)

// digestLimit bounds a digest's text (robots cut it further).
const digestLimit = 16 << 10

// digest turns the messages quiet hours held into one message per
// channel, sent now.
func (s *Service) digest(ctx context.Context, tx *store.Tx, now time.Time, res *Result) error {
	var held []struct {
		ID        int64  `db:"id"`
		ChannelID int64  `db:"channel_id"`
		Subject   string `db:"subject"`
		Body      string `db:"body"`
	}
	if err := tx.Select(ctx, &held, "SELECT id, channel_id, subject, body FROM alert_outbox WHERE status = 'held' ORDER BY channel_id, id"); err != nil {
		return err
	}
	for i := 0; i < len(held); {
		j := i
		var b strings.Builder
		for ; j < len(held) && held[j].ChannelID == held[i].ChannelID; j++ {
			fmt.Fprintf(&b, "%s\n%s\n\n", held[j].Subject, held[j].Body)
		}
		subject := fmt.Sprintf("【%s】%d 条消息", eventWords[EventDigest][0], j-i)
		id, err := s.insertMessage(ctx, tx, held[i].ChannelID, nil, "", EventDigest, subject, clip(strings.TrimSpace(b.String()), digestLimit),
			"pending", maxAttempts, now)
		if err != nil {
			return err
		}
		for _, h := range held[i:j] {
			if _, err := tx.Exec(ctx, "UPDATE alert_outbox SET status = 'digested', digest_id = ? WHERE id = ?", id, h.ID); err != nil {
				return err
			}
		}
		res.Queued++
		i = j
	}
	return nil
}
