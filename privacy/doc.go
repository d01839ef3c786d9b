// Package privacy detects and masks personal data (R6 de-identification)
// before text reaches a public screen or kiosk.
//
// Scan finds 18-digit resident ID numbers (GB 11643-1999, ISO 7064 MOD 11-2
// check character), suspected ID numbers (a plausible region and birth date
// with a wrong check character: a typo that still identifies a person),
// 15-digit legacy ID numbers, mainland mobile numbers and Luhn-valid bank
// card numbers in arbitrary text, including text written with full-width
// digits. MaskTextWith leaves the findings a reviewer kept. A Policy says how much of each kind of value stays
// visible; DefaultPolicy follows DESIGN.md R6 (ID first 6 + last 4, mobile
// first 3 + last 4, card first 4 + last 4, name first character).
//
// The package is pure: no I/O, no global state, safe for concurrent use.
package privacy
