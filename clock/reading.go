package clock

import "time"

// Reading is the server's clock as a page needs it to take today and now
// from the server rather than from the browser: the instant (RFC 3339 with
// the zone's offset), the date in the zone and the zone's IANA name.
type Reading struct {
	Now      time.Time `json:"now"`
	Today    string    `json:"today"`
	TimeZone string    `json:"timezone"`
}

// Read reads c in loc. Now is truncated to the millisecond, the precision
// of a browser's clock.
func Read(c Clock, loc *time.Location) Reading {
	now := c.Now().In(loc).Truncate(time.Millisecond)
	return Reading{Now: now, Today: now.Format(time.DateOnly), TimeZone: loc.String()}
}
