package privacy

import "testing"

func TestValidID18(t *testing.T) {
	tests := []struct {
		name string
		id   string
		want bool
	}{
		{"design example", "11010519491231002X", true},
		{"lower-case x", "11010519491231002x", true},
		{"digit check char", withID18Check("44030419900101001"), true},
		{"born 1900-01-01", withID18Check("11010519000101001"), true},
		{"leap day", withID18Check("11010520000229001"), true},
		{"wrong check char", "110105194912310021", false},
		{"X in wrong place", "1101051949123100X2", false},
		{"full-width not normalised", "１１０１０５１９４９１２３１００２Ｘ", false},
		{"17 digits", "11010519491231002", false},
		{"19 chars", "11010519491231002X1", false},
		{"region starts with 0", withID18Check("01010519491231002"), false},
		{"February 30", withID18Check("11010519490230002"), false},
		{"month 13", withID18Check("11010519491301002"), false},
		{"day 00", withID18Check("11010519491200002"), false},
		{"not a leap year", withID18Check("11010519000229001"), false},
		{"born 1899", withID18Check("11010518991231002"), false},
		{"born in 2999", withID18Check("11010529990101002"), false},
		{"letters", "11010519491231ABCX", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ValidID18(tt.id); got != tt.want {
				t.Errorf("ValidID18(%q) = %v, want %v", tt.id, got, tt.want)
			}
		})
	}
}

func TestValidID15(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"110105491231002", true},  // born 1949-12-31
		{"440304960229123", true},  // 1996-02-29 exists
		{"440304000228123", true},  // 1900-02-28 exists
		{"440304000229123", false}, // 1900 is not a leap year
		{"110105491232002", false}, // December 32
		{"110105491301002", false}, // month 13
		{"010105491231002", false}, // region starts with 0
		{"11010549123100", false},  // 14 digits
		{"1101054912310021", false},
		{"11010549123100X", false},
	}
	for _, tt := range tests {
		if got := ValidID15(tt.id); got != tt.want {
			t.Errorf("ValidID15(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
}

func TestLuhn(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"4111111111111111", true},
		{"6222021234567890128", true},
		{"79927398713", true}, // the textbook example
		{withLuhn("622848001234567"), true},
		{"4111111111111112", false},
		{"6222021234567890127", false},
		{"4111 1111 1111 1111", false}, // separators are not digits
		{"0", false},
		{"", false},
		{"00", true},
	}
	for _, tt := range tests {
		if got := Luhn(tt.s); got != tt.want {
			t.Errorf("Luhn(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestValidMobile(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"13812345678", true},
		{"19912345678", true},
		{"+8613812345678", true},
		{"8613812345678", true},
		{"12812345678", false}, // 12x is not a mobile prefix
		{"10012345678", false},
		{"1381234567", false},
		{"138123456789", false},
		{"+86 13812345678", false}, // separators must be removed first
		{"138-1234-5678", false},
		{"+8612812345678", false},
		{"0086138123456", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := ValidMobile(tt.s); got != tt.want {
			t.Errorf("ValidMobile(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
