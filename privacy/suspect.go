package privacy

import "time"

// SuspectID18 reports whether s looks like an 18-digit resident ID number
// with a typo (疑似身份证号，校验位不符): 17 ASCII digits and a check
// character (digit, X or x) that fails ISO 7064 MOD 11-2, while the first
// two digits are a province code of GB/T 2260 (11–15, 21–23, 31–37,
// 41–46, 50–54, 61–65, 71, 81, 82) and digits 7–14 a birth date YYYYMMDD
// from 1900-01-01 to today. Typos are common in real lists and the rest
// of the number still identifies a person, so Scan reports such a number
// as KindID18Suspect and masks it like an ID number.
//
//	SuspectID18("110105194912310021") == true  // 11010519491231002X with a wrong last digit
//	SuspectID18("202611231234567890") == false // an order number: no province 20
func SuspectID18(s string) bool {
	now := time.Now()
	return suspectID18(s, now.Year()*10000+int(now.Month())*100+now.Day())
}

// suspectID18 is SuspectID18 with today as YYYYMMDD.
func suspectID18[T bytestring](s T, today int) bool {
	if len(s) != 18 || !allDigits(s[:17]) {
		return false
	}
	switch c := s[17]; {
	case c >= '0' && c <= '9', c == 'X', c == 'x':
	default:
		return false
	}
	if !provinceCode(atoi(s, 0, 2)) {
		return false
	}
	y, m, d := atoi(s, 6, 10), atoi(s, 10, 12), atoi(s, 12, 14)
	if !validBirth(y, m, d, 9999) || y*10000+m*100+d > today {
		return false
	}
	return !checkOK(s)
}

// checkOK reports whether the 18th character of s is the MOD 11-2 check
// character of its first 17 digits (which are ASCII digits).
func checkOK[T bytestring](s T) bool {
	sum := 0
	for i := range 17 {
		sum += int(s[i]-'0') * id18Weights[i]
	}
	check := s[17]
	if check == 'x' {
		check = 'X'
	}
	return check == id18Check[sum%11]
}

// provinceCode reports whether n is a province-level code of GB/T 2260
// (and of Hong Kong, Macao and Taiwan).
func provinceCode(n int) bool {
	switch {
	case n >= 11 && n <= 15, n >= 21 && n <= 23, n >= 31 && n <= 37, n >= 41 && n <= 46,
		n >= 50 && n <= 54, n >= 61 && n <= 65, n == 71, n == 81, n == 82:
		return true
	}
	return false
}
