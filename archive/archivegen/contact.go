package archivegen

import "fmt"

// mobilePrefixes are the first three digits of mainland mobile numbers.
var mobilePrefixes = []string{"130", "133", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159",
	"166", "176", "177", "180", "181", "186", "187", "188", "189", "191", "198", "199"}

// Mobile returns a mainland mobile number (11 digits). It draws from the
// generator's sequence, so calling it changes the rows that follow; the
// archive files never call it.
func (g *Generator) Mobile() string {
	return pick(g, mobilePrefixes) + fmt.Sprintf("%08d", g.rng.IntN(100_000_000))
}

// Address returns a postal address in one of the generated towns.
func (g *Generator) Address() string {
	return fmt.Sprintf("某县%s%s%d号", pick(g, towns), pick(g, villages), 1+g.rng.IntN(300))
}
