package main

import (
	"os"
	"regexp"
	"testing"
)

func regexpMatch(s, pattern string) bool { return regexp.MustCompile(pattern).MatchString(s) }

// TestMain lets the test binary act as the hallcast binary for the
// process tests: with HALLCAST_TEST_AS_MAIN=1 it runs main's run and exits.
func TestMain(m *testing.M) {
	if os.Getenv("HALLCAST_TEST_AS_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}
