package site

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/rating"
)

// rateLabels name the fields of a rating.
var rateLabels = map[string]string{"level": "评价", "service": "服务事项", "tags": "评价理由", "comment": "意见", "case_no": "办件编号"}

// ratePage is what the 好差评 form shows.
type ratePage struct {
	*Form
	Levels []link
	Config rating.Config
}

// rateLevels are the five levels of R9, best first.
var rateLevels = []link{{Href: "5", Label: rating.Labels[5]}, {Href: "4", Label: rating.Labels[4]}, {Href: "3", Label: rating.Labels[3]},
	{Href: "2", Label: rating.Labels[2]}, {Href: "1", Label: rating.Labels[1]}}

// HandleRateForm is GET /gk/rate: the 好差评 form.
func (s *Site) HandleRateForm(c echo.Context) error {
	return s.rateForm(c, http.StatusOK, s.newForm("rate"))
}

func (s *Site) rateForm(c echo.Context, status int, f *Form) error {
	v := s.newView(c, "rate", "好差评", "对政务服务作出评价：非常满意、满意、基本满意、不满意、非常不满意。", Prefix+"/rate")
	v.Crumbs = []link{{Label: "首页", Href: Prefix + "/"}, {Label: "好差评"}}
	v.Data = ratePage{Form: f, Levels: rateLevels, Config: s.o.RatingConfig(c.Request().Context())}
	return s.private(c, status, "rate", v)
}

// HandleRate is POST /gk/rate. The kiosk allows one rating per visit
// (its session); on the web one rating per form handed out: the form's
// single-use token is the rating's session ("web:" and its nonce), so a
// form sent twice rates once (R9). A bad rating opens a follow-up as at
// the kiosk.
func (s *Site) HandleRate(c echo.Context) error {
	vals, nonce, back, err := s.accept(c, "rate", true)
	if err != nil {
		return err
	}
	if back != nil {
		return s.rateForm(c, http.StatusOK, back)
	}
	level, _ := strconv.Atoi(vals.Get("level"))
	in := rating.Input{Level: rating.Level(level), Service: vals.Get("service"), Tags: vals["tags"], Comment: vals.Get("comment"), CaseNo: vals.Get("case_no")}
	out, err := s.o.Ratings.Create(c.Request().Context(), 0, "web:"+nonce, in)
	if err != nil {
		f, err := s.problems("rate", vals, err, rateLabels)
		if err != nil {
			return err
		}
		return s.rateForm(c, http.StatusUnprocessableEntity, f)
	}
	if err := s.setReceipt(c, "rate", out); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, Prefix+"/rate/done")
}

// HandleRateDone is GET /gk/rate/done: thanks, and for a bad rating the
// date by which the hall follows it up.
func (s *Site) HandleRateDone(c echo.Context) error {
	var out rating.Created
	if !s.receipt(c, "rate", &out) {
		return c.Redirect(http.StatusSeeOther, Prefix+"/rate")
	}
	v := s.newView(c, "rate", "感谢您的评价", "好差评回执。", Prefix+"/rate/done")
	v.Crumbs = []link{{Label: "首页", Href: Prefix + "/"}, {Label: "好差评", Href: Prefix + "/rate"}, {Label: "回执"}}
	v.Data = &out
	return s.private(c, http.StatusOK, "rate_done", v)
}
