package privacy

import "time"

// id18Weights are the ISO 7064 MOD 11-2 weights 2^(17-i) mod 11 of the first
// 17 digits of an 18-digit ID number (GB 11643-1999).
var id18Weights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// id18Check maps the weighted sum mod 11 to the check character.
const id18Check = "10X98765432"

// ValidID18 reports whether s is a valid 18-digit resident ID number
// (GB 11643-1999): 17 ASCII digits and a check character (a digit, X or x)
// that satisfies ISO 7064 MOD 11-2, a region code not starting with 0 and a
// birth date YYYYMMDD that exists, with a year from 1900 to the current year.
// Call NormalizeDigits first on text typed by a person.
//
//	ValidID18("11010519491231002X") == true
func ValidID18(s string) bool {
	return validID18(s, time.Now().Year())
}

// bytestring is a string or a byte slice: the validators below run on the
// scanner's reusable buffer without allocating.
type bytestring interface{ ~string | ~[]byte }

func validID18[T bytestring](s T, maxYear int) bool {
	if len(s) != 18 || s[0] == '0' {
		return false
	}
	sum := 0
	for i := range 17 {
		c := s[i]
		if c < '0' || c > '9' {
			return false
		}
		sum += int(c-'0') * id18Weights[i]
	}
	check := s[17]
	if check == 'x' {
		check = 'X'
	}
	if check != id18Check[sum%11] {
		return false
	}
	return validBirth(atoi(s, 6, 10), atoi(s, 10, 12), atoi(s, 12, 14), maxYear)
}

// ValidID15 reports whether s is a valid 15-digit legacy resident ID number:
// 15 ASCII digits, a region code not starting with 0 and a birth date YYMMDD
// that exists when read as 19YYMMDD. Legacy numbers carry no check digit.
func ValidID15(s string) bool {
	return validID15(s)
}

func validID15[T bytestring](s T) bool {
	if len(s) != 15 || s[0] == '0' || !allDigits(s) {
		return false
	}
	return validBirth(1900+atoi(s, 6, 8), atoi(s, 8, 10), atoi(s, 10, 12), 9999)
}

// validBirth reports whether year-month-day is a real calendar date with a
// year between 1900 and maxYear.
func validBirth(year, month, day, maxYear int) bool {
	if year < 1900 || year > maxYear || month < 1 || month > 12 || day < 1 {
		return false
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	return t.Day() == day
}

// atoi converts s[i:j], ASCII digits that have been checked.
func atoi[T bytestring](s T, i, j int) int {
	n := 0
	for ; i < j; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// allDigits reports whether s is non-empty and made of ASCII digits only.
func allDigits[T bytestring](s T) bool {
	if len(s) == 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
