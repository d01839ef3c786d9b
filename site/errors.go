package site

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/web"
)

// errorText is what a reader sees for each status.
var errorText = map[int][2]string{
	http.StatusBadRequest:            {"无法处理此请求", "请求的参数不正确。请返回上一页，或从首页重新开始。"},
	http.StatusNotFound:              {"页面不存在", "您要找的页面不存在，或信息已不再公开。"},
	http.StatusTooManyRequests:       {"请求过于频繁", "您的操作过于频繁，请稍后再试。"},
	http.StatusRequestEntityTooLarge: {"内容过长", "提交的内容过长，请删减后再试。"},
	http.StatusServiceUnavailable:    {"暂时无法服务", "服务暂时不可用，请稍后再试。"},
	http.StatusInternalServerError:   {"出错了", "服务器处理时出错，请稍后再试。"},
}

// Errors renders the errors of /gk/ routes as HTML pages with their
// status (the JSON error handler serves the API). A 500 is logged
// without detail for the reader.
func (s *Site) Errors(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		err := next(c)
		if err == nil || c.Response().Committed {
			return err
		}
		status := http.StatusInternalServerError
		var we *web.Error
		var he *echo.HTTPError
		switch {
		case errors.As(err, &we):
			status = we.Status
			if we.RetryAfter > 0 {
				c.Response().Header().Set("Retry-After", strconv.Itoa(we.RetryAfter))
			}
		case errors.As(err, &he):
			status = he.Code
		}
		if status >= 500 {
			s.o.Logger.Error("site: request failed", "path", c.Path(), "err", err)
		}
		text, ok := errorText[status]
		if !ok {
			text = errorText[http.StatusBadRequest]
			if status >= 500 {
				text = errorText[http.StatusInternalServerError]
			}
		}
		v := s.newView(c, "", text[0], text[1], Prefix+"/")
		v.Data = text[1]
		return s.private(c, status, "error", v)
	}
}

// NotFound is the answer to any other path under /gk/.
func NotFound(echo.Context) error { return web.NotFound("page") }
