// Package systemd holds the systemd units of hallcast: the server
// (hallcast.service) and the Chromium units of a screen and a kiosk. Its
// tests check their hardening (units_test.go); the package has no code.
package systemd
