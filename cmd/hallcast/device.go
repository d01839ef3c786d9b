package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/display"
	"github.com/hallcast/hallcast/server"
	"github.com/hallcast/hallcast/store"
)

const deviceUsage = `Usage: hallcast device add --kind screen|kiosk --count N --tokens-file FILE [flags]

Pairs N devices at once, as an admin entering their codes would (for
provisioning a batch of players, and for the load tests), and writes their
tokens, one a line, to FILE (mode 0600). Screens get the profile --profile
and, with --group, that screen group (created when missing).
`

func runDevice(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "add" {
		fmt.Fprint(stdout, deviceUsage)
		if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
			return exitOK
		}
		return exitUsage
	}
	fs := newFlags("device add", "device add --kind screen|kiosk --count N --tokens-file FILE [flags]", stdout, stderr)
	kind := fs.String("kind", "screen", "screen or kiosk")
	count := fs.Int("count", 1, "how many devices to pair (1 to 100000)")
	tokens := fs.String("tokens-file", "", "file that receives the tokens, one a line (required)")
	prefix := fs.String("name-prefix", "", "device names are <prefix><n> (default: 屏幕- or 终端-)")
	profile := fs.String("profile", "landscape", "screen profile preset: strip_256x32, strip_384x64, wall_768x384, landscape, portrait")
	group := fs.String("group", "", "screen group name (created when missing)")
	loader := config.NewLoader(fs)
	if code, stop := parse(fs, args[1:]); stop {
		return code
	}
	k := device.Kind(*kind)
	pr, okProfile := display.Presets[*profile]
	switch {
	case !k.Valid():
		fmt.Fprintln(stderr, "hallcast device add: --kind must be screen or kiosk")
		return exitUsage
	case *count < 1 || *count > 100000:
		fmt.Fprintln(stderr, "hallcast device add: --count must be from 1 to 100000")
		return exitUsage
	case *tokens == "":
		fmt.Fprintln(stderr, "hallcast device add: --tokens-file is required")
		return exitUsage
	case !okProfile:
		fmt.Fprintf(stderr, "hallcast device add: unknown --profile %q\n", *profile)
		return exitUsage
	}
	if *prefix == "" {
		*prefix = map[device.Kind]string{device.KindScreen: "屏幕-", device.KindKiosk: "终端-"}[k]
	}
	cfg, code, stop := loadConfig(loader, stderr)
	if stop {
		return code
	}
	ctx := context.Background()
	db, err := openDB(ctx, cfg, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "hallcast device add: %v\n", err)
		return exitError
	}
	defer db.Close()
	if _, err := db.Migrate(ctx, server.Migrations()...); err != nil {
		fmt.Fprintf(stderr, "hallcast device add: %v\n", err)
		return exitError
	}
	p := pairer{devs: device.New(db, device.Options{}), screens: display.New(display.Options{DB: db, Location: cfg.TimeZone}), db: db, who: cliActor()}
	if err := p.addBatch(ctx, k, *count, *prefix, pr, *group, *tokens); err != nil {
		fmt.Fprintf(stderr, "hallcast device add: %v\n", err)
		return exitError
	}
	fmt.Fprintf(stdout, "paired %d %s devices; tokens in %s\n", *count, k, *tokens)
	return exitOK
}

type pairer struct {
	devs    *device.Service
	screens *display.Service
	db      *store.DB
	who     audit.Actor
}

// addBatch pairs n devices through the same steps as the admin UI:
// request a code, pair it (with a profile and groups for screens), claim
// the token.
func (p pairer) addBatch(ctx context.Context, k device.Kind, n int, prefix string, pr display.Profile, group, path string) error {
	var groups []int64
	if group != "" && k == device.KindScreen {
		id, err := p.group(ctx, group)
		if err != nil {
			return err
		}
		groups = []int64{id}
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for i := 1; i <= n; i++ {
		req, err := p.devs.RequestPairing(ctx, k, "hallcast device add", "local")
		if err != nil {
			return err
		}
		name := fmt.Sprintf("%s%d", prefix, i)
		if k == device.KindScreen {
			_, err = p.screens.PairScreen(ctx, p.who, p.devs, req.Code, display.ScreenInput{Name: name, Profile: pr, Groups: groups})
		} else {
			err = p.db.Tx(ctx, func(tx *store.Tx) error {
				_, err := p.devs.Pair(ctx, tx, p.who, req.Code, name, k)
				return err
			})
		}
		if err != nil {
			return fmt.Errorf("device %d: %w", i, err)
		}
		st, err := p.devs.Claim(ctx, req.Code, req.Claim)
		if err != nil {
			return fmt.Errorf("device %d: %w", i, err)
		}
		fmt.Fprintln(w, st.Token)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// group returns the ID of the screen group called name, creating it.
func (p pairer) group(ctx context.Context, name string) (int64, error) {
	list, err := p.screens.Groups(ctx)
	if err != nil {
		return 0, err
	}
	for _, g := range list {
		if g.Name == name {
			return g.ID, nil
		}
	}
	g, err := p.screens.CreateGroup(ctx, p.who, display.GroupInput{Name: name, Kind: display.GroupHall})
	if err != nil {
		return 0, err
	}
	return g.ID, nil
}
