package display

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/web"
)

// HandlePlaylists is GET /api/admin/screens/playlists.
func (s *Service) HandlePlaylists(c echo.Context) error {
	list, err := s.Playlists(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"playlists": list})
}

// HandleSavePlaylist is POST /api/admin/screens/playlists and PUT
// /api/admin/screens/playlists/:id.
func (s *Service) HandleSavePlaylist(c echo.Context) error {
	id, status, err := optionalID(c)
	if err != nil {
		return err
	}
	var in PlaylistInput
	if err := web.Bind(c, &in); err != nil {
		return err
	}
	p, err := s.savePlaylist(c.Request().Context(), auth.Actor(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(status, p)
}

// HandleDeletePlaylist is DELETE /api/admin/screens/playlists/:id.
func (s *Service) HandleDeletePlaylist(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.DeletePlaylist(c.Request().Context(), auth.Actor(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// optionalID reads :id for a PUT (200) or none for a POST (201).
func optionalID(c echo.Context) (int64, int, error) {
	if c.Param("id") == "" {
		return 0, http.StatusCreated, nil
	}
	id, err := web.PathID(c, "id")
	return id, http.StatusOK, err
}
