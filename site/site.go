// Package site is the public web edition of the disclosure content, at
// /gk/ (公开): the catalogue, notices with their attachments' public copies
// and 公示 periods, search, service guides, 依申请公开 online with its
// status look-up, 好差评 and 意见箱 online, print layouts for 公开栏 boards,
// feeds for portals (RSS 2.0, Atom, JSON Feed) and QR codes that lead from
// a screen or a board to a notice's page.
//
// Pages are Go templates rendered on the server: they work without
// JavaScript (plain forms, POST-redirect-GET), from a 360 px phone to a
// desktop. It shows the same data as the kiosk, through the same reads:
// published and expired notices only, and only their stored public
// (masked) text (R6); it never masks on its own nor reads a raw text.
// Forms are protected by a signed, time-limited, single-use token, a
// honeypot field and a minimum fill time (challenge.go), and rate limited
// per address in server/routes_site.go.
package site

import (
	"context"
	"embed"
	"log/slog"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/catalogue"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/disclosure"
	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/rating"
	"github.com/hallcast/hallcast/search"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/suggestion"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the site's schema: the form-token key and used tokens.
var Migrations = store.Embedded("site", migrationFS)

// Prefix is the path of the public web edition.
const Prefix = "/gk"

// Notices reads public notices (the notice service): published and
// expired ones only; anything else is web.NotFound.
type Notices interface {
	PublicNotice(ctx context.Context, id int64) (*notice.PublicNotice, error)
	Published(ctx context.Context, f notice.PublicFilter) ([]notice.PublicNotice, error)
	Remaining(ctx context.Context, p notice.PublicNotice, now time.Time) (int, calendar.Unit, bool, error)
}

// Index is the search index's copy of the public notices (the search
// service): the lists and the search the kiosk uses.
type Index interface {
	List(ctx context.Context, categoryID int64, kind string, page, perPage int) ([]search.Doc, int, error)
	CategoryCounts(ctx context.Context) (map[int64]int, error)
	Search(ctx context.Context, p search.Params) (*search.Result, error)
}

// Catalogue lists the catalogue's categories, parents first.
type Catalogue interface {
	List(ctx context.Context) ([]catalogue.Category, error)
}

// Calendars gives the working-day calendar in force.
type Calendars interface {
	Calendar(ctx context.Context) (*calendar.Calendar, error)
}

// LookupGuard runs a status look-up (what is "disclosure" or
// "suggestion") from a client address under the look-up lockout that the
// kiosk's look-ups go through (misses counted per address and per
// tracking number; issue 15): it calls find, counts a miss when find
// answers web.NotFound, and refuses with a 429 *web.Error while a scope is
// locked. Nil runs find alone (the per-address rate limit of the route
// still applies).
type LookupGuard func(ctx context.Context, address, what, trackingNo string, find func() error) error

// Options wire the site to the domain services.
type Options struct {
	DB          *store.DB
	Notices     Notices
	Index       Index
	Catalogue   Catalogue
	Calendar    Calendars
	Disclosure  *disclosure.Service
	Suggestions *suggestion.Service
	Ratings     *rating.Service
	// RatingConfig returns the services and tags offered for rating.
	RatingConfig func(ctx context.Context) rating.Config
	// Name returns the name of the hall or organisation that the site
	// belongs to (the site.name setting).
	Name     func(ctx context.Context) string
	Guard    LookupGuard
	Clock    clock.Clock
	Location *time.Location
	Logger   *slog.Logger
	// BaseURL is HALLCAST_BASE_URL (no trailing slash); empty: links and
	// QR codes use the request's scheme and host.
	BaseURL string
	// Secure marks the site's cookies Secure (HTTPS).
	Secure bool
	// MinFill is the shortest time between fetching a form and sending
	// it (default 3 s); TokenTTL how long a form stays valid (default 2 h).
	MinFill, TokenTTL time.Duration
}

// Site serves the public web edition.
type Site struct {
	o     Options
	pages *pages
	cache *cache
	keys  *tokenKey
}

// New returns a Site; it reads (or creates) the form-token key in the
// database.
func New(ctx context.Context, o Options) (*Site, error) {
	if o.Clock == nil {
		o.Clock = clock.System{}
	}
	if o.Location == nil {
		o.Location = time.Local
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.MinFill == 0 {
		o.MinFill = 3 * time.Second
	}
	if o.TokenTTL == 0 {
		o.TokenTTL = 2 * time.Hour
	}
	if o.RatingConfig == nil {
		o.RatingConfig = func(context.Context) rating.Config { return rating.DefaultConfig() }
	}
	if o.Name == nil {
		o.Name = func(context.Context) string { return DefaultName }
	}
	if o.Guard == nil {
		o.Guard = func(_ context.Context, _, _, _ string, find func() error) error { return find() }
	}
	p, err := parsePages()
	if err != nil {
		return nil, err
	}
	k, err := loadTokenKey(ctx, o.DB, o.Clock)
	if err != nil {
		return nil, err
	}
	return &Site{o: o, pages: p, cache: newCache(4096, o.Clock.Now()), keys: k}, nil
}

func (s *Site) now() time.Time { return s.o.Clock.Now().In(s.o.Location) }

func (s *Site) today() calendar.Date { return calendar.DateOf(s.now()) }
