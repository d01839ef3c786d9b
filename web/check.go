package web

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Check collects field errors while validating one request. Its Err
// returns nil or one *Error naming the first bad field, with every bad
// field in Details.
type Check struct {
	errs []*Error
}

// Add records a field error.
func (c *Check) Add(e *Error) {
	if e != nil {
		c.errs = append(c.errs, e)
	}
}

// That records an error when ok is false.
func (c *Check) That(ok bool, field string, code Code, format string, args ...any) {
	if !ok {
		c.Add(Invalid(field, code, format, args...))
	}
}

// Text checks a required text field: trimmed, not empty, at most max runes.
// It returns the trimmed value.
func (c *Check) Text(field, v string, max int) string {
	v = strings.TrimSpace(v)
	switch {
	case v == "":
		c.Add(Invalid(field, CodeRequired, "required"))
	default:
		c.MaxRunes(field, v, max)
	}
	return v
}

// Line checks a required one-line text field (a name, a title): like
// Text, and it refuses line breaks and tabs. It returns the trimmed value.
func (c *Check) Line(field, v string, max int) string {
	v = c.Text(field, v, max)
	if strings.ContainsAny(v, "\r\n\t") {
		e := Invalid(field, CodeInvalidCharacter, "one line only, without tabs")
		e.Params = map[string]any{"char": "U+000A"}
		c.Add(e)
	}
	return v
}

// MaxRunes checks that v has at most max characters.
func (c *Check) MaxRunes(field, v string, max int) {
	if n := utf8.RuneCountInString(v); n > max {
		e := Invalid(field, CodeTooLong, "at most %d characters (got %d)", max, n)
		e.Params = map[string]any{"max": max}
		c.Add(e)
	}
}

// OneOf checks that v is one of the allowed values.
func (c *Check) OneOf(field, v string, allowed ...string) {
	for _, a := range allowed {
		if v == a {
			return
		}
	}
	e := Invalid(field, CodeInvalid, "want one of %s", strings.Join(allowed, ", "))
	e.Params = map[string]any{"allowed": allowed}
	c.Add(e)
}

// Range checks that min <= v <= max.
func (c *Check) Range(field string, v, min, max int) {
	if v < min || v > max {
		e := Invalid(field, CodeOutOfRange, "want a number from %d to %d", min, max)
		e.Params = map[string]any{"min": min, "max": max}
		c.Add(e)
	}
}

// Err returns the collected errors as one, or nil.
func (c *Check) Err() error {
	if len(c.errs) == 0 {
		return nil
	}
	first := *c.errs[0]
	if len(c.errs) > 1 {
		first.Details = c.errs
		first.Message = fmt.Sprintf("%s (and %d more)", first.Message, len(c.errs)-1)
	}
	return &first
}
