package alert

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/web"
)

// HandleChannels is GET /api/admin/alerts/channels.
func (s *Service) HandleChannels(c echo.Context) error {
	list, err := s.Channels(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"channels": list, "kinds": Kinds})
}

// HandleSaveChannel is POST /api/admin/alerts/channels and PUT .../:id.
func (s *Service) HandleSaveChannel(c echo.Context) error {
	var id int64
	if c.Param("id") != "" {
		var err error
		if id, err = web.PathID(c, "id"); err != nil {
			return err
		}
	}
	var in ChannelInput
	if err := web.Bind(c, &in); err != nil {
		return err
	}
	ch, err := s.SaveChannel(c.Request().Context(), auth.Actor(c), id, in)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if id == 0 {
		status = http.StatusCreated
	}
	return c.JSON(status, ch)
}

// HandleDeleteChannel is DELETE /api/admin/alerts/channels/:id.
func (s *Service) HandleDeleteChannel(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.DeleteChannel(c.Request().Context(), auth.Actor(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// HandleTestChannel is POST /api/admin/alerts/channels/:id/test: it queues
// a test message (202) whose delivery GET .../messages/:id shows.
func (s *Service) HandleTestChannel(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	mid, err := s.Test(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, map[string]int64{"message_id": mid})
}
