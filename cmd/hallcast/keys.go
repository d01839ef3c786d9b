package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/sealed"
	"github.com/hallcast/hallcast/server"
	"github.com/hallcast/hallcast/store"
)

const keysUsage = `Usage: hallcast keys <action> --contact [flags]

Actions:
  status --contact   the contact keys and how many rows each one seals
  rotate --contact   seal every row again with a new contact key
  retire --contact   remove the old contact keys once nothing is sealed with them

The contact keys seal citizens' personal data: the applicants of
disclosure requests and their scanned applications, the phones and
messages of suggestions (HALLCAST_CONTACT_KEY, or <data-dir>/contact.key).

With the key file of the data folder:
  1. 'keys rotate --contact' puts a new key first in the file (a running
     server seals with it from then on; the old key still opens) and seals
     every row again with it, one batch per transaction. If it stops, run
     it again: it goes on with the same new key.
  2. 'keys retire --contact' checks that nothing is sealed with the old
     key any more, marks it retired in the database and removes it from
     the file. Keep a copy of it with the backups made before, if you may
     have to restore one of them.
With HALLCAST_CONTACT_KEY or HALLCAST_CONTACT_KEY_FILE: put a new key
first in the setting of every instance and restart them, run 'keys rotate
--contact', then remove the old key from the setting, restart, and run
'keys retire --contact'. See docs/deployment.md.
`

// keysEnv is what every keys action works on.
type keysEnv struct {
	ctx     context.Context
	db      *store.DB
	keys    *sealed.Keyring
	holders sealed.Holders
	now     func() time.Time
	stdout  io.Writer
	stderr  io.Writer
	name    string
}

func runKeys(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, keysUsage)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	actions := map[string]func(e *keysEnv) int{"status": keysStatus, "rotate": keysRotate, "retire": keysRetire}
	act, ok := actions[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "hallcast keys: unknown action %q\n\n%s", args[0], keysUsage)
		return exitUsage
	}
	name := "keys " + args[0]
	fs := newFlags(name, name+" --contact [flags]", stdout, stderr)
	contact := fs.Bool("contact", false, "the contact keys (required: the archive key changes with a new import)")
	loader := config.NewLoader(fs)
	if code, stop := parse(fs, args[1:]); stop {
		return code
	}
	if !*contact {
		fmt.Fprintf(stderr, "hallcast %s: say which keys: --contact\n", name)
		return exitUsage
	}
	cfg, code, stop := loadConfig(loader, stderr)
	if stop {
		return code
	}
	e := &keysEnv{ctx: context.Background(), stdout: stdout, stderr: stderr, name: name, now: clock.System{}.Now}
	db, err := openDB(e.ctx, cfg, stderr)
	if err != nil {
		return e.fail(err)
	}
	defer db.Close()
	if _, err := db.Migrate(e.ctx, server.Migrations()...); err != nil {
		return e.fail(err)
	}
	if e.keys, err = server.ContactKeys(cfg); err != nil {
		return e.fail(err)
	}
	e.db, e.holders = db, server.SealedHolders(db, cfg, e.keys)
	return act(e)
}

func (e *keysEnv) fail(err error) int {
	fmt.Fprintf(e.stderr, "hallcast %s: %v\n", e.name, err)
	return exitError
}

// others are the keys other than the current one that rows are sealed
// with, and the count of plain rows.
func (e *keysEnv) others(counts map[string]int) (ids []string, rows, plain int) {
	cur := e.keys.Current()
	for k, n := range counts {
		switch {
		case k == "":
			plain = n
		case k != cur && n > 0:
			ids = append(ids, k)
			rows += n
		}
	}
	sort.Strings(ids)
	return ids, rows, plain
}

// scrub rewrites the files noted as holding values sealed before; when it
// cannot now (a running server reads the SQLite file), the next start of
// the server does it.
func (e *keysEnv) scrub() {
	tables, err := e.holders.Scrub(e.ctx)
	switch {
	case err != nil:
		fmt.Fprintf(e.stdout, "the database files could not be rewritten now (%v); the next start of the server does it\n", err)
	case len(tables) > 0:
		fmt.Fprintf(e.stdout, "rewrote the database files of %s without the values sealed before\n", strings.Join(tables, ", "))
	}
}

func keysStatus(e *keysEnv) int {
	counts, err := e.holders.Count(e.ctx)
	if err != nil {
		return e.fail(err)
	}
	reg, err := sealed.Registry(e.ctx, e.db)
	if err != nil {
		return e.fail(err)
	}
	where := e.keys.Path()
	if where == "" {
		where = "HALLCAST_CONTACT_KEY"
	}
	fmt.Fprintf(e.stdout, "contact keys from %s (the first seals):\n", where)
	listed := map[string]bool{}
	for i, id := range e.keys.IDs() {
		note := ""
		if i == 0 {
			note = " (seals)"
		}
		fmt.Fprintf(e.stdout, "  %s  %d rows%s\n", id, counts[id], note)
		listed[id] = true
	}
	for _, r := range reg {
		if listed[r.ID] {
			continue
		}
		state := "missing here"
		if r.RetiredAt != nil {
			state = "retired " + r.RetiredAt.Format("2006-01-02")
		}
		fmt.Fprintf(e.stdout, "  %s  %d rows (%s)\n", r.ID, counts[r.ID], state)
	}
	if counts[""] > 0 {
		fmt.Fprintf(e.stdout, "  not sealed yet: %d rows (the server seals them at start)\n", counts[""])
	}
	return exitOK
}
