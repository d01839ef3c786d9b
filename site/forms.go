package site

import (
	"crypto/hmac"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/web"
)

// honeypot is the form field people never see nor fill.
const honeypot = "homepage"

// Form is a form as a page shows it: its token, the values sent back to
// the reader after a problem, and the problems by field.
type Form struct {
	Token   string
	Values  url.Values
	Errors  map[string]string
	Message string
}

// V is the value of a field.
func (f *Form) V(name string) string { return f.Values.Get(name) }

// Has reports whether a field (a radio, a select, a checkbox) has value.
func (f *Form) Has(name, value string) bool { return slices.Contains(f.Values[name], value) }

// Err is the problem with a field, if any.
func (f *Form) Err(name string) string { return f.Errors[name] }

// newForm is an empty form of name with a fresh token.
func (s *Site) newForm(name string) *Form {
	return &Form{Token: s.keys.issue(name), Values: url.Values{}, Errors: map[string]string{}}
}

// errFormRefused is a submission refused as a bot's or a replay.
var errFormRefused = web.Invalid("token", web.CodeInvalid, "the form could not be accepted: open it again")

// accept reads a submitted form of name and checks its token and the
// honeypot. It returns the values and, when the submission is accepted,
// its nonce (used once: single is true). A submission sent too fast or too
// late is not refused: back returns the form to fill in again (with a
// fresh token if it had expired), with the values kept.
func (s *Site) accept(c echo.Context, name string, single bool) (vals url.Values, nonce string, back *Form, err error) {
	vals, err = c.FormParams()
	if err != nil {
		return nil, "", nil, web.Invalid("form", web.CodeInvalid, "unreadable form")
	}
	if vals.Get(honeypot) != "" {
		s.o.Logger.Info("site: a form with its honeypot filled in was refused", "form", name)
		return nil, "", nil, errFormRefused
	}
	token := vals.Get("token")
	nonce, err = s.keys.check(name, token, s.o.MinFill, s.o.TokenTTL)
	switch {
	case errors.Is(err, errTooFast):
		return vals, "", &Form{Token: token, Values: vals, Errors: map[string]string{}, Message: "提交得太快了：请核对所填内容后再提交一次。"}, nil
	case errors.Is(err, errExpired):
		f := s.newForm(name)
		f.Values, f.Message = vals, "表单已过期：已为您保留填写的内容，请核对后再提交一次。"
		return vals, "", f, nil
	case err != nil:
		return nil, "", nil, errFormRefused
	}
	if single {
		if err := s.keys.use(c.Request().Context(), nonce, s.o.TokenTTL); errors.Is(err, errUsed) {
			return nil, "", nil, errFormRefused
		} else if err != nil {
			return nil, "", nil, err
		}
	}
	return vals, nonce, nil, nil
}

// problems turns a domain's validation error into a form to fill in again
// (with a fresh token); other errors are returned as they are.
func (s *Site) problems(name string, vals url.Values, err error, labels map[string]string) (*Form, error) {
	var we *web.Error
	if !errors.As(err, &we) || we.Status != http.StatusBadRequest {
		return nil, err
	}
	f := s.newForm(name)
	f.Values = vals
	for _, e := range append([]*web.Error{we}, we.Details...) {
		if e.Field != "" && f.Errors[e.Field] == "" {
			f.Errors[e.Field] = problemText(e)
		}
	}
	var parts []string
	for field := range f.Errors {
		l := labels[field]
		if l == "" {
			l = field
		}
		parts = append(parts, "「"+l+"」")
	}
	slices.Sort(parts)
	f.Message = "请检查以下各项：" + strings.Join(parts, "、")
	return f, nil
}

// problemText says what is wrong with a field.
func problemText(e *web.Error) string {
	switch e.Code {
	case web.CodeRequired:
		return "请填写此项。"
	case web.CodeTooLong:
		return "内容过长，请删减。"
	case web.CodeOutOfRange:
		return "超出允许的范围。"
	}
	return "填写的内容不正确，请核对。"
}

// receiptCookie carries a receipt from a form's POST to the page that
// shows it (POST-redirect-GET), signed with the site's key, for ten
// minutes, on this reader's browser only.
const receiptCookie = "gk_receipt"

// setReceipt stores a receipt of form name for the page after the redirect.
func (s *Site) setReceipt(c echo.Context, name string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	payload := base64.RawURLEncoding.EncodeToString(b)
	c.SetCookie(&http.Cookie{Name: receiptCookie, Value: payload + "." + s.keys.mac("receipt", name, payload), Path: Prefix + "/",
		MaxAge: 600, HttpOnly: true, Secure: s.o.Secure, SameSite: http.SameSiteLaxMode})
	return nil
}

// receipt reads the receipt of form name into v; false when there is none.
func (s *Site) receipt(c echo.Context, name string, v any) bool {
	ck, err := c.Cookie(receiptCookie)
	if err != nil {
		return false
	}
	payload, mac, ok := strings.Cut(ck.Value, ".")
	if !ok || !hmac.Equal([]byte(mac), []byte(s.keys.mac("receipt", name, payload))) {
		return false
	}
	b, err := base64.RawURLEncoding.DecodeString(payload)
	return err == nil && json.Unmarshal(b, v) == nil
}
