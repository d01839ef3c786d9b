package privacy

// Kind names a kind of personal data. Its values are stable strings used in
// JSON (findings, policies) and in configuration.
type Kind string

// Kinds of personal data. Scan reports only KindID18, KindID18Suspect,
// KindID15, KindMobile and KindBankCard; KindName and KindGeneric are for
// masking fields whose kind is known from their context (a name column, a
// free-form field).
const (
	KindID18        Kind = "id18"         // 18-digit resident ID number
	KindID18Suspect Kind = "id18_suspect" // 疑似身份证号，校验位不符 (see SuspectID18), masked with the ID18 rule
	KindID15        Kind = "id15"         // 15-digit legacy resident ID number
	KindMobile      Kind = "mobile"       // mainland mobile number
	KindBankCard    Kind = "bank_card"    // bank card number (Luhn, 16–19 digits)
	KindName        Kind = "name"         // a person's name
	KindGeneric     Kind = "generic"      // any other value
)

// known reports whether k is one of the kinds above.
func (k Kind) known() bool {
	switch k {
	case KindID18, KindID18Suspect, KindID15, KindMobile, KindBankCard, KindName, KindGeneric:
		return true
	}
	return false
}

// numeric reports whether values of kind k are digit strings whose
// separators are dropped before masking.
func (k Kind) numeric() bool {
	switch k {
	case KindID18, KindID18Suspect, KindID15, KindMobile, KindBankCard:
		return true
	}
	return false
}

// IsIDNumber reports whether k is a resident ID number, valid or
// suspected: the kinds whose publication needs a second person's consent.
func (k Kind) IsIDNumber() bool {
	return k == KindID18 || k == KindID18Suspect || k == KindID15
}
