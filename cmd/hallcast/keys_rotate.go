package main

import (
	"fmt"
	"strings"

	"github.com/hallcast/hallcast/sealed"
)

// keysRotate seals every row again with a new contact key: with the key
// file, a new key is put first unless a rotation is under way (the file
// holds an older key still); with configured keys, the first one is the
// new key. Rows are sealed in batches, one transaction each: run it again
// after a stop and it goes on.
func keysRotate(e *keysEnv) int {
	counts, err := e.holders.Count(e.ctx)
	if err != nil {
		return e.fail(err)
	}
	_, rows, plain := e.others(counts)
	switch {
	case rows+plain > 0:
		fmt.Fprintf(e.stdout, "going on with the contact key %s: %d rows are sealed with another key, %d not yet\n", e.keys.Current(), rows, plain)
	case e.keys.Path() == "":
		fmt.Fprintf(e.stdout, "every row is sealed with the contact key %s, the first of HALLCAST_CONTACT_KEY; to rotate, put a new key first "+
			"there on every instance, restart them and run this again\n", e.keys.Current())
		return exitOK
	case len(e.keys.IDs()) > 1:
		fmt.Fprintf(e.stdout, "every row is sealed with the contact key %s already\n", e.keys.Current())
	default:
		id, err := e.keys.Add()
		if err != nil {
			return e.fail(err)
		}
		fmt.Fprintf(e.stdout, "added the contact key %s first in %s; the old key still opens until it is retired\n", id, e.keys.Path())
	}
	// The database learns the new key; a key in use that the keyring
	// lacks stops the rotation here.
	if err := sealed.Register(e.ctx, e.db, e.keys, e.now()); err != nil {
		return e.fail(err)
	}
	n, err := e.holders.Reseal(e.ctx, true, e.now())
	if n > 0 {
		fmt.Fprintf(e.stdout, "sealed %d rows with the contact key %s\n", n, e.keys.Current())
	}
	if err != nil {
		return e.fail(fmt.Errorf("%w (run it again to go on)", err))
	}
	if counts, err = e.holders.Count(e.ctx); err != nil {
		return e.fail(err)
	}
	if ids, rows, plain := e.others(counts); rows+plain > 0 {
		return e.fail(fmt.Errorf("%d rows are still sealed with %s and %d not sealed: an instance that has not read the new key "+
			"stored them meanwhile; restart it and run this again", rows, strings.Join(ids, ", "), plain))
	}
	e.scrub()
	if old := e.keys.IDs()[1:]; len(old) > 0 {
		fmt.Fprintf(e.stdout, "nothing is sealed with %s any more: remove it with 'hallcast keys retire --contact'\n", strings.Join(old, ", "))
	}
	return exitOK
}
