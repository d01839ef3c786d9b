// Package suggestion is the 意见箱: citizens leave a suggestion, complaint,
// question or praise at the kiosk, get a tracking number (printable) and
// later look up the hall's reply with it and the last four digits of
// their phone (or the query code on their receipt). Admins assign, reply
// and close.
package suggestion

import (
	"crypto/rand"
	"embed"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/sealed"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the suggestion schema (it references devices and users).
var Migrations = store.Embedded("suggestion", migrationFS)

// Categories are the kinds of message, in the kiosk's order.
var Categories = []string{"suggestion", "complaint", "consultation", "praise"}

// Options configure a Service.
type Options struct {
	Clock    clock.Clock
	Location *time.Location
	Policy   privacy.Policy
	// Keys seal the citizens' phones and messages (required).
	Keys *sealed.Keyring
}

// Service stores suggestions.
type Service struct {
	db   *store.DB
	opts Options
}

// New returns a Service. It panics without Options.Keys.
func New(db *store.DB, o Options) *Service {
	if o.Keys == nil {
		panic("suggestion: New needs the contact keys (Options.Keys)")
	}
	if o.Clock == nil {
		o.Clock = clock.System{}
	}
	if o.Location == nil {
		o.Location = time.Local
	}
	if o.Policy == (privacy.Policy{}) {
		o.Policy = privacy.DefaultPolicy()
	}
	return &Service{db: db, opts: o}
}

func randomDigits(n int) string {
	max := big.NewInt(1)
	for range n {
		max.Mul(max, big.NewInt(10))
	}
	v, _ := rand.Int(rand.Reader, max)
	return fmt.Sprintf("%0*d", n, v)
}

func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	var we *web.Error
	if errors.As(err, &we) {
		return err
	}
	return fmt.Errorf("suggestion: unable to %s: %w", what, err)
}
