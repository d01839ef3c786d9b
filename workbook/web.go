package workbook

import (
	"errors"
	"net/http"
	"strings"

	"github.com/hallcast/hallcast/web"
)

// WebError renders a workbook error for the API, naming field: a file over
// a limit is 422 too_large with params {limit, max}; a file that is not a
// readable workbook is 422 invalid. Any other error comes back unchanged.
func WebError(field string, err error) error {
	var le *LimitError
	switch {
	case errors.As(err, &le):
		return &web.Error{Status: http.StatusUnprocessableEntity, Code: web.CodeTooLarge, Field: field,
			Message: strings.TrimPrefix(le.Error(), "workbook: "), Params: map[string]any{"limit": le.Limit, "max": le.Max}}
	case errors.Is(err, ErrCorrupt):
		return &web.Error{Status: http.StatusUnprocessableEntity, Code: web.CodeInvalid, Field: field,
			Message: strings.TrimPrefix(err.Error(), "workbook: ")}
	}
	return err
}
