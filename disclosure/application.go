package disclosure

import (
	"net/mail"
	"strings"

	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/web"
)

// Application is what the applicant fills in, following the 政府信息公开
// 申请表 (条例 第二十九条): who applies, how to reach them, which
// information, and in what form and how to receive it.
type Application struct {
	// ApplicantType is "person" (公民) or "organisation" (法人或者其他组织).
	ApplicantType string `json:"applicant_type"`
	Name          string `json:"name"`
	// IDType is "resident_id", "passport" or "other"; for persons.
	IDType   string `json:"id_type"`
	IDNumber string `json:"id_number"`
	// OrgCode (统一社会信用代码), LegalRep and ContactName for organisations.
	OrgCode     string `json:"org_code"`
	LegalRep    string `json:"legal_rep"`
	ContactName string `json:"contact_name"`
	Phone       string `json:"phone"`
	Email       string `json:"email"`
	Address     string `json:"address"`
	Postcode    string `json:"postcode"`
	// Description (所需信息的名称、文号或者便于查询的其他特征性描述).
	Description string `json:"description"`
	DocRef      string `json:"doc_ref"`
	// Form is "paper" or "electronic"; Delivery "mail", "email" or "pickup".
	Form     string `json:"form"`
	Delivery string `json:"delivery"`

	// OrgKind is the organisation's category in the annual report (one of
	// OrgKinds: business, research, public_interest, legal_service,
	// other); for organisations.
	OrgKind string `json:"org_kind"`
}

// digits keeps the digits (and a final X of an ID number).
func digits(s string) string {
	s = privacy.NormalizeDigits(s)
	var b strings.Builder
	for _, r := range s {
		if (r >= '0' && r <= '9') || r == 'X' || r == 'x' {
			b.WriteRune(r)
		}
	}
	return strings.ToUpper(b.String())
}

// ValidPhone accepts a mainland mobile number or a fixed line of 7 to 12
// digits (with its area code).
func ValidPhone(p string) bool {
	d := digits(p)
	if privacy.ValidMobile(d) {
		return true
	}
	return len(d) >= 7 && len(d) <= 12 && strings.Trim(d, "0123456789") == "" && !strings.HasPrefix(d, "1")
}

// Category is the applicant's category in the annual report.
func (a *Application) Category() Category {
	if a.ApplicantType == "organisation" {
		return Category(a.OrgKind)
	}
	return CategoryPerson
}

// check validates and normalises the application.
func (a *Application) check() error {
	var c web.Check
	a.validate(&c)
	return c.Err()
}

// validate checks and normalises the application into c.
func (a *Application) validate(c *web.Check) {
	c.OneOf("applicant_type", a.ApplicantType, "person", "organisation")
	a.Name = c.Text("name", a.Name, 100)
	if a.ApplicantType == "organisation" {
		a.OrgCode = strings.ToUpper(strings.TrimSpace(a.OrgCode))
		c.That(len(a.OrgCode) == 18, "org_code", web.CodeInvalid, "want the 18-character unified social credit code")
		a.LegalRep = c.Text("legal_rep", a.LegalRep, 50)
		a.ContactName = c.Text("contact_name", a.ContactName, 50)
		if a.OrgKind == "" {
			c.Add(web.Invalid("org_kind", web.CodeRequired, "say which kind of organisation applies"))
		} else {
			c.OneOf("org_kind", a.OrgKind, categoryNames(OrgKinds)...)
		}
		a.IDType, a.IDNumber = "", ""
	} else {
		c.OneOf("id_type", a.IDType, "resident_id", "passport", "other")
		a.IDNumber = strings.ToUpper(strings.TrimSpace(a.IDNumber))
		if a.IDType == "resident_id" {
			a.IDNumber = digits(a.IDNumber)
			c.That(privacy.ValidID18(a.IDNumber), "id_number", web.CodeInvalid, "not a valid resident ID number")
		} else {
			a.IDNumber = c.Text("id_number", a.IDNumber, 30)
		}
		a.OrgCode, a.LegalRep, a.ContactName, a.OrgKind = "", "", "", ""
	}
	a.Phone = digits(a.Phone)
	c.That(ValidPhone(a.Phone), "phone", web.CodeInvalid, "want a mobile number or a fixed line with its area code")
	a.Email = strings.TrimSpace(a.Email)
	c.MaxRunes("email", a.Email, 100)
	if _, err := mail.ParseAddress(a.Email); a.Email != "" && err != nil {
		c.Add(web.Invalid("email", web.CodeInvalid, "not an e-mail address"))
	}
	a.Address = strings.TrimSpace(a.Address)
	c.MaxRunes("address", a.Address, 200)
	a.Postcode = digits(a.Postcode)
	c.That(a.Postcode == "" || len(a.Postcode) == 6, "postcode", web.CodeInvalid, "want 6 digits")
	a.Description = c.Text("description", a.Description, 2000)
	a.DocRef = strings.TrimSpace(a.DocRef)
	c.MaxRunes("doc_ref", a.DocRef, 200)
	c.OneOf("form", a.Form, "paper", "electronic")
	c.OneOf("delivery", a.Delivery, "mail", "email", "pickup")
	c.That(a.Delivery != "mail" || a.Address != "", "address", web.CodeRequired, "an address is needed to send the reply by mail")
	c.That(a.Delivery != "email" || a.Email != "", "email", web.CodeRequired, "an e-mail address is needed to send the reply by e-mail")
}
