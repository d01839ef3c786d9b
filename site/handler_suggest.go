package site

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/suggestion"
)

// suggestLabels name the fields of a message.
var suggestLabels = map[string]string{"category": "类别", "body": "内容", "phone": "手机号码"}

// suggestPage is what the 意见箱 form shows.
type suggestPage struct {
	*Form
	Categories []link
}

// suggestCategories are the kinds of message with their names.
var suggestCategories = []link{{Href: "suggestion", Label: "建议"}, {Href: "complaint", Label: "投诉"},
	{Href: "consultation", Label: "咨询"}, {Href: "praise", Label: "表扬"}}

// HandleSuggestForm is GET /gk/suggest: the 意见箱.
func (s *Site) HandleSuggestForm(c echo.Context) error {
	return s.suggestForm(c, http.StatusOK, s.newForm("suggest"))
}

func (s *Site) suggestForm(c echo.Context, status int, f *Form) error {
	v := s.newView(c, "suggest", "意见箱", "在线提交建议、投诉、咨询或表扬，凭编号查询答复。", Prefix+"/suggest")
	v.Crumbs = []link{{Label: "首页", Href: Prefix + "/"}, {Label: "意见箱"}}
	v.Data = suggestPage{Form: f, Categories: suggestCategories}
	return s.private(c, status, "suggest", v)
}

// HandleSuggest is POST /gk/suggest: the message goes to the hall's
// 意见箱 as the kiosk's do; the receipt follows the redirect.
func (s *Site) HandleSuggest(c echo.Context) error {
	vals, _, back, err := s.accept(c, "suggest", true)
	if err != nil {
		return err
	}
	if back != nil {
		return s.suggestForm(c, http.StatusOK, back)
	}
	rc, err := s.o.Suggestions.Submit(c.Request().Context(), 0, suggestion.Input{Category: vals.Get("category"), Body: vals.Get("body"), Phone: vals.Get("phone")})
	if err != nil {
		f, err := s.problems("suggest", vals, err, suggestLabels)
		if err != nil {
			return err
		}
		return s.suggestForm(c, http.StatusUnprocessableEntity, f)
	}
	if err := s.setReceipt(c, "suggest", rc); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, Prefix+"/suggest/done")
}

// HandleSuggestDone is GET /gk/suggest/done: the tracking number (and
// the query code when no phone was given).
func (s *Site) HandleSuggestDone(c echo.Context) error {
	var rc suggestion.Receipt
	if !s.receipt(c, "suggest", &rc) {
		return c.Redirect(http.StatusSeeOther, Prefix+"/suggest")
	}
	v := s.newView(c, "suggest", "留言已提交", "意见箱留言的回执。", Prefix+"/suggest/done")
	v.Crumbs = []link{{Label: "首页", Href: Prefix + "/"}, {Label: "意见箱", Href: Prefix + "/suggest"}, {Label: "回执"}}
	v.Data = &rc
	return s.private(c, http.StatusOK, "suggest_done", v)
}
