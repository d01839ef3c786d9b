package display

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/web"
)

// groupParam reads ?group= (empty or 0: a screen in no group).
func groupParam(c echo.Context) (int64, error) {
	v := c.QueryParam("group")
	if v == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id < 0 {
		return 0, web.Invalid("group", web.CodeInvalid, "want a group ID")
	}
	return id, nil
}

// HandlePlays is GET /api/admin/screens/plays?group=G&at=RFC3339: what a
// screen of group G plays at an instant (now by default; a time without
// offset is the hall's wall-clock time).
func (s *Service) HandlePlays(c echo.Context) error {
	group, err := groupParam(c)
	if err != nil {
		return err
	}
	at, err := s.atParam(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if group != 0 {
		if _, err := s.Group(ctx, s.db, group); err != nil {
			return err
		}
	}
	f, err := s.Plays(ctx, group, at)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"group": group, "at": at.UTC(), "frame": f})
}

// HandleTimeline is GET /api/admin/screens/timeline?group=G&date=YYYY-MM-DD
// (today by default).
func (s *Service) HandleTimeline(c echo.Context) error {
	group, err := groupParam(c)
	if err != nil {
		return err
	}
	day := calendar.DateOf(s.clock.Now().In(s.loc))
	if v := c.QueryParam("date"); v != "" {
		if day, err = calendar.ParseDate(v); err != nil {
			return web.Invalid("date", web.CodeInvalid, "want YYYY-MM-DD")
		}
	}
	tl, err := s.Timeline(c.Request().Context(), group, day)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, tl)
}

// HandleScreenPlaylist is GET /api/admin/screens/:id/playlist?at=RFC3339:
// the playlist frame the screen gets (now by default), as it would be sent.
func (s *Service) HandleScreenPlaylist(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	at, err := s.atParam(c)
	if err != nil {
		return err
	}
	f, err := s.Playlist(c.Request().Context(), id, at)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, f)
}

// wallClockLayouts are the forms of ?at= without an offset, read as the
// hall's wall-clock time.
var wallClockLayouts = []string{"2006-01-02T15:04", "2006-01-02T15:04:05"}

// atParam reads ?at= as RFC 3339 with an offset, or the hall's wall-clock
// "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS"; now when absent.
func (s *Service) atParam(c echo.Context) (time.Time, error) {
	v := c.QueryParam("at")
	if v == "" {
		return s.clock.Now(), nil
	}
	if at, err := time.Parse(time.RFC3339, v); err == nil {
		return at, nil
	}
	for _, layout := range wallClockLayouts {
		if at, err := time.ParseInLocation(layout, v, s.loc); err == nil {
			return at, nil
		}
	}
	return time.Time{}, web.Invalid("at", web.CodeInvalid,
		"want an RFC 3339 time, e.g. 2026-11-23T09:00:00+08:00, or the hall's time 2026-11-23T09:00 or 2026-11-23T09:00:00")
}
