package privacy

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDefaultPolicyValid(t *testing.T) {
	if err := DefaultPolicy().Validate(); err != nil {
		t.Fatal(err)
	}
	if err := (Policy{}).Validate(); err != nil {
		t.Fatalf("zero policy: %v", err)
	}
}

func TestPolicyJSONRoundTrip(t *testing.T) {
	p := DefaultPolicy()
	p.Mobile = Rule{KeepFirst: 3, KeepLast: 2, MaskChar: "●"}
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"id18"`, `"id15"`, `"mobile"`, `"bank_card"`, `"name"`, `"generic"`, `"keepFirst"`, `"keepLast"`, `"maskChar"`} {
		if !strings.Contains(string(data), key) {
			t.Errorf("JSON %s lacks %s", data, key)
		}
	}
	got, err := LoadPolicy(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	if got != p {
		t.Errorf("round trip: got %+v, want %+v", got, p)
	}
}

func TestLoadPolicy(t *testing.T) {
	tests := []struct {
		name    string
		json    string
		want    func(Policy) bool
		wantErr string
	}{
		{
			name: "partial rule keeps other defaults",
			json: `{"mobile":{"keepFirst":2}}`,
			want: func(p Policy) bool {
				return p.Mobile == Rule{KeepFirst: 2, KeepLast: 4, MaskChar: "*"} && p.ID18 == DefaultPolicy().ID18
			},
		},
		{
			name: "mask char of one multi-byte character",
			json: `{"name":{"keepFirst":1,"keepLast":0,"maskChar":"○"}}`,
			want: func(p Policy) bool { return p.MaskName("张三丰") == "张○○" },
		},
		{name: "empty object is the default", json: `{}`, want: func(p Policy) bool { return p == DefaultPolicy() }},
		{name: "negative keepFirst", json: `{"mobile":{"keepFirst":-1}}`, wantErr: "privacy: policy: mobile.keepFirst: must not be negative (got -1)"},
		{name: "negative keepLast", json: `{"bank_card":{"keepLast":-4}}`, wantErr: "bank_card.keepLast"},
		{name: "two mask characters", json: `{"id18":{"maskChar":"**"}}`, wantErr: "id18.maskChar: must be exactly one character"},
		{name: "digit mask character", json: `{"id15":{"maskChar":"0"}}`, wantErr: "id15.maskChar"},
		{name: "letter mask character", json: `{"generic":{"maskChar":"X"}}`, wantErr: "generic.maskChar"},
		{name: "space mask character", json: `{"name":{"maskChar":" "}}`, wantErr: "name.maskChar"},
		{name: "unknown kind", json: `{"email":{"keepFirst":1}}`, wantErr: `unknown field "email"`},
		{name: "unknown rule field", json: `{"mobile":{"keepMiddle":1}}`, wantErr: `unknown field "keepMiddle"`},
		{name: "wrong type", json: `{"mobile":{"keepFirst":"3"}}`, wantErr: "privacy: policy:"},
		{name: "not JSON", json: `keep 3`, wantErr: "privacy: policy:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := LoadPolicy(strings.NewReader(tt.json))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !tt.want(p) {
				t.Errorf("unexpected policy %+v", p)
			}
		})
	}
}

func TestRuleFor(t *testing.T) {
	p := DefaultPolicy()
	if p.RuleFor("passport") != p.Generic {
		t.Error("unknown kind should use the generic rule")
	}
	if p.RuleFor(KindBankCard) != p.BankCard {
		t.Error("bank_card rule")
	}
}
