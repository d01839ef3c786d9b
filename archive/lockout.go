package archive

import (
	"encoding/hex"
	"strconv"

	"github.com/hallcast/hallcast/lockout"
)

// Outcomes of a kiosk query, as audited.
const (
	OutcomeHit    = "hit"
	OutcomeMiss   = "miss"
	OutcomeLocked = lockout.Locked // refused: too many misses of the kiosk, its address or the keys
	OutcomeSlowed = lockout.Slowed // refused: the kiosk asked again too soon after misses
)

// The lockout kinds of kiosk lookups: misses count per kiosk, per client
// address and per person looked up.
const (
	LockKiosk   = "archive.kiosk"
	LockAddress = "archive.address"
	LockKeys    = "archive.keys"
)

// scopes are the lockout scopes of a kiosk's lookup of keys in ds.
func (s *Service) scopes(p Protection, ds *Dataset, keys []string, kiosk, address string) []lockout.Scope {
	out := make([]lockout.Scope, 0, 3)
	out = append(out, lockout.Scope{Kind: LockKiosk, Name: kiosk, Rule: p.kioskRule()})
	if address != "" {
		out = append(out, lockout.Scope{Kind: LockAddress, Name: address, Rule: p.addressRule()})
	}
	return append(out, lockout.Scope{Kind: LockKeys, Name: s.person(ds, keys), Rule: p.keyRule()})
}

// person names whom a lookup is about, for the lockout: the dataset and a
// keyed hash of its keys but the shortest (the one a guesser varies, such
// as the last four digits of a card, while the ID number stays), never
// the values themselves. A dataset of one key is looked up by that key.
func (s *Service) person(ds *Dataset, keys []string) string {
	vals := keys
	if len(keys) > 1 {
		skip := shortestKey(ds.Definition.Keys)
		vals = make([]string, 0, len(keys)-1)
		for i, v := range keys {
			if i != skip {
				vals = append(vals, v)
			}
		}
	}
	var buf [2 * hashSize]byte
	hex.Encode(buf[:], s.key.digest(domainPerson, ds.ID, vals))
	return strconv.FormatInt(ds.ID, 10) + ":" + string(buf[:])
}

// shortestKey is the index of the key with the fewest characters (a key
// taking a whole field counts as the longest); of equals, the last.
func shortestKey(keys []QueryKey) int {
	best, bestLen := 0, maxKeyLen+1
	for i, k := range keys {
		n := k.Length()
		if n == 0 {
			n = maxKeyLen + 1
		}
		if n <= bestLen {
			best, bestLen = i, n
		}
	}
	return best
}
