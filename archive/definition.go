package archive

import (
	"regexp"

	"github.com/hallcast/hallcast/privacy"
)

// Definition is what an admin defines for a dataset: its fields and the
// keys a citizen enters to find their records.
type Definition struct {
	Fields []Field    `json:"fields"`
	Keys   []QueryKey `json:"keys"`
}

// Field is one value of a record. A field with a Kind is personal and is
// stored only masked; a field that is not Shown is read at import (for a
// key or to recognise duplicates) but not kept for display.
type Field struct {
	// Name is the stable identifier, e.g. "id_number".
	Name string `json:"name"`
	// Label is the text shown next to the value, e.g. 身份证号.
	Label string `json:"label"`
	// Kind is the personal-data kind that says how the value is masked
	// (id18, id15, mobile, bank_card, name, generic); empty means not
	// personal, shown as imported.
	Kind privacy.Kind `json:"kind,omitempty"`
	// KeepFirst and KeepLast, when set, replace the masking policy's
	// numbers of visible characters for this field.
	KeepFirst *int `json:"keep_first,omitempty"`
	KeepLast  *int `json:"keep_last,omitempty"`
	// Shown fields are displayed in the result.
	Shown bool `json:"shown"`
	// Required fields must not be empty; key fields always are.
	Required bool `json:"required,omitempty"`
}

// Personal reports whether the field holds personal data.
func (f Field) Personal() bool { return f.Kind != "" }

// Keypad is the keypad on which a key is entered at the kiosk.
type Keypad string

// The keypads.
const (
	// KeypadDigits has 0–9 and X (the check character of ID numbers).
	KeypadDigits Keypad = "digits"
	// KeypadAlnum has 0–9 and A–Z.
	KeypadAlnum Keypad = "alnum"
	// KeypadName is the pinyin keyboard: Chinese characters (and the
	// middle dot of transcribed names), for a key that is a name.
	KeypadName Keypad = "name"
)

// QueryKey is one value a citizen enters. A lookup matches records whose
// every key equals the entered one after normalisation.
type QueryKey struct {
	// Name is the stable identifier, e.g. "id_last6".
	Name string `json:"name"`
	// Label is the prompt at the kiosk, e.g. 身份证号后六位.
	Label string `json:"label"`
	// Field is the field the key comes from.
	Field string `json:"field"`
	// Last, when above 0, takes only the last Last characters of the
	// field's normalised value (e.g. the last 6 of an ID number).
	Last int `json:"last,omitempty"`
	// Keypad is the keypad the key is typed on.
	Keypad Keypad `json:"keypad"`
}

// Limits of a definition.
const (
	maxFields     = 40
	maxKeys       = 4
	maxKeyLen     = 40
	maxLabelRunes = 32
	maxValueRunes = 500
)

var namePattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,31}$`)

// field returns the field named name, or nil.
func (d *Definition) field(name string) *Field {
	for i := range d.Fields {
		if d.Fields[i].Name == name {
			return &d.Fields[i]
		}
	}
	return nil
}

// isKeySource reports whether a key is derived from the field.
func (d *Definition) isKeySource(name string) bool {
	for _, k := range d.Keys {
		if k.Field == name {
			return true
		}
	}
	return false
}

// Length is the exact length of the key when it is known from the
// definition (the last N characters), else 0.
func (k QueryKey) Length() int { return k.Last }
