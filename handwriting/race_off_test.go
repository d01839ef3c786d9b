//go:build !race

package handwriting

const raceEnabled = false
