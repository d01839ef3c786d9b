package site

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/disclosure"
	"github.com/hallcast/hallcast/suggestion"
	"github.com/hallcast/hallcast/web"
)

// statusPage is the look-up form and, after a look-up, its answer.
type statusPage struct {
	*Form
	Disclosure *disclosure.PublicStatus
	Suggestion *suggestion.PublicStatus
	NotFound   bool
}

// HandleStatusForm is GET /gk/status: the status look-up of a
// disclosure request or a suggestion.
func (s *Site) HandleStatusForm(c echo.Context) error {
	f := s.newForm("status")
	f.Values.Set("what", c.QueryParam("what"))
	return s.statusPage(c, http.StatusOK, &statusPage{Form: f})
}

func (s *Site) statusPage(c echo.Context, status int, p *statusPage) error {
	v := s.newView(c, "status", "办理进度查询", "凭编号和手机号后四位（或查询码）查询依申请公开和意见建议的办理进度。", Prefix+"/status")
	v.Crumbs = []link{{Label: "首页", Href: Prefix + "/"}, {Label: "进度查询"}}
	v.Data = p
	return s.private(c, status, "status", v)
}

// HandleStatus is POST /gk/status with what (disclosure or suggestion),
// tracking_no and key (the phone's last four digits or the query code):
// the numbers travel in the body, never in a URL, and the answer is the
// page itself (a look-up changes nothing to redirect to). It goes
// through the look-up lockout (Options.Guard) and is rate limited per
// address; a wrong number and wrong digits get the same answer.
func (s *Site) HandleStatus(c echo.Context) error {
	vals, _, back, err := s.accept(c, "status", false)
	if err != nil {
		return err
	}
	if back != nil {
		return s.statusPage(c, http.StatusOK, &statusPage{Form: back})
	}
	what, no, key := vals.Get("what"), vals.Get("tracking_no"), vals.Get("key")
	if what != "suggestion" {
		what = "disclosure"
	}
	f := s.newForm("status")
	f.Values.Set("what", what)
	f.Values.Set("tracking_no", no)
	p := &statusPage{Form: f}
	ctx := c.Request().Context()
	err = s.o.Guard(ctx, c.RealIP(), what, no, func() error {
		var err error
		if what == "suggestion" {
			p.Suggestion, err = s.o.Suggestions.Lookup(ctx, no, key)
		} else {
			p.Disclosure, err = s.o.Disclosure.Lookup(ctx, no, key)
		}
		return err
	})
	if web.IsNotFound(err) {
		p.NotFound = true
		return s.statusPage(c, http.StatusNotFound, p)
	}
	var we *web.Error
	if errors.As(err, &we) && we.Status == http.StatusTooManyRequests {
		return err
	}
	if err != nil {
		return err
	}
	return s.statusPage(c, http.StatusOK, p)
}
