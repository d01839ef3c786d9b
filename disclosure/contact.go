package disclosure

import (
	"fmt"

	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/sealed"
)

// The applicant's personal data is sealed at rest with the contact key
// (package sealed): sealedColumns hold sealed values, each bound to its
// column and to the request's tracking number. The ID number and the
// phone are never opened to be shown: lists and the detail show the
// masked copies (id_masked, phone_masked), as the admin pages always did.
// The name, the organisation's representatives, the e-mail, the address,
// the description of the information asked for (it often names the
// applicant's own affairs) and the staff's note are opened for the detail
// of one request, which the reply by post or e-mail needs; lists show
// name_masked. Not sealed: the organisation's credit code (public in the
// business register), the postcode (a district), the document reference,
// and phone_last4, which the status lookup compares and phone_masked
// shows anyway.
var sealedColumns = [...]string{"name", "id_number", "legal_rep", "contact_name", "phone", "email", "address", "description", "note"}

// shown are the sealed columns the detail of a request opens.
var shown = map[string]bool{"name": true, "legal_rep": true, "contact_name": true, "email": true, "address": true, "description": true, "note": true}

// sealedValues points at the row's values of sealedColumns, in order.
func (r *requestRow) sealedValues() [len(sealedColumns)]*string {
	return [...]*string{&r.Name, &r.IDNumber, &r.LegalRep, &r.ContactName, &r.Phone, &r.Email, &r.Address, &r.Description, &r.Note}
}

func requestPlace(column, trackingNo string) string {
	return sealed.Place("disclosure_requests", column, trackingNo)
}

// mask fills the masked copies of a plain row: the name masked (an
// organisation's name as it is: it names no person), the ID number and
// the phone masked by the policy (R6).
func (s *Service) mask(r *requestRow) {
	r.NameMasked = r.Name
	if r.ApplicantType != "organisation" {
		r.NameMasked = s.opts.Policy.MaskName(r.Name)
	}
	r.IDMasked = ""
	if r.IDNumber != "" {
		kind := privacy.KindGeneric
		if r.IDType == "resident_id" {
			kind = privacy.KindID18
		}
		r.IDMasked = s.opts.Policy.Mask(kind, r.IDNumber)
	}
	r.PhoneMasked = s.maskPhone(r.Phone)
}

// sealRow seals the plain values of r in place with k.
func sealRow(k *sealed.Key, r *requestRow) {
	for i, v := range r.sealedValues() {
		*v = k.Seal(*v, requestPlace(sealedColumns[i], r.TrackingNo))
	}
	r.SealKey = k.ID()
}

// openRow opens the sealed values of r in place: those the detail shows,
// or all of them. The ID number and the phone stay sealed unless all.
func (s *Service) openRow(r *requestRow, all bool) error {
	if r.SealKey == "" {
		return fmt.Errorf("request %d is not sealed yet (it is sealed at the next start)", r.ID)
	}
	for i, v := range r.sealedValues() {
		col := sealedColumns[i]
		if !all && !shown[col] {
			*v = ""
			continue
		}
		plain, err := s.opts.Keys.Open(*v, requestPlace(col, r.TrackingNo))
		if err != nil {
			return fmt.Errorf("open the %s of request %d: %w", col, r.ID, err)
		}
		*v = plain
	}
	return nil
}
