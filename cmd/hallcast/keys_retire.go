package main

import (
	"fmt"
	"strings"

	"github.com/hallcast/hallcast/sealed"
)

// keysRetire retires the contact keys other than the current one, once
// no row is sealed with them: the database notes them retired (no
// instance may seal with them again) and, with the key file, they leave
// it. Values they sealed no longer open anywhere, which is why it checks
// first.
func keysRetire(e *keysEnv) int {
	counts, err := e.holders.Count(e.ctx)
	if err != nil {
		return e.fail(err)
	}
	if ids, rows, plain := e.others(counts); rows+plain > 0 {
		return e.fail(fmt.Errorf("%d rows are still sealed with %s and %d not sealed: run 'hallcast keys rotate --contact' first",
			rows, strings.Join(ids, ", "), plain))
	}
	reg, err := sealed.Registry(e.ctx, e.db)
	if err != nil {
		return e.fail(err)
	}
	cur := e.keys.Current()
	var retire []string
	for _, r := range reg {
		if r.ID != cur && r.RetiredAt == nil {
			retire = append(retire, r.ID)
		}
	}
	for _, id := range retire {
		if err := sealed.Retire(e.ctx, e.db, id, e.now()); err != nil {
			return e.fail(err)
		}
	}
	old := e.keys.IDs()[1:]
	switch {
	case len(old) > 0 && e.keys.Path() != "":
		if err := e.keys.Remove(old...); err != nil {
			return e.fail(err)
		}
		fmt.Fprintf(e.stdout, "retired and removed from %s: %s\n", e.keys.Path(), strings.Join(old, ", "))
	case len(old) > 0:
		fmt.Fprintf(e.stdout, "retired %s: remove it from HALLCAST_CONTACT_KEY on every instance and restart them\n", strings.Join(old, ", "))
	case len(retire) > 0:
		fmt.Fprintf(e.stdout, "retired %s\n", strings.Join(retire, ", "))
	default:
		fmt.Fprintf(e.stdout, "nothing to retire: the only contact key is %s\n", cur)
	}
	e.scrub()
	return exitOK
}
