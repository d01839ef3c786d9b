//go:build race

package handwriting

// raceEnabled: the race detector slows scoring some twentyfold.
const raceEnabled = true
