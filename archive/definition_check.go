package archive

import (
	"fmt"

	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/web"
)

// personalKinds are the kinds a field may have.
var personalKinds = []string{"", string(privacy.KindID18), string(privacy.KindID15), string(privacy.KindMobile),
	string(privacy.KindBankCard), string(privacy.KindName), string(privacy.KindGeneric)}

// check validates the definition into c, naming fields by their JSON path
// (fields[1].name).
func (d *Definition) check(c *web.Check) {
	c.That(len(d.Fields) > 0, "fields", web.CodeRequired, "define at least one field")
	c.That(len(d.Fields) <= maxFields, "fields", web.CodeOutOfRange, "at most %d fields", maxFields)
	seen := map[string]bool{}
	shown := 0
	for i := range d.Fields {
		f := &d.Fields[i]
		p := fmt.Sprintf("fields[%d].", i)
		c.That(namePattern.MatchString(f.Name), p+"name", web.CodeInvalid, "want a-z, 0-9 and _, starting with a letter, at most 32")
		c.That(!seen[f.Name], p+"name", web.CodeConflict, "field %q is defined twice", f.Name)
		seen[f.Name] = true
		f.Label = c.Text(p+"label", f.Label, maxLabelRunes)
		c.OneOf(p+"kind", string(f.Kind), personalKinds...)
		for _, keep := range []struct {
			name string
			v    *int
		}{{"keep_first", f.KeepFirst}, {"keep_last", f.KeepLast}} {
			if keep.v == nil {
				continue
			}
			c.That(f.Personal(), p+keep.name, web.CodeInvalid, "only personal fields are masked")
			c.Range(p+keep.name, *keep.v, 0, 20)
		}
		if f.Shown {
			shown++
		}
		if f.Shown && !f.Personal() && d.isKeySource(f.Name) {
			c.Add(web.Invalid(p+"kind", web.CodeInvalid, "field %q is a query key: it must be masked (choose a kind) or hidden", f.Name))
		}
	}
	c.That(len(d.Fields) == 0 || shown > 0, "fields", web.CodeInvalid, "show at least one field")
	c.That(len(d.Keys) > 0, "keys", web.CodeRequired, "define at least one query key")
	c.That(len(d.Keys) <= maxKeys, "keys", web.CodeOutOfRange, "at most %d query keys", maxKeys)
	keys := map[string]bool{}
	for i := range d.Keys {
		k := &d.Keys[i]
		p := fmt.Sprintf("keys[%d].", i)
		c.That(namePattern.MatchString(k.Name), p+"name", web.CodeInvalid, "want a-z, 0-9 and _, starting with a letter, at most 32")
		c.That(!keys[k.Name], p+"name", web.CodeConflict, "key %q is defined twice", k.Name)
		keys[k.Name] = true
		k.Label = c.Text(p+"label", k.Label, maxLabelRunes)
		c.That(d.field(k.Field) != nil, p+"field", web.CodeInvalid, "no field named %q", k.Field)
		c.Range(p+"last", k.Last, 0, maxKeyLen)
		c.OneOf(p+"keypad", string(k.Keypad), string(KeypadDigits), string(KeypadAlnum), string(KeypadName))
		c.That(k.Keypad != KeypadName || k.Last == 0, p+"last", web.CodeInvalid, "a name is entered whole (no last characters)")
	}
}

// checkMapping validates a column mapping (field name → column header)
// against the definition.
func (d *Definition) checkMapping(c *web.Check, m map[string]string) {
	for name, col := range m {
		c.That(d.field(name) != nil, "mapping."+name, web.CodeInvalid, "no field named %q", name)
		c.MaxRunes("mapping."+name, col, 64)
	}
}

// column is the header a field is read from: the mapped one, or the
// field's label.
func column(f Field, m map[string]string) string {
	if c := m[f.Name]; c != "" {
		return c
	}
	return f.Label
}
