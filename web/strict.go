package web

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/text/cases"
)

// The checks Bind runs over a request body before decoding it, so that
// every handler gets them: encoding/json alone keeps the last of two
// duplicate keys, matches keys without regard to case and lets any
// character through.

// errScanStopped ends the scan at malformed JSON; the decoder then reports
// the syntax error with its own message.
var errScanStopped = errors.New("web: scan stopped")

var folder = cases.Fold()

// scanJSON walks the body's tokens once. It refuses, naming the field:
// two keys of one object that are equal or differ only in case; a key that
// matches a field of dst only when case is ignored; and strings that hold
// a control or bidi control character (TextProblem).
func scanJSON(body []byte, dst any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	err := scanValue(dec, reflect.TypeOf(dst), "")
	if errors.Is(err, errScanStopped) {
		return nil
	}
	return err
}

func scanValue(dec *json.Decoder, t reflect.Type, path string) error {
	tok, err := dec.Token()
	if err != nil {
		return errScanStopped
	}
	t = structural(t)
	switch v := tok.(type) {
	case json.Delim:
		if v == '{' {
			return scanObject(dec, t, path)
		}
		var elem reflect.Type
		if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
			elem = t.Elem()
		}
		for dec.More() {
			if err := scanValue(dec, elem, path); err != nil {
				return err
			}
		}
		if _, err := dec.Token(); err != nil {
			return errScanStopped
		}
	case string:
		if e := TextProblem(path, v); e != nil {
			return e
		}
	}
	return nil
}

func scanObject(dec *json.Decoder, t reflect.Type, path string) error {
	var fields *fieldSet
	var elem reflect.Type
	if t != nil {
		switch t.Kind() {
		case reflect.Struct:
			fields = fieldsOf(t)
		case reflect.Map:
			elem = t.Elem()
		}
	}
	seen := map[string]string{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return errScanStopped
		}
		key, _ := tok.(string)
		p := key
		if path != "" {
			p = path + "." + key
		}
		if e := TextProblem(p, key); e != nil {
			return e
		}
		f := folder.String(key)
		if prev, ok := seen[f]; ok {
			e := Invalid(p, CodeDuplicateField, "the key %q appears twice in one object (as %q and %q; keys are case-sensitive and unique)", key, prev, key)
			e.Params = map[string]any{"key": key}
			return e
		}
		seen[f] = key
		child := elem
		if fields != nil {
			if ft, ok := fields.exact[key]; ok {
				child = ft
			} else if exact, ok := fields.folded[f]; ok {
				return Invalid(p, CodeUnknownField, "unknown field %q (did you mean %q? field names are case-sensitive)", key, exact)
			}
		}
		if err := scanValue(dec, child, p); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil {
		return errScanStopped
	}
	return nil
}

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// structural returns t without pointers, or nil when the JSON's shape
// cannot be told from it (interfaces, custom unmarshalers).
func structural(t reflect.Type) reflect.Type {
	for t != nil {
		if t.Implements(jsonUnmarshaler) || reflect.PointerTo(t).Implements(jsonUnmarshaler) ||
			(t.Kind() != reflect.String && (t.Implements(textUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler))) {
			return nil
		}
		if t.Kind() != reflect.Pointer {
			return t
		}
		t = t.Elem()
	}
	return nil
}

// fieldSet is the JSON names of a struct's fields, as encoding/json sees
// them (tags, promoted fields of embedded structs).
type fieldSet struct {
	exact  map[string]reflect.Type
	folded map[string]string // folded name → exact name
}

var fieldCache sync.Map // reflect.Type → *fieldSet

func fieldsOf(t reflect.Type) *fieldSet {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.(*fieldSet)
	}
	fs := &fieldSet{exact: map[string]reflect.Type{}, folded: map[string]string{}}
	addFields(fs, t, 0)
	fieldCache.Store(t, fs)
	return fs
}

func addFields(fs *fieldSet, t reflect.Type, depth int) {
	if depth > 8 {
		return
	}
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if sf.Anonymous && name == "" {
			ft := sf.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				addFields(fs, ft, depth+1)
				continue
			}
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		if _, ok := fs.exact[name]; ok && depth > 0 {
			continue // the outer struct's field wins
		}
		fs.exact[name] = sf.Type
		fs.folded[folder.String(name)] = name
	}
}

// TextProblem reports a text value that holds a character no one types: a
// control character other than tab, line feed and a carriage return before
// a line feed (NUL, escape, DEL, C1 controls), or a bidi embedding,
// override or isolate (U+202A–U+202E, U+2066–U+2069), which can make a
// number or a name read differently from what is stored. They are refused,
// not stripped, so that what is stored, reviewed and shown is exactly what
// was sent. It returns nil for good text.
func TextProblem(field, v string) *Error {
	for i, r := range v {
		bad := false
		switch {
		case r == '\t' || r == '\n':
		case r == '\r':
			bad = i+1 >= len(v) || v[i+1] != '\n'
		case r < 0x20, r >= 0x7f && r <= 0x9f:
			bad = true
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			bad = true
		}
		if bad {
			cp := fmt.Sprintf("U+%04X", r)
			e := Invalid(field, CodeInvalidCharacter, "contains the control character %s; remove it", cp)
			e.Params = map[string]any{"char": cp}
			return e
		}
	}
	return nil
}
