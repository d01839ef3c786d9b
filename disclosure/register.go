package disclosure

import (
	"context"
	"strings"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Registration is a request that reached the office by post, in person on
// paper, by fax or online, as staff register it: the application, its
// channel and its legal day of receipt (R11), and an optional note.
type Registration struct {
	Application
	Channel Channel `json:"channel"`
	// ReceivedOn is the day of receipt by the rule of the channel
	// (YYYY-MM-DD): today or earlier, not before last year.
	ReceivedOn string `json:"received_on"`
	Note       string `json:"note"`
}

// earliestReceipt is the first receipt date staff may register or set on
// today: 1 January of last year. Older dates are typing mistakes (a
// request that old would be long overdue), and every year from then on
// can be counted (officially or on its statutory holidays, R3).
func earliestReceipt(today calendar.Date) calendar.Date {
	return calendar.Date{Year: max(today.Year-1, calendar.FirstStatutoryYear), Month: 1, Day: 1}
}

// checkReceipt checks a receipt date (field) against today.
func checkReceipt(c *web.Check, field, raw string, today calendar.Date) calendar.Date {
	if strings.TrimSpace(raw) == "" {
		c.Add(web.Invalid(field, web.CodeRequired, "required"))
		return calendar.Date{}
	}
	d, err := calendar.ParseDate(strings.TrimSpace(raw))
	if err != nil {
		c.Add(web.Invalid(field, web.CodeInvalid, "want a date YYYY-MM-DD"))
		return calendar.Date{}
	}
	if d.After(today) {
		e := web.Invalid(field, web.CodeOutOfRange, "%s is in the future (today is %s)", d, today)
		e.Params = map[string]any{"max": today.String()}
		c.Add(e)
	}
	if min := earliestReceipt(today); d.Before(min) {
		e := web.Invalid(field, web.CodeOutOfRange, "%s is before %s, the earliest receipt date accepted", d, min)
		e.Params = map[string]any{"min": min.String()}
		c.Add(e)
	}
	return d
}

// Register records a request received by staff, with the receipt date
// its channel gives (see Channel) and an optional scanned application
// (PDF, JPEG or PNG by content, at most the upload limit), and starts its
// clock on that date. Everything is checked before anything is stored:
// a refused scan stores nothing. The applicant's personal data and the
// scan are stored sealed (contact.go). The audit entry names the request,
// not the applicant's ID number, phone, name or the scan's file name. It
// returns the request as Get does.
func (s *Service) Register(ctx context.Context, who audit.Actor, reg Registration, file *web.File) (*Request, error) {
	today := s.today()
	var c web.Check
	reg.validate(&c)
	c.OneOf("channel", string(reg.Channel), channelNames(StaffChannels)...)
	received := checkReceipt(&c, "received_on", reg.ReceivedOn, today)
	reg.Note = strings.TrimSpace(reg.Note)
	c.MaxRunes("note", reg.Note, 2000)
	sc := checkScan(&c, file, s.opts.UploadLimit)
	if err := c.Err(); err != nil {
		return nil, err
	}
	cal, err := s.calendar(ctx)
	if err != nil {
		return nil, err
	}
	st, err := Compute(cal, []Event{{Kind: EventReceived, Date: received}}, today)
	if err != nil {
		return nil, wrap("compute the deadline", err)
	}
	now := s.opts.Clock.Now()
	in := intake{app: reg.Application, channel: reg.Channel, received: received, note: reg.Note, who: who}
	var id int64
	err = s.db.Tx(ctx, func(tx *store.Tx) error {
		var no string
		if id, no, err = s.insertRequest(ctx, tx, in, now); err != nil {
			return err
		}
		after := map[string]any{"tracking_no": no, "channel": reg.Channel, "received_on": received, "due": st.Due,
			"applicant_type": reg.ApplicantType, "applicant_category": reg.Category(), "name": s.opts.Policy.MaskName(reg.Name),
			"has_note": reg.Note != ""}
		if sc != nil {
			if err := s.insertScan(ctx, tx, id, no, sc, now); err != nil {
				return err
			}
			// Not its file name: it may name the applicant.
			after["scan"] = map[string]any{"content_type": sc.ContentType, "size": sc.Size, "sha256": sc.SHA256}
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "disclosure.register", ObjectType: "disclosure_request",
			ObjectID: id, After: after})
	})
	if err != nil {
		return nil, wrap("register a request", err)
	}
	s.opts.Logger.Info("disclosure: request registered", "request", id, "channel", reg.Channel, "received_on", received.String())
	return s.Get(ctx, id)
}
